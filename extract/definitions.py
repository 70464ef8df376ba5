"""Definitions of Pasal 1 (Ketentuan Umum): term, abbreviation, definition text.

"Sistem Pemerintahan Berbasis Elektronik yang selanjutnya disingkat SPBE adalah …",
"Pegawai Aparatur Sipil Negara yang selanjutnya disebut sebagai Pegawai ASN adalah …".
Variants seen in real texts are tolerated: a doubled "adalah adalah", "X adalah yang
selanjutnya disingkat Y adalah …", and a definition that lost its "adalah".
"""

from __future__ import annotations

import re

from extract.model import Definition, ParseWarning, Span, Unit

_ABBREVIATION = (
    r"yang\s+selanjutnya\s+(?:di(?:singkat|sebut))(?:\s+(?:sebagai|dengan))?\s+(?P<abbr>.+?)"
)
_PATTERNS = (
    # "X adalah yang selanjutnya disingkat Y adalah …" (Semarang, angka 21)
    re.compile(rf"^(?P<term>.+?)\s+adalah\s+{_ABBREVIATION}\s+adalah\s+(?P<text>.+)$"),
    re.compile(rf"^(?P<term>.+?),?\s+{_ABBREVIATION},?\s+adalah\s+(?:adalah\s+)?(?P<text>.+)$"),
    re.compile(r"^(?P<term>.+?)\s+adalah\s+(?:adalah\s+)?(?P<text>.+)$"),
)
#: A definition without "adalah": the term is the leading run of capitalised words.
_NO_COPULA = re.compile(r"^(?P<term>(?:[A-Z][\w/-]*\s+)+?)(?P<text>[a-z].+)$")
_INTRO = re.compile(r"yang\s+dimaksud\s+dengan", re.I)


def find_definitions_article(body: list[Unit]) -> Unit | None:
    """The Pasal whose chapeau introduces definitions ("… yang dimaksud dengan:")."""
    for unit in body:
        for candidate in unit.walk():
            if candidate.kind == "pasal" and _INTRO.search(candidate.text):
                return candidate
    return None


def parse_definitions(
    body: list[Unit], source_file: str
) -> tuple[list[Definition], list[ParseWarning]]:
    """Every definition of the definitions article, in order, and what could not be read."""
    article = find_definitions_article(body)
    if article is None:
        return [], []
    definitions, warnings = [], []
    for item in article.children:
        if item.kind != "angka":
            continue
        definition = parse_definition(item)
        if definition is None:
            warnings.append(
                ParseWarning(
                    "definition-unparsed",
                    f"Pasal {article.number} angka {item.number}: definisi tidak dapat dipisahkan "
                    f"menjadi istilah dan pengertian.",
                    Span(source_file, item.start, item.end),
                    item.iri,
                )
            )
            continue
        if "adalah" not in item.text:
            warnings.append(
                ParseWarning(
                    "definition-without-adalah",
                    f'Pasal {article.number} angka {item.number}: definisi "{definition.term}" '
                    f'tidak memakai kata "adalah"; istilah diambil dari kata-kata berhuruf kapital '
                    f"di awal.",
                    Span(source_file, item.start, item.end),
                    item.iri,
                )
            )
        definitions.append(definition)
    return definitions, warnings


def parse_definition(item: Unit) -> Definition | None:
    """Split one angka of the definitions article; None when it is no definition."""
    text = item.text
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            abbreviation = match.groupdict().get("abbr")
            return Definition(
                term=match["term"].strip(" ,"),
                abbreviation=abbreviation.strip(" ,") if abbreviation else None,
                text=match["text"].strip(),
                angka=item.number,
                start=item.start,
                end=item.end,
            )
    match = _NO_COPULA.match(text)
    if match:
        return Definition(
            match["term"].strip(), None, match["text"], item.number, item.start, item.end
        )
    return None
