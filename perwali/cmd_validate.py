"""``perwali validate PATH --regulation REG_ID|all [--json] [--lang en]`` and ``perwali rules``.

A thin adapter over :mod:`capabilities.validate`. PATH is a folder of the CSV template
or an RDF file (.ttl, .jsonld, .nt, .rdf). Exit codes: 0 conforms (Warnings and Infos
allowed); 1 findings at Violation; 2 bad input (every input error is listed, with file,
row and column; with ``--json`` as a JSON list), an unknown regulation or no build.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from perwali.cmd_validate_extra import (
    add_export_options,
    export_requested,
    write_export,
)
from perwali.messages import language, text
from perwali.store import StoreError

EXIT_OK, EXIT_VIOLATION, EXIT_BAD_INPUT = 0, 1, 2


def add_parser(commands, data_option) -> None:
    """Register ``validate`` and ``rules``."""
    validate = commands.add_parser(
        "validate",
        help=text("help.validate"),
        description=text("help.validate.example"),
    )
    validate.add_argument("path", type=Path, metavar="PATH", help=text("help.validate.path"))
    validate.add_argument(
        "--regulation", required=True, metavar="REG_ID", help=text("help.validate.regulation")
    )
    validate.add_argument("--json", action="store_true", help=text("help.json"))
    add_export_options(validate)
    data_option(validate)
    validate.set_defaults(handler=run_validate)

    rules = commands.add_parser("rules", help=text("help.rules"))
    rules.add_argument(
        "regulation", nargs="?", metavar="REG_ID", help=text("help.rules.regulation")
    )
    rules.add_argument("--json", action="store_true", help=text("help.json"))
    data_option(rules)
    rules.set_defaults(handler=run_rules)


def run_validate(args: argparse.Namespace) -> int:
    from capabilities.source import EmbeddedSource
    from capabilities.validate import InputErrors, load, validate_graph
    from capabilities.validate.matrix import validate_all

    english = language() == "en"
    args.regulation = _known_regulation(args.regulation, english, allow_all=True)
    if args.regulation is None:
        return EXIT_BAD_INPUT
    if not args.path.exists():
        print(f"perwali validate: {text('validate.missing', path=args.path)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        data = load(args.path)
    except InputErrors as errors:
        return _print_input_errors(errors, args)
    except OSError as error:
        print(f"perwali validate: {error.filename}: {error.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        source = EmbeddedSource(args.data)
        if args.regulation == "all":
            result = validate_all(source, data, language())
            reports = result.reports
            payload = result.to_json(language())
        else:
            report = validate_graph(source, data, args.regulation, language())
            reports, payload = [report], report.to_json()
    except StoreError as error:
        print(f"perwali validate: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if export_requested(args):
        if not write_export(result if args.regulation == "all" else report, args):
            return EXIT_BAD_INPUT
    elif args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            _print_report(report, english)
        if args.regulation == "all":
            _print_matrix(payload["matrix"], english)
    return EXIT_OK if all(report.conforms for report in reports) else EXIT_VIOLATION


def run_rules(args: argparse.Namespace) -> int:
    from capabilities.source import EmbeddedSource
    from capabilities.validate.citations import load_citations
    from capabilities.validate.rules import catalogue

    english = language() == "en"
    if args.regulation:
        args.regulation = _known_regulation(args.regulation, english, allow_all=False)
        if args.regulation is None:
            return EXIT_BAD_INPUT
    try:
        rules = catalogue(load_citations(EmbeddedSource(args.data)), args.regulation)
    except StoreError as error:
        print(f"perwali rules: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps([rule.to_json() for rule in rules], ensure_ascii=False, indent=2))
        return EXIT_OK
    for rule in rules:
        description = rule.description_en if english else rule.description_id
        severities = ", ".join(severity_word(sev, english) for sev in rule.severities)
        print(f"{rule.id} [{severities}]: {description}")
        for provision in rule.provisions:
            print(f"    {severity_word(provision.severity, english):11} {provision.citation}")
    return EXIT_OK


def _known_regulation(regulation: str, english: bool, allow_all: bool) -> str | None:
    """The id ``regulation`` names (any case), or None with the message printed."""
    from capabilities.validate.engine import UnknownRegulation, resolve

    try:
        return resolve(regulation, allow_all)
    except UnknownRegulation as error:
        print(f"perwali: {error.english if english else error.message}", file=sys.stderr)
        return None


def _print_input_errors(errors, args: argparse.Namespace) -> int:
    if args.json:
        print(json.dumps(errors.to_json(language()), ensure_ascii=False, indent=2))
    else:
        head = text("validate.input-errors", count=len(errors.errors))
        print(f"perwali validate: {head}:", file=sys.stderr)
        for error in errors.errors:
            print(f"  {error.describe(language())}", file=sys.stderr)
    return EXIT_BAD_INPUT


def severity_word(severity: str, english: bool) -> str:
    """A severity as the text output shows it (JSON keeps "Violation", "Warning", "Info")."""
    from capabilities.validate.report import SEVERITY_ID

    return severity if english else SEVERITY_ID.get(severity, severity)


def _print_report(report, english: bool) -> None:
    counts = report.counts
    verdict = text("validate.conforms" if report.conforms else "validate.not-conforms")
    tally = ", ".join(f"{severity_word(key, english)} {counts[key]}" for key in counts)
    print(f"== {report.regulation}: {verdict} — {tally}")
    for finding in report.findings:
        value = f" [{finding.value}]" if finding.value else ""
        word = severity_word(finding.severity, english)
        print(f"  {word:11} {finding.subject}{value} — {finding.citation}")
        print(f"              {finding.message}")


def _status(cell: dict, english: bool) -> str:
    status = cell["status"]
    if status in ("not-stated", "conforms"):
        word = text(f"validate.status.{status}")
    else:
        word = severity_word(status, english)
    return f"{word} ({cell['findings']})" if cell["findings"] else word


def _print_matrix(matrix: list[dict], english: bool) -> None:
    """Rules down, regulations across (full ids), every column aligned."""
    print(f"== {text('validate.matrix')}")
    if not matrix:
        return
    ids = list(matrix[0]["regulations"])
    table = [[text("validate.rule"), *ids]]
    for row in matrix:
        table.append([row["rule"], *(_status(row["regulations"][i], english) for i in ids)])
    widths = [max(len(line[col]) for line in table) for col in range(len(table[0]))]
    for line in table:
        cells = (cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        print("  " + "  ".join(cells).rstrip())
