"""Reading a citation as drafters write it: words → lexemes → a :class:`Parsed` citation.

The words come from a table (``capabilities/citation_forms.toml``) and from the graph (the
names of document types, the places of the regulations), gathered in a :class:`Lexicon`.
:func:`parse_query` reads a whole string that should be one citation;
:func:`scan` finds every citation in running text (used by ``cite_extract``). Both are
pure and never raise on any input.

>>> lexicon = Lexicon.build({"perwal": ["Peraturan Wali Kota"]}, {"palu": "Palu"})
>>> parse_query("psl 18 ayat (3) huruf b Perwali Kota Palu No. 28 Th. 2023", lexicon).huruf
'b'
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

FORMS_FILE = Path(__file__).with_name("citation_forms.toml")
LEVELS = ("pasal", "ayat", "huruf", "angka")

# lexeme categories
UNIT, NUMBER_WORD, YEAR_WORD, DOCTYPE, REGION, PLACE, JOINER, TITLE = (
    "unit",
    "number-word",
    "year-word",
    "doctype",
    "region",
    "place",
    "joiner",
    "title",
)
NUM, WORD, REGID, OPEN, CLOSE, SLASH, COMMA, OTHER = (
    "num",
    "word",
    "regid",
    "(",
    ")",
    "/",
    ",",
    "other",
)

_TOKEN = re.compile(
    r"(?P<regid>\b[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*-\d+[a-z]?-\d{4}\b)"
    r"|(?P<num>\d+(?:[A-Za-z](?![A-Za-z]))?)"
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)\.?"
    r"|(?P<punct>[()/,;:.])",
)
_PUNCT = {"(": OPEN, ")": CLOSE, "/": SLASH, ",": COMMA}
_HURUF = re.compile(r"^[a-z]{1,2}$")
_ROMAN = re.compile(r"^[ivxl]+$")  # Pasal I, Pasal II of an amending regulation
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


class Lexeme(NamedTuple):
    cat: str
    value: str  # the canonical value (unit kind, doctype code, place slug, number, word)
    start: int
    end: int
    raw: str = ""  # the words as written, lower-case
    new_line: bool = False  # a line break since the lexeme before
    run: str = ""  # in running text, the words after the first of a run of plain words


@dataclass(frozen=True)
class Lexicon:
    """Phrases (tuples of lower-case words) and what they mean."""

    phrases: dict[tuple[str, ...], tuple[str, str]]
    lengths: dict[str, tuple[int, ...]]  # first word -> phrase lengths, longest first

    @classmethod
    def build(cls, doctype_names: dict[str, list[str]], places: dict[str, str]) -> Lexicon:
        """The table's words plus the graph's type names (by notation) and place names."""
        forms = _forms()
        phrases: dict[tuple[str, ...], tuple[str, str]] = {}

        def add(text: str, meaning: tuple[str, str]) -> None:
            key = _words(text)
            if key:
                phrases.setdefault(key, meaning)

        for kind, words in forms["units"].items():
            for word in words:
                add(word, (UNIT, kind))
        for word in forms["regulation"]["number"]:
            add(word, (NUMBER_WORD, ""))
        for word in forms["regulation"]["year"]:
            add(word, (YEAR_WORD, ""))
        for word in forms["regulation"].get("title", []):
            add(word, (TITLE, ""))
        for code, words in forms["doctypes"].items():
            for word in words:
                add(word, (DOCTYPE, code))
        for code, names in doctype_names.items():
            for name in names:
                add(name, (DOCTYPE, code))
        for kind, words in forms["regions"].items():
            for word in words:
                add(word, (REGION, kind))
        for word in forms["joiners"]["words"]:
            add(word, (JOINER, ""))
        for slug, name in places.items():
            add(name, (PLACE, slug))
        lengths: dict[str, set[int]] = {}
        for key in phrases:
            lengths.setdefault(key[0], set()).add(len(key))
        return cls(phrases, {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()})


@cache
def _forms() -> dict:
    with FORMS_FILE.open("rb") as handle:
        return tomllib.load(handle)


def normalise(text: str) -> str:
    """NFKC character by character ("Pasal ２１" → "Pasal 21"), keeping every offset: a
    character whose NFKC form is not one character stays as it is."""
    if text.isascii():
        return text
    return "".join(_nfkc(ch) for ch in text)


def _nfkc(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def _words(text: str) -> tuple[str, ...]:
    return tuple(m.group("word").lower() for m in _TOKEN.finditer(text) if m.group("word"))


def lex(text: str, lexicon: Lexicon, collapse: bool = False) -> list[Lexeme]:
    """The lexemes of ``text``: phrases of the lexicon (longest first), numbers, words.

    With ``collapse`` (running text), only the first plain word of a run is kept (the
    others only separate citations there), which keeps a 64,000-character text fast.
    """
    tokens = [(m.lastgroup, m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    out: list[Lexeme] = []
    append, lengths = out.append, lexicon.lengths
    i, previous_end = 0, 0
    while i < len(tokens):
        kind, value, start, end = tokens[i]
        new_line = "\n" in text[previous_end:start]
        if kind == "word":
            lower = value.lower().rstrip(".")
            match = _phrase_at(tokens, i, lexicon) if lower in lengths or "-" in lower else None
            if match:
                length, (cat, meaning) = match
                end = tokens[i + length - 1][3]
                append(Lexeme(cat, meaning, start, end, text[start:end].lower(), new_line))
                i += length
                previous_end = end
                continue
            if collapse and out and out[-1].cat == WORD and not new_line:
                out[-1] = out[-1]._replace(run=f"{out[-1].run} {lower}")
            else:
                append(Lexeme(WORD, lower, start, end, lower, new_line))
        elif kind == "num":
            append(Lexeme(NUM, value, start, end, value, new_line))
        elif kind == "regid":
            append(Lexeme(REGID, value.lower(), start, end, value.lower(), new_line))
        else:
            append(Lexeme(_PUNCT.get(value, OTHER), value, start, end, value, new_line))
        previous_end = end
        i += 1
    return out


def _phrase_at(tokens, i, lexicon: Lexicon):
    first = tokens[i][1].lower().rstrip(".")
    if "-" in first and first not in lexicon.lengths:  # "undang-undang" as two words
        return _hyphenated(first, lexicon)
    for length in lexicon.lengths.get(first, ()):
        window = tokens[i : i + length]
        if len(window) < length or any(kind != "word" for kind, *_ in window):
            continue
        key = tuple(value.lower().rstrip(".") for _, value, _, _ in window)
        meaning = lexicon.phrases.get(key)
        if meaning:
            return length, meaning
    return None


def _hyphenated(word: str, lexicon: Lexicon):
    meaning = lexicon.phrases.get(tuple(word.split("-")))
    return (1, meaning) if meaning else None


@dataclass
class Parsed:
    """What a citation says, before it is resolved against the graph."""

    start: int = 0
    end: int = 0
    pasal: str | None = None
    ayat: str | None = None
    huruf: str | None = None
    angka: str | None = None
    regulation_id: str | None = None
    doctype: str | None = None
    region: str | None = None
    place: str | None = None  # a known slug
    place_text: str | None = None  # the words as written, when the place is not known
    number: str | None = None
    year: str | None = None
    extra: list[str] = field(default_factory=list)  # words nothing else explains

    @property
    def has_provision(self) -> bool:
        return any(getattr(self, level) for level in LEVELS)

    @property
    def has_regulation(self) -> bool:
        return any(
            (self.regulation_id, self.doctype, self.place, self.place_text, self.number, self.year)
        )

    @property
    def top_level(self) -> str | None:
        """The highest level the citation names ("ayat" for a bare "ayat (5)")."""
        return next((level for level in LEVELS if getattr(self, level)), None)

    def provision(self) -> dict[str, str | None]:
        return {level: getattr(self, level) for level in LEVELS}

    def to_json(self) -> dict:
        keys = (*LEVELS, "regulation_id", "doctype", "place", "place_text", "number", "year")
        return {key: getattr(self, key) for key in keys if getattr(self, key) is not None}


# --- the parser ---------------------------------------------------------------------------
def _provision(lx: list[Lexeme], i: int, parsed: Parsed) -> int:
    """Read ``Pasal 21 ayat (4) huruf b angka 1`` (levels only go deeper) from ``i``."""
    depth = -1
    while i < len(lx):
        item = lx[i]
        if item.cat == UNIT:
            level = LEVELS.index(item.value)
            value, after = _unit_value(lx, i + 1, item.value)
            if level <= depth or value is None:
                break
            setattr(parsed, item.value, value)
            depth, i = level, after
        elif depth == 0 and _is_bracketed_number(lx, i) and not lx[i].new_line:
            # "Pasal 13 (2)" (on one line: in a text, "(1)" on the next line starts an ayat)
            parsed.ayat = lx[i + 1].value.lower()
            depth, i = 1, i + 3
        else:
            break
    return i


def _is_bracketed_number(lx: list[Lexeme], i: int) -> bool:
    return i + 2 < len(lx) and lx[i].cat == OPEN and lx[i + 1].cat == NUM and lx[i + 2].cat == CLOSE


def _unit_value(lx: list[Lexeme], i: int, kind: str) -> tuple[str | None, int]:
    if i >= len(lx):
        return None, i
    item = lx[i]
    if kind == "ayat" and _is_bracketed_number(lx, i):
        return lx[i + 1].value.lower(), i + 3
    if kind == "huruf":
        if item.cat != NUM and _HURUF.match(item.raw):
            return item.raw, i + 1
        return None, i
    if item.cat == NUM:
        value = item.value.upper() if kind == "pasal" else item.value.lower()
        return value, i + 1
    if kind == "pasal" and item.cat == WORD and _ROMAN.match(item.raw):
        return item.raw.upper(), i + 1
    return None, i


def _regulation(lx: list[Lexeme], i: int, parsed: Parsed, free_text: bool) -> int:
    """Read a regulation (type, region, place, number, year, or an id) from ``i``.

    Returns ``i`` unchanged when there is none. In running text (``free_text``) a type
    or a known place must be followed by a number, a year or a place to count.
    """
    start = i
    if i < len(lx) and lx[i].cat == REGID:
        parsed.regulation_id = lx[i].value
        return i + 1
    found = {}
    if i < len(lx) and lx[i].cat == DOCTYPE:
        found["doctype"], i = lx[i].value, i + 1
    if i < len(lx) and lx[i].cat == REGION:
        found["region"], i = lx[i].value, i + 1
    if i < len(lx) and lx[i].cat == PLACE:
        found["place"], i = lx[i].value, i + 1
    elif free_text and "doctype" in found:
        i = _issuer_words(lx, i, found)
    elif not free_text:
        words = []
        while i < len(lx) and lx[i].cat == WORD and len(words) < 4:
            words.append(lx[i].value)
            i += 1
        if words:
            found["place_text"] = " ".join(words)
    i = _number_and_year(lx, i, found)
    if not _is_regulation(found, free_text):
        return start
    for key, value in found.items():
        setattr(parsed, key, value)
    return i


def _issuer_words(lx: list[Lexeme], i: int, found: dict) -> int:
    """In running text, the words between a type and its number: a place the corpus does
    not know ("Perwali Bandung 12/2022") or a ministry ("Peraturan Menteri Pendayagunaan
    Aparatur Negara … Nomor 7 Tahun 2022"). Kept only when a number follows on the line."""
    j, words = i, []
    while j < len(lx) and lx[j].cat in (WORD, JOINER) and len(words) < 4 and not lx[j].new_line:
        words.append(f"{lx[j].raw}{lx[j].run}")
        j += 1
    numbered = j < len(lx) and not lx[j].new_line and lx[j].cat in (NUMBER_WORD, NUM)
    if not words or not numbered:
        return i
    found["place_text"] = " ".join(words)
    return j


def _is_regulation(found: dict, free_text: bool) -> bool:
    dated = "number" in found or "year" in found
    if free_text:  # "Peraturan Wali Kota ini", "Kota Palu Tahun 2023" are not citations
        typed = "doctype" in found and (dated or "place" in found)
        return typed or ("place" in found and "number" in found)
    if set(found) <= {"place_text", "region"}:
        return False  # stray words
    named = {"doctype", "place", "place_text"} & set(found)
    return bool(named) or {"number", "year"} <= set(found)  # "Nomor 5" alone is not one


def _number_and_year(lx: list[Lexeme], i: int, found: dict) -> int:
    """``Nomor 28 Tahun 2023``, ``No. 28/2023``, ``28/2023``, ``28 Tahun 2023``,
    ``Tahun 2023``."""
    n = len(lx)
    j = i + 1 if i < n and lx[i].cat == NUMBER_WORD else i
    if j < n and lx[j].cat == NUM:
        slashed = j + 2 < n and lx[j + 1].cat == SLASH and lx[j + 2].cat == NUM
        if slashed and _YEAR.match(lx[j + 2].value):
            found["number"], found["year"] = lx[j].value.lower(), lx[j + 2].value
            return j + 3
        if j + 2 < n and lx[j + 1].cat == YEAR_WORD and lx[j + 2].cat == NUM:
            found["number"], found["year"] = lx[j].value.lower(), lx[j + 2].value
            return j + 3
        if j > i:  # "Nomor 28" without a year
            found["number"] = lx[j].value.lower()
            return j + 1
        return i
    if i < n and lx[i].cat == YEAR_WORD and i + 1 < n and lx[i + 1].cat == NUM:
        found["year"] = lx[i + 1].value
        return i + 2
    return i


def _skip(lx: list[Lexeme], i: int, cats: tuple[str, ...]) -> int:
    while i < len(lx) and lx[i].cat in cats:
        i += 1
    return i


def _skip_title(lx: list[Lexeme], i: int) -> int:
    """After a regulation, "tentang <title>" up to the next unit word."""
    if i < len(lx) and lx[i].cat == TITLE:
        i += 1
        while i < len(lx) and lx[i].cat != UNIT:
            i += 1
    return i


def parse_at(lx: list[Lexeme], i: int, free_text: bool) -> tuple[Parsed | None, int]:
    """The citation starting at lexeme ``i`` (provision and/or regulation, either order)."""
    parsed = Parsed()
    j = _provision(lx, i, parsed)
    if j > i:
        k = _regulation(lx, _skip(lx, j, (JOINER, COMMA)), parsed, free_text)
        if parsed.has_regulation:
            j = k
    else:
        j = _regulation(lx, i, parsed, free_text)
        if j == i:
            return None, i + 1
        if not free_text:  # in running text the title runs on; a Pasal after it is apart
            j = _skip_title(lx, j)
        after = _skip(lx, j, (COMMA,))
        k = _provision(lx, after, parsed)
        if free_text and after < len(lx) and lx[after].new_line:  # a Pasal on the next line
            k, parsed.pasal, parsed.ayat, parsed.huruf, parsed.angka = j, None, None, None, None
        if parsed.has_provision:
            j = k
    parsed.start, parsed.end = lx[i].start, lx[j - 1].end
    return parsed, j


def parse_query(text: str, lexicon: Lexicon) -> Parsed | None:
    """The one citation ``text`` holds, or None when it is not a citation.

    Words nothing explains are kept in ``extra`` (the caller reports them).
    """
    text = normalise(text)
    lx = [item for item in lex(text, lexicon) if item.cat != OTHER]
    if not lx:
        return None
    parsed, j = parse_at(lx, 0, free_text=False)
    if parsed is None:
        return None
    j = _skip_title(lx, j)
    rest = [item for item in lx[j:] if item.cat not in (COMMA, JOINER)]
    parsed.extra = [text[item.start : item.end] for item in rest]
    if not parsed.has_provision and not parsed.has_regulation:
        return None
    return parsed


def scan(text: str, lexicon: Lexicon) -> list[Parsed]:
    """Every citation in running text, in order of appearance."""
    lx = lex(normalise(text), lexicon, collapse=True)
    found: list[Parsed] = []
    i = 0
    while i < len(lx):
        if lx[i].cat in (UNIT, DOCTYPE, REGID, PLACE, REGION):
            parsed, i = parse_at(lx, i, free_text=True)
            if parsed is not None and (parsed.has_provision or parsed.has_regulation):
                found.append(parsed)
        else:
            i += 1
    return found
