"""``perwali align``, ``perwali diff`` and ``perwali unique``: thin adapters over
:mod:`capabilities.align`, :mod:`capabilities.diff` and :mod:`capabilities.unique`.

Exit codes: 0 success; 2 bad input (unknown regulation or provision, wrong arguments),
with the message on stderr (Indonesian; English with ``--lang en`` or ``PERWALI_LANG=en``).
Regulation ids are accepted in any case (``Palu-28-2023``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from capabilities.similarity import ComparisonError
from perwali.messages import language, text

EXIT_OK, EXIT_BAD_INPUT = 0, 2
#: No space before these in the diff text, none after the opening ones.
_CLOSING, _OPENING = tuple(".,;:!?)]%"), tuple("([")


def add_parser(commands, data_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register ``align``, ``diff`` and ``unique``."""
    align = commands.add_parser(
        "align",
        help=text("help.align"),
        description=text("help.align.about"),
    )
    align.add_argument(
        "regulations", nargs="*", metavar="REG_ID", help=text("help.align.regulations")
    )
    align.add_argument("--all", action="store_true", help=text("help.align.all"))
    align.add_argument("--json", action="store_true", help=text("help.json"))
    align.add_argument("--csv", metavar="FILE", help=text("help.align.csv"))
    data_option(align)
    align.set_defaults(handler=run_align)

    diff = commands.add_parser("diff", help=text("help.diff"), description=text("help.diff"))
    diff.add_argument(
        "citation_a",
        metavar="KUTIPAN_A",
        help=text("help.diff.citation"),
    )
    diff.add_argument("citation_b", metavar="KUTIPAN_B")
    diff.add_argument("--json", action="store_true", help=text("help.json"))
    data_option(diff)
    diff.set_defaults(handler=run_diff)

    unique = commands.add_parser(
        "unique", help=text("help.unique"), description=text("help.unique")
    )
    unique.add_argument("regulation", metavar="REG_ID", help=text("help.unique.regulation"))
    unique.add_argument("--json", action="store_true", help=text("help.json"))
    data_option(unique)
    unique.set_defaults(handler=run_unique)


def run_align(args: argparse.Namespace) -> int:
    from capabilities.align import align, align_all

    if args.all == bool(args.regulations) or (not args.all and len(args.regulations) != 2):
        return _bad(args, text("align.usage"))
    if args.csv and not args.all:
        return _bad(args, text("align.csv-without-all"))
    return _guarded(args, lambda source: _print_align(args, source, align, align_all))


def run_diff(args: argparse.Namespace) -> int:
    from capabilities.diff import diff

    def show(source) -> int:
        result = diff(source, args.citation_a, args.citation_b)
        if args.json:
            _print_json(result.to_json())
        else:
            _print_diff(result)
        return EXIT_OK

    return _guarded(args, show)


def run_unique(args: argparse.Namespace) -> int:
    from capabilities.similarity import regulation_id
    from capabilities.unique import unique

    def show(source) -> int:
        reg_id = regulation_id(source, args.regulation)
        found = unique(source, reg_id)
        if args.json:
            _print_json({"regulation": reg_id, "unique": [u.to_json() for u in found]})
            return EXIT_OK
        for item in found:
            print(f"{item.citation}\n    {item.reason}")
        print(text("align.unique-summary", count=len(found)))
        return EXIT_OK

    return _guarded(args, show)


# --- printing -------------------------------------------------------------------------------
def _print_align(args, source, align, align_all) -> int:
    if args.all:
        matrix = align_all(source)
        if args.csv:
            try:
                _write(args.csv, matrix.to_csv())
            except OSError as error:
                reason = error.strerror or error
                return _bad(args, text("cannot-write", path=args.csv, reason=reason))
        if args.json:
            _print_json(matrix.to_json())
        elif not args.csv or args.csv != "-":
            _print_matrix(matrix)
        return EXIT_OK
    result = align(source, *args.regulations)
    if args.json:
        _print_json(result.to_json())
        return EXIT_OK
    print(
        text(
            "align.header",
            a=result.a,
            b=result.b,
            threshold=result.threshold,
            mutual=result.mutual_threshold,
        )
    )
    for pair in result.pairs:
        print(f"  Pasal {pair.a.pasal:>4} -> {_target(pair)} [{_score(pair)}]")
    return EXIT_OK


def _target(pair) -> str:
    if pair.b:
        return f"Pasal {pair.b.pasal}"
    return text("align.no-counterpart", pasal=pair.nearest.pasal)


def _score(pair) -> str:
    if not pair.mutual:
        return f"{pair.score:.3f}"
    return f"{pair.score:.3f}, {text('align.mutual')}"


def _print_matrix(matrix) -> None:
    ids = [column.id for column in matrix.columns]
    print(" | ".join([text("align.group"), *ids]))
    for number, row in enumerate(matrix.rows, 1):
        cells = [",".join(p.pasal for p in row.cells.get(i, [])) or "-" for i in ids]
        print(" | ".join([str(number), *cells]))


def _print_diff(result) -> None:
    print(f"A: {result.a.citation}\nB: {result.b.citation}")
    print(f"{text('align.similarity')} {result.similarity}")
    for unit in result.units:
        status = text(f"align.status.{unit.status}")
        print(f"\n[{unit.a_label or '—'} | {unit.b_label or '—'}] {status} {unit.similarity}")
        print("  " + join_runs(unit.runs))


def join_runs(runs) -> str:
    """The runs as one line, with no space before a closing punctuation mark (``.``,
    ``,``, ``)`` ...) or after an opening one, as the text itself is written."""
    out = ""
    for run in runs:
        piece = _markup(run)
        if not piece:
            continue
        first = (run.a or run.b or "")[:1]
        if out and not first.startswith(_CLOSING) and not out.endswith(_OPENING):
            out += " "
        out += piece
    return out


def _markup(run) -> str:
    """``[-dropped-]{+added+}`` around what changed, as ``git diff --word-diff`` does."""
    if run.op == "equal":
        return run.a
    dropped = f"[-{run.a}-]" if run.a else ""
    added = f"{{+{run.b}+}}" if run.b else ""
    return dropped + added


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _write(target: str, text: str) -> None:
    if target == "-":
        sys.stdout.write(text)
    else:
        Path(target).write_text(text, encoding="utf-8")


# --- errors ---------------------------------------------------------------------------------
def _guarded(args: argparse.Namespace, action) -> int:
    """Run ``action(source)``; bad input becomes a message and exit code 2."""
    from capabilities.source import EmbeddedSource

    try:
        return action(EmbeddedSource(args.data))
    except ComparisonError as error:
        return _bad(args, error.english if language() == "en" else error.message)


def _bad(args: argparse.Namespace, message: str) -> int:
    print(f"perwali {args.command}: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT
