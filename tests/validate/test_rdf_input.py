"""RDF input: every syntax gives the same findings; unsafe or wrong RDF is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from capabilities.validate import InputErrors, validate
from capabilities.validate.input_rdf import read_rdf_bytes

TURTLE = Path(__file__).parent / "fixtures" / "kecil.ttl"


def _rows(report):
    return sorted((f.severity, f.subject, f.rule, f.provision, f.value) for f in report.findings)


@pytest.mark.parametrize(
    "rdflib_format,filename",
    [("json-ld", "org.jsonld"), ("nt", "org.nt"), ("xml", "org.rdf")],
)
def test_every_syntax_gives_the_turtle_findings(source, rdflib_format, filename):
    graph = Graph().parse(TURTLE)
    body = graph.serialize(format=rdflib_format, encoding="utf-8")
    expected = _rows(validate(source, TURTLE, "palu-28-2023"))
    assert expected
    assert _rows(validate(source, body, "palu-28-2023", filename=filename)) == expected


def test_upload_is_read_into_its_own_graph_with_derived_facts():
    data = read_rdf_bytes(TURTLE.read_bytes(), "kecil.ttl")
    from capabilities.validate.model import PWV

    kabid = "https://example.org/pemkot/kabid"
    assert data.kind == "rdf"
    assert int(data.graph.value(predicate=PWV.rank, subject=_iri(kabid))) == 3
    assert data.label(kabid) == kabid


def _iri(text):
    from rdflib import URIRef

    return URIRef(text)


def _error(data: bytes, filename: str) -> str:
    with pytest.raises(InputErrors) as caught:
        read_rdf_bytes(data, filename)
    return caught.value.errors[0].message_en


def test_rdf_xml_with_entities_is_refused():
    body = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
    )
    assert "external entities" in _error(body, "org.rdf")


@pytest.mark.parametrize(
    "body",
    [
        b'{"@context": "https://example.org/context.jsonld", "@id": "x"}',
        b'{"@context": ["https://example.org/c.jsonld", {"a": "b"}], "@id": "x"}',
        b'{"@graph": [{"@context": {"@import": "https://example.org/c"}, "@id": "x"}]}',
    ],
)
def test_json_ld_with_a_remote_context_is_refused(body):
    assert "@context that is a URL" in _error(body, "org.jsonld")


def test_syntax_error_and_unknown_format():
    assert "cannot be parsed" in _error(b"<a> <b> .", "org.ttl")
    assert "unknown file format" in _error(b"x", "org.docx")
    assert "invalid JSON" in _error(b"{", "org.jsonld")


def test_unknown_values_and_dangling_references_in_rdf():
    body = b"""
    @prefix org: <http://www.w3.org/ns/org#> .
    @prefix pw: <https://w3id.org/perwali-kg/ontology#> .
    @prefix pwv: <https://w3id.org/perwali-kg/validate#> .
    <urn:x:u> a pw:PerangkatDaerah .
    <urn:x:p> a pwv:Pegawai ; org:memberOf <urn:x:u> ; pwv:jabatan pw:JabatanPelaksana ;
        org:reportsTo <urn:x:nobody> .
    <urn:x:q> a pwv:Pegawai ; org:memberOf <urn:x:u> ; pwv:jabatan pw:Raja .
    <urn:x:r> a pwv:Pegawai ; pwv:jabatan pw:JabatanPelaksana .
    <urn:x:a> a pwv:Penugasan ; pwv:cara pwv:Penunjukan .
    """
    with pytest.raises(InputErrors) as caught:
        read_rdf_bytes(body, "org.ttl")
    found = {(e.subject, e.column) for e in caught.value.errors}
    assert found == {
        ("urn:x:p", "org:reportsTo"),
        ("urn:x:q", "pwv:jabatan"),
        ("urn:x:r", "org:memberOf"),
        ("urn:x:a", "pwv:pegawai"),
    }
