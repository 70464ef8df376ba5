"""``GET /api/compare``: JSON, CSV and XLSX by ``format=`` or ``Accept``, and errors."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from server.api.compare import XLSX
from tests.server.conftest import make_app

TOPIC = "tim kerja lintas Perangkat Daerah"


@pytest.fixture(scope="module")
def app(built_data):
    app = make_app(f"embedded:{built_data}", QUERY_TIMEOUT=30.0)
    yield app
    app.extensions["perwali.backend"].close()


@pytest.fixture()
def client(app):
    return app.test_client()


def test_json_by_default(client):
    response = client.get("/api/compare", query_string={"q": TOPIC})
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["Vary"] == "Accept"
    body = response.get_json()
    regulated = {item["regulation"]: item for item in body["regulations"]}
    assert regulated["palu-28-2023"]["provisions"][0]["pasal"] == "21"
    assert "semarang-85-2023" in {item["regulation"] for item in body["not_regulated"]}


@pytest.mark.parametrize("how", ["format", "accept"])
def test_csv(client, how):
    if how == "format":
        response = client.get("/api/compare", query_string={"q": TOPIC, "format": "csv"})
    else:
        response = client.get(
            "/api/compare", query_string={"q": TOPIC}, headers={"Accept": "text/csv"}
        )
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Content-Disposition"].endswith('.csv"')
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert any("Kota Palu" in cell for cell in rows[0])
    assert any(cell.startswith("Pasal 21 ") for cell in rows[1])


@pytest.mark.parametrize("how", ["format", "accept"])
def test_xlsx(client, how):
    if how == "format":
        response = client.get("/api/compare", query_string={"q": TOPIC, "format": "xlsx"})
    else:
        response = client.get("/api/compare", query_string={"q": TOPIC}, headers={"Accept": XLSX})
    assert response.status_code == 200 and response.mimetype == XLSX
    sheet = load_workbook(io.BytesIO(response.data)).active
    assert sheet["A2"].value == "Ketentuan 1"
    header = [cell.value for cell in sheet[1]]
    assert any("Semarang" in (value or "") for value in header)


def test_format_beats_accept(client):
    response = client.get(
        "/api/compare", query_string={"q": TOPIC, "format": "json"}, headers={"Accept": "text/csv"}
    )
    assert response.mimetype == "application/json"


@pytest.mark.parametrize(
    ("params", "headers", "status", "code"),
    [
        ({}, {}, 400, "missing-parameter"),
        ({"q": TOPIC, "format": "pdf"}, {}, 400, "bad-format"),
        ({"q": TOPIC}, {"Accept": "application/pdf"}, 406, "not-acceptable-format"),
        ({"q": "y" * 600}, {}, 414, "parameter-too-long"),
    ],
)
def test_errors(client, params, headers, status, code):
    response = client.get("/api/compare", query_string=params, headers=headers)
    assert response.status_code == status
    assert response.get_json()["code"] == code
