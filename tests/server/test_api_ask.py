"""``GET /api/ask`` over the real corpus: the contract, facts, languages, errors."""

from __future__ import annotations

import pytest

from tests.server.conftest import make_app


@pytest.fixture(scope="module")
def app(built_data):
    app = make_app(f"embedded:{built_data}", QUERY_TIMEOUT=30.0)
    yield app
    app.extensions["perwali.backend"].close()


@pytest.fixture()
def client(app):
    return app.test_client()


def ask(client, q=None, **params):
    query = {"q": q, **params} if q is not None else params
    return client.get("/api/ask", query_string=query, headers=params.pop("headers", {}))


def test_cross_pd_teams(client):
    response = ask(client, "Which article governs cross-PD teams?")
    assert response.status_code == 200 and response.mimetype == "application/json"
    body = response.get_json()
    assert list(body)[:7] == [
        "question",
        "lang",
        "topics",
        "answers",
        "not_regulated",
        "fact",
        "sparql",
    ]
    first = {}
    for answer in body["answers"]:
        first.setdefault(answer["regulation"], answer)
    assert first["palu-28-2023"]["pasal"] == "21"
    assert first["tebing-tinggi-21-2024"]["pasal"] == "9"
    silent = {item["regulation"]: item for item in body["not_regulated"]}
    assert "semarang-85-2023" in silent and silent["semarang-85-2023"]["evidence"]


def test_fact_with_its_sparql(client):
    body = ask(client, "Siapa yang menandatangani Perwali Palu?").get_json()
    assert body["fact"]["value"].startswith("HADIANTO RASYID")
    assert body["fact"]["source"] == "https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28"
    # the query shown runs on the endpoint as it is
    result = client.get(
        "/sparql",
        query_string={"query": body["sparql"]},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert result.status_code == 200
    names = [b["name"]["value"] for b in result.get_json()["results"]["bindings"]]
    assert names == ["HADIANTO RASYID"]


def test_lang_parameter(client):
    body = ask(client, "tim kerja lintas PD", lang="en").get_json()
    assert body["lang"] == "en"
    assert any("No provision" in item["evidence"] for item in body["not_regulated"])
    body = ask(client, "tim kerja lintas PD").get_json()
    assert body["lang"] == "id"
    assert all("Tidak ada" in item["evidence"] for item in body["not_regulated"])


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({}, 400, "missing-parameter"),
        ({"q": "   "}, 400, "missing-parameter"),
        ({"q": "x" * 501}, 414, "parameter-too-long"),
        ({"q": "tim kerja", "lang": "fr"}, 400, "bad-language"),
    ],
)
def test_errors(client, params, status, code):
    response = client.get("/api/ask", query_string=params)
    assert response.status_code == status
    body = response.get_json()
    assert body["code"] == code and body["message"]


def test_error_messages_in_indonesian_or_english(client):
    indonesian = client.get("/api/ask", query_string={"q": "a", "lang": "xx"}).get_json()
    english = client.get(
        "/api/ask", query_string={"q": "a", "lang": "xx"}, headers={"Accept-Language": "en"}
    ).get_json()
    assert indonesian["message"].startswith("Parameter 'lang' harus")
    assert english["message"].startswith("lang=")


def test_only_get(client):
    assert client.post("/api/ask", data={"q": "tim"}).status_code == 405
