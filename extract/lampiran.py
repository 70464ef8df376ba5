"""The Lampiran (annex): its header, its sections ("A. KEDUDUKAN") and their text.

Sections and their numbered parts reuse the list machinery of the body; the closing
signature repeated at the end of an annex ("WALI KOTA CILEGON, ttd, HELLDY AGUSTIAN") is
not annex text and is left out.
"""

from __future__ import annotations

import re

from extract.iri import Iri
from extract.lists import STYLES, ListStack, read_marker
from extract.model import Line, Unit
from extract.numbering import int_to_roman
from extract.structure import append_text, close_ends, normalise

_HEAD = re.compile(r"^LAMPIRAN(?:\s+(?P<num>[IVXL]+))?\b\s*(?P<rest>.*)$")
_SIGNATURE_OFFICE = re.compile(r"^(?:Pj\.?\s+)?[A-Z][A-Z .]+,$")
_SIGNATURE_MARK = re.compile(r"^(?:ttd\.?|TTD\.?)$")
_MAX_HEADING_WORDS = 10


def parse_lampiran(parts: list[list[Line]], work: Iri) -> list[Unit]:
    """One Lampiran unit per annex part, with its sections as children."""
    annexes = []
    for index, lines in enumerate(parts, start=1):
        head = _HEAD.match(lines[0].text)
        number = head["num"] if head and head["num"] else int_to_roman(index)
        annex = Unit(
            "lampiran", number, work.child("lampiran", number), lines[0].start, lines[-1].end
        )
        annex.marker = f"LAMPIRAN {head['num']}" if head and head["num"] else "LAMPIRAN"
        _fill(annex, _without_signature(lines[1:]), header_rest=head["rest"] if head else "")
        annexes.append(annex)
    return annexes


def _fill(annex: Unit, lines: list[Line], header_rest: str) -> None:
    stack = ListStack(annex)
    header = [header_rest] if header_rest else []
    in_header = True
    for line in lines:
        text = line.text.strip()
        marker = read_marker(text)
        placement = stack.place(marker) if marker else None
        if placement is None:
            if in_header and (text.isupper() or not text[:1].isalpha()):
                header.append(text)
            else:
                in_header = False
                append_text(stack.deepest(), text, line)
            continue
        in_header = False
        parent, level = placement
        kind = "bagian-lampiran" if marker.style == "upper" else STYLES[marker.style][0]
        segment = "angka" if kind == "angka" else "huruf"
        item = Unit(
            kind, marker.value, parent.iri.child(segment, marker.value), line.start, line.end
        )
        item.marker = marker.printed
        if _looks_like_heading(marker.rest):
            item.heading = normalise(marker.rest)
        else:
            item.text = normalise(marker.rest)
        parent.children.append(item)
        stack.push(level, marker.style, item, parent)
    annex.heading = normalise(" ".join(header))
    for child in annex.children:
        close_ends(child)


def _looks_like_heading(text: str) -> bool:
    return (
        not text.rstrip().endswith((".", ";", ":", ",")) and len(text.split()) <= _MAX_HEADING_WORDS
    )


def _without_signature(lines: list[Line]) -> list[Line]:
    """Drop a trailing "OFFICE," / "ttd" / NAME signature block."""
    for index in range(len(lines) - 1, max(len(lines) - 8, -1), -1):
        if _SIGNATURE_OFFICE.match(lines[index].text.strip()):
            following = [line.text.strip() for line in lines[index + 1 : index + 4]]
            if any(_SIGNATURE_MARK.match(text) for text in following) or len(following) <= 2:
                return lines[:index]
    return lines
