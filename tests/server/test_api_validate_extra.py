"""``GET /api/validate/template.xlsx`` and the export formats of ``POST /api/validate``."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from openpyxl import load_workbook
from rdflib import RDF, Graph, Namespace

from bench.org_generator import generate, to_xlsx, to_zip
from capabilities.validate.xlsx_input import read_xlsx
from server.app import create_app

SH = Namespace("http://www.w3.org/ns/shacl#")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PALU = "/api/validate?regulation=palu-28-2023"


@pytest.fixture(scope="module")
def client(built_data):
    app = create_app({"TESTING": True, "STORE": f"embedded:{built_data}", "QUERY_TIMEOUT": 60.0})
    return app.test_client()


@pytest.fixture(scope="module")
def org():
    return generate(120)


def _post(client, org, url=PALU, **kwargs):
    return client.post(url, data=to_zip(org), content_type="application/zip", **kwargs)


def test_template_download(client):
    response = client.get("/api/validate/template.xlsx")
    assert response.status_code == 200
    assert response.mimetype == XLSX
    assert 'filename="templat-struktur-organisasi.xlsx"' in response.headers["Content-Disposition"]
    assert read_xlsx(response.data).organisation.pegawai
    assert load_workbook(io.BytesIO(response.data)).sheetnames[0] == "Petunjuk"


def test_template_and_formats_are_in_the_openapi_document(client):
    paths = client.get("/api/openapi.json").get_json()["paths"]
    assert "get" in paths["/api/validate/template.xlsx"]
    post = paths["/api/validate"]["post"]
    names = [p.get("name") for p in post["parameters"]]
    assert "regulation" in names and "format" in names
    assert {"application/json", "text/csv", XLSX, "text/turtle"} <= set(
        post["responses"]["200"]["content"]
    )


def test_filled_template_uploaded_as_xlsx_validates(client):
    template = client.get("/api/validate/template.xlsx").data
    response = client.post(PALU, data=template, content_type=XLSX)
    assert response.status_code == 200
    assert response.get_json()["counts"] == {"Violation": 0, "Warning": 0, "Info": 0}


def test_zip_upload_finds_the_seeded_faults(client, org):
    response = _post(client, org)
    assert response.status_code == 200
    found = {(r["subject"], r["rule"]) for r in response.get_json()["results"]}
    assert found == set(org.faults)


def test_xlsx_upload_as_multipart_file(client, org):
    form = {"file": (io.BytesIO(to_xlsx(org)), "organisasi.xlsx")}
    response = client.post(PALU, data=form, content_type="multipart/form-data")
    assert response.status_code == 200
    assert response.get_json()["counts"]["Violation"] == len(org.faults)


def test_format_csv_is_an_attachment_with_one_row_per_finding(client, org):
    response = _post(client, org, url=PALU + "&format=csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert 'filename="validasi-palu-28-2023.csv"' in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert len(rows) == len(org.faults)
    assert all(row["citation"].startswith("Pasal ") for row in rows)


def test_format_xlsx(client, org):
    response = _post(client, org, url=PALU + "&format=xlsx")
    assert response.mimetype == XLSX
    book = load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["Ringkasan", "Pelanggaran", "Peringatan", "Informasi"]
    assert book["Pelanggaran"].max_row == len(org.faults) + 1


@pytest.mark.parametrize(
    ("accept", "parse_as"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld")]
)
def test_accept_negotiates_the_shacl_report(client, org, accept, parse_as):
    response = _post(client, org, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == accept
    graph = Graph().parse(data=response.data, format=parse_as)
    assert len(list(graph.subjects(RDF.type, SH.ValidationReport))) == 1
    assert len(list(graph.objects(None, SH.result))) == len(org.faults)


def test_accept_json_and_browser_accept_give_json(client, org):
    for accept in ("application/json", "text/html,application/xhtml+xml,*/*;q=0.8"):
        response = _post(client, org, headers={"Accept": accept})
        assert response.mimetype == "application/json", accept


def test_all_regulations_as_xlsx_has_the_matrix(client, org):
    response = _post(client, org, url="/api/validate?regulation=all&format=xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.data))
    assert "Matriks" in book.sheetnames
    assert 'filename="validasi-semua.xlsx"' in response.headers["Content-Disposition"]


def test_unknown_format_is_400_before_any_work(client):
    response = client.post(PALU + "&format=pdf", data=b"", content_type="application/zip")
    assert response.status_code == 400
    body = response.get_json()
    assert body["code"] == "bad-report-format" and "Format laporan" in body["message"]


def test_unacceptable_accept_is_406(client, org):
    response = _post(client, org, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.get_json()["code"] == "not-acceptable-report-format"


def test_zip_bomb_upload_is_a_400_with_the_error_named(client):
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("pegawai.csv", "w") as entry,
    ):
        for _ in range(200):
            entry.write(bytes(1024 * 1024))
    response = client.post(PALU, data=out.getvalue(), content_type="application/zip")
    assert response.status_code == 400
    (error,) = response.get_json()["errors"]
    assert "bom zip" in error["message"]


def test_not_a_workbook_named_xlsx_is_a_400(client):
    form = {"file": (io.BytesIO(b"bukan excel"), "organisasi.xlsx")}
    response = client.post(
        PALU, data=form, content_type="multipart/form-data", headers={"Accept-Language": "en"}
    )
    assert response.status_code == 400
    (error,) = response.get_json()["errors"]
    assert error["file"] == "organisasi.xlsx" and "not a zip archive" in error["message"]


def test_formula_in_an_upload_is_neutralised_in_the_csv_report(client):
    org = generate(120)
    hostile = '=HYPERLINK("http://evil.example","klik")'
    old = org.tables["tim"][0]["kode_tim"]
    org.tables["tim"][0]["kode_tim"] = hostile
    for row in org.tables["anggota_tim"]:
        if row["kode_tim"] == old:
            row["kode_tim"] = hostile
    response = _post(client, org, url=PALU + "&format=csv")
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert "'" + hostile in {row["subject"] for row in rows}
    json_rows = json.loads(_post(client, org).data)["results"]
    assert hostile in {row["subject"] for row in json_rows}  # JSON keeps the value as sent
