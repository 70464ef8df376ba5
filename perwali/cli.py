"""The ``perwali`` command line.

Exit codes: 0 success; 1 the build skipped a broken file; 2 bad input or a unit that
does not exist (the message names it), or any unexpected error (one line; the traceback
only with ``PERWALI_DEBUG=1``); 141 the reader of the output went away (``| head``), as
for other Unix tools killed by SIGPIPE, with nothing printed.

Messages (argparse's own included) are in Indonesian; ``--lang en`` anywhere on the
command line, or ``PERWALI_LANG=en``, switches them to English (``perwali/messages.py``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

from extract.iri import IriError
from extract.parse import DEFAULT_MAX_FILE_BYTES
from perwali.messages import argparse_text, set_language, take_lang_option, translate_error
from perwali.messages import text as message
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


class Parser(argparse.ArgumentParser):
    """argparse with its error line in the language of the run (Indonesian by default)."""

    def error(self, message_text: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message('error.prefix')}: {message_text}\n")


def _data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help=message("help.data", default=DEFAULT_DATA_DIR),
    )


def package_version() -> str:
    """The installed version of perwali-kg (its package metadata)."""
    try:
        return metadata.version("perwali-kg")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def make_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="perwali", description=message("description"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"perwali {package_version()}",
        help=message("help.version"),
    )
    parser.add_argument("--lang", choices=("id", "en"), help=message("help.lang"))
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser(
        "build", help=message("help.build"), description=message("help.build")
    )
    build.add_argument("--corpus", type=Path, default=None, help=message("help.corpus"))
    build.add_argument("--store", help=message("help.store"))
    build.add_argument(
        "--max-file-bytes",
        type=_positive_int,
        default=DEFAULT_MAX_FILE_BYTES,
        help=message("help.max_file_bytes", default=DEFAULT_MAX_FILE_BYTES),
    )
    build.add_argument(
        "--wait",
        type=_seconds,
        default=DEFAULT_BUILD_WAIT,
        metavar="SECONDS",
        help=message("help.wait", default=f"{DEFAULT_BUILD_WAIT:g}"),
    )
    _data_option(build)
    build.set_defaults(handler=run_build)

    stats = commands.add_parser(
        "stats", help=message("help.stats"), description=message("help.stats")
    )
    stats.add_argument("--json", action="store_true", help=message("help.json"))
    _data_option(stats)
    stats.set_defaults(handler=run_stats)

    show = commands.add_parser("show", help=message("help.show"), description=message("help.show"))
    show.add_argument("regulation", help=message("help.regulation"))
    show.add_argument("pasal", nargs="?", help=message("help.pasal"))
    show.add_argument("ayat", nargs="?", help=message("help.ayat"))
    show.add_argument("huruf", nargs="?", help=message("help.huruf"))
    show.add_argument("--angka", help=message("help.angka"))
    for option in SECTION_OPTIONS:
        show.add_argument(f"--{option}", help=message(f"help.{option}"))
    show.add_argument("--bagian", help=message("help.bagian"))
    show.add_argument("--json", action="store_true", help=message("help.json"))
    _data_option(show)
    show.set_defaults(handler=run_show)

    for name in ("definitions", "norms", "refs"):
        text = message(f"help.{name}")
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("regulation", help=message("help.regulation"))
        command.add_argument("--json", action="store_true", help=message("help.json"))
        _data_option(command)
        command.set_defaults(handler=run_listing)

    try:
        from server.cli import add_serve_parser
    except ImportError:
        pass
    else:
        add_serve_parser(commands)
    for module_name in CAPABILITY_COMMANDS:
        importlib.import_module(module_name).add_parser(commands, _data_option)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(message("not_positive_int", value=text))
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(message("not_seconds", value=text))
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
        print(f"perwali build: {translate_error(str(error))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for regulation in report.regulations:
        pasal = sum(1 for top in regulation.body for unit in top.walk() if unit.kind == "pasal")
        print(f"{regulation.id:28} {regulation.citation}: {pasal} Pasal")
        for warning in regulation.warnings:
            print(f"    peringatan [{warning.code}] {warning.message}")
    for name, failure in report.failures:
        print(f"DILEWATI {name}: {failure}", file=sys.stderr)
    print(
        f"{len(report.regulations)} peraturan, {report.quads} tripel, "
        f"{report.seconds:.2f} s -> {args.data}"
    )
    return EXIT_PARTIAL if report.failures else EXIT_OK


def run_stats(args: argparse.Namespace) -> int:
    from perwali.read import regulation_citations, regulation_summaries

    store = open_embedded(args.data)
    summaries = regulation_summaries(store)
    if args.json:
        print(
            json.dumps(
                {"regulations": summaries, "triples": len(store)}, ensure_ascii=False, indent=2
            )
        )
        return EXIT_OK
    citations = regulation_citations(store)
    for item in summaries:
        counts = ", ".join(f"{key} {value}" for key, value in item["counts"].items())
        fallback = f"{item['type']} {item['jurisdiction']} Nomor {item['number']}"
        print(f"{item['id']}: {citations.get(item['id'], fallback)}")
        print(f"    {item['title']}")
        warnings = message("warnings_count", n=len(item["warnings"]))
        print(f"    {counts}; {warnings}")
    print(message("triples", n=len(store)))
    return EXIT_OK


#: ``show`` options naming a unit outside the Pasal numbering, and how its number is
#: written in the IRI (BAB and Lampiran in Roman capitals, Menimbang in small letters).
SECTION_OPTIONS = {
    "menimbang": str.lower,
    "mengingat": str,
    "bab": str.upper,
    "lampiran": str.upper,
}


def _section(args: argparse.Namespace) -> tuple[tuple[str, str], ...]:
    """The IRI levels named by --menimbang/--mengingat/--bab/--lampiran [--bagian]."""
    chosen = [
        (option, norm(getattr(args, option)))
        for option, norm in SECTION_OPTIONS.items()
        if getattr(args, option) is not None
    ]
    if len(chosen) > 1:
        raise BadAddress(message("one_section"))
    if args.bagian is not None:
        if not chosen or chosen[0][0] != "lampiran":
            raise BadAddress(message("bagian_needs_lampiran"))
        chosen.append(("huruf", args.bagian.upper()))
    if chosen and (args.pasal is not None):
        raise BadAddress(message("address_mix", option=chosen[0][0]))
    return tuple(chosen)


class BadAddress(ValueError):
    """``show`` options that do not combine; the message says why."""


def run_show(args: argparse.Namespace) -> int:
    from perwali.read import Address, show, tree_depth

    ayat, huruf = args.ayat, args.huruf
    if ayat is not None and huruf is None and ayat[:1].isalpha():
        ayat, huruf = None, ayat  # "show palu-28-2023 2 a": Pasal 2 huruf a, no ayat
    if ayat is not None:
        ayat = ayat.strip("()")
    address = Address(args.regulation, args.pasal, ayat, huruf, args.angka, _section(args))
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
    from perwali.tables import listing_table

    store = open_embedded(args.data)
    rows = getattr(read, args.command)(store, args.regulation)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(listing_table(args.command, rows, read.resolve_id(store, args.regulation)))
    return EXIT_OK


def _print_unit(unit: dict) -> None:
    """Print a ``show`` record and its sub-units, indented (iterative: any depth). A
    huruf or angka shown alone comes under its chapeau; a heading (BAB, a Lampiran
    section) stands on its own line above its body."""
    print(unit["citation"])
    print(unit["iri"])
    chapeau = unit.get("chapeau")
    if chapeau:
        print(chapeau["text"])
    pending = [(unit, 1 if chapeau else 0)]
    while pending:
        node, level = pending.pop()
        indent = "  " * level
        marker = f"{node['kind']} {node['number']}: " if level else ""
        if node.get("heading") and node["text"]:
            print(f"{indent}{marker}{node['heading']}".rstrip())
            print(f"{indent}  {node['text']}".rstrip())
        elif node.get("heading") or node["text"] or marker:
            print(f"{indent}{marker}{node.get('heading') or node['text']}".rstrip())
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
        print(f"perwali: {message('cancelled')}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # the last guard: one line, no traceback
        if os.environ.get("PERWALI_DEBUG") == "1":
            traceback.print_exc()
        detail = " ".join(str(error).split())[:300]
        print(
            f"perwali: {message('unexpected', name=type(error).__name__, message=detail)}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT


def _run(argv: Sequence[str] | None) -> int:
    from perwali.read import NotFound, TooDeep

    rest, lang = take_lang_option(sys.argv[1:] if argv is None else argv)
    set_language(lang)
    with _argparse_in_language():
        args = make_parser().parse_args(rest)
    try:
        return args.handler(args)
    except (NotFound, TooDeep, StoreError, IriError, BadAddress) as error:
        print(f"perwali {args.command}: {translate_error(str(error))}", file=sys.stderr)
        return EXIT_BAD_INPUT


@contextmanager
def _argparse_in_language() -> Iterator[None]:
    """argparse's own strings (usage, headings, errors) through the message catalogue."""
    original = argparse._
    argparse._ = argparse_text
    try:
        yield
    finally:
        argparse._ = original


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
