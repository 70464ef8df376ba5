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

from perwali.cmd_validate_extra import add_export_options, export_requested, write_export
from perwali.store import StoreError

EXIT_OK, EXIT_VIOLATION, EXIT_BAD_INPUT = 0, 1, 2


def add_parser(commands, data_option) -> None:
    """Register ``validate`` and ``rules``."""
    validate = commands.add_parser(
        "validate",
        help="validate an organisation structure (CSV folder or RDF file) against a Perwali",
        description="Example: perwali validate organisasi/ --regulation palu-28-2023 --json",
    )
    validate.add_argument("path", type=Path, metavar="PATH", help="CSV folder or RDF file")
    validate.add_argument(
        "--regulation", required=True, metavar="REG_ID", help="regulation id, or 'all'"
    )
    validate.add_argument("--json", action="store_true", help="print JSON")
    validate.add_argument("--lang", choices=("id", "en"), default="id", help="message language")
    add_export_options(validate)
    data_option(validate)
    validate.set_defaults(handler=run_validate)

    rules = commands.add_parser("rules", help="the validation rules, with their provisions")
    rules.add_argument("regulation", nargs="?", metavar="REG_ID", help="only this regulation")
    rules.add_argument("--json", action="store_true", help="print JSON")
    rules.add_argument("--lang", choices=("id", "en"), default="id", help="description language")
    data_option(rules)
    rules.set_defaults(handler=run_rules)


def run_validate(args: argparse.Namespace) -> int:
    from capabilities.source import EmbeddedSource
    from capabilities.validate import InputErrors, load, validate_graph
    from capabilities.validate.matrix import validate_all

    english = args.lang == "en"
    if not _known_regulation(args.regulation, english, allow_all=True):
        return EXIT_BAD_INPUT
    if not args.path.exists():
        what = "does not exist" if english else "tidak ada"
        print(f"perwali validate: {args.path} {what}", file=sys.stderr)
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
            result = validate_all(source, data, args.lang)
            reports = result.reports
            payload = result.to_json(args.lang)
        else:
            report = validate_graph(source, data, args.regulation, args.lang)
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

    english = args.lang == "en"
    if args.regulation and not _known_regulation(args.regulation, english, allow_all=False):
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
        print(f"{rule.id} [{', '.join(rule.severities)}]: {description}")
        for provision in rule.provisions:
            print(f"    {provision.severity:9} {provision.citation}")
    return EXIT_OK


def _known_regulation(regulation: str, english: bool, allow_all: bool) -> bool:
    from capabilities.validate.engine import regulations

    known = regulations()
    if regulation in known or (allow_all and regulation == "all"):
        return True
    choices = ", ".join(known + (["all"] if allow_all else []))
    message = (
        f"no shapes for regulation {regulation!r}; choose one of: {choices}"
        if english
        else f"tidak ada shapes untuk peraturan {regulation!r}; pilih salah satu: {choices}"
    )
    print(f"perwali: {message}", file=sys.stderr)
    return False


def _print_input_errors(errors, args: argparse.Namespace) -> int:
    if args.json:
        print(json.dumps(errors.to_json(args.lang), ensure_ascii=False, indent=2))
    else:
        head = "input errors" if args.lang == "en" else "kesalahan masukan"
        print(f"perwali validate: {len(errors.errors)} {head}:", file=sys.stderr)
        for error in errors.errors:
            print(f"  {error.describe(args.lang)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _print_report(report, english: bool) -> None:
    counts = report.counts
    verdict = (
        ("conforms" if english else "sesuai")
        if report.conforms
        else ("does not conform" if english else "tidak sesuai")
    )
    print(
        f"== {report.regulation}: {verdict} — Violation {counts['Violation']}, "
        f"Warning {counts['Warning']}, Info {counts['Info']}"
    )
    for finding in report.findings:
        value = f" [{finding.value}]" if finding.value else ""
        print(f"  {finding.severity:9} {finding.subject}{value} — {finding.citation}")
        print(f"            {finding.message}")


STATUS_ID = {"not-stated": "tidak diatur", "conforms": "sesuai"}


def _print_matrix(matrix: list[dict], english: bool) -> None:
    print("== matrix" if english else "== matriks")
    for row in matrix:
        cells = []
        for reg, cell in row["regulations"].items():
            status = cell["status"] if english else STATUS_ID.get(cell["status"], cell["status"])
            count = f" ({cell['findings']})" if cell["findings"] else ""
            cells.append(f"{reg.split('-')[0]}: {status}{count}")
        print(f"  {row['rule']}: {', '.join(cells)}")
