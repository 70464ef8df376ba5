"""``/api/cite`` and ``/api/cite/extract`` over the real corpus, and the shared API rules
(error contract, language, size limits, time limit) they exercise."""

from __future__ import annotations

import json

import pytest

from tests.server.conftest import make_app

PALU = "https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28"


@pytest.fixture(scope="module")
def app(built_data):
    app = make_app(f"embedded:{built_data}", QUERY_TIMEOUT=10.0)  # a shared, busy machine
    yield app
    app.extensions["perwali.backend"].close()


@pytest.fixture()
def client(app):
    return app.test_client()


def cite(client, ref, **headers):
    return client.get("/api/cite", query_string={"ref": ref}, headers=headers)


def test_found_is_200_with_the_contract(client):
    response = cite(client, "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023")
    assert response.status_code == 200
    body = response.get_json()
    assert body["iri"] == PALU + "/pasal/21/ayat/4"
    for key in ("regulation", "pasal", "ayat", "huruf", "angka", "citation", "text", "context"):
        assert key in body
    assert set(body["context"]) == {"bab", "bagian", "paragraf"}
    assert isinstance(body["cites"], list) and isinstance(body["cited_by"], list)


@pytest.mark.parametrize(
    ("ref", "status", "code"),
    [
        ("Pasal 21 ayat (9) Perwali Palu 28/2023", 404, "unit-not-found"),
        ("Pasal 5 Perwali Medan 5/2023", 404, "regulation-not-found"),
        ("Pasal 9", 300, "ambiguous-citation"),
        ("apa kabar", 400, "not-a-citation"),
        ("ayat (2)", 400, "incomplete-citation"),
    ],
)
def test_each_outcome_has_its_status_and_the_error_contract(client, ref, status, code):
    response = cite(client, ref)
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["code"] == code and body["message"]


def test_messages_are_indonesian_by_default_english_on_request(client):
    indonesian = cite(client, "Pasal 21 ayat (9) Perwali Palu 28/2023").get_json()
    english = cite(client, "Pasal 21 ayat (9) Perwali Palu 28/2023", **{"Accept-Language": "en"})
    assert indonesian["message"] == "ayat (9) tidak ada; Pasal 21 memiliki ayat (1)–(5)"
    assert english.get_json()["message"] == "ayat (9) does not exist; Pasal 21 has ayat (1)–(5)"
    assert indonesian["nearest"]["iri"] == PALU + "/pasal/21/ayat/5"


def test_ambiguous_lists_every_candidate(client):
    body = cite(client, "Pasal 9 ayat (1)").get_json()
    assert len(body["candidates"]) >= 2
    assert all({"regulation", "citation", "iri"} <= set(c) for c in body["candidates"])


def test_missing_or_too_long_ref(client):
    missing = client.get("/api/cite")
    assert (missing.status_code, missing.get_json()["code"]) == (400, "missing-parameter")
    long = cite(client, "Pasal 1 " * 100)
    assert (long.status_code, long.get_json()["code"]) == (414, "parameter-too-long")


def test_extract_text_plain_and_json(client):
    text = "Lihat Pasal 21 ayat (4) Perwali Palu 28/2023, lalu ayat (5) dan Pasal 99."
    plain = client.post("/api/cite/extract", data=text.encode(), content_type="text/plain")
    as_json = client.post("/api/cite/extract", json={"text": text})
    assert plain.status_code == as_json.status_code == 200
    assert plain.get_json() == as_json.get_json()
    citations = plain.get_json()["citations"]
    assert [text[c["start"] : c["end"]] for c in citations] == [
        "Pasal 21 ayat (4) Perwali Palu 28/2023",
        "ayat (5)",
        "Pasal 99",
    ]
    assert [c["status"] for c in citations] == ["found", "found", "not_found"]
    assert citations[1]["resolution"]["iri"] == PALU + "/pasal/21/ayat/5"
    assert "Pasal 1–32" in citations[2]["resolution"]["message"]


def test_extract_takes_64000_characters_and_refuses_more(client):
    ok = client.post("/api/cite/extract", data="é" * 64_000, content_type="text/plain")
    assert ok.status_code == 200 and ok.get_json()["count"] == 0
    for request in (
        {"data": "a" * 64_001, "content_type": "text/plain"},
        {"json": {"text": "a" * 64_001}},
        {"data": "a" * 400_000, "content_type": "text/plain"},
    ):
        response = client.post("/api/cite/extract", **request)
        assert response.status_code == 413
        assert response.get_json()["code"] == "text-too-large"


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        ({"data": b"\xff\xfe", "content_type": "text/plain"}, 400, "bad-encoding"),
        ({"data": "{not json", "content_type": "application/json"}, 400, "malformed-json"),
        ({"json": {"txt": "Pasal 1"}}, 400, "missing-text"),
        ({"json": ["Pasal 1"]}, 400, "missing-text"),
        ({"data": "   ", "content_type": "text/plain"}, 400, "missing-text"),
        ({"data": "Pasal 1", "content_type": "application/pdf"}, 415, "unsupported-media-type"),
    ],
)
def test_extract_bad_bodies(client, kwargs, status, code):
    response = client.post("/api/cite/extract", **kwargs)
    assert response.status_code == status
    assert response.get_json()["code"] == code


def test_wrong_method_and_unknown_api_route_answer_json(client):
    wrong = client.delete("/api/cite")
    assert wrong.status_code == 405 and wrong.get_json()["code"]
    unknown = client.get("/api/nothing-here")
    assert unknown.status_code == 404 and unknown.get_json()["code"] == "not-found"


def test_time_limit_answers_503(built_data):
    app = make_app(f"embedded:{built_data}", API_TIMEOUT=1e-6)
    try:
        text = " ".join(["Pasal 21 ayat (4) Perwali Palu 28/2023"] * 1500)
        response = app.test_client().post("/api/cite/extract", json={"text": text})
        assert response.status_code == 503
        assert response.get_json()["code"] == "api-timeout"
        assert response.headers["Retry-After"] == "1"
    finally:
        app.extensions["perwali.backend"].close()


def test_a_warm_index_is_read_on_the_request_thread(client, monkeypatch):
    """Once the citation index is in memory, /api/cite resolves on the request's thread
    (bounded work; the hop to a helper thread cost 40 % of the throughput); before, on a
    helper thread under the time limit."""
    import capabilities.source
    import server.api.common

    hops = []
    real = server.api.common._executor
    monkeypatch.setattr(server.api.common, "_executor", lambda size: hops.append(1) or real(size))
    url = "/api/cite?ref=Pasal 21 ayat (4) Perwali Palu 28/2023"
    assert client.get(url).status_code == 200  # reads the index, if not yet in memory
    hops.clear()
    assert client.get(url).status_code == 200 and hops == []
    monkeypatch.setattr(capabilities.source, "_cache", {})  # a new build, not yet read
    assert client.get(url).status_code == 200 and hops == [1]
    assert client.get(url).status_code == 200 and hops == [1]


def test_cite_never_answers_500_on_odd_input(client):
    for ref in (
        "\x00",
        "Pasal 1" + "\u0301" * 50,
        "Pasal ٣",
        "🙂 Pasal 21",
        "%%%",
        "Pasal 99999999999999999999",
    ):
        response = cite(client, ref)
        assert response.status_code in (200, 300, 400, 404), ref
        assert json.loads(response.data)["status"]


def test_same_answers_over_a_standard_sparql_server(built_data, sparql_server_url):
    """Capabilities read the graph only through GraphSource: any SPARQL 1.1 server works."""
    import pyoxigraph as ox

    from perwali.store import DUMP_FILENAME
    from tests.server.conftest import replace_remote_dataset

    quads = list(ox.parse(path=str(built_data / DUMP_FILENAME), format=ox.RdfFormat.N_QUADS))
    replace_remote_dataset(sparql_server_url, quads)
    app = make_app(f"sparql:{sparql_server_url}", QUERY_TIMEOUT=30.0)
    client = app.test_client()
    try:
        found = cite(client, "psl 18 ayat (3) huruf b Perwali Kota Palu No. 28 Th. 2023")
        assert found.status_code == 200
        assert found.get_json()["iri"] == PALU + "/pasal/18/ayat/3/huruf/b"
        missing = cite(client, "Pasal 21 ayat (9) Perwali Palu 28/2023").get_json()
        assert missing["message"] == "ayat (9) tidak ada; Pasal 21 memiliki ayat (1)–(5)"
        turtle = client.get("/eli/id-palu/perwal/2023/28/pasal/21/ayat/4.ttl")
        assert turtle.status_code == 200
        assert b"Sekretaris Daerah" in turtle.data
    finally:
        app.extensions["perwali.backend"].close()


def test_extract_declares_its_body_cap_for_front_servers():
    import server.api.cite  # noqa: F401  (declares its cap at import, as the app does)
    from server.api.common import body_limit

    assert body_limit("/api/cite/extract", 65_536) >= 64_000 * 4
    assert body_limit("/api/ask", 65_536) == 65_536


def test_messages_name_the_type_by_its_label_in_both_languages(client):
    body = cite(client, "Pasal 5 Perwali Palu 3/2023").get_json()
    assert body["message"].startswith("Peraturan Wali Kota Palu Nomor 3 Tahun 2023 tidak ada")
    english = cite(client, "Pasal 5 Perwali Bandung 3/2023", **{"Accept-Language": "en"})
    assert english.status_code == 404
    assert english.get_json()["message"].startswith("Kota Bandung is not in the corpus")


def test_extract_reports_instruments_and_what_relative_citations_were_resolved_against(client):
    text = "Pasal 21 Perwali Palu 28/2023 dan ayat (4), sesuai Permen PANRB No. 7 Tahun 2022."
    body = client.post(
        "/api/cite/extract", data=text.encode(), content_type="text/plain; charset=utf-8"
    ).get_json()
    items = body["citations"]
    assert [item["text"] for item in items][1:] == ["ayat (4)", "Permen PANRB No. 7 Tahun 2022"]
    assert (items[1]["relative"], items[1]["resolved_against"]) == (True, "palu-28-2023")
    assert items[2]["resolution"]["code"] == "regulation-not-in-corpus"
    assert items[2]["resolution"]["instrument"]["iri"]
