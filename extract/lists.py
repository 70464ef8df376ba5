"""Nested enumerations: huruf "a.", angka "1.", and the deeper "a)" and "1)" levels.

A :class:`ListStack` holds the open levels of one container (a Pasal, an ayat, a Lampiran
section). A new marker continues the open level whose next value it is, or opens a new
level under the deepest open item when it is the first value of its style.

Lists nest at most :data:`MAX_LIST_DEPTH` levels: no regulation comes near it (the corpus
goes three deep), and the bound keeps every walk over the unit tree far from Python's
recursion limit whatever the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.model import Unit
from extract.numbering import next_letter

#: A list marker at the start of a line, and the rest of the line.
LIST_ITEM = re.compile(
    r"""^(?:(?P<huruf>(?P<l>[a-z])(?P=l)?)\.       # a.  aa.
         |(?P<upper>[A-Z])\.(?=\s+[A-Z])        # A. KEDUDUKAN (Lampiran sections)
         |(?P<angka>\d{1,3})\.                  # 1.
         |(?P<huruf_p>[a-z])\)                  # a)
         |(?P<angka_p>\d{1,2})\)                # 1)
        )\s+(?P<rest>\S.*)$""",
    re.VERBOSE,
)

#: The deepest nesting of list levels inside one container; deeper raises ListTooDeep.
MAX_LIST_DEPTH = 24

#: style -> (kind of unit, first value)
STYLES = {
    "upper": ("huruf", "A"),
    "huruf": ("huruf", "a"),
    "angka": ("angka", "1"),
    "huruf_p": ("huruf", "a"),
    "angka_p": ("angka", "1"),
}


class ListTooDeep(ValueError):
    """A list nested deeper than :data:`MAX_LIST_DEPTH` levels."""


@dataclass(frozen=True)
class Marker:
    style: str  # a key of STYLES
    value: str  # "a", "aa", "1", "A"
    printed: str  # "a.", "1)", ...
    rest: str  # the text after the marker
    offset: int  # where the rest starts within the line


def read_marker(text: str) -> Marker | None:
    """The list marker a line starts with, or None."""
    match = LIST_ITEM.match(text)
    if not match:
        return None
    style = next(s for s in STYLES if match[s])
    printed = text[: match.start("rest")].strip()
    return Marker(style, match[style], printed, match["rest"], match.start("rest"))


def next_value(style: str, value: str) -> str:
    if style in ("angka", "angka_p"):
        return str(int(value) + 1)
    return next_letter(value)


@dataclass
class Level:
    style: str
    item: Unit  # the last item opened at this level
    parent: Unit  # the unit the items of this level belong to


@dataclass
class ListStack:
    """The open enumeration levels inside one container unit."""

    container: Unit
    levels: list[Level] = field(default_factory=list)

    def deepest(self) -> Unit:
        """The unit running text belongs to: the last open item, else the container."""
        return self.levels[-1].item if self.levels else self.container

    def place(self, marker: Marker) -> tuple[Unit, int] | None:
        """Where an item with ``marker`` goes: (parent unit, level index to keep), or None
        when the marker neither continues an open level nor starts a new one."""
        for index in range(len(self.levels) - 1, -1, -1):
            level = self.levels[index]
            if (
                level.style == marker.style
                and next_value(level.style, level.item.number) == marker.value
            ):
                return level.parent, index
        if marker.value == STYLES[marker.style][1]:
            return self.deepest(), len(self.levels)
        return None

    def push(self, level_index: int, style: str, item: Unit, parent: Unit) -> None:
        """Record ``item`` as the open item of level ``level_index`` (closing deeper ones).

        Raise :class:`ListTooDeep` past :data:`MAX_LIST_DEPTH` levels.
        """
        if level_index >= MAX_LIST_DEPTH:
            raise ListTooDeep(
                f"daftar bersarang lebih dari {MAX_LIST_DEPTH} tingkat "
                f"(butir {item.marker or item.number} pada posisi {item.start})"
            )
        del self.levels[level_index:]
        self.levels.append(Level(style, item, parent))
