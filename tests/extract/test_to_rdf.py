"""The graph of the five regulations, read back through SPARQL from the built store."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from extract.iri import Iri
from perwali.read import select
from perwali.store import open_embedded

PALU = "https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28"


@pytest.fixture(scope="module")
def store(built_data):
    return open_embedded(built_data)


def test_one_named_graph_per_regulation(store):
    graphs = {g.value for g in store.named_graphs()}
    for place, path in [
        ("palu", "2023/28"),
        ("padang-panjang", "2024/48"),
        ("tebing-tinggi", "2024/21"),
        ("semarang", "2023/85"),
        ("cilegon", "2023/17"),
    ]:
        assert f"https://w3id.org/perwali-kg/eli/id-{place}/perwal/{path}" in graphs
    assert "https://w3id.org/perwali-kg/graph/instruments" in graphs


def test_pasal_count_per_regulation_via_sparql(store):
    rows = select(
        store,
        """SELECT ?id (COUNT(?p) AS ?n) WHERE {
        GRAPH ?g { ?p a pw:Pasal ; pw:regulation ?r . ?r pw:regulationId ?id } } GROUP BY ?id""",
    )
    assert {row["id"]: int(row["n"]) for row in rows} == {
        "palu-28-2023": 32,
        "padang-panjang-48-2024": 18,
        "tebing-tinggi-21-2024": 20,
        "semarang-85-2023": 19,
        "cilegon-17-2023": 16,
    }


def test_unit_triples_are_eli_aligned(store):
    ayat = f"{PALU}/pasal/21/ayat/4"
    rows = select(
        store,
        f"""SELECT ?label ?text ?number ?parent ?reg WHERE {{
        <{ayat}> a pw:Ayat, eli:LegalResourceSubdivision ; rdfs:label ?label ; pw:text ?text ;
                 eli:number ?number ; eli:is_part_of ?parent ; pw:regulation ?reg .
        ?parent eli:has_part <{ayat}> }}""",
    )
    assert rows == [
        {
            "label": "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
            "text": "Surat Perintah penugasan tim kerja lintas Perangkat Daerah ditetapkan oleh Sekretaris Daerah.",
            "number": "4",
            "parent": f"{PALU}/pasal/21",
            "reg": PALU,
        }
    ]


def test_texts_and_labels_are_tagged_indonesian(store):
    solutions = store.query(
        f"SELECT ?l ?t WHERE {{ <{PALU}/pasal/21/ayat/4> <http://www.w3.org/2000/01/rdf-schema#label> ?l ; "
        "<https://w3id.org/perwali-kg/ontology#text> ?t }",
        use_default_graph_as_union=True,
    )
    row = next(iter(solutions))
    assert row["l"].language == "id" and row["t"].language == "id"


def test_regulation_metadata(store):
    rows = select(
        store,
        f"""SELECT ?type ?date ?pub ?juris ?signer ?title WHERE {{
        <{PALU}> a eli:LegalResource, pw:ProdukHukumDaerah ; eli:type_document ?type ;
            eli:date_document ?date ; eli:date_publication ?pub ; eli:jurisdiction ?juris ;
            eli:passed_by ?signer ; eli:title ?title }}""",
    )
    assert rows == [
        {
            "type": "https://w3id.org/perwali-kg/resource-type/perwal",
            "date": "2023-09-27",
            "pub": "2023-09-27",
            "juris": "https://w3id.org/perwali-kg/jurisdiction/id-palu",
            "signer": "https://w3id.org/perwali-kg/agent/id-palu/wali-kota-palu",
            "title": "Sistem Kerja Aparatur Sipil Negara untuk Penyederhanaan Birokrasi",
        }
    ]


def test_all_five_link_to_the_same_permenpanrb_node(store):
    rows = select(
        store,
        """SELECT DISTINCT ?id ?label WHERE {
        ?item pw:cites <https://w3id.org/perwali-kg/eli/id/permenpanrb/2022/7> ; pw:regulation ?r .
        ?r pw:regulationId ?id .
        <https://w3id.org/perwali-kg/eli/id/permenpanrb/2022/7> rdfs:label ?label }""",
    )
    assert {row["id"] for row in rows} == {
        "palu-28-2023",
        "padang-panjang-48-2024",
        "tebing-tinggi-21-2024",
        "semarang-85-2023",
        "cilegon-17-2023",
    }
    assert {row["label"] for row in rows} == {
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 "
        "tentang Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi"
    }


def test_mengingat_basis(store):
    rows = select(
        store, f"""SELECT ?basis WHERE {{ <{PALU}> eli:based_on ?basis }} ORDER BY ?basis"""
    )
    assert [row["basis"].rsplit("eli/", 1)[1] for row in rows] == [
        "id/uu/1994/4",
        "id/uu/2014/23",
        "id/uud/1945",
    ]
    rows = select(store, f"SELECT ?p WHERE {{ <{PALU}/mengingat/1> pw:pinpoint ?p }}")
    assert rows == [{"p": "Pasal 18 ayat (6)"}]


def test_inferred_headings_marked_in_the_graph(store):
    rows = select(store, """SELECT ?p WHERE { ?p pw:headingInferred true } ORDER BY ?p""")
    assert sorted(int(row["p"].rsplit("/", 1)[1]) for row in rows) == [4, 13, 16, 17]
    rows = select(
        store,
        """SELECT ?code WHERE {
        ?w pw:concerns <https://w3id.org/perwali-kg/eli/id-padang-panjang/perwal/2024/48/pasal/13> ;
           pw:warningCode ?code }""",
    )
    assert rows == [{"code": "pasal-heading-inferred"}]


def test_definitions_in_the_graph(store):
    rows = select(
        store,
        f"""SELECT ?term ?abbr ?angka WHERE {{
        ?d a pw:Definisi ; pw:regulation <{PALU}> ; pw:term ?term ; pw:abbreviation ?abbr ;
           eli:is_part_of ?angka . ?angka pw:defines ?d }} ORDER BY ?term""",
    )
    assert [(r["term"], r["abbr"], r["angka"].rsplit("/", 1)[1]) for r in rows] == [
        ("Aparatur Sipil Negara", "ASN", "6"),
        ("Pegawai Aparatur Sipil Negara", "Pegawai ASN", "7"),
        ("Sistem Pemerintahan Berbasis Elektronik", "SPBE", "5"),
    ]


def test_every_iri_parses_and_spans_are_ordered(store):
    rows = select(
        store,
        """SELECT ?u ?s ?e WHERE { ?u pw:regulation ?r ; pw:startOffset ?s ; pw:endOffset ?e .
                                   FILTER (isIRI(?u)) }""",
    )
    assert len(rows) > 1000
    for row in rows:
        assert str(Iri.parse(row["u"])) == row["u"]
        assert int(row["s"]) < int(row["e"])


def test_lampiran_sections(store):
    rows = select(
        store,
        """SELECT ?h WHERE { ?s a pw:BagianLampiran ; pw:heading ?h ; pw:position ?p } ORDER BY ?p""",
    )
    assert [row["h"] for row in rows] == [
        "KEDUDUKAN",
        "PENUGASAN",
        "PELAKSANAAN TUGAS",
        "PERTANGGUNGJAWABAN PELAKSANAAN TUGAS",
    ]


def test_ontology_graph_loaded(store):
    assert ox.NamedNode("https://w3id.org/perwali-kg/graph/ontology") in set(store.named_graphs())
