"""Provisions of a regulation's body, with their context, and their texts run through nlp.

A *provision* is a Pasal, ayat, huruf or angka of the body. Each carries its enclosing
Pasal, its parent unit and the BAB / Bagian / Paragraf above the Pasal, which the norm
and topic stages need (a list item's chapeau, a Pasal's heading).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc

from extract.iri import Iri
from extract.model import Regulation, Unit
from extract.nlp import get_nlp

PROVISION_KINDS = ("pasal", "ayat", "huruf", "angka")
GROUP_KINDS = ("bab", "bagian", "paragraf")


@dataclass(frozen=True)
class Provision:
    """A Pasal, ayat, huruf or angka, and where it stands."""

    unit: Unit
    pasal: Unit  # the enclosing Pasal (the unit itself for a Pasal)
    parent: Unit | None  # the unit it is a child of, None for a Pasal
    groups: tuple[Unit, ...]  # BAB, Bagian, Paragraf above the Pasal, outermost first

    @property
    def in_definitions(self) -> bool:
        """Part of the definitions article (Ketentuan Umum, "yang dimaksud dengan:")."""
        return is_definitions(self.pasal)

    @property
    def in_closing(self) -> bool:
        """Part of a closing article ("… mulai berlaku pada tanggal diundangkan")."""
        return is_closing(self.pasal)


def is_definitions(pasal: Unit) -> bool:
    """A Pasal whose chapeau introduces definitions."""
    return "yang dimaksud dengan" in pasal.text.lower()


def is_closing(pasal: Unit) -> bool:
    """A Pasal that states when the regulation enters into force."""
    return "mulai berlaku" in pasal.text.lower()


def provisions(regulation: Regulation, part: Part | None = None) -> Iterator[Provision]:
    """Every provision of the body (of ``part`` only, if given), depth first in document
    order."""
    if part is not None:
        members = part.units(regulation)
        yield from (p for p in provisions(regulation) if id(p.unit) in members)
        return

    def walk(unit: Unit, groups: tuple[Unit, ...], pasal: Unit | None, parent: Unit | None):
        if unit.kind in GROUP_KINDS:
            for child in unit.children:
                yield from walk(child, (*groups, unit), None, None)
            return
        if unit.kind == "pasal":
            pasal, parent = unit, None
        if unit.kind in PROVISION_KINDS and pasal is not None:
            yield Provision(unit, pasal, parent, groups)
        for child in unit.children:
            yield from walk(child, groups, pasal, unit)

    for unit in regulation.body:
        yield from walk(unit, (), None, None)


ProvisionDocs = list[tuple["Provision", Doc]]


@dataclass(frozen=True)
class Part:
    """A run of a regulation's body that can be analysed on its own: the units at
    positions ``start`` to ``stop`` (exclusive) of :meth:`Regulation.units`, cut before a
    Pasal that lies under no other provision, so every provision's Pasal, parent and items
    fall in the same part. The first part also holds the Menimbang and Mengingat, the last
    the Lampiran; results of the parts, concatenated in order, are those of the whole.
    """

    start: int
    stop: int
    first: bool
    last: bool

    @classmethod
    def whole(cls, regulation: Regulation) -> Part:
        return cls(0, sum(1 for _ in regulation.units()), True, True)

    def units(self, regulation: Regulation) -> set[int]:
        """The ``id()`` of every body unit in this part."""
        return {
            id(unit)
            for position, unit in enumerate(regulation.units())
            if self.start <= position < self.stop
        }


def split(regulation: Regulation, count: int) -> list[Part]:
    """At most ``count`` parts of about equal text length, in document order."""
    units = list(regulation.units())
    cuts = _pasal_cuts(regulation)
    total = sum(len(unit.text) for unit in units) or 1
    bounds = [0]
    done = 0
    for position, unit in enumerate(units):
        share = len(bounds) * total / count
        if position in cuts and position > bounds[-1] and done >= share and len(bounds) < count:
            bounds.append(position)
        done += len(unit.text)
    bounds.append(len(units))
    last = len(bounds) - 2
    pairs = enumerate(pairwise(bounds))
    return [Part(start, stop, i == 0, i == last) for i, (start, stop) in pairs]


def _pasal_cuts(regulation: Regulation) -> set[int]:
    """Positions (in :meth:`Regulation.units` order) of the Pasal under no provision."""
    cuts: set[int] = set()
    position = 0
    stack = [(unit, False) for unit in reversed(regulation.body)]
    while stack:
        unit, inside = stack.pop()
        if unit.kind == "pasal" and not inside:
            cuts.add(position)
        position += 1
        nested = inside or unit.kind not in GROUP_KINDS
        stack.extend((child, nested) for child in reversed(unit.children))
    return cuts


def provision_docs(regulation: Regulation, part: Part | None = None) -> ProvisionDocs:
    """Each provision with a text (of ``part`` only, if given), paired with its text
    processed by the pipeline."""
    items = [p for p in provisions(regulation, part) if p.unit.text]
    docs = get_nlp().pipe(p.unit.text for p in items)
    return list(zip(items, docs, strict=True))


def address(iri: Iri) -> dict[str, str | None]:
    """The CLI address of a provision: ``{"pasal", "ayat", "huruf"}``, values or None.

    An angka is reported at its enclosing pasal/ayat/huruf plus an extra ``"angka"`` key
    (the full IRI stays on the extracted object).
    """
    path = dict(iri.path)
    out = {key: path.get(key) for key in ("pasal", "ayat", "huruf")}
    if "angka" in path:
        out["angka"] = path["angka"]  # an extra key, only for a numbered item
    return out
