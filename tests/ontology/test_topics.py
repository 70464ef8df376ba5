"""The SKOS topic scheme."""

from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import RDF, SKOS

from extract.vocab import TOPIC, TOPIC_SCHEME
from ontology.topics import REQUIRED_TOPIC_IDS, TOPIC_BY_ID, TOPICS

SCHEME = rdflib.URIRef(TOPIC_SCHEME)


def test_scheme_holds_exactly_the_table(ontology_graph):
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in ontology_graph
    members = {str(s)[len(TOPIC) :] for s in ontology_graph.subjects(SKOS.inScheme, SCHEME)}
    assert members == set(TOPIC_BY_ID)
    assert set(REQUIRED_TOPIC_IDS) <= members


@pytest.mark.parametrize("topic", TOPICS, ids=lambda topic: topic.id)
def test_topic_labels(ontology_graph, topic):
    concept = rdflib.URIRef(TOPIC + topic.id)
    assert (concept, RDF.type, SKOS.Concept) in ontology_graph
    langs = [label.language for label in ontology_graph.objects(concept, SKOS.prefLabel)]
    assert sorted(langs) == ["en", "id"]
    if topic.broader:
        assert (concept, SKOS.broader, rdflib.URIRef(TOPIC + topic.broader)) in ontology_graph
    else:
        assert (concept, SKOS.topConceptOf, SCHEME) in ontology_graph


@pytest.mark.parametrize(
    "topic_id", ["tim-lintas-unit", "tim-lintas-perangkat-daerah", "tim-lintas-instansi"]
)
def test_cross_teams_are_narrower_than_tim_kerja(topic_id):
    assert TOPIC_BY_ID[topic_id].broader == "tim-kerja"


def test_lintas_pd_is_an_alt_label(ontology_graph):
    concept = rdflib.URIRef(TOPIC + "tim-lintas-perangkat-daerah")
    assert rdflib.Literal("lintas PD", lang="id") in set(
        ontology_graph.objects(concept, SKOS.altLabel)
    )


def test_broader_links_form_a_tree():
    for topic in TOPICS:
        seen, current = set(), topic
        while current.broader:
            assert current.id not in seen, f"cycle through {topic.id}"
            seen.add(current.id)
            current = TOPIC_BY_ID[current.broader]
