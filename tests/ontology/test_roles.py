"""Role individuals: the fixed ids, their labels, and the Python table behind them."""

from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import RDF, RDFS, SKOS

from extract.vocab import PW, ROLE
from ontology.levels import LEVEL_BY_ID
from ontology.roles import REQUIRED_ROLE_IDS, ROLE_BY_ID, ROLES

PW_ROLE = rdflib.URIRef(PW + "Role")


def role_ids(graph: rdflib.Graph) -> set[str]:
    return {str(s)[len(ROLE) :] for s in graph.subjects(RDF.type, PW_ROLE)}


def test_roles_in_graph_are_the_table(ontology_graph):
    assert role_ids(ontology_graph) == set(ROLE_BY_ID)
    assert len(ROLES) == len(ROLE_BY_ID)


@pytest.mark.parametrize("role_id", REQUIRED_ROLE_IDS)
def test_required_role_present_and_labelled(ontology_graph, role_id):
    role = rdflib.URIRef(ROLE + role_id)
    assert (role, RDF.type, PW_ROLE) in ontology_graph
    for prop in (RDFS.label, SKOS.prefLabel):
        assert {label.language for label in ontology_graph.objects(role, prop)} == {"id", "en"}


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.id)
def test_alt_labels_are_indonesian(ontology_graph, role):
    labels = set(ontology_graph.objects(rdflib.URIRef(ROLE + role.id), SKOS.altLabel))
    assert labels == {rdflib.Literal(alt, lang="id") for alt in role.alt_labels}


def test_ppk_is_no_label_of_any_role():
    assert all("PPK" not in (role.label_id, *role.alt_labels) for role in ROLES)


def test_surface_labels_name_one_role_each():
    seen: dict[str, str] = {}
    for role in ROLES:
        for label in (role.label_id, *role.alt_labels):
            assert seen.setdefault(label, role.id) == role.id, label


@pytest.mark.parametrize(
    ("surface", "role_id"),
    [
        ("JF", "pejabat-fungsional"),
        ("Pejabat Pelaksana", "pelaksana"),
        ("Jabatan Pelaksana", "pelaksana"),
        ("pelaksana", "pelaksana"),
        ("Pimpinan Perangkat Daerah", "kepala-perangkat-daerah"),
        ("Ketua Tim Kerja", "ketua-tim"),
        ("Pejabat Penilai Kinerja/atasan langsung", "pejabat-penilai-kinerja"),
        ("atasan langsung", "atasan-langsung"),
        ("PD", "perangkat-daerah"),
        ("tim koordinasi SPBE Pemerintah Daerah", "tim-koordinasi-spbe"),
    ],
)
def test_surface_variant_maps_to_role(surface, role_id):
    role = ROLE_BY_ID[role_id]
    assert surface in (role.label_id, *role.alt_labels)


def test_table_links_are_valid():
    for role in ROLES:
        assert role.broader is None or role.broader in ROLE_BY_ID, role.id
        assert role.level is None or role.level in LEVEL_BY_ID, role.id
