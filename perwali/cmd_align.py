"""``perwali align``, ``perwali diff`` and ``perwali unique``: thin adapters over
:mod:`capabilities.align`, :mod:`capabilities.diff` and :mod:`capabilities.unique`.

Exit codes: 0 success; 2 bad input (unknown regulation or provision, wrong arguments),
with the message in Indonesian on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from capabilities.similarity import ComparisonError

EXIT_OK, EXIT_BAD_INPUT = 0, 2
STATUS_ID = {"equal": "sama", "changed": "berubah", "added": "ditambahkan", "dropped": "dihapus"}


def add_parser(commands, data_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register ``align``, ``diff`` and ``unique``."""
    align = commands.add_parser(
        "align",
        help="padanan setiap Pasal REG_A di REG_B, atau matriks semua peraturan (--all)",
    )
    align.add_argument("regulations", nargs="*", metavar="REG_ID", help="dua id peraturan")
    align.add_argument("--all", action="store_true", help="matriks padanan semua peraturan")
    align.add_argument("--json", action="store_true", help="cetak JSON")
    align.add_argument(
        "--csv", metavar="FILE", help="tulis matriks (--all) sebagai CSV ('-': stdout)"
    )
    data_option(align)
    align.set_defaults(handler=run_align)

    diff = commands.add_parser(
        "diff", help="perbandingan kata demi kata dua ketentuan (ayat dan huruf dipadankan dulu)"
    )
    diff.add_argument(
        "citation_a",
        metavar="KUTIPAN_A",
        help='mis. "Pasal 21 Peraturan Wali Kota Palu Nomor 28 Tahun 2023" atau "palu-28-2023 21"',
    )
    diff.add_argument("citation_b", metavar="KUTIPAN_B")
    diff.add_argument("--json", action="store_true", help="cetak JSON")
    data_option(diff)
    diff.set_defaults(handler=run_diff)

    unique = commands.add_parser(
        "unique", help="Pasal dan ayat sebuah peraturan yang tidak berpadanan di peraturan lain"
    )
    unique.add_argument("regulation", metavar="REG_ID", help="id peraturan, mis. semarang-85-2023")
    unique.add_argument("--json", action="store_true", help="cetak JSON")
    data_option(unique)
    unique.set_defaults(handler=run_unique)


def run_align(args: argparse.Namespace) -> int:
    from capabilities.align import align, align_all

    if args.all == bool(args.regulations) or (not args.all and len(args.regulations) != 2):
        return _bad(args, "tulis dua id peraturan (REG_A REG_B) atau --all, tidak keduanya")
    if args.csv and not args.all:
        return _bad(args, "--csv hanya untuk matriks --all")
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
    from capabilities.unique import unique

    def show(source) -> int:
        found = unique(source, args.regulation)
        if args.json:
            _print_json({"regulation": args.regulation, "unique": [u.to_json() for u in found]})
            return EXIT_OK
        for item in found:
            print(f"{item.citation}\n    {item.reason}")
        print(f"{len(found)} ketentuan tanpa padanan di peraturan lain")
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
                return _bad(args, f"tidak dapat menulis {args.csv}: {error.strerror or error}")
        if args.json:
            _print_json(matrix.to_json())
        elif not args.csv or args.csv != "-":
            _print_matrix(matrix)
        return EXIT_OK
    result = align(source, *args.regulations)
    if args.json:
        _print_json(result.to_json())
        return EXIT_OK
    print(f"{result.a} -> {result.b} (ambang {result.threshold})")
    for pair in result.pairs:
        target = (
            f"Pasal {pair.b.pasal}"
            if pair.b
            else f"tidak ada padanan (terdekat Pasal {pair.nearest.pasal})"
        )
        print(f"  Pasal {pair.a.pasal:>4} -> {target} [{pair.score:.3f}]")
    return EXIT_OK


def _print_matrix(matrix) -> None:
    ids = [column.id for column in matrix.columns]
    print(" | ".join(["kelompok", *ids]))
    for number, row in enumerate(matrix.rows, 1):
        cells = [",".join(p.pasal for p in row.cells.get(i, [])) or "-" for i in ids]
        print(" | ".join([str(number), *cells]))


def _print_diff(result) -> None:
    print(f"A: {result.a.citation}\nB: {result.b.citation}")
    print(f"kemiripan {result.similarity}")
    for unit in result.units:
        status = STATUS_ID[unit.status]
        print(f"\n[{unit.a_label or '—'} | {unit.b_label or '—'}] {status} {unit.similarity}")
        print("  " + " ".join(_markup(run) for run in unit.runs))


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
    """Run ``action(source)``; bad input becomes an Indonesian message and exit code 2."""
    from capabilities.source import EmbeddedSource

    try:
        return action(EmbeddedSource(args.data))
    except ComparisonError as error:
        return _bad(args, error.message)


def _bad(args: argparse.Namespace, message: str) -> int:
    print(f"perwali {args.command}: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT
