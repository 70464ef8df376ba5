"""``POST /api/validate`` and ``GET /api/rules`` over a real build."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from server.app import create_app

FIXTURES = Path(__file__).resolve().parent.parent / "validate" / "fixtures"
KECIL = FIXTURES / "kecil"


@pytest.fixture(scope="module")
def client(built_data):
    app = create_app({"TESTING": True, "STORE": f"embedded:{built_data}", "QUERY_TIMEOUT": 30.0})
    return app.test_client()


def _csv_form():
    return {
        "file": [(io.BytesIO(path.read_bytes()), path.name) for path in sorted(KECIL.glob("*.csv"))]
    }


def test_multipart_csv_upload(client):
    response = client.post(
        "/api/validate?regulation=palu-28-2023",
        data=_csv_form(),
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    payload = response.get_json()
    assert list(payload) == ["regulation", "conforms", "counts", "rules_checked", "results"]
    assert payload["counts"] == {"Violation": 4, "Warning": 0, "Info": 0}
    assert {r["subject"] for r in payload["results"]} == {"analis", "pelaksana", "tim", "penugasan"}
    assert all(
        r["citation"].endswith("Peraturan Wali Kota Palu Nomor 28 Tahun 2023")
        for r in payload["results"]
    )


def test_raw_turtle_body_and_english(client):
    response = client.post(
        "/api/validate?regulation=semarang-85-2023",
        data=(FIXTURES / "kecil.ttl").read_bytes(),
        content_type="text/turtle",
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert {r["rule"] for r in results} == {
        "penilai-min-pengawas",
        "penilai-atasan-langsung",
        "tim-penetapan",
    }
    assert all(r["subject"].startswith("https://example.org/pemkot/") for r in results)
    assert any("is a Pejabat Penilai Kinerja but is below" in r["message"] for r in results)


def test_multipart_single_rdf_file(client):
    data = {"file": (io.BytesIO((FIXTURES / "kecil.ttl").read_bytes()), "org.ttl")}
    response = client.post(
        "/api/validate?regulation=cilegon-17-2023", data=data, content_type="multipart/form-data"
    )
    assert response.status_code == 200
    assert response.get_json()["counts"]["Violation"] == 3


def test_all_regulations(client):
    response = client.post(
        "/api/validate?regulation=all", data=_csv_form(), content_type="multipart/form-data"
    )
    assert response.status_code == 200
    payload = response.get_json()
    assert len(payload["reports"]) == 5 and payload["matrix"]


def test_input_errors_are_a_400_with_a_list(client):
    form = _csv_form()
    bad = b"nip,nama,kode_unit,jabatan\n1,A,nowhere,raja\n"
    form["file"] = [f for f in form["file"] if f[1] != "pegawai.csv"] + [
        (io.BytesIO(bad), "pegawai.csv")
    ]
    response = client.post(
        "/api/validate?regulation=palu-28-2023", data=form, content_type="multipart/form-data"
    )
    assert response.status_code == 400
    payload = response.get_json()
    assert payload["code"] == "bad-upload"
    located = {(e["file"], e["row"], e["column"]) for e in payload["errors"]}
    assert ("pegawai.csv", 2, "jabatan") in located
    assert ("pegawai.csv", 2, "kode_unit") in located
    assert "kesalahan" in payload["message"] or "input error" in payload["message"]


@pytest.mark.parametrize(
    "body,media",
    [
        (b'{"@context": "https://evil.example/ctx", "@id": "x"}', "application/ld+json"),
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r/>',
            "application/rdf+xml",
        ),
        (b"<a> <b> <c", "text/turtle"),
        (b"hello", "text/plain"),
    ],
)
def test_hostile_or_bad_bodies_are_400(client, body, media):
    response = client.post("/api/validate?regulation=palu-28-2023", data=body, content_type=media)
    assert response.status_code == 400
    assert response.get_json()["errors"]


def test_size_limit_is_413(built_data):
    app = create_app(
        {"TESTING": True, "STORE": f"embedded:{built_data}", "VALIDATE_MAX_BYTES": 1000}
    )
    response = app.test_client().post(
        "/api/validate?regulation=palu-28-2023", data=b"#" * 2000, content_type="text/turtle"
    )
    assert response.status_code == 413
    assert response.get_json()["code"] == "upload-too-large"


def test_default_limit_allows_uploads_over_the_sparql_body_cap(client):
    padding = b"# " + b"x" * 200_000 + b"\n"
    response = client.post(
        "/api/validate?regulation=palu-28-2023",
        data=padding + (FIXTURES / "kecil.ttl").read_bytes(),
        content_type="text/turtle",
    )
    assert response.status_code == 200


def test_missing_or_unknown_regulation(client):
    assert client.post("/api/validate", data=b"x", content_type="text/turtle").status_code == 400
    response = client.post(
        "/api/validate?regulation=bogor-1-2020", data=b"x", content_type="text/turtle"
    )
    assert response.status_code == 404
    assert "palu-28-2023" in response.get_json()["message"]
    empty = client.post("/api/validate?regulation=palu-28-2023", content_type="text/turtle")
    assert empty.status_code == 400


def test_upload_never_enters_the_served_graph(client, built_data):
    from capabilities.source import EmbeddedSource

    query = "SELECT ?s WHERE { ?s ?p <https://example.org/pemkot/dinas> } LIMIT 1"
    response = client.post(
        "/api/validate?regulation=palu-28-2023",
        data=(FIXTURES / "kecil.ttl").read_bytes(),
        content_type="text/turtle",
    )
    assert response.status_code == 200
    assert EmbeddedSource(built_data).select(query) == []


def test_rules(client):
    response = client.get("/api/rules")
    assert response.status_code == 200
    rules = response.get_json()
    assert len(rules) == 22
    first = rules[0]
    assert first["id"] == "penilai-min-pengawas"
    assert first["description"]["en"] and first["description"]["id"]
    assert {p["regulation"] for p in first["provisions"]} == {
        "palu-28-2023",
        "padang-panjang-48-2024",
        "tebing-tinggi-21-2024",
        "semarang-85-2023",
        "cilegon-17-2023",
    }
    one = client.get("/api/rules?regulation=cilegon-17-2023").get_json()
    assert "sp-muatan" not in {rule["id"] for rule in one}
    assert client.get("/api/rules?regulation=nowhere-1-2000").status_code == 404


def test_openapi_lists_the_routes(client):
    paths = client.get("/api/openapi.json").get_json()["paths"]
    assert "/api/validate" in paths and "/api/rules" in paths


def test_regulation_in_any_case_and_suggestion(client):
    response = client.post(
        "/api/validate?regulation=Palu-28-2023",
        data=_csv_form(),
        content_type="multipart/form-data",
    )
    assert response.status_code == 200 and response.get_json()["regulation"] == "palu-28-2023"
    rules = client.get("/api/rules?regulation=PALU-28-2023")
    assert rules.status_code == 200 and rules.get_json()
    unknown = client.get("/api/rules?regulation=Palu")
    assert unknown.status_code == 404 and unknown.get_json()["code"] == "unknown-regulation"
    assert (
        "peraturan 'Palu' tidak dikenal; mungkin maksud Anda: palu-28-2023"
        in (unknown.get_json()["message"])
    )
    english = client.get("/api/rules?regulation=Palu", headers={"Accept-Language": "en"})
    assert "did you mean: palu-28-2023" in english.get_json()["message"]


def test_unknown_upload_format_lists_every_accepted_form(client):
    data = {"file": (io.BytesIO(b"draft"), "draft.txt")}
    response = client.post(
        "/api/validate?regulation=palu-28-2023", data=data, content_type="multipart/form-data"
    )
    assert response.status_code == 400
    message = str(response.get_json())
    for form in (".csv", ".xlsx", ".zip", ".ttl", ".jsonld"):
        assert form in message
