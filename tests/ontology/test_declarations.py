"""Every term is declared, labelled @id and @en and commented; vocab.py's terms exist."""

from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from extract import vocab

KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def declared_terms(graph: rdflib.Graph) -> set[rdflib.URIRef]:
    return {
        s for kind in KINDS for s in graph.subjects(RDF.type, kind) if isinstance(s, rdflib.URIRef)
    }


def vocab_pw_terms() -> set[str]:
    """Every pw: IRI named in extract/vocab.py (constants and dict values)."""
    values = []
    for name, value in vars(vocab).items():
        if name.isupper():
            values.extend(value.values() if isinstance(value, dict) else [value])
    return {v for v in values if isinstance(v, str) and v.startswith(vocab.PW) and v != vocab.PW}


def test_every_term_has_labels_and_comment(ontology_graph):
    missing = []
    for term in sorted(declared_terms(ontology_graph)):
        langs = {label.language for label in ontology_graph.objects(term, RDFS.label)}
        if not {"id", "en"} <= langs or (term, RDFS.comment, None) not in ontology_graph:
            missing.append(term)
    assert missing == []


@pytest.mark.parametrize("iri", sorted(vocab_pw_terms()))
def test_vocab_term_is_declared(ontology_graph, iri):
    assert rdflib.URIRef(iri) in declared_terms(ontology_graph)


def test_regulation_class_is_produk_hukum_daerah(ontology_graph):
    assert vocab.REGULATION_CLASS == vocab.PW + "ProdukHukumDaerah"
    eli = rdflib.Namespace(vocab.ELI)
    regulation = rdflib.URIRef(vocab.REGULATION_CLASS)
    assert (regulation, RDFS.subClassOf, eli.LegalResource) in ontology_graph
    assert not list(
        ontology_graph.triples((rdflib.URIRef(vocab.PW + "PeraturanDaerah"), None, None))
    )


@pytest.mark.parametrize("iri", sorted(vocab.UNIT_CLASSES.values()))
def test_unit_classes_are_eli_subdivisions(ontology_graph, iri):
    subdivision = rdflib.URIRef(vocab.ELI + "LegalResourceSubdivision")
    assert (rdflib.URIRef(iri), RDFS.subClassOf, subdivision) in ontology_graph


def test_paragraf_comment_warns_against_akoma_ntoso_paragraph(ontology_graph):
    comment = str(ontology_graph.value(rdflib.URIRef(vocab.PW + "Paragraf"), RDFS.comment))
    assert "Akoma Ntoso" in comment and "ayat" in comment


def test_no_owl_imports(ontology_graph):
    assert list(ontology_graph.objects(None, OWL.imports)) == []
