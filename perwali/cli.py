"""The ``perwali`` command line.

Exit codes: 0 success; 1 the build skipped a broken file; 2 bad input or a unit that
does not exist (the message names it), or any unexpected error (one line; the traceback
only with ``PERWALI_DEBUG=1``); 141 the reader of the output went away (``| head``), as
for other Unix tools killed by SIGPIPE, with nothing printed.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from extract.iri import IriError
from extract.parse import DEFAULT_MAX_FILE_BYTES
from perwali.store import (
    DEFAULT_DATA_DIR,
    DUMP_FILENAME,
    EMBEDDED,
    StoreError,
    build_lock,
    load_into,
    open_embedded,
    parse_store_spec,
)

EXIT_OK, EXIT_PARTIAL, EXIT_BAD_INPUT = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13  # as a process killed by SIGPIPE
EXIT_INTERRUPTED = 128 + 2
DEFAULT_BUILD_WAIT = 600.0  # seconds a build waits for another one on the same folder

#: Thin adapters over the capabilities (``capabilities/``): each module has
#: ``add_parser(commands, data_option)`` and sets ``handler`` on its sub-commands.
CAPABILITY_COMMANDS = (
    "perwali.cmd_cite",
    "perwali.cmd_ask",
    "perwali.cmd_compare",
    "perwali.cmd_align",
    "perwali.cmd_validate",
    "perwali.cmd_validate_extra",
)


def _data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help=f"folder of the build to read or write (default: {DEFAULT_DATA_DIR})",
    )


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perwali", description="Knowledge graph of Peraturan Wali Kota on Sistem Kerja ASN"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="parse the corpus and write the graph and store")
    build.add_argument("--corpus", type=Path, default=None, help="folder of regulation texts")
    build.add_argument(
        "--store",
        help="also load the graph into a SPARQL 1.1 server: sparql:http://HOST:PORT/PATH "
        "(Graph Store Protocol; one named graph per regulation)",
    )
    build.add_argument(
        "--max-file-bytes",
        type=_positive_int,
        default=DEFAULT_MAX_FILE_BYTES,
        help=f"skip (and report) a text larger than this (default: {DEFAULT_MAX_FILE_BYTES})",
    )
    build.add_argument(
        "--wait",
        type=_seconds,
        default=DEFAULT_BUILD_WAIT,
        metavar="SECONDS",
        help="how long to wait while another build writes into the same --data folder "
        f"(default: {DEFAULT_BUILD_WAIT:g}; 0: give up at once with exit code 2)",
    )
    _data_option(build)
    build.set_defaults(handler=run_build)

    stats = commands.add_parser("stats", help="summary of every regulation in the build")
    stats.add_argument("--json", action="store_true", help="print JSON")
    _data_option(stats)
    stats.set_defaults(handler=run_stats)

    show = commands.add_parser("show", help="text of a regulation, Pasal, ayat, huruf or angka")
    show.add_argument("regulation", help="regulation id, e.g. palu-28-2023")
    show.add_argument("pasal", nargs="?", help="Pasal number, e.g. 21")
    show.add_argument(
        "ayat", nargs="?", help="ayat number, e.g. 4 (or a huruf when the Pasal has no ayat)"
    )
    show.add_argument("huruf", nargs="?", help="huruf, e.g. a")
    show.add_argument("--angka", help="angka within the unit, e.g. 5")
    show.add_argument("--json", action="store_true", help="print JSON")
    _data_option(show)
    show.set_defaults(handler=run_show)

    listings = (
        ("definitions", "terms defined in the definitions article (Pasal 1)"),
        ("norms", "norms: who must, may or has the power to do what, per provision"),
        ("refs", "cross-references: internal, to instruments, to the Lampiran"),
    )
    for name, help_text in listings:
        command = commands.add_parser(name, help=help_text)
        command.add_argument("regulation", help="regulation id, e.g. palu-28-2023")
        command.add_argument("--json", action="store_true", help="print JSON")
        _data_option(command)
        command.set_defaults(handler=run_listing)

    try:
        from server.cli import add_serve_parser
    except ImportError:
        pass
    else:
        add_serve_parser(commands)
    for module_name in CAPABILITY_COMMANDS:
        if importlib.util.find_spec(module_name) is not None:
            importlib.import_module(module_name).add_parser(commands, _data_option)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} bukan bilangan bulat positif")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} bukan jumlah detik yang sah")
    return value


def _tell(message: str) -> None:
    print(f"perwali build: {message}", file=sys.stderr, flush=True)


def run_build(args: argparse.Namespace) -> int:
    from perwali.build import DEFAULT_CORPUS_DIR, build

    corpus = args.corpus or DEFAULT_CORPUS_DIR
    try:
        spec = parse_store_spec(args.store, data_dir=args.data) if args.store else None
        with build_lock(args.data, wait=args.wait, on_wait=_tell):  # build and load as one
            report = build(corpus, args.data, max_file_bytes=args.max_file_bytes)
            if spec is not None and spec.kind != EMBEDDED:
                loaded = load_into(spec, Path(args.data) / DUMP_FILENAME)
                print(f"{loaded} tripel dimuat ke {spec.location}")
    except (OSError, ValueError, StoreError) as error:
        print(f"perwali build: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for regulation in report.regulations:
        pasal = sum(1 for top in regulation.body for unit in top.walk() if unit.kind == "pasal")
        print(f"{regulation.id:28} {regulation.citation}: {pasal} Pasal")
        for warning in regulation.warnings:
            print(f"    peringatan [{warning.code}] {warning.message}")
    for name, message in report.failures:
        print(f"DILEWATI {name}: {message}", file=sys.stderr)
    print(
        f"{len(report.regulations)} peraturan, {report.quads} tripel, "
        f"{report.seconds:.2f} s -> {args.data}"
    )
    return EXIT_PARTIAL if report.failures else EXIT_OK


def run_stats(args: argparse.Namespace) -> int:
    from perwali.read import regulation_summaries

    store = open_embedded(args.data)
    summaries = regulation_summaries(store)
    if args.json:
        print(
            json.dumps(
                {"regulations": summaries, "triples": len(store)}, ensure_ascii=False, indent=2
            )
        )
        return EXIT_OK
    for item in summaries:
        counts = ", ".join(f"{key} {value}" for key, value in item["counts"].items())
        print(f"{item['id']}: {item['type']} {item['jurisdiction']}", end=" ")
        print(f"Nomor {item['number']} Tahun {item['year']}")
        print(f"    {counts}; {len(item['warnings'])} peringatan")
    print(f"{len(store)} tripel")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    from perwali.read import Address, show, tree_depth

    ayat, huruf = args.ayat, args.huruf
    if ayat is not None and huruf is None and ayat[:1].isalpha():
        ayat, huruf = None, ayat  # "show palu-28-2023 2 a": Pasal 2 huruf a, no ayat
    if ayat is not None:
        ayat = ayat.strip("()")
    address = Address(args.regulation, args.pasal, ayat, huruf, args.angka)
    store = open_embedded(args.data)
    unit = show(store, address)
    if args.json:
        _print_json(unit, tree_depth(unit))
    else:
        _print_unit(unit)
    return EXIT_OK


def run_listing(args: argparse.Namespace) -> int:
    """``definitions`` (and the other per-regulation listings): JSON rows from the store."""
    from perwali import read

    rows = getattr(read, args.command)(open_embedded(args.data), args.regulation)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(" | ".join(str(value) for value in row.values() if value is not None))
    return EXIT_OK


def _print_unit(unit: dict, depth: int = 0) -> None:
    """Print a ``show`` record and its sub-units, indented (iterative: any depth)."""
    print(unit["citation"])
    print(unit["iri"])
    pending = [(unit, depth)]
    while pending:
        node, level = pending.pop()
        heading = f"{node['heading']} " if node.get("heading") else ""
        marker = "" if level == 0 else f"{node['kind']} {node['number']}: "
        if heading or node["text"] or marker:
            print(f"{'  ' * level}{marker}{heading}{node['text']}".rstrip())
        pending.extend((child, level + 1) for child in reversed(node["children"]))


def _print_json(value: object, depth: int) -> None:
    """``json.dumps`` recurses in C, two levels per unit: make room for ``depth`` units."""
    needed = 2 * depth + 200
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, needed))
    try:
        print(json.dumps(value, ensure_ascii=False, indent=2))
    finally:
        sys.setrecursionlimit(limit)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; never lets a traceback reach the user (see the module doc)."""
    try:
        code = _run(argv)
        sys.stdout.flush()  # a closed pipe shows up here, not at interpreter exit
        return code
    except BrokenPipeError:
        _drop_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("perwali: dibatalkan", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # the last guard: one line, no traceback
        if os.environ.get("PERWALI_DEBUG") == "1":
            traceback.print_exc()
        message = " ".join(str(error).split())[:300]
        print(
            f"perwali: galat tak terduga ({type(error).__name__}: {message}); "
            "jalankan lagi dengan PERWALI_DEBUG=1 untuk rinciannya",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT


def _run(argv: Sequence[str] | None) -> int:
    from perwali.read import NotFound, TooDeep

    args = make_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (NotFound, TooDeep, StoreError, IriError) as error:
        print(f"perwali {args.command}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _drop_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
