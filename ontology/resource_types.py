"""Kinds of legal instrument (values of ``eli:type_document``), as data.

Each becomes the SKOS concept ``https://w3id.org/perwali-kg/resource-type/{code}`` in the
scheme ``https://w3id.org/perwali-kg/resource-type/scheme``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class ResourceType:
    code: str
    label_id: str
    label_en: str
    alt_labels: tuple[str, ...] = ()


RESOURCE_TYPES: Final[tuple[ResourceType, ...]] = (
    ResourceType("uud", "Undang-Undang Dasar", "constitution", ("UUD", "UUD 1945")),
    ResourceType("uu", "Undang-Undang", "statute", ("UU",)),
    ResourceType("uudrt", "Undang-Undang Darurat", "emergency statute", ("UU Darurat", "UUDrt")),
    ResourceType(
        "perppu",
        "Peraturan Pemerintah Pengganti Undang-Undang",
        "government regulation in lieu of statute",
        ("Perppu",),
    ),
    ResourceType("pp", "Peraturan Pemerintah", "government regulation", ("PP",)),
    ResourceType("perpres", "Peraturan Presiden", "presidential regulation", ("Perpres",)),
    ResourceType(
        "permen", "Peraturan Menteri", "ministerial regulation", ("Permen", "PermenPANRB")
    ),
    ResourceType("perban", "Peraturan Badan", "agency regulation", ("Peraturan Kepala Badan",)),
    ResourceType("perlem", "Peraturan Lembaga", "institution regulation"),
    ResourceType("pergub", "Peraturan Gubernur", "governor regulation", ("Pergub",)),
    ResourceType("perda", "Peraturan Daerah", "regional bylaw", ("Perda",)),
    ResourceType("perwal", "Peraturan Wali Kota", "mayoral regulation", ("Perwal", "Perwali")),
    ResourceType("perbup", "Peraturan Bupati", "regent regulation", ("Perbup",)),
    ResourceType(
        "perdprd",
        "Peraturan Dewan Perwakilan Rakyat Daerah",
        "regional council regulation",
        ("Peraturan DPRD",),
    ),
)
