"""``perwali compare "TOPIC OR QUESTION" [--json] [--csv FILE] [--xlsx FILE]``.

A thin adapter over :func:`capabilities.compare.compare`: per regulation the provisions
that govern the topic, and the regulations that do not regulate it; ``--csv``/``--xlsx``
write the drafter's comparison matrix (one column per city). Exit codes: 0 compared;
1 nothing matched; 2 bad input (an empty or too long topic, no build, a file that cannot
be written).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from perwali.messages import chosen_language, text
from perwali.store import StoreError

EXIT_OK, EXIT_NO_MATCH, EXIT_BAD_INPUT = 0, 1, 2


def add_parser(commands, data_option) -> None:
    """Register ``compare`` on the ``perwali`` command line."""
    parser = commands.add_parser(
        "compare",
        help=text("help.compare"),
        description=text("help.compare.example"),
    )
    parser.add_argument("topic", help=text("help.compare.topic"))
    parser.add_argument("--json", action="store_true", help=text("help.json"))
    parser.add_argument("--csv", type=Path, metavar="FILE", help=text("help.compare.csv"))
    parser.add_argument("--xlsx", type=Path, metavar="FILE", help=text("help.compare.xlsx"))
    data_option(parser)
    parser.set_defaults(handler=run_compare)


def run_compare(args: argparse.Namespace) -> int:
    from capabilities.ask import AskError
    from capabilities.compare import compare, to_csv, to_xlsx
    from capabilities.source import EmbeddedSource

    lang = chosen_language()  # --lang anywhere on the line, or PERWALI_LANG; else detected
    english = lang == "en"
    try:
        comparison = compare(EmbeddedSource(args.data), args.topic, lang=lang)
    except AskError as error:
        print(f"perwali compare: {error.english if english else error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except StoreError as error:
        print(f"perwali compare: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        if args.csv:
            args.csv.write_text(to_csv(comparison), encoding="utf-8-sig")
        if args.xlsx:
            args.xlsx.write_bytes(to_xlsx(comparison))
    except OSError as error:
        what = "cannot write" if english else "tidak dapat menulis"
        print(f"perwali compare: {what} {error.filename}: {error.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(comparison.to_json(), ensure_ascii=False, indent=2))
    elif not (args.csv or args.xlsx):
        print_comparison(comparison, (lang or comparison.lang) == "en")
    found = any(column.provisions for column in comparison.columns)
    return EXIT_OK if found else EXIT_NO_MATCH


def print_comparison(comparison, english: bool) -> None:
    """Each city with its provisions, or why it does not regulate the topic."""
    not_regulated = "NOT REGULATED" if english else "TIDAK DIATUR"
    for column in comparison.columns:
        print(f"== {column.place} — {column.citation}")
        if column.not_regulated is not None:
            print(f"  {not_regulated}: {column.not_regulated.evidence}")
        for answer in column.provisions:
            print(f"  {answer.citation}\n    {answer.text}")
        print()
