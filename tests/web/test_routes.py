"""Every page route through the Flask test client: status, language, errors as pages."""

from __future__ import annotations

import io
import re

import pytest

from tests.web.conftest import kecil_zip

PALU = "/eli/id-palu/perwal/2023/28"
HTML = {"Accept": "text/html"}


def text(response) -> str:
    return response.get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        PALU,
        PALU + "/pasal/21",
        PALU + "/pasal/21/ayat/4",
        "/eli/id-cilegon/perwal/2023/17",
        "/tanya",
        "/tanya?q=tim+kerja+lintas+perangkat+daerah",
        "/validasi",
        "/kueri",
        "/kueri?contoh=04-bab-headings",
    ],
)
def test_page_is_html_in_indonesian(client, path):
    response = client.get(path, headers=HTML)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    body = text(response)
    assert '<html lang="id">' in body
    assert 'href="#isi"' in body and '<main id="isi"' in body
    assert "Traceback" not in body


def test_language_switch_sets_cookie_and_english(client):
    response = client.get("/?lang=en")
    assert '<html lang="en">' in text(response)
    assert "Regulations" in text(response)
    assert "lang=en" in response.headers["Set-Cookie"]
    again = client.get("/tanya")  # the cookie is kept
    assert '<html lang="en">' in text(again) and "Ask &amp; Compare" in text(again)
    back = client.get("/?lang=id")
    assert '<html lang="id">' in text(back) and "Peraturan" in text(back)


def test_home_lists_the_five_regulations_with_metadata(client):
    body = text(client.get("/"))
    for place in ("Palu", "Padang Panjang", "Tebing Tinggi", "Semarang", "Cilegon"):
        assert f"Peraturan Wali Kota {place} Nomor" in body
    assert "HADIANTO RASYID" in body and "2023-09-27" in body
    assert f'href="{PALU}"' in body


def test_regulation_page_has_toc_anchors_definitions_and_legal_basis(client):
    body = text(client.get(PALU, headers=HTML))
    assert 'id="pasal-21-ayat-4"' in body
    assert 'href="#pasal-21"' in body  # table of contents
    assert re.search(r'href="#bab-II"', body)
    assert 'id="definisi"' in body and 'id="mengingat"' in body
    assert 'href="/eli/id/uu/2014/23"' in body  # Mengingat links to the instrument
    assert f'href="{PALU}/pasal/21/ayat/4"' in body  # each unit is linkable


def test_regulation_page_shows_lampiran_where_present(client):
    body = text(client.get("/eli/id-cilegon/perwal/2023/17", headers=HTML))
    assert 'id="lampiran"' in body


def test_provision_page(client):
    body = text(client.get(PALU + "/pasal/21/ayat/4", headers=HTML))
    citation = "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023"
    assert f"<h1>{citation}</h1>" in body
    assert 'id="citation"' in body and "data-copy" in body
    assert "Sekretaris Daerah" in body and "berwenang" in body  # its norm: who has power
    assert "/topic/tim-lintas-perangkat-daerah" in body
    assert f'href="{PALU}/pasal/21"' in body  # breadcrumb
    # Bandingkan: Tebing Tinggi's Pasal 9 is the counterpart, with a word-level diff
    assert "Pasal 9 Peraturan Wali Kota Tebing Tinggi Nomor 21 Tahun 2024" in body
    assert "<ins>" in body and "<del>" in body


def test_provision_iri_still_negotiates_rdf(client):
    response = client.get(PALU + "/pasal/21/ayat/4", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    assert response.headers["Vary"] == "Accept"
    assert client.get(PALU + "/pasal/21/ayat/4.nt").mimetype == "application/n-triples"


def test_missing_provision_is_a_404_page(client):
    response = client.get(PALU + "/pasal/21/ayat/9", headers=HTML)
    assert response.status_code == 404 and "Pasal 21" in text(response)


def test_search_citation_redirects_to_provision(client):
    response = client.get("/cari?q=psl+21+ayat+(4)+Perwali+Kota+Palu+No.+28+Th.+2023")
    assert response.status_code == 303
    assert response.headers["Location"].endswith(PALU + "/pasal/21/ayat/4")


def test_search_ambiguous_lists_candidates(client):
    response = client.get("/cari?q=Pasal+9+ayat+(1)")
    assert response.status_code == 300
    assert text(response).count("Pasal 9 ayat (1) Peraturan Wali Kota") >= 2


def test_search_question_goes_to_tanya(client):
    response = client.get("/cari?q=Siapa+yang+menetapkan+penugasan%3F")
    assert response.status_code == 303 and "/tanya?q=" in response.headers["Location"]


def test_search_errors_are_pages(client):
    response = client.get("/cari?q=")
    assert response.status_code == 400 and "Tulis kutipan atau pertanyaan" in text(response)
    response = client.get("/cari?q=" + "x" * 600 + "&lang=en")
    assert response.status_code == 400 and "cannot be processed" in text(response)


def test_tanya_cross_pd_teams(client):
    body = text(client.get("/tanya?q=Which+article+governs+cross-PD+teams%3F"))
    assert "Pasal 21 ayat (4)" in body and "Pasal 9 ayat (4)" in body
    semarang = body[body.index(">Semarang</h3>") :].split("</article>")[0]
    assert "Tidak diatur" in semarang
    assert "/api/compare?q=Which" in body and "format=xlsx" in body


def test_tanya_fact(client):
    body = text(client.get("/tanya?q=Siapa+yang+menandatangani+Perwali+Palu+28%2F2023%3F"))
    assert "HADIANTO RASYID" in body and "pw:signatoryName" in body


def test_tanya_bad_question_is_a_message(client):
    response = client.get("/tanya?q=" + "kata+" * 400)
    assert response.status_code == 400 and 'role="alert"' in text(response)


def test_validasi_faulty_upload_shows_violations_with_citations(client):
    data = {"regulation": "palu-28-2023", "file": (io.BytesIO(kecil_zip()), "kecil.zip")}
    response = client.post("/validasi", data=data, content_type="multipart/form-data")
    body = text(response)
    assert response.status_code == 200
    assert "Pasal 1 angka 18 Peraturan Wali Kota Palu Nomor 28 Tahun 2023" in body
    assert f'href="{PALU}/pasal/1/angka/18"' in body
    assert "Pelanggaran" in body
    token = re.search(r"/validasi/laporan/([\w-]+)\.xlsx", body).group(1)
    download = client.get(f"/validasi/laporan/{token}.csv")
    assert download.status_code == 200 and b"Pasal 1 angka 18" in download.data
    assert client.get(f"/validasi/laporan/{token}.ttl").mimetype == "text/turtle"
    assert client.get(f"/validasi/laporan/{token}.xlsx").data[:2] == b"PK"


def test_validasi_all_gives_the_matrix(client):
    data = {"regulation": "all", "file": (io.BytesIO(kecil_zip()), "kecil.zip")}
    body = text(client.post("/validasi", data=data, content_type="multipart/form-data"))
    assert "Matriks aturan per kota" in body
    assert all(place in body for place in ("Semarang", "Cilegon", "Tebing Tinggi"))
    assert "tidak diatur" in body


def test_validasi_errors_are_messages(client):
    no_file = client.post("/validasi", data={"regulation": "palu-28-2023"})
    assert no_file.status_code == 400 and "Pilih berkas" in text(no_file)
    bad_reg = client.post("/validasi?lang=en", data={"regulation": "x"})
    assert bad_reg.status_code == 400 and "Unknown regulation" in text(bad_reg)
    broken = {"regulation": "palu-28-2023", "file": (io.BytesIO(b"not a zip"), "org.zip")}
    response = client.post("/validasi?lang=id", data=broken, content_type="multipart/form-data")
    assert response.status_code == 400 and "Kesalahan data masukan" in text(response)
    assert client.get("/validasi/laporan/nope.xlsx").status_code == 404


def test_validasi_catalogue_links_provisions(client):
    body = text(client.get("/validasi"))
    assert "Katalog aturan" in body and "penilai-min-pengawas" in body
    assert f'href="{PALU}/pasal/1/angka/18"' in body
    assert 'href="/api/validate/template.xlsx"' in body


def test_kueri_lists_examples_and_posts_to_sparql(client):
    body = text(client.get("/kueri?contoh=04-bab-headings"))
    assert 'action="/sparql"' in body and "<textarea" in body
    assert body.count("<option") >= 14
    assert "pw:Bab" in body


def test_unknown_page_and_regulation(client):
    assert client.get("/peraturan/palu-28-2023").status_code == 302
    missing = client.get("/peraturan/nope?lang=en")
    assert missing.status_code == 404 and "Unknown regulation" in text(missing)


def test_tanya_export_links_answer_csv_and_xlsx(client):
    body = text(client.get("/tanya?q=tim+kerja+lintas+perangkat+daerah"))
    link = re.search(r'href="(/api/compare\?q=[^"]+format=csv)"', body).group(1)
    csv = client.get(link.replace("&amp;", "&"))
    assert csv.status_code == 200 and "Pasal 21 ayat (4)" in csv.get_data(as_text=True)
    xlsx = client.get(link.replace("&amp;", "&").replace("format=csv", "format=xlsx"))
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"


def test_api_lang_parameter_sets_no_page_cookie(client):
    response = client.get("/api/ask?q=tim+kerja&lang=en")
    assert response.status_code == 200 and "Set-Cookie" not in response.headers


def test_validasi_size_limit_is_a_page(client, web_app):
    big = b"#" * 100_000  # over the app's 64 KB request cap: uploads have their own
    data = {"regulation": "palu-28-2023", "file": (io.BytesIO(big), "org.ttl")}
    response = client.post("/validasi?lang=id", data=data, content_type="multipart/form-data")
    assert response.status_code != 413 and "Traceback" not in text(response)
    web_app.config["VALIDATE_MAX_BYTES"] = 50_000
    try:
        data = {"regulation": "palu-28-2023", "file": (io.BytesIO(big * 2), "org.ttl")}
        response = client.post("/validasi", data=data, content_type="multipart/form-data")
    finally:
        web_app.config["VALIDATE_MAX_BYTES"] = None
    assert response.status_code == 413 and "Berkas melebihi" in text(response)
