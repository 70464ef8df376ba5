"""/api/align, /api/diff and /api/unique over a build of the real corpus."""

from __future__ import annotations

import csv
import io

import pytest

from server.app import create_app

PALU, TEBING = "palu-28-2023", "tebing-tinggi-21-2024"


@pytest.fixture(scope="module")
def client(built_data):
    app = create_app({"TESTING": True, "STORE": f"embedded:{built_data}", "EXECUTORS": 1})
    yield app.test_client()
    app.extensions["perwali.backend"].close()


def test_align_pair(client):
    response = client.get(f"/api/align?a={PALU}&b={TEBING}")
    assert response.status_code == 200 and response.mimetype == "application/json"
    pairs = {p["a"]: p for p in response.json["pairs"]}
    assert pairs["21"]["b"] == "9" and pairs["21"]["score"] > response.json["threshold"]
    assert pairs["9"]["b"] is None


def test_align_all_as_json_and_csv(client):
    matrix = client.get("/api/align?all=1")
    assert matrix.status_code == 200
    assert [r["id"] for r in matrix.json["regulations"]][2] == PALU
    table = client.get("/api/align?all=1&format=csv")
    assert table.status_code == 200 and table.mimetype == "text/csv"
    assert "attachment" in table.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(table.get_data(as_text=True))))
    assert len(rows) == len(matrix.json["rows"]) + 1


def test_diff(client):
    response = client.get(
        "/api/diff",
        query_string={
            "a": "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
            "b": "tebing-tinggi-21-2024 9 4",
        },
    )
    assert response.status_code == 200
    (unit,) = response.json["units"]
    assert {
        "op": "replace",
        "a": "oleh Sekretaris Daerah",
        "b": "dengan Keputusan Wali Kota",
    } in unit["tokens"]


def test_unique(client):
    response = client.get("/api/unique?regulation=semarang-85-2023")
    assert response.status_code == 200
    assert any(u["pasal"] == "11" for u in response.json["unique"])


@pytest.mark.parametrize(
    ("url", "status", "code", "indonesian", "english"),
    [
        (
            "/api/align?a=palu-28&b=tebing-tinggi-21-2024",
            404,
            "unknown-regulation",
            "mungkin maksud Anda: palu-28-2023",
            "did you mean: palu-28-2023",
        ),
        (
            "/api/align?a=palu-28-2023",
            400,
            "missing-parameter",
            "Parameter wajib tidak ada",
            "'b' is required",
        ),
        ("/api/align?all=1&a=palu-28-2023", 400, "align-bad-request", "isi a dan b", "not both"),
        (
            "/api/align?all=1&format=xml",
            400,
            "align-bad-request",
            "pakai json atau csv",
            "use json or csv",
        ),
        (
            "/api/align?a=palu-28-2023&b=palu-28-2023",
            400,
            "align-bad-input",
            "dua peraturan yang berbeda",
            "two different",
        ),
        (
            "/api/diff?a=palu-28-2023 21 9&b=palu-28-2023 21",
            404,
            "align-unknown-provision",
            "ayat 9 tidak ada",
            "no ayat 9",
        ),
        (
            "/api/diff?a=hello&b=palu-28-2023 21",
            400,
            "align-bad-input",
            "Bukan rujukan",
            "Not a recognisable citation",
        ),
        (
            "/api/unique?regulation=" + "x" * 101,
            414,
            "parameter-too-long",
            "terlalu panjang",
            "the limit is 100",
        ),
        ("/api/unique", 400, "missing-parameter", "Parameter wajib", "'regulation' is required"),
    ],
)
def test_errors_in_both_languages(client, url, status, code, indonesian, english):
    response = client.get(url)
    assert response.status_code == status
    assert response.json["code"] == code and indonesian in response.json["message"]
    in_english = client.get(url, headers={"Accept-Language": "en"})
    assert in_english.status_code == status and english in in_english.json["message"]


def test_openapi_describes_the_routes(client):
    paths = client.get("/api/openapi.json").json["paths"]
    for path in ("/api/align", "/api/diff", "/api/unique"):
        assert "get" in paths[path] and "200" in paths[path]["get"]["responses"]
    names = {p["name"] for p in paths["/api/diff"]["get"]["parameters"]}
    assert names == {"a", "b"}


def test_regulation_ids_in_any_case_and_one_unknown_regulation_code(client):
    response = client.get(f"/api/align?a=Palu-28-2023&b={TEBING.upper()}")
    assert response.status_code == 200
    assert (response.json["a"], response.json["b"]) == (PALU, TEBING)
    assert 0 < response.json["mutual_threshold"] < response.json["threshold"]
    assert any(p["mutual"] for p in response.json["pairs"])
    response = client.get("/api/unique?regulation=Semarang-85-2023")
    assert response.status_code == 200 and response.json["regulation"] == "semarang-85-2023"
    response = client.get("/api/unique?regulation=Palu")
    assert response.status_code == 404 and response.json["code"] == "unknown-regulation"
    assert "mungkin maksud Anda: palu-28-2023" in response.json["message"]
