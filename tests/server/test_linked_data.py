"""IRI dereferencing on the real corpus: every kind of IRI, formats, 200/303, 404, w3id rules."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from capabilities.source import EmbeddedSource
from extract.vocab import BASE
from tests.server.conftest import make_app

PALU = "https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28"
AYAT = "/eli/id-palu/perwal/2023/28/pasal/21/ayat/4"
HTACCESS = Path(__file__).resolve().parents[2] / "server" / "w3id" / ".htaccess"


@pytest.fixture(scope="module")
def app(built_data):
    app = make_app(f"embedded:{built_data}", QUERY_TIMEOUT=10.0)  # a shared, busy machine
    yield app
    app.extensions["perwali.backend"].close()


@pytest.fixture()
def client(app):
    return app.test_client()


def varies(response) -> list[str]:
    """The headers a response varies by (the web layer adds Accept-Language, Cookie)."""
    return [name.strip() for name in response.headers.get("Vary", "").split(",")]


def shapes_of_the_graph(built_data) -> list[str]:
    """One IRI per shape (digits and huruf values folded) of every IRI the graph names."""
    rows = EmbeddedSource(built_data).select(
        f"""SELECT DISTINCT ?i WHERE {{ {{ ?i ?p ?o }} UNION {{ ?s ?p ?i }}
              FILTER (isIRI(?i) && STRSTARTS(STR(?i), "{BASE}")) }}"""
    )
    shapes: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: r["i"]):
        iri = row["i"]
        shape = re.sub(r"/(huruf|definisi|lampiran|menimbang|bab)/[^/]+", r"/\1/X", iri)
        shape = re.sub(r"\d+", "N", shape.split("#")[0] if "#" in shape else shape)
        if not shape.startswith(BASE + "eli/"):
            shape = shape.rsplit("/", 1)[0]  # one role, one topic, ...
        shapes.setdefault(shape, iri)
    return sorted(shapes.values())


def test_every_kind_of_iri_dereferences(client, built_data):
    iris = shapes_of_the_graph(built_data)
    sections = {iri[len(BASE) :].split("/")[0].split("#")[0] for iri in iris}
    assert {"eli", "role", "topic", "ontology", "jurisdiction", "agent", "component"} <= sections
    for iri in iris:
        path = "/" + iri[len(BASE) :].split("#")[0]
        response = client.get(path, headers={"Accept": "text/turtle"}, follow_redirects=True)
        assert response.status_code == 200, path
        graph = rdflib.Graph().parse(data=response.data, format="turtle")
        named = rdflib.URIRef(iri)
        assert (named, None, None) in graph or (None, None, named) in graph, iri


def test_turtle_jsonld_and_ntriples_say_the_same(client):
    graphs = []
    for suffix, fmt in ((".ttl", "turtle"), (".jsonld", "json-ld"), (".nt", "nt")):
        response = client.get(AYAT + suffix)
        assert response.status_code == 200
        graphs.append(rdflib.Graph().parse(data=response.data, format=fmt))
    assert len(graphs[0]) == len(graphs[1]) == len(graphs[2]) > 10
    assert isomorphic(graphs[0], graphs[1])
    subject = rdflib.URIRef(PALU + "/pasal/21/ayat/4")
    label = graphs[0].value(subject, rdflib.RDFS.label)
    assert str(label) == "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023"
    assert label.language == "id"
    parent = rdflib.URIRef(PALU + "/pasal/21")  # the label of the part it belongs to
    assert str(graphs[0].value(parent, rdflib.RDFS.label)).startswith("Pasal 21 Peraturan")


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
        ("text/turtle", "text/turtle"),
        ("application/ld+json", "application/ld+json"),
        ("application/n-triples", "application/n-triples"),
        ("application/json", "application/ld+json"),
        ("*/*", "text/turtle"),
        (None, "text/turtle"),
    ],
)
def test_information_resources_are_200_by_accept_with_vary(client, accept, media):
    response = client.get(AYAT, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.mimetype == media
    assert "Accept" in varies(response)
    suffix = {"text/html": ".html", "text/turtle": ".ttl"}.get(media) or (
        ".jsonld" if "ld+json" in media else ".nt"
    )
    assert response.headers["Content-Location"] == AYAT + suffix


def test_a_suffix_wins_over_accept(client):
    response = client.get(AYAT + ".nt", headers={"Accept": "text/html"})
    assert response.mimetype == "application/n-triples"
    assert "Accept" in varies(response)


@pytest.mark.parametrize("path", ["/role/ketua-tim", "/topic/tim-kerja", "/jurisdiction/id-palu"])
def test_things_are_303_to_a_document(client, path):
    response = client.get(path, headers={"Accept": "application/ld+json"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(path + ".jsonld")
    assert "Accept" in varies(response)
    assert client.get(path, headers={"Accept": "text/html"}).headers["Location"].endswith(".html")
    document = client.get(path + ".jsonld")
    assert document.status_code == 200 and document.mimetype == "application/ld+json"


def test_html_page_is_plain_accessible_and_linked(client):
    page = client.get(AYAT, headers={"Accept": "text/html"}).get_data(as_text=True)
    assert '<html lang="id">' in page
    assert "<title>Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023" in page
    assert "ditetapkan oleh Sekretaris Daerah." in page  # the text
    assert 'href="/eli/id-palu/perwal/2023/28/pasal/21"' in page  # a local link to the parent
    assert 'href="/role/sekretaris-daerah"' in page
    assert f'href="{AYAT}.ttl"' in page  # the other formats
    assert "<th scope=" in page


def test_ontology_document_has_an_anchor_per_term(client):
    page = client.get("/ontology", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'id="Pasal"' in page and 'id="bearer"' in page
    graph = rdflib.Graph().parse(data=client.get("/ontology.ttl").data, format="turtle")
    pasal = rdflib.URIRef(BASE + "ontology#Pasal")
    assert (pasal, rdflib.RDF.type, rdflib.OWL.Class) in graph


def test_named_graph_over_the_result_cap_is_refused_not_cut(client):
    response = client.get("/graph/instruments")  # 286 triples; the test app caps at 100
    assert response.status_code == 422
    assert response.get_json()["code"] == "result-too-large"


def test_missing_unit_is_404_with_what_exists(client):
    response = client.get(
        "/eli/id-palu/perwal/2023/28/pasal/21/ayat/9", headers={"Accept": "application/json"}
    )
    assert response.status_code == 404
    body = response.get_json()
    assert body["code"] == "iri-not-found"
    assert body["message"] == "ayat (9) tidak ada; Pasal 21 memiliki ayat (1)–(5)"
    assert body["nearest"]["href"] == "/eli/id-palu/perwal/2023/28/pasal/21/ayat/5"
    english = client.get(
        "/eli/id-palu/perwal/2023/28/pasal/21/ayat/9",
        headers={"Accept": "application/json", "Accept-Language": "en"},
    )
    assert english.get_json()["message"].startswith("ayat (9) does not exist")


def test_missing_unit_html_page_suggests(client):
    response = client.get("/eli/id-palu/perwal/2023/28/pasal/99", headers={"Accept": "text/html"})
    page = response.get_data(as_text=True)
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "Pasal 99 tidak ada" in page and 'href="/eli/id-palu/perwal/2023/28/pasal/32"' in page


def test_unknown_regulation_role_and_section_part(client):
    body = client.get("/eli/id-palu/perwal/2022/28").get_json()
    assert body["suggestions"][0]["regulation"] == "palu-28-2023"
    role = client.get("/role/ketua-timm").get_json()
    assert role["suggestions"][0]["iri"] == BASE + "role/ketua-tim"
    bab = client.get("/eli/id-palu/perwal/2023/28/bab/IX").get_json()
    assert bab["nearest"]["iri"] == PALU
    assert client.get("/eli/not/an/iri").status_code == 404


def test_unacceptable_format_is_406_json(client):
    response = client.get(AYAT, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.get_json()["code"] == "not-acceptable-rdf"
    assert "Accept" in varies(response)


def test_a_path_differing_only_by_case_is_301_to_the_iri(client):
    response = client.get(AYAT.replace("id-palu", "id-Palu").replace("pasal", "Pasal"))
    assert response.status_code == 301
    assert response.headers["Location"].endswith(AYAT)
    suffixed = client.get(AYAT.replace("id-palu", "ID-PALU") + ".ttl")
    assert suffixed.status_code == 301 and suffixed.headers["Location"].endswith(AYAT + ".ttl")
    missing = client.get("/eli/id-Palu/perwal/2023/28/pasal/999")
    assert missing.status_code == 404
    assert "Pasal 999 tidak ada" in missing.get_json()["message"]  # not "bukan IRI ELI"


def test_an_unknown_suffix_is_406_listing_the_suffixes(client):
    response = client.get(AYAT + ".xyz", headers={"Accept": "application/json"})
    assert response.status_code == 406
    body = response.get_json()
    assert body["code"] == "not-acceptable-rdf"
    assert all(suffix in body["message"] for suffix in (".ttl", ".jsonld", ".nt", ".html"))


def test_turtle_of_a_unit_keeps_the_language_tags_of_its_neighbours_labels(client, built_data):
    graph = rdflib.Graph().parse(data=client.get(AYAT + ".ttl").get_data(as_text=True))
    store = EmbeddedSource(built_data).select(
        f"""SELECT ?o ?label WHERE {{ <{BASE}{AYAT[1:]}> ?p ?o . ?o rdfs:label ?label .
              FILTER (isIRI(?o) && LANG(?label) != "") }}"""
    )
    assert store, "the ayat links to something with a tagged label"
    for row in store:
        labels = set(graph.objects(rdflib.URIRef(row["o"]), rdflib.RDFS.label))
        tagged = {(str(label), label.language) for label in labels}
        assert all(label.language for label in labels), row["o"]
        assert row["label"] in {text for text, _ in tagged}


# --- the w3id.org rules -------------------------------------------------------------------
def w3id_redirect(path: str, accept: str) -> tuple[int, str]:
    """Apply server/w3id/.htaccess as Apache would (RewriteCond [OR] chains, first rule)."""
    conditions: list[tuple[str, bool]] = []
    for line in HTACCESS.read_text().splitlines():
        line = line.strip()
        if line.startswith("RewriteCond"):
            _, _, pattern, *flags = line.split()
            conditions.append((pattern, "[OR]" in flags))
        elif line.startswith("RewriteRule"):
            _, pattern, target, flags = line.split()
            met = _conditions_met(conditions, accept)
            conditions = []
            match = re.search(pattern, path)
            if met and match:
                status = int(re.search(r"R=(\d+)", flags).group(1))
                return status, match.expand(target.replace("$", "\\"))
    raise AssertionError(f"no rule for {path}")


def _conditions_met(conditions, accept) -> bool:
    if not conditions:
        return True
    result, pending_or = None, False
    for pattern, is_or in conditions:
        hit = re.search(pattern, accept) is not None
        result = hit if result is None else (result or hit) if pending_or else (result and hit)
        pending_or = is_or
    return bool(result)


@pytest.mark.parametrize(
    ("path", "accept", "expected"),
    [
        (
            "eli/id-palu/perwal/2023/28/pasal/21",
            "text/html,*/*;q=0.8",
            (302, "/eli/id-palu/perwal/2023/28/pasal/21"),
        ),
        (
            "eli/id-palu/perwal/2023/28/pasal/21",
            "text/turtle",
            (303, "/eli/id-palu/perwal/2023/28/pasal/21.ttl"),
        ),
        ("role/ketua-tim", "application/ld+json", (303, "/role/ketua-tim.jsonld")),
        ("topic/tim-kerja", "application/n-triples", (303, "/topic/tim-kerja.nt")),
        ("topic/tim-kerja.nt", "text/html", (302, "/topic/tim-kerja.nt")),
        ("ontology", "text/html", (302, "/ontology")),
    ],
)
def test_w3id_rules_send_each_iri_to_the_path_the_server_answers(client, path, accept, expected):
    status, target = w3id_redirect(path, accept)
    assert (status, target) == (expected[0], "https://DEPLOYMENT_HOST" + expected[1])
    served = client.get(expected[1], headers={"Accept": accept}, follow_redirects=True)
    assert served.status_code == 200


def test_linked_data_is_read_only_and_leaves_service_paths_alone(client):
    response = client.post(AYAT)
    assert response.status_code == 405 and "GET" in response.headers["Allow"]
    assert response.get_json()["code"] == "method-not-allowed"
    for path in ("/api/nothing-here", "/sparql/x", "/static/nothing"):
        assert client.get(path).get_json()["code"] == "not-found", path


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    section=st.sampled_from(["eli", "role", "topic", "ontology", "graph", "shapes", "x"]),
    rest=st.text(max_size=60),
)
def test_any_path_is_answered_never_a_500(client, section, rest):
    response = client.get(
        f"/{section}/{quote(rest, safe='/')}", headers={"Accept": "application/json"}
    )
    assert response.status_code in (200, 301, 303, 308, 404, 406, 422)  # 308: "//" merged
    if response.status_code >= 400:
        assert response.get_json()["code"]


def test_generic_html_page_has_the_site_layout_and_both_languages(client):
    """A role, topic or ontology page is a page of the site: its navigation, its language
    switch, its strings in the page's language."""
    page = client.get("/role/pejabat-fungsional.html")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and '<html lang="id">' in html
    assert 'href="/tanya"' in html and "English</a>" in html  # site navigation, switch
    assert "Data tertaut" in html and "Unduh sebagai:" in html
    english = client.get("/role/pejabat-fungsional.html?lang=en")
    html = english.get_data(as_text=True)
    assert '<html lang="en">' in html and "Linked data" in html and "Download as:" in html
    missing = client.get(
        "/eli/id-palu/perwal/2023/28/pasal/99?lang=en", headers={"Accept": "text/html"}
    ).get_data(as_text=True)
    assert '<html lang="en">' in missing and "Did you mean" in missing
    assert "Pasal 99 does not exist" in missing
