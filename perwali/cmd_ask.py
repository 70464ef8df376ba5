"""``perwali ask "QUESTION" [--json] [--lang id|en]``: which article governs X, or a fact.

A thin adapter over :func:`capabilities.ask.ask`. Exit codes: 0 answered; 1 nothing
matched the question; 2 bad input (an empty or too long question, no build).
"""

from __future__ import annotations

import argparse
import json
import sys

from perwali.messages import chosen_language, text
from perwali.store import StoreError

EXIT_OK, EXIT_NO_MATCH, EXIT_BAD_INPUT = 0, 1, 2


def add_parser(commands, data_option) -> None:
    """Register ``ask`` on the ``perwali`` command line."""
    parser = commands.add_parser(
        "ask",
        help=text("help.ask"),
        description=text("help.ask.example"),
    )
    parser.add_argument("question", help=text("help.ask.question"))
    parser.add_argument("--json", action="store_true", help=text("help.json"))
    data_option(parser)
    parser.set_defaults(handler=run_ask)


def run_ask(args: argparse.Namespace) -> int:
    from capabilities.ask import AskError, ask
    from capabilities.source import EmbeddedSource

    lang = chosen_language()  # --lang anywhere on the line, or PERWALI_LANG; else detected
    english = lang == "en"
    try:
        result = ask(EmbeddedSource(args.data), args.question, lang=lang)
    except AskError as error:
        print(f"perwali ask: {error.english if english else error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except StoreError as error:
        print(f"perwali ask: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print_result(result, (lang or result.lang) == "en")
    return EXIT_OK if (result.answers or result.fact or result.not_regulated) else EXIT_NO_MATCH


def print_result(result, english: bool) -> None:
    """The answer as text: the fact, or the provisions per regulation."""
    words = _WORDS["en" if english else "id"]
    if result.fact is not None:
        fact = result.fact
        value = fact.value if fact.value is not None else words["missing"]
        label = FIELD_LABELS.get(fact.field, (fact.field, fact.field))[english]
        print(f"{fact.citation}\n{label}: {value}\n{fact.source}")
        if result.message:
            print(result.message)
        return
    if result.message:
        print(result.message)
    if result.topics:
        print(f"{words['topics']}: {', '.join(result.topics)}")
    for answer in result.answers:
        print(f"\n{answer.citation}  ({words['score']} {answer.score:.2f})")
        print(f"  {answer.text}")
    for item in result.not_regulated:
        print(f"\n{words['not']} {item.regulation}: {item.evidence}")


#: How a fact's field is named to a person: (Indonesian, English).
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "text": ("Bunyi", "Text"),
    "ayat_count": ("Jumlah ayat", "Number of ayat"),
    "pasal_count": ("Jumlah Pasal", "Number of Pasal"),
    "promulgator": ("Yang mengundangkan", "Promulgated by"),
    "signatory": ("Penandatangan", "Signed by"),
    "diundangkan": ("Diundangkan", "Promulgated"),
    "ditetapkan": ("Ditetapkan", "Enacted"),
    "berita_daerah": ("Berita Daerah", "Regional Gazette"),
    "mengingat": ("Dasar hukum (Mengingat)", "Legal basis (Mengingat)"),
    "menimbang": ("Pertimbangan (Menimbang)", "Considerations (Menimbang)"),
    "title": ("Judul", "Title"),
    "bab": ("BAB", "Chapters (BAB)"),
}

_WORDS = {
    "id": {
        "missing": "(tidak ada dalam graf)",
        "topics": "Topik",
        "score": "skor",
        "not": "TIDAK DIATUR —",
    },
    "en": {
        "missing": "(not in the graph)",
        "topics": "Topics",
        "score": "score",
        "not": "NOT REGULATED —",
    },
}
