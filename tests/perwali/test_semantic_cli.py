"""The semantic layer end to end: extraction -> graph -> store -> CLI and /sparql."""

from __future__ import annotations

import json

import pytest

from extract.norms import norms_json
from extract.refs import refs_json
from perwali.cli import main
from perwali.read import select
from perwali.store import open_embedded
from server.app import create_app
from tests.conftest import CORPUS_IDS

PALU = "https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28"
ROLE = "https://w3id.org/perwali-kg/role/"


def cli_json(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("reg_id", CORPUS_IDS)
def test_norms_and_refs_survive_the_round_trip_through_the_graph(
    corpus, built_data, capsys, reg_id
):
    assert cli_json(capsys, "norms", reg_id, "--json", "--data", str(built_data)) == norms_json(
        corpus[reg_id]
    )
    assert cli_json(capsys, "refs", reg_id, "--json", "--data", str(built_data)) == refs_json(
        corpus[reg_id]
    )


def test_norms_cli_rows(built_data, capsys):
    rows = cli_json(capsys, "norms", "semarang-85-2023", "--json", "--data", str(built_data))
    qualification = next(
        r for r in rows if r["provision"] == {"pasal": "10", "ayat": "6", "huruf": None}
    )
    assert qualification["modality"] == "qualification" and qualification["bearer"] == ["ketua-tim"]
    assert {row["modality"] for row in rows} >= {
        "obligation",
        "responsibility",
        "permission",
        "power",
        "preference",
    }


def test_refs_cli_range_gives_one_row_per_target(built_data, capsys):
    rows = cli_json(capsys, "refs", "palu-28-2023", "--json", "--data", str(built_data))
    ranged = [r for r in rows if r["text"] == "Pasal 12 sampai dengan Pasal 28"]
    assert [r["to"]["pasal"] for r in ranged] == [str(n) for n in range(12, 29)]
    assert all(
        r["from"] == {"pasal": "31", "ayat": "2", "huruf": None} and r["resolved"] for r in ranged
    )


@pytest.fixture(scope="module")
def endpoint(built_data):
    app = create_app({"TESTING": True, "STORE": f"embedded:{built_data}", "QUERY_TIMEOUT": 10.0})
    yield app.test_client()
    app.extensions["perwali.backend"].close()


def sparql(client, query: str) -> list[dict]:
    response = client.get(
        "/sparql",
        query_string={"query": query},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200, response.data
    return [
        {k: v["value"] for k, v in b.items()} for b in response.get_json()["results"]["bindings"]
    ]


def test_known_norm_through_the_sparql_endpoint(endpoint):
    """Palu Pasal 28 ayat (2): the ketua tim reports to the Pimpinan Unit Organisasi."""
    rows = sparql(
        endpoint,
        f"""
        SELECT ?norm ?modality ?action ?component WHERE {{
          ?norm a pw:Obligation ; pw:modality ?modality ; pw:bearer role:ketua-tim ;
                pw:counterparty role:pimpinan-unit-organisasi ;
                pw:statedIn <{PALU}/pasal/28/ayat/2> ; pw:action ?action ;
                prov:wasGeneratedBy ?component .
        }}""",
    )
    assert len(rows) == 1
    assert rows[0]["norm"] == f"{PALU}/pasal/28/ayat/2/norma/1"
    assert rows[0]["modality"] == "obligation"
    assert rows[0]["action"].startswith("melaporkan pelaksanaan tugas tim kerja kepada")
    assert rows[0]["component"].startswith("https://w3id.org/perwali-kg/component/norm_cues")


def test_powers_to_establish_cross_pd_teams_per_city(endpoint):
    rows = sparql(
        endpoint,
        """
        SELECT ?id ?bearer WHERE {
          ?norm a pw:Power ; pw:bearer ?bearer ; pw:statedIn ?p .
          ?p pw:text ?text ; pw:regulation ?r . ?r pw:regulationId ?id .
          FILTER (CONTAINS(LCASE(?text), "tim kerja lintas perangkat daerah"))
        } ORDER BY ?id""",
    )
    assert [(r["id"], r["bearer"].rsplit("/", 1)[1]) for r in rows] == [
        ("palu-28-2023", "sekretaris-daerah"),
        ("tebing-tinggi-21-2024", "wali-kota"),
    ]


def test_every_pasal_and_ayat_has_a_topic(built_data):
    store = open_embedded(built_data)
    rows = select(
        store,
        """SELECT (COUNT(?p) AS ?n) WHERE {
        { ?p a pw:Pasal } UNION { ?p a pw:Ayat }
        FILTER NOT EXISTS { ?p dcterms:subject ?topic } }""",
    )
    assert rows == [{"n": "0"}]
    rows = select(
        store, f"""SELECT ?topic WHERE {{ <{PALU}/pasal/21/ayat/4> dcterms:subject ?topic }}"""
    )
    assert "https://w3id.org/perwali-kg/topic/tim-lintas-perangkat-daerah" in {
        r["topic"] for r in rows
    }


def test_role_mentions_carry_provenance_and_link_to_the_ontology(built_data):
    store = open_embedded(built_data)
    rows = select(
        store,
        f"""SELECT ?words ?label ?component WHERE {{
        ?m a pw:RoleMention ; pw:role <{ROLE}ketua-tim> ; pw:statedIn <{PALU}/pasal/28/ayat/2> ;
           rdfs:label ?words ; prov:wasGeneratedBy ?component .
        <{ROLE}ketua-tim> skos:prefLabel ?label . FILTER (LANG(?label) = "id") }}""",
    )
    assert rows and rows[0]["label"] == "ketua tim"
    assert {r["words"] for r in rows} == {"ketua tim"}


def test_references_resolve_to_provisions_in_the_graph(built_data):
    store = open_embedded(built_data)
    rows = select(
        store,
        """SELECT (COUNT(?r) AS ?n) WHERE {
        ?r a pw:Reference ; pw:referenceKind "internal" ; pw:target ?t .
        FILTER NOT EXISTS { ?t rdfs:label ?l } }""",
    )
    assert rows == [{"n": "0"}]  # every resolved internal target is a node of the graph
    rows = select(store, f"""SELECT ?t WHERE {{ <{PALU}/menimbang/d> pw:refersTo ?t }}""")
    assert rows == [{"t": "https://w3id.org/perwali-kg/eli/id/permenpanrb/2022/7"}]
