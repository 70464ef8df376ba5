"""The order of position levels answers "X or higher" in plain SPARQL."""

from __future__ import annotations

import pytest

from extract.vocab import PREFIXES
from ontology.levels import LEVELS, at_or_above

HEADER = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())

OR_HIGHER = (
    HEADER
    + """
SELECT ?level WHERE {
  ?level a/rdfs:subClassOf* pw:JenjangJabatan .
  FILTER (?level = pw:jenjangAdministrator
          || EXISTS { ?level pw:higherThan pw:jenjangAdministrator })
}"""
)

OR_HIGHER_BY_RANK = (
    HEADER
    + """
SELECT ?level WHERE {
  pw:jenjangAdministrator pw:rank ?floor ; a ?ladder .
  ?ladder rdfs:subClassOf pw:JenjangJabatan .
  ?level a ?ladder ; pw:rank ?rank .
  FILTER (?rank >= ?floor)
}"""
)

ROLES_OR_HIGHER = (
    HEADER
    + """
SELECT ?role WHERE {
  ?role a pw:Role ; pw:level ?level .
  FILTER (?level = pw:jenjangAdministrator
          || EXISTS { ?level pw:higherThan pw:jenjangAdministrator })
}"""
)

EXPECTED = {"jenjangPimpinanTinggiMadya", "jenjangPimpinanTinggiPratama", "jenjangAdministrator"}


def local(term) -> str:
    return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@pytest.mark.parametrize("query", [OR_HIGHER, OR_HIGHER_BY_RANK], ids=["higherThan", "rank"])
def test_administrator_or_higher(ontology_graph, query):
    assert {local(row.level) for row in ontology_graph.query(query)} == EXPECTED


def test_roles_administrator_or_higher(ontology_graph):
    assert {local(row.role) for row in ontology_graph.query(ROLES_OR_HIGHER)} == {
        "pejabat-pimpinan-tinggi-madya",
        "pejabat-pimpinan-tinggi-pratama",
        "pejabat-administrator",
    }


def test_functional_levels_are_not_ranked_against_structural(ontology_graph):
    query = HEADER + "ASK { pw:jenjangAhliUtama pw:higherThan pw:jenjangPengawas }"
    assert not ontology_graph.query(query).askAnswer


def test_python_table_agrees():
    assert {level.local_name for level in at_or_above("administrator")} == EXPECTED
    for ladder in {level.ladder for level in LEVELS}:
        ranks = sorted(level.rank for level in LEVELS if level.ladder == ladder)
        assert ranks == list(range(1, len(ranks) + 1))
