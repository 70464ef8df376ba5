"""The fixture organisation ``kecil`` (CSV folder and Turtle): exact findings per regulation,
the JSON contract, the languages, and the provisions the shapes cite."""

from __future__ import annotations

from pathlib import Path

import pytest

from capabilities.validate import validate
from capabilities.validate.citations import all_provisions, load_citations
from capabilities.validate.matrix import validate_all
from capabilities.validate.rules import RULES, catalogue
from tests.validate.orgs import REGULATIONS

FIXTURES = Path(__file__).parent / "fixtures"
KECIL = FIXTURES / "kecil"

#: regulation -> {(severity, subject, rule, citation, value)}, read off the texts by hand
EXPECTED = {
    "palu-28-2023": {
        # the Pelaksana is appraised by a JF peer, not by the superior (kabid)
        (
            "Violation",
            "pelaksana",
            "penilai-atasan-langsung",
            "Pasal 18 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
            "analis",
        ),
        (
            "Violation",
            "analis",
            "penilai-min-pengawas",
            "Pasal 1 angka 18 Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
            "fungsional",
        ),
        (
            "Violation",
            "tim",
            "sp-muatan",
            "Pasal 21 ayat (1) huruf c Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
            None,
        ),
        (
            "Violation",
            "penugasan",
            "sukarela-persetujuan",
            "Pasal 23 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
            "pengajuan_sukarela",
        ),
    },
    "tebing-tinggi-21-2024": {
        # the Pelaksana is appraised by a JF peer, not by the superior (kabid)
        (
            "Violation",
            "pelaksana",
            "penilai-atasan-langsung",
            "Pasal 6 ayat (4) Peraturan Wali Kota Tebing Tinggi Nomor 21 Tahun 2024",
            "analis",
        ),
        (
            "Violation",
            "analis",
            "penilai-min-pengawas",
            "Pasal 1 angka 22 Peraturan Wali Kota Tebing Tinggi Nomor 21 Tahun 2024",
            "fungsional",
        ),
        (
            "Violation",
            "tim",
            "sp-muatan",
            "Pasal 9 ayat (1) huruf c Peraturan Wali Kota Tebing Tinggi Nomor 21 Tahun 2024",
            None,
        ),
        (
            "Violation",
            "penugasan",
            "sukarela-persetujuan",
            "Pasal 11 ayat (5) Peraturan Wali Kota Tebing Tinggi Nomor 21 Tahun 2024",
            "pengajuan_sukarela",
        ),
    },
    "semarang-85-2023": {
        # the Pelaksana is appraised by a JF peer, not by the superior (kabid)
        (
            "Violation",
            "pelaksana",
            "penilai-atasan-langsung",
            "Pasal 7 ayat (4) Peraturan Wali Kota Semarang Nomor 85 Tahun 2023",
            "analis",
        ),
        (
            "Violation",
            "analis",
            "penilai-min-pengawas",
            "Pasal 1 angka 15 Peraturan Wali Kota Semarang Nomor 85 Tahun 2023",
            "fungsional",
        ),
        (
            "Violation",
            "tim",
            "tim-penetapan",
            "Pasal 10 ayat (9) Peraturan Wali Kota Semarang Nomor 85 Tahun 2023",
            "pejabat_penilai_kinerja",
        ),
    },
    "padang-panjang-48-2024": {
        # the Pelaksana is appraised by a JF peer, not by the superior (kabid)
        (
            "Violation",
            "pelaksana",
            "penilai-atasan-langsung",
            "Pasal 1 angka 13 Peraturan Wali Kota Padang Panjang Nomor 48 Tahun 2024",
            "analis",
        ),
        (
            "Violation",
            "analis",
            "penilai-min-pengawas",
            "Pasal 1 angka 13 Peraturan Wali Kota Padang Panjang Nomor 48 Tahun 2024",
            "fungsional",
        ),
        (
            "Violation",
            "penugasan",
            "penugasan-penetapan",
            "Pasal 8 ayat (4) Peraturan Wali Kota Padang Panjang Nomor 48 Tahun 2024",
            "kepala_perangkat_daerah",
        ),
    },
    "cilegon-17-2023": {
        # the Pelaksana is appraised by a JF peer, not by the superior (kabid)
        (
            "Violation",
            "pelaksana",
            "penilai-atasan-langsung",
            "Pasal 1 angka 16 Peraturan Wali Kota Cilegon Nomor 17 Tahun 2023",
            "analis",
        ),
        (
            "Violation",
            "analis",
            "penilai-min-pengawas",
            "Pasal 1 angka 16 Peraturan Wali Kota Cilegon Nomor 17 Tahun 2023",
            "fungsional",
        ),
        (
            "Violation",
            "tim",
            "tim-penetapan",
            "Pasal 9 ayat (1) Peraturan Wali Kota Cilegon Nomor 17 Tahun 2023",
            "pejabat_penilai_kinerja",
        ),
    },
}
KEYS = [
    "severity",
    "subject",
    "rule",
    "message",
    "citation",
    "provision",
    "pasal",
    "ayat",
    "huruf",
    "value",
]


#: rules whose value names a person (an IRI in an RDF upload)
PERSON_VALUE = {"penilai-atasan-langsung"}


def _rows(report):
    return {(f.severity, f.subject, f.rule, f.citation, f.value) for f in report.findings}


@pytest.mark.parametrize("regulation", REGULATIONS)
def test_csv_fixture_findings(source, regulation):
    report = validate(source, KECIL, regulation)
    assert _rows(report) == EXPECTED[regulation]
    assert report.conforms is False


@pytest.mark.parametrize("regulation", REGULATIONS)
def test_turtle_fixture_gives_the_same_findings_with_iris(source, regulation):
    report = validate(source, FIXTURES / "kecil.ttl", regulation)
    base = "https://example.org/pemkot/"
    expected = {
        (sev, base + subject, rule, citation, base + value if rule in PERSON_VALUE else value)
        for sev, subject, rule, citation, value in EXPECTED[regulation]
    }
    assert _rows(report) == expected


def test_json_contract(source):
    payload = validate(source, KECIL, "palu-28-2023").to_json()
    assert list(payload) == ["regulation", "conforms", "counts", "rules_checked", "results"]
    assert payload["regulation"] == "palu-28-2023"
    assert payload["counts"] == {"Violation": 4, "Warning": 0, "Info": 0}
    assert "penilai-min-pengawas" in payload["rules_checked"]
    assert set(payload["rules_checked"]) <= set(RULES)
    first = payload["results"][0]
    assert list(first) == KEYS
    sp = next(r for r in payload["results"] if r["rule"] == "sp-muatan")
    assert (sp["pasal"], sp["ayat"], sp["huruf"]) == ("21", "1", "c")
    assert sp["provision"].endswith("/eli/id-palu/perwal/2023/28/pasal/21/ayat/1/huruf/c")
    definition = next(r for r in payload["results"] if r["rule"] == "penilai-min-pengawas")
    assert (definition["pasal"], definition["ayat"], definition["huruf"]) == ("1", None, None)


def test_messages_indonesian_by_default_english_on_request(source):
    indonesian = validate(source, KECIL, "palu-28-2023")
    english = validate(source, KECIL, "palu-28-2023", "en")
    rule = "penilai-min-pengawas"
    id_message = next(f.message for f in indonesian.findings if f.rule == rule)
    en_message = next(f.message for f in english.findings if f.rule == rule)
    assert "Pejabat Penilai Kinerja" in id_message and "paling rendah" in id_message
    assert "below Pejabat Pengawas" in en_message
    assert "sh:" not in id_message + en_message


def test_report_keeps_the_shacl_results_graph(source):
    from rdflib import RDF, Namespace

    sh = Namespace("http://www.w3.org/ns/shacl#")
    report = validate(source, KECIL, "palu-28-2023")
    results = list(report.results_graph.subjects(RDF.type, sh.ValidationResult))
    assert len(results) >= len(report.findings)
    assert (None, sh.targetClass, None) in report.shapes_graph
    assert len(report.data.graph) > 0


def test_every_provision_of_the_shapes_is_in_the_store(source):
    citations = load_citations(source)
    missing = [iri for iri in all_provisions() if not citations.exists(iri)]
    assert missing == []
    assert len(all_provisions()) >= 90


def test_catalogue_lists_every_rule_with_descriptions_and_provisions(source):
    rules = catalogue(load_citations(source))
    assert [rule.id for rule in rules] == list(RULES)
    for rule in rules:
        payload = rule.to_json()
        assert payload["description"]["id"] and payload["description"]["en"]
        assert payload["provisions"], rule.id
        for provision in payload["provisions"]:
            assert provision["citation"].startswith("Pasal ")
    by_id = {rule.id: rule for rule in rules}
    assert by_id["ketua-dari-pemilik"].severities == ["Warning"]
    assert by_id["tim-lintas-pd"].severities == ["Violation", "Info"]
    assert {p.regulation for p in by_id["ketua-golongan"].provisions} == {"semarang-85-2023"}


def test_catalogue_of_one_regulation(source):
    rules = catalogue(load_citations(source), "cilegon-17-2023")
    assert {p.regulation for rule in rules for p in rule.provisions} == {"cilegon-17-2023"}
    assert "sp-muatan" not in {rule.id for rule in rules}


def test_all_regulations_matrix(source):
    from capabilities.validate import load

    result = validate_all(source, load(KECIL))
    payload = result.to_json()
    assert [r["regulation"] for r in payload["reports"]] == sorted(REGULATIONS)
    matrix = {row["rule"]: row["regulations"] for row in payload["matrix"]}
    assert matrix["sukarela-persetujuan"]["palu-28-2023"] == {
        "states": True,
        "status": "Violation",
        "findings": 1,
    }
    assert matrix["sukarela-persetujuan"]["cilegon-17-2023"]["status"] == "not-stated"
    assert matrix["ketua-dari-pemilik"]["semarang-85-2023"]["status"] == "conforms"
    assert payload["conforms"] is False


def test_the_build_loads_the_shapes_into_the_shapes_graph(source):
    rows = source.select(
        "SELECT (COUNT(DISTINCT ?shape) AS ?n) WHERE { GRAPH <https://w3id.org/perwali-kg/graph/shapes> "
        "{ ?shape <https://w3id.org/perwali-kg/validate#rule> ?rule } }"
    )
    from capabilities.validate import engine

    expected = sum(len(engine.shape_infos(reg)) for reg in engine.regulations())
    assert int(rows[0]["n"]) == expected


def test_lex_specialis_is_documented_on_the_shape(source):
    rules = {rule.id: rule for rule in catalogue(load_citations(source), "palu-28-2023")}
    notes = {
        p.citation.split(" Peraturan")[0]: p.note for p in rules["penugasan-penetapan"].provisions
    }
    assert "Lex specialis" in notes["Pasal 20 ayat (4) huruf a"]
    assert "Pasal 23 ayat (5)" in notes["Pasal 20 ayat (4) huruf a"]


UPDATES = [
    # a Pelaksana moved under an Administrator (who appraises them) in a unit with a Pengawas
    (
        "palu-28-2023",
        {"P08": {"atasan_nip": "P02", "penilai_kinerja_nip": "P02"}},
        {("pelaksana-kedudukan", "P08")},
    ),
    # a Pelaksana moved under an Administrator, still appraised by the Pengawas
    (
        "palu-28-2023",
        {"P08": {"atasan_nip": "P02"}},
        {("pelaksana-kedudukan", "P08"), ("penilai-atasan-langsung", "P08")},
    ),
    # the Pengawas becomes a Pelaksana: those under them, and they as leader and appraiser
    (
        "palu-28-2023",
        {"P03": {"jabatan": "pelaksana"}},
        {
            ("jf-kedudukan", "P06"),
            ("jf-kedudukan", "P07"),
            ("pelaksana-kedudukan", "P08"),
            ("penilai-min-pengawas", "P03"),
            ("pimpinan-unit-jabatan", "P03"),
        },
    ),
    # the team's anggota becomes the JF hasil penyetaraan, its ketua no longer is
    (
        "semarang-85-2023",
        {"P22": {"hasil_penyetaraan": "ya"}, "P21": {"hasil_penyetaraan": ""}},
        {("ketua-hasil-penyetaraan", "T1")},
    ),
    # a JF appraises, with delegation: lawful
    (
        "tebing-tinggi-21-2024",
        {"P07": {"delegasi_penilai": "ya"}, "P08": {"penilai_kinerja_nip": "P07"}},
        set(),
    ),
]


@pytest.mark.parametrize("regulation,changes,expected", UPDATES)
def test_update_people_then_focus_equals_a_fresh_read(source, regulation, changes, expected):
    """Re-validating the changed people's nodes finds what a full fresh validation finds."""
    from capabilities.validate import validate_graph
    from capabilities.validate.input_csv import read_tables
    from capabilities.validate.model import update_people
    from tests.validate import orgs

    before = read_tables(orgs.clean(regulation), "before")
    changed_tables = orgs.clean(regulation)
    for nip, values in changes.items():
        changed_tables = orgs.person(changed_tables, nip, **values)
    fresh = read_tables(changed_tables, "after")
    focus = update_people(before, [fresh.organisation.pegawai[nip] for nip in changes])
    assert sorted(map(str, before.graph)) == sorted(map(str, fresh.graph))
    full = {(f.rule, f.subject) for f in validate_graph(source, fresh, regulation).findings}
    partial = {
        (f.rule, f.subject)
        for f in validate_graph(source, before, regulation, focus_nodes=focus).findings
    }
    assert full == expected
    assert partial == full
