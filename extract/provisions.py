"""Provisions of a regulation's body, with their context, and their texts run through nlp.

A *provision* is a Pasal, ayat, huruf or angka of the body. Each carries its enclosing
Pasal, its parent unit and the BAB / Bagian / Paragraf above the Pasal, which the norm
and topic stages need (a list item's chapeau, a Pasal's heading).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

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


def provisions(regulation: Regulation) -> Iterator[Provision]:
    """Every provision of the body, depth first in document order."""

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


def provision_docs(regulation: Regulation) -> ProvisionDocs:
    """Each provision with a text, paired with its text processed by the pipeline."""
    items = [p for p in provisions(regulation) if p.unit.text]
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
