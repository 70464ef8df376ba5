"""Stage 2: cut the clean lines into the parts every regulation has.

Title block, Menimbang, Mengingat, the enacting formula, the body (BAB … Pasal), the
closing (pengundangan, signatures, gazette), then any Lampiran and Penjelasan.

Texts taken from national portals run many units into one line ("… jabatan. Pasal 12 (1)
Setiap …", a whole closing and Penjelasan on one line). :func:`split_run_on` first cuts
such lines where a unit can only begin: a heading, an ayat or a list item right after the
end of a sentence, the closing formulas, the gazette and Penjelasan headings. The pieces
keep their offsets, and the structural parser still decides (by numbering) whether a
piece that starts like a unit is one; a piece it rejects is joined back as running text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from extract.model import Line

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
    | [.;:](?P<unit>{_S}+)(?=[PB(])(?=                 # after the end of a sentence
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
    rf"|Mengingat|MEMUTUSKAN|Persetujuan|[.;:]{_S}+[PB(]|[;:]{_S}+(?:(?:dan|atau){_S}+)?[a-z0-9]"
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
