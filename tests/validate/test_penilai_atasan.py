"""penilai-atasan-langsung on RDF uploads, in the matrix, and when re-validating one change.

The CSV cases (fired under every regulation, kept quiet by an equal superior and
appraiser, by a delegated appraiser, by a JF superior) are in ``test_shapes.py``.
"""

from __future__ import annotations

import pytest

from capabilities.validate import validate, validate_graph
from capabilities.validate.input_csv import read_tables
from capabilities.validate.matrix import validate_all
from capabilities.validate.model import update_people
from tests.validate import orgs
from tests.validate.orgs import REGULATIONS

RULE = "penilai-atasan-langsung"
BASE = "https://example.org/org/"
TURTLE = """\
@prefix org: <http://www.w3.org/ns/org#> .
@prefix pw: <https://w3id.org/perwali-kg/ontology#> .
@prefix pwv: <https://w3id.org/perwali-kg/validate#> .
@prefix : <https://example.org/org/> .

:dinas a pw:PerangkatDaerah .
:bidang a pw:UnitOrganisasi ; org:subOrganizationOf :dinas .
:seksi a pw:UnitOrganisasi ; org:subOrganizationOf :bidang .
:kadis a pwv:Pegawai ; org:memberOf :dinas ; pwv:jabatan pw:JabatanPimpinanTinggiPratama ;
    org:headOf :dinas .
:kabid a pwv:Pegawai ; org:memberOf :bidang ; pwv:jabatan pw:JabatanAdministrator ;
    org:reportsTo :kadis ; pwv:penilaiKinerja :kadis ; org:headOf :bidang {kabid} .
:kasi a pwv:Pegawai ; org:memberOf :seksi ; pwv:jabatan pw:JabatanPengawas ;
    org:reportsTo :kabid ; pwv:penilaiKinerja :kabid ; org:headOf :seksi .
:jf a pwv:Pegawai ; org:memberOf :seksi ; pwv:jabatan pw:JabatanFungsional ;
    pw:level pw:jenjangAhliPertama ; org:reportsTo :kasi ; pwv:penilaiKinerja :{penilai} .
"""
CITATION = {
    "palu-28-2023": "Pasal 18 ayat (3) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
    "padang-panjang-48-2024": (
        "Pasal 1 angka 13 Peraturan Wali Kota Padang Panjang Nomor 48 Tahun 2024"
    ),
    "tebing-tinggi-21-2024": (
        "Pasal 1 angka 22 Peraturan Wali Kota Tebing Tinggi Nomor 21 Tahun 2024"
    ),
    "semarang-85-2023": "Pasal 7 ayat (3) Peraturan Wali Kota Semarang Nomor 85 Tahun 2023",
    "cilegon-17-2023": "Pasal 1 angka 16 Peraturan Wali Kota Cilegon Nomor 17 Tahun 2023",
}


def _turtle(penilai: str, kabid: str = "") -> bytes:
    return TURTLE.replace("{penilai}", penilai).replace("{kabid}", kabid).encode()


def _mine(report) -> set:
    return {(f.subject, f.citation, f.value) for f in report.findings if f.rule == RULE}


@pytest.mark.parametrize("regulation", REGULATIONS)
def test_rdf_jf_appraised_by_someone_else_is_a_finding(source, regulation):
    report = validate(source, _turtle("kabid"), regulation, filename="org.ttl")
    assert _mine(report) == {(BASE + "jf", CITATION[regulation], BASE + "kabid")}
    assert report.conforms is False
    finding = next(f for f in report.findings if f.rule == RULE)
    assert finding.severity == "Violation"
    assert "atasan langsung" in finding.message


@pytest.mark.parametrize("regulation", REGULATIONS)
def test_rdf_jf_appraised_by_the_superior_is_quiet(source, regulation):
    report = validate(source, _turtle("kasi"), regulation, filename="org.ttl")
    assert report.findings == [] and report.conforms is True


@pytest.mark.parametrize("regulation", REGULATIONS)
def test_rdf_delegated_appraiser_is_quiet(source, regulation):
    body = _turtle("kabid", kabid="; pwv:delegasiPenilai true")
    assert _mine(validate(source, body, regulation, filename="org.ttl")) == set()


def test_english_message(source):
    report = validate(source, _turtle("kabid"), "palu-28-2023", lang="en", filename="org.ttl")
    message = next(f.message for f in report.findings if f.rule == RULE)
    assert "direct superior" in message


def test_matrix_every_regulation_states_it(source):
    """Every regulation states it (at least by its definition of Pejabat Penilai Kinerja):
    no "not-stated" column for this rule."""
    tables = orgs.person(orgs.clean("palu-28-2023"), "P06", penilai_kinerja_nip="P02")
    data = read_tables(tables, "test")
    row = next(r for r in validate_all(source, data).to_json()["matrix"] if r["rule"] == RULE)
    assert row["regulations"] == {
        reg: {"states": True, "status": "Violation", "findings": 1} for reg in REGULATIONS
    }


def test_matrix_conforms_when_the_superior_appraises(source):
    data = read_tables(orgs.clean("palu-28-2023"), "test")
    row = next(r for r in validate_all(source, data).to_json()["matrix"] if r["rule"] == RULE)
    assert {cell["status"] for cell in row["regulations"].values()} == {"conforms"}


@pytest.mark.parametrize("delegated", ["ya", ""])
def test_update_of_the_appraiser_alone_reaches_those_they_appraise(source, delegated):
    """Only the appraiser's delegation changes: the appraisee's finding follows it."""
    reg = "palu-28-2023"
    start = orgs.person(orgs.clean(reg), "P06", penilai_kinerja_nip="P09")
    if not delegated:
        start = orgs.person(start, "P09", delegasi_penilai="ya")
    after = orgs.person(start, "P09", delegasi_penilai=delegated)
    before = read_tables(start, "before")
    fresh = read_tables(after, "after")
    focus = update_people(before, [fresh.organisation.pegawai["P09"]])
    assert sorted(map(str, before.graph)) == sorted(map(str, fresh.graph))
    partial = validate_graph(source, before, reg, focus_nodes=focus).findings
    expected = set() if delegated else {(RULE, "P06")}
    assert {(f.rule, f.subject) for f in partial} == expected
    assert {(f.rule, f.subject) for f in validate_graph(source, fresh, reg).findings} == expected
