"""Every page route through the Flask test client: status, language, errors as pages."""

from __future__ import annotations

import io
import re
import time

import pytest
from markupsafe import escape

from server.app import create_app
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
    assert response.status_code == 414 and "too long" in text(response)
    assert "500 characters" in text(response) and response.mimetype == "text/html"


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


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("en-US,en;q=0.9", "en"),
        ("en-GB", "en"),
        ("id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7", "id"),
        ("en;q=0.5, id;q=0.9", "id"),
        ("fr-FR,fr;q=0.9", "id"),
        ("*", "id"),
    ],
)
def test_accept_language_chooses_the_page_language(client, header, lang):
    response = client.get("/tanya", headers={"Accept-Language": header})
    assert f'<html lang="{lang}">' in text(response)
    assert "Accept-Language" in response.headers["Vary"]
    assert "Set-Cookie" not in response.headers  # only ?lang= is remembered


def test_lang_parameter_and_cookie_win_over_accept_language(client):
    english = {"Accept-Language": "en-US,en;q=0.9"}
    assert '<html lang="id">' in text(client.get("/?lang=id", headers=english))
    # the cookie set by ?lang=id is kept over the header
    assert '<html lang="id">' in text(client.get("/tanya", headers=english))


def test_no_accept_language_is_indonesian(client):
    assert '<html lang="id">' in text(client.get("/"))


@pytest.mark.parametrize(
    ("path", "status"),
    [("/peraturan/tidak-ada", 404), ("/tanya", 405), (PALU + "/pasal/21", 405)],
)
def test_web_errors_are_pages_in_the_users_language(client, path, status):
    browser = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    method = client.get if status == 404 else client.post
    response = method(path, headers=browser)
    assert response.status_code == status and response.mimetype == "text/html"
    assert '<html lang="id">' in text(response) and 'role="alert"' in text(response)
    english = method(path, headers={**browser, "Accept-Language": "en"})
    assert '<html lang="en">' in text(english) and "Back to home" in text(english)
    if status == 405:
        assert "GET" in response.headers["Allow"]


def test_request_too_large_is_a_page_for_web_paths_and_json_for_api(web_app):
    from werkzeug.exceptions import RequestEntityTooLarge, RequestURITooLarge

    browser = {"Accept": "text/html", "Accept-Language": "en"}

    def answer(path: str, error):
        with web_app.test_request_context(path, headers=browser):
            return web_app.make_response(web_app.handle_user_exception(error))

    for error in (RequestEntityTooLarge(), RequestURITooLarge()):
        page = answer("/tanya", error)
        assert page.status_code == error.code and page.mimetype == "text/html"
        body = page.get_data(as_text=True)
        assert "The request is too large." in body and '<html lang="en">' in body
        for path in ("/api/ask", "/sparql"):
            api = answer(path, error)
            assert api.status_code == error.code and api.get_json()["code"], path


def test_machine_clients_keep_json_errors_on_web_paths(client):
    for accept in ({}, {"Accept": "application/json"}, {"Accept": "*/*"}):
        response = client.post("/tanya", headers=accept)
        assert response.status_code == 405 and response.get_json()["code"] == "method-not-allowed"


def test_long_query_on_tanya_and_cari_is_a_page(client):
    long_q = "kata+" * 1600  # 8 KB
    for path in ("/tanya?q=", "/cari?q="):
        response = client.get(path + long_q, headers={"Accept-Language": "en"})
        assert response.status_code in (400, 414), path
        assert response.mimetype == "text/html" and '<html lang="en">' in text(response)
        assert 'role="alert"' in text(response), path


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("palu-28-2023 21 4", PALU + "/pasal/21/ayat/4"),
        ("PALU-28-2023 21 4", PALU + "/pasal/21/ayat/4"),
        ("palu-28-2023 21", PALU + "/pasal/21"),
        ("palu-28-2023 2 a", PALU + "/pasal/2/huruf/a"),
        ("Semarang-85-2023 10 6", "/eli/id-semarang/perwal/2023/85/pasal/10/ayat/6"),
    ],
)
def test_search_accepts_the_show_address(client, query, target):
    response = client.get("/cari", query_string={"q": query})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(target)


def test_search_show_address_errors_are_pages(client):
    missing = client.get("/cari", query_string={"q": "palu-28-2023 99"})
    assert missing.status_code == 404 and "Pasal 1–32" in text(missing)
    unknown = client.get("/cari", query_string={"q": "bogor-1-2023 2 1"})
    assert unknown.status_code == 404 and "Peraturan tidak dikenal" in text(unknown)
    assert "palu-28-2023" in text(unknown)


def test_kueri_examples_have_indonesian_and_english_titles(client):
    from server.web.examples import TITLES_ID, example_queries

    examples = example_queries()
    assert set(TITLES_ID) == set(examples)  # every .rq file has its Indonesian title
    body = text(client.get("/kueri"))
    for example in examples.values():
        assert example.title_id != example.title_en
        assert f">{escape(example.title_id)}</option>" in body
    assert "Berapa jumlah Pasal setiap peraturan?" in body
    assert "# Berapa jumlah Pasal setiap peraturan?\n# How many Pasal" in body  # editor
    english = text(client.get("/kueri?lang=en&contoh=09-signatories"))
    assert ">Who signed and who promulgated each regulation, when and where?</option>" in english
    assert "Siapa yang menetapkan" not in english


def test_dates_are_long_in_the_pages_language(client):
    home = text(client.get("/?lang=id"))
    assert '<time datetime="2023-06-05">5 Juni 2023</time>' in home
    assert '<time datetime="2024-12-27">27 Desember 2024</time>' in home
    page = text(client.get(PALU + "?lang=en", headers=HTML))
    assert '<time datetime="2023-09-27">27 September 2023</time>' in page
    english_home = text(client.get("/?lang=en"))
    assert '<time datetime="2023-06-05">5 June 2023</time>' in english_home
    assert "2023-06-05</dd>" not in english_home


def test_raw_error_page_for_requests_refused_before_flask():
    from server.web.raw_error import page_response

    browser = b"Accept: text/html,application/xhtml+xml,*/*;q=0.8\r\n"
    long_line = b"GET /tanya?q=" + b"x" * 120_000  # cut short: no headers arrived yet
    cut = page_response(414, long_line)  # no header arrived: the web path decides
    assert b"HTTP/1.1 414 " in cut and b'<html lang="id">' in cut
    assert page_response(414, b"GET /api/ask?q=" + b"x" * 120_000) is None
    head = b"GET /tanya?lang=en&q=" + b"x" * 100 + b" HTTP/1.1\r\n" + browser + b"Cookie: a"
    response = page_response(414, head)
    status, _, rest = response.partition(b"\r\n")
    assert status == b"HTTP/1.1 414 Request-URI Too Long"
    assert b"Content-Type: text/html; charset=utf-8" in rest
    body = response.split(b"\r\n\r\n", 1)[1].decode()
    assert '<html lang="en">' in body and "The request is too large." in body
    assert f"Content-Length: {len(body.encode())}".encode() in rest
    english = b"GET /cari?q=x HTTP/1.1\r\n" + browser + b"Accept-Language: en-US,en\r\n\r\n"
    assert b'<html lang="en">' in page_response(414, english)
    cookie = b"GET /cari?q=x HTTP/1.1\r\n" + browser + b"Cookie: lang=en\r\nAccept-Language: id\r\n"
    assert b'<html lang="en">' in page_response(414, cookie)
    plain = b"GET /cari?q=x HTTP/1.1\r\n" + browser + b"\r\n"
    assert b'<html lang="id">' in page_response(414, plain)
    assert b"Permintaan terlalu besar." in page_response(414, plain)
    for path in (b"/api/ask?q=x", b"/sparql?query=x"):
        assert page_response(414, b"GET " + path + b" HTTP/1.1\r\n" + browser + b"\r\n") is None
    json_client = b"GET /cari?q=x HTTP/1.1\r\nAccept: application/json\r\n\r\n"
    assert page_response(414, json_client) is None
    assert page_response(431, b"GET /cari?q=x HTTP/1.1\r\nX: y\r\n") is None  # no Accept


def test_a_request_line_too_long_for_the_worker_is_an_html_page_for_a_browser(live_url):
    """The worker refuses a 118 KB URL before Flask sees it: a browser still gets a page."""
    import requests

    long_question = "a" * 118_000
    page = requests.get(
        f"{live_url}/tanya?q={long_question}",
        headers={"Accept": "text/html", "Accept-Language": "id"},
        timeout=30,
    )
    assert page.status_code == 414
    assert page.headers["Content-Type"].startswith("text/html")
    assert "<html" in page.text and "Traceback" not in page.text
    api = requests.get(f"{live_url}/api/ask?q={long_question}", timeout=30)
    assert api.status_code == 414
    assert api.headers["Content-Type"].startswith("application/json")


@pytest.mark.parametrize(
    ("path", "slow", "lang", "words"),
    [
        ("/tanya?q=tim+kerja+lintas+perangkat+daerah", "server.web.pages.ask", "id", "batas waktu"),
        ("/tanya?q=cross-PD+teams&lang=en", "server.web.pages.ask", "en", "limit"),
        ("/role/pejabat-fungsional", "server.linked_data._fetch", "id", "batas waktu"),
    ],
)
def test_a_page_over_its_time_limit_is_a_503_page_not_a_500(
    built_data, monkeypatch, path, slow, lang, words
):
    """A capability refusing behind a page (here: over the time limit) keeps its status,
    ``Retry-After`` and message, as an HTML page in the page's language."""
    monkeypatch.setattr(slow, lambda *args, **kwargs: time.sleep(0.5))
    app = create_app({"STORE": f"embedded:{built_data}", "TESTING": True, "API_TIMEOUT": 0.05})
    try:
        response = app.test_client().get(path, headers={"Accept": "text/html"})
        page = response.get_data(as_text=True)
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "1"
        assert response.mimetype == "text/html"
        assert f'<html lang="{lang}"' in page
        assert words in page and "Traceback" not in page
    finally:
        app.extensions["perwali.backend"].close()
