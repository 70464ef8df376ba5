"""align, diff and unique over small regulations made here (an in-memory store).

Three made-up regulations: the same rules under different numbers, ayat in a different
order, one article found in only one of them.
"""

from __future__ import annotations

import itertools

import pyoxigraph as ox
import pytest

from capabilities.align import align, align_all
from capabilities.diff import diff
from capabilities.source import EmbeddedSource
from capabilities.unique import unique
from extract.vocab import ELI, PW, RDF, RDFS, SKOS

BASE = "https://w3id.org/perwali-kg/eli/"
REPORTING = "Ketua tim kerja melaporkan hasil kerja kepada pimpinan unit organisasi secara berkala."
SPBE = "Aplikasi sistem pemerintahan berbasis elektronik berupa aplikasi umum berbagi pakai."
ISSUER = "Penugasan ditetapkan oleh pejabat penilai kinerja atas usul pimpinan unit organisasi."
ORDER = "Surat perintah memuat maksud dan tujuan penugasan serta durasi pelibatan pegawai."
BONUS = "Pegawai menerima insentif bulanan dari kas daerah menurut peraturan lain."
#: regulation id -> its Pasal, each a text or a list of ayat texts
REGULATIONS = {
    "alpha-1-2023": [REPORTING, SPBE, BONUS, [ISSUER, ORDER]],
    "beta-2-2023": [SPBE + " Aplikasi khusus juga dapat dipakai.", REPORTING, [ORDER, ISSUER]],
    "gamma-3-2023": [[ISSUER, ORDER], SPBE, REPORTING],
}


class MemorySource:
    """A GraphSource over quads held in memory."""

    select = EmbeddedSource.select
    _ids = itertools.count()

    def __init__(self, quads: list[ox.Quad]):
        self.store = ox.Store()
        self.store.extend(quads)
        self.generation = f"memory-{next(self._ids)}"


def regulation_quads(reg_id: str, pasal: list) -> list[ox.Quad]:
    city, number, year = reg_id.split("-")
    work = f"{BASE}id-{city}/perwal/{year}/{number}"
    graph = ox.NamedNode(work)
    name = f"Peraturan Wali Kota {city.title()} Nomor {number} Tahun {year}"
    place = ox.NamedNode(f"https://w3id.org/perwali-kg/jurisdiction/{city}")
    quads = [
        (graph, PW + "regulationId", ox.Literal(reg_id)),
        (graph, RDFS + "label", ox.Literal(name)),
        (graph, ELI + "jurisdiction", place),
        (place, SKOS + "prefLabel", ox.Literal(f"Kota {city.title()}")),
    ]

    def unit(iri: str, cls: str, number: str, label: str, position: int, text, parent=None):
        node = ox.NamedNode(iri)
        quads.extend(
            [
                (node, RDF + "type", ox.NamedNode(PW + cls)),
                (node, PW + "regulation", graph),
                (node, ELI + "number", ox.Literal(number)),
                (node, RDFS + "label", ox.Literal(f"{label} {name}")),
                (node, PW + "position", ox.Literal(str(position))),
            ]
        )
        if text:
            quads.append((node, PW + "text", ox.Literal(text)))
        if parent:
            quads.append((node, ELI + "is_part_of", ox.NamedNode(parent)))

    for p, body in enumerate(pasal, 1):
        iri = f"{work}/pasal/{p}"
        if isinstance(body, str):
            unit(iri, "Pasal", str(p), f"Pasal {p}", p, body)
            continue
        unit(iri, "Pasal", str(p), f"Pasal {p}", p, None)
        for a, text in enumerate(body, 1):
            unit(f"{iri}/ayat/{a}", "Ayat", str(a), f"Pasal {p} ayat ({a})", a, text, iri)
    return [ox.Quad(s, ox.NamedNode(p), o, graph) for s, p, o in quads]


@pytest.fixture(scope="module")
def source():
    quads = [q for reg_id, pasal in REGULATIONS.items() for q in regulation_quads(reg_id, pasal)]
    return MemorySource(quads)


def pairs(source, a, b):
    return {p.a.pasal: p.b.pasal if p.b else None for p in align(source, a, b).pairs}


def test_counterparts_found_whatever_their_number(source):
    assert pairs(source, "alpha-1-2023", "beta-2-2023") == {"1": "2", "2": "1", "3": None, "4": "3"}
    assert pairs(source, "beta-2-2023", "gamma-3-2023") == {"1": "2", "2": "3", "3": "1"}


def test_matrix_rows_are_groups_of_counterparts(source):
    rows = align_all(source).rows
    grouped = sorted(
        sorted(f"{reg}:{p.pasal}" for reg, cells in row.cells.items() for p in cells)
        for row in rows
    )
    assert grouped == [
        ["alpha-1-2023:1", "beta-2-2023:2", "gamma-3-2023:3"],
        ["alpha-1-2023:2", "beta-2-2023:1", "gamma-3-2023:2"],
        ["alpha-1-2023:3"],
        ["alpha-1-2023:4", "beta-2-2023:3", "gamma-3-2023:1"],
    ]


def test_diff_matches_reordered_ayat_by_content(source):
    result = diff(source, "alpha-1-2023 4", "beta-2-2023 3")
    assert [(u.a_label, u.b_label, u.status) for u in result.units] == [
        ("ayat (1)", "ayat (2)", "equal"),
        ("ayat (2)", "ayat (1)", "equal"),
    ]
    assert result.summary()["replace"] == 0


def test_diff_reports_added_words(source):
    result = diff(source, "alpha-1-2023 2", "beta-2-2023 1")
    (unit,) = result.units
    assert unit.status == "changed"
    inserted = [run.b for run in unit.runs if run.op == "insert"]
    assert inserted == ["Aplikasi khusus juga dapat dipakai."]


def test_unique_finds_the_article_no_other_has(source):
    found = unique(source, "alpha-1-2023")
    assert [(u.level, u.pasal) for u in found] == [("pasal", "3")]
    assert unique(source, "gamma-3-2023") == []
