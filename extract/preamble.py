"""Menimbang and Mengingat: lettered considerations and numbered legal bases."""

from __future__ import annotations

import re
from dataclasses import replace

from extract.instruments import find_instruments
from extract.lists import next_value, read_marker
from extract.model import Item, Line, ParseWarning, Span
from extract.structure import join_text, normalise

_LEAD = re.compile(r"^(?::\s*)?(?:Menimbang|Mengingat)?\s*:?\s*")


def parse_items(lines: list[Line], style: str) -> list[Item]:
    """Split a Menimbang (``style="huruf"``) or Mengingat (``style="angka"``) zone into items.

    A single unlettered consideration becomes one item numbered "1".
    """
    drafts: list[dict] = []
    for line in lines:
        lead = _LEAD.match(line.text)
        text, start = line.text[lead.end() :], line.start + lead.end()
        if not text:
            continue
        marker = read_marker(text)
        expected = next_value(style, drafts[-1]["number"]) if drafts else _first(style)
        if marker and marker.style == style and marker.value == expected:
            drafts.append(
                {
                    "number": marker.value,
                    "text": marker.rest,
                    "start": start + marker.offset,
                    "end": line.end,
                }
            )
        elif drafts:
            drafts[-1]["text"] = join_text(drafts[-1]["text"], text)
            drafts[-1]["end"] = line.end
        else:
            drafts.append({"number": "1", "text": text, "start": start, "end": line.end})
    return [Item(d["number"], normalise(d["text"]), d["start"], d["end"]) for d in drafts]


def _first(style: str) -> str:
    return "a" if style == "huruf" else "1"


def link_instruments(
    items: list[Item],
    own_jurisdiction: str,
    own_region: str,
    source_file: str,
    section: str,
) -> tuple[list[Item], list[ParseWarning]]:
    """Attach to each item the instruments it names; for Mengingat (``section="mengingat"``)
    the first one is the instrument the regulation rests on, and an item naming none is
    reported."""
    linked, warnings = [], []
    for item in items:
        # "^" is a conversion mark before words in portal texts ("^Nomor ^18"), never text.
        mentions = find_instruments(item.text.replace("^", ""), own_jurisdiction, own_region)
        cited = tuple(dict.fromkeys(m.instrument for m in mentions if m.instrument))
        primary = next((m for m in mentions if m.instrument), None)
        if section == "mengingat" and (not mentions or mentions[0].instrument is None):
            warnings.append(
                ParseWarning(
                    "mengingat-unparsed",
                    f"Mengingat angka {item.number}: instrumen yang dirujuk tidak dikenali "
                    f"(jenis, nomor atau tahun tidak terbaca).",
                    Span(source_file, item.start, item.end),
                )
            )
            primary = None
        if section != "mengingat":
            primary = None
        linked.append(
            replace(
                item,
                instrument=primary.instrument if primary else None,
                pinpoint=primary.pinpoint if primary else None,
                cites=cited,
            )
        )
    return linked, warnings
