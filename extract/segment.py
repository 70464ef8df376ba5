"""Stage 2: cut the clean lines into the parts every regulation has.

Title block, Menimbang, Mengingat, the enacting formula, the body (BAB … Pasal), the
closing (pengundangan, signatures, gazette), then any Lampiran and Penjelasan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from extract.model import Line

MENIMBANG = re.compile(r"^Menimbang\b\s*:?\s*")
MENGINGAT = re.compile(r"^:?\s*Mengingat\b\s*:?\s*")
MEMUTUSKAN = re.compile(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\b")
BODY_START = re.compile(r"^(?:BAB\s+[IVXLC]+\b|Pasal\s+(?:\d+[A-Z]?|[IVX]+)\s*$)")
CLOSING_START = re.compile(r"^(?:Agar\s+setiap\s+orang\s+mengetahuinya|Ditetapkan\s+di\b)")
LAMPIRAN_START = re.compile(r"^LAMPIRAN(?:\s+[IVXL]+)?(?:\s*$|\s+(?:PERATURAN|KEPUTUSAN)\b)")
PENJELASAN_START = re.compile(r"^PENJELASAN\b")


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
    mengingat = lines[i_mengingat : (i_decide or i_body)] if i_mengingat is not None else []
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
