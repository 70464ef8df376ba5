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

from perwali.messages import language, text

EXIT_OK, EXIT_PARTIAL, EXIT_BAD_INPUT = 0, 1, 2


def add_parser(commands, data_option) -> None:
    """Register ``cite`` on the CLI's sub-commands (help in Indonesian)."""
    cite = commands.add_parser(
        "cite",
        help=text("help.cite"),
        description=text("help.cite.example"),
    )
    cite.add_argument("ref", nargs="?", help=text("help.cite.ref"))
    cite.add_argument("--extract", metavar="BERKAS", help=text("help.cite.extract"))
    cite.add_argument("--json", action="store_true", help=text("help.json"))
    data_option(cite)
    cite.set_defaults(handler=run_cite)


def run_cite(args: argparse.Namespace) -> int:
    from capabilities.source import EmbeddedSource
    from perwali.store import StoreError

    if (args.ref is None) == (args.extract is None):
        print(f"perwali cite: {text('cite.usage')}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        source = EmbeddedSource(args.data)
    except StoreError as error:
        print(f"perwali cite: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.extract is not None:
        return _run_extract(source, args)
    return _run_resolve(source, args)


def _print_json(payload: dict) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _run_resolve(source, args: argparse.Namespace) -> int:
    from capabilities.cite import FOUND, resolve

    lang = language()
    result = resolve(source, args.ref, lang=lang)
    if args.json:
        _print_json(result.to_json())
    elif result.status == FOUND:
        _print_found(result.to_json())
    else:
        _print_problem(result.to_json())
    return EXIT_OK if result.status == FOUND else EXIT_BAD_INPUT


def _run_extract(source, args: argparse.Namespace) -> int:
    from capabilities.cite import FOUND
    from capabilities.cite_extract import TextTooLong, extract

    lang, where = language(), "perwali cite --extract"
    try:
        document = (
            sys.stdin.read() if args.extract == "-" else Path(args.extract).read_text("utf-8")
        )
        found = extract(source, document, lang=lang)
    except OSError as error:
        print(f"{where}: {text('cite.unreadable', error=error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UnicodeDecodeError:
        print(f"{where}: {text('cite.not-utf8')}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except TextTooLong as error:
        print(f"{where}: {text('cite.too-long', error=error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        _print_json({"citations": [item.to_json() for item in found]})
    else:
        _print_extracted(found)
    return EXIT_OK if all(item.status == FOUND for item in found) else EXIT_PARTIAL


def _print_extracted(found: list) -> None:
    for item in found:
        answer = item.resolution.get("citation") or item.resolution.get("message")
        mark = f" ({text('cite.relative', against=item.resolved_against)})" if item.relative else ""
        print(f"{item.start}-{item.end}\t{item.status}{mark}\t{item.text!r}\t{answer}")
    if any(item.relative for item in found):
        print(text("cite.relative-note"), file=sys.stderr)


def _print_found(answer: dict) -> None:
    print(answer["citation"])
    print(answer["iri"])
    levels = [c for c in answer["context"].values() if c]
    trail = breadcrumb([c["citation"] for c in levels], [c["heading"] for c in levels])
    if trail:
        print(trail)
    if answer["text"]:
        print(answer["text"])
    for key in ("cites", "cited_by"):
        _print_links(answer[key], key, answer["citation"])


def _print_links(links: list[dict], key: str, own: str) -> None:
    """Each provision cited (or citing) once; for ``cites``, the parts of ``own`` citing it."""
    names: dict[str, str] = {}
    parts: dict[str, list[str]] = {}
    for link in links:
        other = link["iri"] or link["text"]
        names[other] = link["citation"] or link["text"]
        at = _short(link.get("at") or "", own) if key == "cites" else ""
        here = parts.setdefault(other, [])
        if at and at not in here:
            here.append(at)
    for other, ats in parts.items():
        source = f" ({text('cite.from')} {', '.join(ats)})" if ats else ""
        print(f"  {text(f'cite.{key}')}: {names[other]}{source}")


def _short(label: str, own: str) -> str:
    """ "ayat (2)" from "Pasal 10 ayat (2) Peraturan …" when the answer is Pasal 10."""
    head = own.split(" Peraturan")[0]
    label = label.split(" Peraturan")[0]
    return label.removeprefix(head).strip() or label


def breadcrumb(citations: list[str], headings: list[str | None]) -> str:
    """ "BAB IV MEKANISME KERJA › Bagian Ketiga Penugasan": each level named once (a unit's
    citation repeats its parents', "BAB IV Bagian Ketiga")."""
    parts, above = [], ""
    for citation, heading in zip(citations, headings, strict=True):
        name = citation.split(" Peraturan")[0]
        own = name.removeprefix(above).strip() if above else name
        above = name
        parts.append(own + (f" {heading}" if heading else ""))
    return " › ".join(parts)


def _print_problem(answer: dict) -> None:
    print(f"perwali cite: {answer['message']}", file=sys.stderr)
    for key in ("candidates", "suggestions"):
        for item in answer.get(key, []):
            print(f"  {item.get('regulation', '')}\t{item['citation']}", file=sys.stderr)
    if answer.get("nearest"):
        print(f"  {text('cite.nearest')}: {answer['nearest']['citation']}", file=sys.stderr)
