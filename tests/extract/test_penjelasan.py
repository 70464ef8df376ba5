"""The Penjelasan as nodes that explain the body's provisions (issue 10 item 3)."""

from __future__ import annotations

from extract import vocab as v
from extract.iri import Iri
from extract.parse import parse_file
from extract.to_rdf import regulation_quads
from tests.conftest import SHARED, TEST_DATA


def _entries(regulation):
    return {str(e.iri).split("/penjelasan")[1]: e for p in regulation.penjelasan for e in p.walk()}


def test_pasal_ayat_huruf_entries_explain_their_provision():
    regulation = parse_file(TEST_DATA / "national" / "perpres-12-2031.txt")
    entries = _entries(regulation)
    assert list(entries) == [
        "/umum",
        "/pasal/1",
        "/pasal/2",
        "/pasal/2/ayat/1",
        "/pasal/2/ayat/2",
        "/pasal/2/ayat/2/huruf/a",
        "/pasal/2/ayat/2/huruf/b",
        "/pasal/2/ayat/2/huruf/c",
        "/pasal/3",
        "/pasal/4",
    ]
    assert entries["/umum"].text == "Pengaturan tim kerja diperlukan untuk kelincahan organisasi."
    huruf_c = entries["/pasal/2/ayat/2/huruf/c"]
    assert huruf_c.text.startswith("Yang dimaksud dengan")
    assert str(huruf_c.explains) == str(regulation.work) + "/pasal/2/ayat/2/huruf/c"
    assert entries["/pasal/3"].text == "Cukup jelas."
    assert Iri.parse(str(huruf_c.iri)) == huruf_c.iri  # the IRI grammar reads it back


def test_graph_links_both_ways():
    regulation = parse_file(TEST_DATA / "national" / "perpres-12-2031.txt")
    triples = {
        (q.subject.value, q.predicate.value, q.object.value) for q in regulation_quads(regulation)
    }
    work = str(regulation.work)
    entry, provision = work + "/penjelasan/pasal/2/ayat/1", work + "/pasal/2/ayat/1"
    assert (entry, v.EXPLAINS, provision) in triples
    assert (provision, v.EXPLAINED_BY, entry) in triples
    assert (entry, v.RDF + "type", v.PENJELASAN_UNIT_CLASS) in triples
    assert (work + "/penjelasan/umum", v.RDF + "type", v.PENJELASAN_UMUM_CLASS) in triples
    labels = {s: o for s, p, o in triples if p == v.RDFS + "label"}
    assert labels[entry] == "Penjelasan Pasal 2 ayat (1) Peraturan Presiden Nomor 12 Tahun 2031"


def test_real_uu_penjelasan_on_long_lines():
    regulation = parse_file(SHARED / "national-samples" / "uu-2014-5.txt")
    entries = _entries(regulation)
    pasal_entries = [k for k in entries if k.count("/") == 2]
    assert len(pasal_entries) >= 130  # one entry per Pasal, read from long lines
    assert entries["/pasal/1"].text == "Cukup jelas."
    assert all(e.explains is not None for e in entries.values() if e.label != "Umum")


def test_jdih_perda_penjelasan_kept_out_of_body_and_linked():
    regulation = parse_file(SHARED / "jdih-samples" / "kota-surabaya-perda-4-2025.txt")
    entries = _entries(regulation)
    assert "/umum" in entries and len(entries) > 30
    linked = [e for e in entries.values() if e.explains is not None]
    assert len(linked) >= 30
    assert not any("Cukup jelas" in u.text for u in regulation.units())


def test_corpus_without_penjelasan_has_none(corpus):
    assert all(not regulation.penjelasan for regulation in corpus.values())
