"""End to end in Debian's Chromium (headless) against ``perwali serve`` on 127.0.0.1.

Skipped, with the reason, only when /usr/bin/chromium is absent (``.ci/run`` installs it).
Screenshots of every page at 1280 and 360 px go to tests/web/screenshots/ (git-ignored).
"""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import AXE, CHROMIUM, SCREENSHOTS, kecil_zip

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian Chromium (/usr/bin/chromium) is not installed"
)

PALU = "/eli/id-palu/perwal/2023/28"
CROSS_PD = "Which article governs cross-PD teams?"
PAGES = {
    "beranda": "/",
    "beranda-en": "/?lang=en",
    "peraturan": PALU,
    "pasal": PALU + "/pasal/21",
    "ayat": PALU + "/pasal/21/ayat/4",
    "lampiran": "/eli/id-cilegon/perwal/2023/17",
    "tanya": "/tanya?q=Which+article+governs+cross-PD+teams%3F",
    "kandidat": "/cari?q=Pasal+9+ayat+(1)",
    "validasi": "/validasi",
    "kueri": "/kueri",
    "galat": "/peraturan/tidak-ada",
    "data-tertaut": "/role/pejabat-fungsional.html",
}
#: ms to wait for a validation report: SHACL over five regulations takes > 30 s on a busy
#: 2-core machine (the default timeout), a few seconds on a quiet one
UPLOAD_WAIT = 120_000
#: Pages answered with a status other than 200 on purpose.
STATUS = {"kandidat": 300, "galat": 404}


def watch_console(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def axe_violations(page) -> list[dict]:
    """axe-core's serious and critical violations on the current page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:3]]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_clean_accessible_and_fits_a_phone(page, live_url, name):
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci` (.ci/run does)")
    errors = watch_console(page)
    response = page.goto(live_url + PAGES[name])
    assert response.status == STATUS.get(name, 200)
    page.wait_for_load_state("load")
    assert page.locator("main#isi").count() == 1
    assert page.get_attribute("html", "lang") in ("id", "en")
    shoot(page, f"{name}-1280")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 360, "height": 780})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{name} scrolls sideways at 360 px ({width} px wide)"
    shoot(page, f"{name}-360")
    # a failed request of the page's own assets would show here as a console error
    if name in STATUS:  # the page's own status is logged by Chromium as a failed load
        errors = [e for e in errors if f"status of {STATUS[name]}" not in e]
    assert errors == []


def test_citation_search_lands_on_the_provision(page, live_url):
    page.goto(live_url + "/")
    page.fill("#q", "pasal 21 ayat 4 perwali palu no 28 tahun 2023")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r".*/pasal/21/ayat/4$"))
    assert page.inner_text("h1") == "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023"
    assert page.is_visible("button[data-copy]")  # the copy button appears with JavaScript


def test_question_shows_answers_per_city(page, live_url):
    page.goto(live_url + "/")
    page.fill("#q", CROSS_PD)
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r".*/tanya\?q=.*"))
    semarang = page.locator("article.city", has=page.locator("h3", has_text="Semarang"))
    assert "Tidak diatur" in semarang.inner_text()
    palu = page.locator("article.city", has=page.locator("h3", has_text="Palu"))
    assert "Pasal 21 ayat (4)" in palu.inner_text()
    tebing = page.locator("article.city", has=page.locator("h3", has_text="Tebing Tinggi"))
    assert "Pasal 9 ayat (4)" in tebing.inner_text()


def test_faulty_upload_shows_violations_with_citations(page, live_url, tmp_path):
    upload = tmp_path / "kecil.zip"
    upload.write_bytes(kecil_zip())
    page.goto(live_url + "/validasi")
    page.set_input_files("#file", str(upload))
    page.select_option("#regulation", "palu-28-2023")
    page.click("form.upload button[type=submit]")
    page.wait_for_selector(".findings", timeout=UPLOAD_WAIT)
    shoot(page, "validasi-hasil-1280")
    link = page.locator(".findings a", has_text="Pasal 1 angka 18 Peraturan Wali Kota Palu")
    assert link.count() >= 1
    assert link.first.get_attribute("href") == PALU + "/pasal/1/angka/18"
    assert "Pelanggaran" in page.inner_text("#res-h + p + section, .report")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 360, "height": 780})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shoot(page, "validasi-hasil-360")


def test_sparql_page_runs_a_query(page, live_url):
    errors = watch_console(page)
    page.goto(live_url + "/kueri?contoh=01-pasal-per-regulation")
    page.click("#run")
    page.wait_for_selector("#results table tbody tr")
    rows = page.locator("#results table tbody tr").count()
    assert rows == 5
    assert "palu-28-2023" in page.inner_text("#results")
    assert errors == []
    shoot(page, "kueri-hasil-1280")


def _focus_walk(page, presses: int) -> list[str]:
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                "() => { const e = document.activeElement;"
                " return e.id || e.getAttribute('href') || e.name || e.tagName; }"
            )
        )
    return seen


@pytest.mark.parametrize(
    ("path", "targets"),
    [
        ("/", ["#isi", "q"]),
        ("/tanya", ["q"]),
        ("/validasi", ["file", "regulation"]),
        ("/kueri", ["contoh", "query", "run"]),
    ],
)
def test_keyboard_reaches_search_and_forms(page, live_url, path, targets):
    page.goto(live_url + path)
    seen = _focus_walk(page, 25)
    assert seen[0] == "#isi"  # the skip link comes first
    for target in targets:
        assert target in seen, f"{target} not reached by Tab on {path}: {seen}"


def test_skip_link_moves_focus_to_main(page, live_url):
    page.goto(live_url + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "isi"


def test_axe_check_finds_a_real_violation(page):
    """The accessibility check is live: a page with an unlabelled field and an image with
    no text fails it (so an empty result above means something)."""
    page.set_content(
        '<html lang="id"><body><main><input type="text"><img src="data:,"></main></body></html>'
    )
    found = {violation["id"] for violation in axe_violations(page)}
    assert {"label", "image-alt"} <= found


def test_upload_against_all_shows_the_matrix_on_a_phone(page, live_url, tmp_path):
    upload = tmp_path / "kecil.zip"
    upload.write_bytes(kecil_zip())
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(live_url + "/validasi?lang=en")
    page.set_input_files("#file", str(upload))
    page.select_option("#regulation", "all")
    page.click("form.upload button[type=submit]")
    page.wait_for_selector("table.matrix", timeout=UPLOAD_WAIT)
    assert "Rules per city" in page.inner_text("main")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shoot(page, "validasi-semua-360")


def test_reading_pages_work_without_javascript(browser, live_url):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}, locale="id-ID"
    )
    page = context.new_page()
    try:
        page.goto(live_url + "/")
        page.fill("#q", "Perwali Semarang 85/2023 Pasal 10 ayat (6)")
        page.press("#q", "Enter")
        page.wait_for_url(re.compile(r".*/id-semarang/perwal/2023/85/pasal/10/ayat/6$"))
        assert "Pasal 10 ayat (6)" in page.inner_text("h1")
        assert page.locator("#citation").inner_text().startswith("Pasal 10 ayat (6)")
        assert not page.is_visible("button[data-copy]")  # the copy button needs JavaScript
        page.click("nav.crumbs a >> nth=0")  # up to the regulation page
        assert page.locator("#pasal-10-ayat-6").count() == 1
    finally:
        context.close()


def test_an_english_browser_gets_english_pages_with_long_dates(browser, live_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(live_url + PALU)
        assert page.get_attribute("html", "lang") == "en"
        enacted = page.locator("dl.meta time").first
        assert enacted.inner_text() == "27 September 2023"
        assert enacted.get_attribute("datetime") == "2023-09-27"
        shoot(page, "peraturan-en-1280")
        page.goto(live_url + "/")
        page.fill("#q", "PALU-28-2023 21 4")
        page.press("#q", "Enter")
        page.wait_for_url(re.compile(r".*/id-palu/perwal/2023/28/pasal/21/ayat/4$"))
        assert "Pasal 21 ayat (4)" in page.inner_text("h1")
    finally:
        context.close()
