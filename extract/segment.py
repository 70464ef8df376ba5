"""Stage 2: cut the clean lines into the parts every regulation has.

Title block, Menimbang, Mengingat, the enacting formula, the body (BAB … Pasal), the
closing (pengundangan, signatures, gazette), then any Lampiran and Penjelasan.

Texts taken from national portals run many units into one line ("… jabatan. Pasal 12 (1)
Setiap …", a whole closing and Penjelasan on one line). :func:`split_run_on` first cuts
such lines where a unit can only begin: a heading, an ayat or a list item right after the
end of a sentence, the closing formulas, the gazette and Penjelasan headings. The pieces
keep their offsets, and the structural parser still decides (by numbering) whether a
piece that starts like a unit is one; a piece it rejects is joined back as running text.

OCR'd texts also glue headings to each other and to the Pasal they open, with no sentence
end between them ("Bagian Keempat BKN Paragraf 1 Fungsi dan Tugas PasaI 47 BKN memiliki
fungsi:"), or to the end of a list item after page furniture ("… pelatihan _._ Paragraf 2
Kewenangan"). :func:`unglue` cuts such a line only where the numbering confirms it (see
its docstring); the body parser calls it with the numbers it stands at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from extract.model import Line
from extract.numbering import (
    ORDINAL_PATTERN,
    ROMAN,
    follows,
    int_to_roman,
    ordinal_to_int,
    roman_to_int,
)
from extract.ocr import Recovery, keyword_confidence, roman_reading

MENIMBANG = re.compile(r"^Menimbang\b\s*:?\s*")
MENGINGAT = re.compile(r"^:?\s*Mengingat\b\s*:?\s*")
MEMUTUSKAN = re.compile(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\b")
#: Opens the diktum of a UU or Perda (UU 12/2011 Lampiran II [56]); it ends the Mengingat.
CONSENT = re.compile(r"^Dengan\s+Persetujuan\s+Bersama\b", re.I)
BODY_START = re.compile(r"^(?:BAB\s+[IVXLC]+\b|Pasal\s+(?:\d+[A-Z]?|[IVX]+)\s*$)")
CLOSING_START = re.compile(
    r"^(?:Agar\s+setiap\s+orang\s+mengetahuinya|(?:Ditetapkan|Disahkan)\s+di\b)"
)
LAMPIRAN_START = re.compile(r"^LAMPIRAN(?:\s+[IVXL]+)?(?:\s*$|\s+(?:PERATURAN|KEPUTUSAN)\b)")
PENJELASAN_START = re.compile(r"^PENJELASAN\b")

_S = r"[ \t]"
#: Where a run-on line is cut: the whitespace before a piece that can only start a unit.
#: Each alternative starts with a character (never a look-behind), so the engine skips
#: fast over plain text; the whitespace to cut is the named group that matched.
_CUT = re.compile(
    rf"""
      (?P<rule>{_S}+__{_S}+)                          # a Markdown rule left by the converter
    | (?P<formula>{_S}+)(?=[ADTLBPM])(?=               # first letter: a cheap gate
          Agar{_S}+setiap{_S}+orang{_S}+mengetahuinya
        | (?:Disahkan|Ditetapkan|Diundangkan){_S}+di{_S}+[A-Z]
        | (?:TAMBAHAN{_S}+)?(?:LEMBARAN|BERITA){_S}+NEGARA{_S}+REPUBLIK
        | (?:TAMBAHAN{_S}+)?(?:LEMBARAN|BERITA){_S}+DAERAH{_S}+(?:PROVINSI|KOTA|KABUPATEN)
        | PENJELASAN{_S}+ATAS\b
        | LAMPIRAN{_S}+(?:[IVXL]+{_S}+)?PERATURAN\b
        | Menimbang\b | Mengingat\b | MEMUTUSKAN\b | Dengan{_S}+Persetujuan{_S}+Bersama\b)
    | [.;:'](?P<unit>{_S}+)(?=[PB(])(?=                # after the end of a sentence (OCR: ')
          Pasal{_S}+\d+[A-Z]?{_S}+(?:\(\d|[A-Z])
        | \(\d+[a-z]?\){_S}+[A-Z]
        | BAB{_S}+[IVXLC]+{_S}+[A-Z]{{3}}
        | Bagian{_S}+Ke[a-z]+{_S}+[A-Z]
        | Paragraf{_S}+\d+{_S}+[A-Z])
    | (?P<colon>:|;(?:{_S}dan|{_S}atau)?)(?P<item>{_S}+)(?=[a-z]\.{_S}|\d{{1,2}}\.{_S}+[A-Z])
    """,
    re.VERBOSE,
)
#: A cheap superset of :data:`_CUT` (literals first): most lines are never cut.
_CANDIDATE = re.compile(
    rf"__|Agar|Di(?:sahkan|tetapkan|undangkan)|LEMBARAN|BERITA|PENJELASAN|LAMPIRAN|Menimbang"
    rf"|Mengingat|MEMUTUSKAN|Persetujuan|[.;:']{_S}+[PB(]|[;:]{_S}+(?:(?:dan|atau){_S}+)?[a-z0-9]"
)
#: A Pasal heading cut out of a run-on line, followed by its first words.
_PASAL_HEAD = re.compile(rf"^Pasal{_S}+\d+[A-Z]?(?={_S}+(?:\(\d|[A-Z]))")
#: Inside a run-on closing: after the date, after an office's comma, after "ttd".
_CLOSING_CUT = re.compile(
    rf"(?<=\d{{4}}){_S}+(?=[A-Z]{{2}})|(?<=[A-Z]{{2}},){_S}+|(?<=\bttd\.){_S}+|(?<=\bttd){_S}+(?=[A-Z])"
)
_SIGNING = re.compile(r"^(?:Disahkan|Ditetapkan|Diundangkan)\s+di\b")


class SegmentError(ValueError):
    """The text lacks a part every regulation must have."""


@dataclass
class Zones:
    """The lines of each part of a regulation, in reading order."""

    title: list[Line]
    menimbang: list[Line]
    mengingat: list[Line]
    body: list[Line]
    closing: list[Line]
    lampiran: list[list[Line]] = field(default_factory=list)
    penjelasan: list[Line] = field(default_factory=list)


def _first(lines: list[Line], pattern: re.Pattern, start: int = 0) -> int | None:
    for index in range(start, len(lines)):
        if pattern.match(lines[index].text):
            return index
    return None


def segment(lines: list[Line]) -> Zones:
    """Split ``lines`` into :class:`Zones`; raise :class:`SegmentError` if there is no body."""
    if not lines:
        raise SegmentError("teks kosong: tidak ada isi yang dapat dibaca")
    lines = split_run_on(lines)
    i_menimbang = _first(lines, MENIMBANG)
    i_mengingat = _first(lines, MENGINGAT, i_menimbang or 0)
    i_decide = _first(lines, MEMUTUSKAN, i_mengingat or i_menimbang or 0)
    preamble_end = i_decide if i_decide is not None else 0
    i_body = _first(lines, BODY_START, preamble_end)
    if i_body is None:
        raise SegmentError("tidak ditemukan BAB atau Pasal: teks ini bukan batang tubuh peraturan")
    i_closing = _first(lines, CLOSING_START, i_body + 1)
    if i_closing is None:
        raise SegmentError(
            "teks tampaknya terpotong: tidak ada bagian penutup ('Ditetapkan di …') sesudah "
            f"batang tubuh (baris terakhir: {lines[-1].text[:60]!r})"
        )
    tail_starts = sorted(
        index
        for index in range(i_closing, len(lines))
        if LAMPIRAN_START.match(lines[index].text) or PENJELASAN_START.match(lines[index].text)
    )
    closing_end = tail_starts[0] if tail_starts else len(lines)

    title_end = min(i for i in (i_menimbang, i_mengingat, i_decide, i_body) if i is not None)
    menimbang = (
        lines[i_menimbang : (i_mengingat or i_decide or i_body)] if i_menimbang is not None else []
    )
    i_consent = _first(lines, CONSENT, i_mengingat) if i_mengingat is not None else None
    mengingat_end = min(i for i in (i_consent, i_decide, i_body) if i is not None)
    mengingat = lines[i_mengingat:mengingat_end] if i_mengingat is not None else []
    zones = Zones(
        title=lines[:title_end],
        menimbang=menimbang,
        mengingat=mengingat,
        body=lines[i_body:i_closing],
        closing=lines[i_closing:closing_end],
    )
    bounds = [*tail_starts, len(lines)]
    for begin, end in pairwise(bounds):
        part = lines[begin:end]
        head = part[0].text
        if PENJELASAN_START.match(head) or (zones.penjelasan and not LAMPIRAN_START.match(head)):
            zones.penjelasan.extend(part)
        else:
            zones.lampiran.append(part)
    return zones


def split_run_on(lines: list[Line]) -> list[Line]:
    """Cut every run-on line where a unit can only begin (see the module docstring)."""
    out: list[Line] = []
    for line in lines:
        if not _CANDIDATE.search(line.text) or not _CUT.search(line.text):
            out.append(line)
            continue
        for index, piece in enumerate(_cut(line, _CUT)):
            if index and _PASAL_HEAD.match(piece.text):
                out.extend(_cut_at(piece, _PASAL_HEAD.match(piece.text).end()))
            elif _SIGNING.match(piece.text):
                out.extend(_cut(piece, _CLOSING_CUT))
            else:
                out.append(piece)
    return out


def _cut(line: Line, pattern: re.Pattern) -> list[Line]:
    pieces, begin = [], 0
    for match in pattern.finditer(line.text):
        group = match.lastgroup
        start, end = match.span(group) if group else match.span()
        before = line.text[match.start() - 1 : match.start()]
        if group in ("unit", "item") and before == ".":
            continue  # "…." or "..": an ellipsis, not the end of a sentence
        if group == "item" and match["colon"] == ":" and not before.islower():
            continue  # "Menimbang : a." is a label, cut elsewhere; "atas: a." is a list
        pieces.append((begin, start))
        begin = end
    pieces.append((begin, len(line.text)))
    return [_piece(line, a, b) for a, b in pieces if line.text[a:b].strip()]


def _cut_at(line: Line, at: int) -> list[Line]:
    rest = len(line.text[at:]) - len(line.text[at:].lstrip())
    return [_piece(line, 0, at), _piece(line, at + rest, len(line.text))]


def _piece(line: Line, begin: int, end: int) -> Line:
    return Line(line.text[begin:end], line.start + begin, line.start + end)


# --- headings glued to each other and to their Pasal -------------------------------------


@dataclass(frozen=True)
class Place:
    """Where the body parser stands: the numbers a glued heading must continue."""

    bab: int = 0  # the last BAB's number (0: none yet)
    bagian: int = 0  # the open Bagian's number in that BAB (0: none)
    paragraf: int = 0  # the open Paragraf's number (0: none)
    pasal: str | None = None  # the last Pasal's number
    line_start: bool = True  # a unit may begin where this line begins
    instruction: int = 0  # amending: the number of the open amendment item (0: none)
    quoted: str | None = None  # amending: the article the open item quotes last


#: The word "Pasal" as OCR may print it ("PasaI", "Pasa1"), a Roman number ("Ii"), and
#: what a Pasal's first words begin with (a sentence or its ayat (1)).
_PASAL_WORD = r"P[a-z][A-Za-z1|!]{3}"
_ROMAN_NUMBER = r"[IVXil1|!]{1,5}"
_FIRST_WORDS = r"(?:[A-Z]|\(1\)\s)"
#: A heading word with its number, or a Pasal label as OCR may print it ("PasaI 47").
_GLUED = re.compile(
    rf"(?<!\S)(?:BAB{_S}+(?P<bab>[IVXLC]+)|Bagian{_S}+(?P<bagian>{ORDINAL_PATTERN})"
    rf"|Paragraf{_S}+(?P<paragraf>\d+)|(?P<word>{_PASAL_WORD})"
    rf"(?:{_S}*(?P<pasal>\d+[A-Z]?)|{_S}+(?P<roman>{_ROMAN_NUMBER})))(?=\s|$)"
)
#: What may come right before a unit inside a line: a sentence end, or page furniture
#: ("_._", "__") whose group ``furniture`` is dropped with the cut.
_LEAD = re.compile(rf"(?:[.;:]|(?<!\S)(?P<furniture>[_.]*_[_.]*)){_S}*$")
#: The first words of a Pasal: a sentence or its ayat (1), never "ayat (2)" or "dan".
_SENTENCE_START = re.compile(rf"^{_FIRST_WORDS}")
#: A heading title ends inside a reference: the number after it is cited, not a heading.
_REFERENCE_WORD = re.compile(
    r"\b(?:dalam|pada|dan|atau|dengan|sampai|oleh|dimaksud|tentang|ayat|pasal|huruf|angka)$",
    re.I,
)
_TITLE_STOP = re.compile(r"[.;:]")
_PASAL_WORD_CONFIDENCE = 0.9  # "PasaI"/"Pasa1" fold to "Pasal"; "Paaal" (0.7) is not read


@dataclass(frozen=True)
class _Label:
    kind: str
    start: int  # where the heading or label begins in the line
    end: int  # where its number ends
    place: Place  # the numbers after it
    printed: str = ""
    read: str = ""  # a Pasal label as read ("Pasal 47"), when it is one
    confidence: float = 1.0


#: A cheap superset of what :func:`unglue` cuts: a heading word, or a Pasal label (as OCR
#: may print it) ending the line or followed by the start of a sentence, or a Roman one.
#: Most lines hold neither: a reference ("dalam Pasal 5 ayat (1)") goes on in lower case.
_GLUE_GATE = re.compile(
    rf"BAB|Bagian|Paragraf|{_PASAL_WORD}(?:{_S}*\d+[A-Z]?(?:{_S}+{_FIRST_WORDS}|{_S}*$)"
    rf"|{_S}+{_ROMAN_NUMBER}(?=\s|$))"
)


#: A line that is one heading word or Pasal label and nothing else: nothing to cut.
_LONE_LABEL = re.compile(rf"{_S}*(?:BAB|Bagian|Paragraf|Pasal){_S}+[0-9IVXLCA-Za-z]+{_S}*")


def may_unglue(text: str) -> bool:
    """Whether :func:`unglue` could cut ``text`` (a fast test before the body parser
    works out its :class:`Place`)."""
    return _GLUE_GATE.search(text) is not None and _LONE_LABEL.fullmatch(text) is None


def starts_like_unit(text: str) -> bool:
    """Whether ``text`` begins with a heading or Pasal label (so whether a unit may begin
    at its start matters)."""
    return _GLUED.match(text) is not None


def unglue(line: Line, at: Place) -> tuple[list[Line], list[Recovery]]:
    """Cut ``line`` where headings and a Pasal label were glued together (module
    docstring); return the pieces and the OCR readings of Pasal labels made on the way.

    A chain of units is cut out only when each number is the next of its sequence from
    ``at`` (BAB, then Bagian, Paragraf and Pasal restarting under a new parent), the chain
    begins at the line start (when ``at.line_start``), after a sentence end or after page
    furniture, no heading word follows a word that opens a reference ("dalam Bagian
    Keempat"), each heading has a capitalised title, and a Pasal label ends the line or
    is followed by the start of a sentence ("Pasal 47 ayat (2)" stays text). An OCR'd
    label ("PasaI 47") is read as "Pasal 47" only then. A line holding one unit only
    comes back whole: the body parser reads it as before.
    """
    chain = _chain(line.text, at)
    if not chain or (len(chain) == 1 and chain[0].start == 0 and not chain[0].read):
        return [line], []
    pieces, found = [], []
    text = line.text
    lead = _LEAD.search(text, 0, chain[0].start) if chain[0].start else None
    head_end = lead.start("furniture") if lead and lead["furniture"] else chain[0].start
    if text[:head_end].strip():
        pieces.append(_piece(line, 0, len(text[:head_end].rstrip())))
    for index, label in enumerate(chain):
        end = chain[index + 1].start if index + 1 < len(chain) else len(text)
        if label.read:
            if label.confidence < 1.0:
                found.append(_recovery(line, label))
            pieces.append(Line(label.read, line.start + label.start, line.start + label.end))
            rest = text[label.end : end]
            if rest.strip():
                begin = label.end + len(rest) - len(rest.lstrip())
                pieces.append(_piece(line, begin, end))
        else:
            pieces.append(_piece(line, label.start, len(text[:end].rstrip())))
    return pieces, found


def _recovery(line: Line, label: _Label) -> Recovery:
    start, end = line.start + label.start, line.start + label.end
    return Recovery("pasal", label.printed, label.read, start, end, label.confidence)


def _chain(text: str, at: Place) -> list[_Label]:
    """The labels of the glued units in ``text``, in order (empty when there are none)."""
    chain: list[_Label] = []
    place = at
    for match in _GLUED.finditer(text):
        if not chain and not (
            (match.start() == 0 and at.line_start) or _LEAD.search(text, 0, match.start())
        ):
            continue
        if chain and _REFERENCE_WORD.search(text[: match.start()].rstrip()):
            continue
        label = _label(match, place, text)
        if label is None:
            continue
        chain.append(label)
        place = label.place
        if label.kind == "pasal":
            break
    chain = _with_titles(chain, text)
    last = chain[-1] if chain else None
    if last and last.kind == "pasal" and last.confidence == 1.0 and not text[last.end :].strip():
        chain.pop()  # "Bagian Kesatu Kedudukan Pasal 6": the body parser splits it
    return chain


def _label(match: re.Match, place: Place, text: str) -> _Label | None:
    """The unit ``match`` opens if its number is the next one from ``place``, else None."""
    start, end = match.start(), match.end()
    if place.pasal is not None and not place.pasal[:1].isdigit():
        # Pasal I / II of an amending regulation: only the next of them; what the
        # amendment items quote has numbers of its own
        return _roman_label(match, place, text) if match["roman"] else None
    if match["roman"]:
        return None
    if match["bab"]:
        if not ROMAN.match(match["bab"]) or roman_to_int(match["bab"]) != place.bab + 1:
            return None
        return _Label("bab", start, end, replace(place, bab=place.bab + 1, bagian=0, paragraf=0))
    if match["bagian"]:
        if ordinal_to_int(match["bagian"]) != place.bagian + 1:
            return None
        return _Label("bagian", start, end, replace(place, bagian=place.bagian + 1, paragraf=0))
    if match["paragraf"]:
        if int(match["paragraf"]) != place.paragraf + 1:
            return None
        return _Label("paragraf", start, end, replace(place, paragraf=place.paragraf + 1))
    number = match["pasal"]
    return _pasal_label(match, place, text, number) if follows(place.pasal, number) else None


def _roman_label(match: re.Match, place: Place, text: str) -> _Label | None:
    """A glued "Pasal II" (OCR: "Pasal Ii") right after Pasal I, before a sentence."""
    value, printed = roman_reading(match["roman"]), match["roman"]
    if not ROMAN.match(place.pasal) or value != roman_to_int(place.pasal) + 1:
        return None
    number = int_to_roman(value)
    return _pasal_label(match, place, text, number, 1.0 if printed == number else 0.9)


def _pasal_label(
    match: re.Match, place: Place, text: str, number: str, confidence: float = 1.0
) -> _Label | None:
    """The Pasal label ``match`` read as Pasal ``number``, if its word reads as "Pasal"
    and the start of a sentence follows it ("Pasal 47 ayat (2)" is a reference)."""
    confidence = min(confidence, keyword_confidence(match["word"], "Pasal"))
    rest = text[match.end() :].lstrip()
    if confidence < _PASAL_WORD_CONFIDENCE or (rest and not _SENTENCE_START.match(rest)):
        return None
    moved = replace(place, pasal=number)
    return _Label(
        "pasal", match.start(), match.end(), moved, match[0], f"Pasal {number}", confidence
    )


def _with_titles(chain: list[_Label], text: str) -> list[_Label]:
    """``chain`` up to the first heading without a title: capitalised words with no
    sentence end before the next unit."""
    for index, label in enumerate(chain):
        if label.kind == "pasal":
            break
        end = chain[index + 1].start if index + 1 < len(chain) else len(text)
        title = text[label.end : end].strip()
        if not title[:1].isupper() or _TITLE_STOP.search(title):
            return chain[:index]
    return chain
