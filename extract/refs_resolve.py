"""Resolving reference chains against the citing provision and the parsed structure.

Rules (each tested in ``tests/extract/test_refs_resolve.py``):

R1 absolute: an address that starts with a Pasal names it ("Pasal 17 ayat (1) huruf a").
R2 relative to the citing provision: an address that starts lower takes the levels above it
   from the citing provision — "ayat (1)" is an ayat of the citing Pasal (also when cited
   from a huruf inside an ayat), "huruf a" an item of the citing ayat (or of the Pasal when
   it has no ayat), "angka 2" an item of the citing huruf/ayat/Pasal.
R3 Menimbang/Mengingat: in a Menimbang item "huruf a" is Menimbang item a; in a Mengingat
   item "angka 2" is Mengingat item 2; a Pasal is absolute (R1); other levels are unresolved.
R4 within a chain, each address takes the levels above its first level from the previous
   address: "Pasal 8 ayat (1) huruf a dan huruf b" -> huruf b of Pasal 8 ayat (1).
R5 ranges ("Pasal 12 sampai dengan Pasal 28", "ayat (1) sampai dengan ayat (2)") expand to
   every sibling between both ends in document order; when an end is missing from the text,
   to the numbers (or letters) between them, each then resolved or not on its own.
R6 Lampiran: "Lampiran II" is the annex numbered II; an unnumbered "Lampiran" is the only
   annex. An annex absent from the parsed text (Padang Panjang cites Lampiran I–V but its
   text has none) is unresolved.
R7 a target that does not exist in the parsed structure is unresolved (target None): it is
   reported, never dropped.
R8 from Lampiran text: a Pasal or a Lampiran is absolute (R1, R6); a lower address
   ("huruf b", "angka 2") is the nearest one of that name in the annex, looking in the
   citing part, then in each part enclosing it ("angka 2" cited from B.1.b.1 is B.1.b.2).
"""

from __future__ import annotations

from collections.abc import Iterable

from extract.iri import Iri
from extract.model import Regulation
from extract.refs_find import LEVELS, Chain

Path = tuple[tuple[str, str], ...]
_LIST_OF = {"menimbang": "huruf", "mengingat": "angka"}  # the level a preamble list uses


class StructureIndex:
    """Where the provisions of one regulation stand: by path, with siblings in order."""

    def __init__(self, regulation: Regulation) -> None:
        root = Iri(regulation.work)
        self.root = root
        self.units: dict[Path, Iri] = {}
        self.children: dict[Path, list[str]] = {}
        for unit in regulation.units():
            if unit.kind not in LEVELS:
                continue
            path = unit.iri.path
            self.units[path] = unit.iri
            self.children.setdefault(path[:-1], []).append(path[-1][1])
        for kind, items in (
            ("menimbang", regulation.menimbang),
            ("mengingat", regulation.mengingat),
        ):
            for item in items:
                self.units[((kind, item.number),)] = root.child(kind, item.number)
            self.children[(kind,)] = [item.number for item in items]
        self.lampiran: dict[str, Iri] = {annex.number: annex.iri for annex in regulation.lampiran}
        for annex in regulation.lampiran:
            for unit in annex.walk():
                self.units[unit.iri.path] = unit.iri
                if unit is not annex:
                    self.children.setdefault(unit.iri.path[:-1], []).append(unit.iri.path[-1][1])

    def target(self, path: Path | None) -> Iri | None:
        """The IRI of the provision at ``path``, or None if there is none (rule R7)."""
        if path is None:
            return None
        if path[0][0] == "lampiran" and len(path) == 1:
            number = path[0][1]
            if number == "":
                return next(iter(self.lampiran.values())) if len(self.lampiran) == 1 else None
            return self.lampiran.get(number)
        return self.units.get(path)

    def siblings(self, path: Path) -> list[str]:
        parent = path[:-1]
        if len(path) == 1 and path[0][0] in _LIST_OF:
            parent = (path[0][0],)
        return self.children.get(parent, [])


def resolve_chain(chain: Chain, context: Path, index: StructureIndex) -> list[Path | None]:
    """The target path of every address of ``chain`` cited from ``context``, ranges
    expanded; None for an address that cannot be placed (R3)."""
    resolved: list[Path | None] = []
    base: Path = context
    for number, address in enumerate(chain.addresses):
        if context and context[0][0] == "lampiran" and address[0][0] not in ("pasal", "lampiran"):
            path = _in_annex(address, base, index)
        else:
            path = _place(address, base, context, first=number == 0)
        if number > 0 and chain.links[number - 1] == "range" and resolved:
            resolved.extend(_between(resolved.pop(), path, index))
        else:
            resolved.append(path)
        base = path if path is not None else base
    return resolved


def _place(address: Path, base: Path, context: Path, first: bool) -> Path | None:
    """Rules R1–R4 and R6 for one address."""
    level = address[0][0]
    if level in ("lampiran", "pasal"):
        return address
    preamble = context[0][0] if context and context[0][0] in _LIST_OF else None
    if preamble is not None and (first or base[0][0] == preamble):
        if len(address) == 1 and level == _LIST_OF[preamble]:
            return ((preamble, address[0][1]),)
        return None
    inherited = tuple(
        (kind, value)
        for kind, value in base
        if kind in LEVELS and LEVELS.index(kind) < LEVELS.index(level)
    )
    if not inherited or inherited[0][0] != "pasal":
        return None
    return inherited + address


def _in_annex(address: Path, base: Path, index: StructureIndex) -> Path | None:
    """Rule R8: the nearest ``address`` inside the annex, from ``base`` outwards."""
    for depth in range(len(base), 0, -1):
        candidate = (*base[:depth], *address)
        if candidate in index.units:
            return candidate
    return None


def _between(start: Path | None, end: Path | None, index: StructureIndex) -> list[Path | None]:
    """Rule R5: the paths from ``start`` to ``end`` inclusive."""
    if start is None or end is None:
        return [start, end]
    if start[:-1] != end[:-1] or start[-1][0] != end[-1][0]:
        return [start, end]  # not two ends of one list: keep both ends only
    kind, first, last = start[-1][0], start[-1][1], end[-1][1]
    siblings = index.siblings(start)
    if first in siblings and last in siblings and siblings.index(first) <= siblings.index(last):
        values: Iterable[str] = siblings[siblings.index(first) : siblings.index(last) + 1]
    elif first.isdigit() and last.isdigit() and int(first) <= int(last):
        values = (str(n) for n in range(int(first), int(last) + 1))
    elif len(first) == len(last) == 1 and first.isalpha() and first <= last:
        values = (chr(c) for c in range(ord(first), ord(last) + 1))
    else:
        return [start, end]
    return [(*start[:-1], (kind, value)) for value in values]
