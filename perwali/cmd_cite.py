"""``perwali cite "REF"`` and ``perwali cite --extract FILE``: thin adapter over
:mod:`capabilities.cite` and :mod:`capabilities.cite_extract`.

Exit codes: 0 found (every citation found, with ``--extract``); 1 with ``--extract`` when
some citation is not found, ambiguous or incomplete; 2 for a reference that is not found,
ambiguous or not a citation, and for bad input (a missing or too long file).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_OK, EXIT_PARTIAL, EXIT_BAD_INPUT = 0, 1, 2


def add_parser(commands, data_option) -> None:
    """Register ``cite`` on the CLI's sub-commands."""
    cite = commands.add_parser(
        "cite",
        help="find a provision from a citation as drafters write it; or every citation in a text",
        description='Examples: perwali cite "psl 18 ayat (3) huruf b Perwali Palu No. 28 '
        'Th. 2023"; perwali cite --extract draft.txt',
    )
    cite.add_argument("ref", nargs="?", help='a citation, e.g. "Perwali Semarang 85/2023 Pasal 10"')
    cite.add_argument("--extract", metavar="FILE", help="find every citation in FILE (- = stdin)")
    cite.add_argument("--json", action="store_true", help="print JSON")
    cite.add_argument("--lang", choices=("id", "en"), default="id", help="language of messages")
    data_option(cite)
    cite.set_defaults(handler=run_cite)


def run_cite(args: argparse.Namespace) -> int:
    from capabilities.source import EmbeddedSource
    from perwali.store import StoreError

    if (args.ref is None) == (args.extract is None):
        print('perwali cite: berikan satu rujukan ("REF") atau --extract FILE', file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        source = EmbeddedSource(args.data)
    except StoreError as error:
        print(f"perwali cite: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.extract is not None:
        return _run_extract(source, args)
    return _run_resolve(source, args)


def _run_resolve(source, args: argparse.Namespace) -> int:
    from capabilities.cite import FOUND, resolve

    result = resolve(source, args.ref, lang=args.lang)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    elif result.status == FOUND:
        _print_found(result.to_json())
    else:
        _print_problem(result.to_json())
    return EXIT_OK if result.status == FOUND else EXIT_BAD_INPUT


def _run_extract(source, args: argparse.Namespace) -> int:
    from capabilities.cite import FOUND
    from capabilities.cite_extract import TextTooLong, extract

    try:
        text = sys.stdin.read() if args.extract == "-" else Path(args.extract).read_text("utf-8")
        found = extract(source, text, lang=args.lang)
    except OSError as error:
        print(f"perwali cite --extract: berkas tidak dapat dibaca: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UnicodeDecodeError:
        print("perwali cite --extract: berkas bukan teks UTF-8", file=sys.stderr)
        return EXIT_BAD_INPUT
    except TextTooLong as error:
        print(f"perwali cite --extract: teks terlalu panjang ({error})", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        payload = {"citations": [item.to_json() for item in found]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for item in found:
            answer = item.resolution.get("citation") or item.resolution.get("message")
            mark = " (relatif)" if item.relative else ""
            print(f"{item.start}-{item.end}\t{item.status}{mark}\t{item.text!r}\t{answer}")
    return EXIT_OK if all(item.status == FOUND for item in found) else EXIT_PARTIAL


def _print_found(answer: dict) -> None:
    print(answer["citation"])
    print(answer["iri"])
    context = [c["citation"].split(" Peraturan")[0] + (f" {c['heading']}" if c["heading"] else "")
               for c in answer["context"].values() if c]  # fmt: skip
    if context:
        print(" › ".join(context))
    if answer["text"]:
        print(answer["text"])
    for key, title in (("cites", "merujuk"), ("cited_by", "dirujuk oleh")):
        for link in answer[key]:
            print(f"  {title}: {link['citation'] or link['text']}")


def _print_problem(answer: dict) -> None:
    print(f"perwali cite: {answer['message']}", file=sys.stderr)
    for key in ("candidates", "suggestions"):
        for item in answer.get(key, []):
            print(f"  {item.get('regulation', '')}\t{item['citation']}", file=sys.stderr)
    if answer.get("nearest"):
        print(f"  terdekat: {answer['nearest']['citation']}", file=sys.stderr)
