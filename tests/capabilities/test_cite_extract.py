"""``capabilities.cite_extract.extract``: every citation in a pasted text, with spans."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capabilities.cite_extract import MAX_TEXT_CHARS, TextTooLong, extract
from capabilities.source import EmbeddedSource
from perwali.build import DEFAULT_CORPUS_DIR

PALU = "https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28"
SEMARANG = "https://w3id.org/perwali-kg/eli/id-semarang/perwal/2023/85"


@pytest.fixture(scope="module")
def source(built_data):
    return EmbeddedSource(built_data)


def test_spans_statuses_and_resolutions(source):
    text = (
        "Sebagaimana diatur dalam Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun "
        "2023, surat perintah ditetapkan oleh Sekda. Lihat juga ayat (5) dan Pasal 12. "
        "Bandingkan Perwali Semarang 85/2023 Pasal 10 ayat (6); lalu Pasal 9 ayat (9)."
    )
    found = extract(source, text)
    assert [text[item.start : item.end] for item in found] == [item.text for item in found]
    assert [item.text for item in found] == [
        "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
        "ayat (5)",
        "Pasal 12",
        "Perwali Semarang 85/2023 Pasal 10 ayat (6)",
        "Pasal 9 ayat (9)",
    ]
    assert [item.relative for item in found] == [False, True, True, False, True]
    assert [item.resolution.get("iri") for item in found[:4]] == [
        PALU + "/pasal/21/ayat/4",
        PALU + "/pasal/21/ayat/5",  # the Pasal and the regulation last named
        PALU + "/pasal/12",
        SEMARANG + "/pasal/10/ayat/6",
    ]
    last = found[4]
    assert (last.status, last.http_status) == ("not_found", 404)
    assert "Pasal 9 memiliki ayat" in last.resolution["message"]  # against Semarang
    assert last.resolution["nearest"]["iri"].startswith(SEMARANG + "/pasal/9/ayat/")


def test_bare_provision_before_any_regulation_is_ambiguous(source):
    found = extract(source, "Pasal 9 mengatur tim kerja.")
    assert [(item.status, item.relative) for item in found] == [("ambiguous", False)]
    assert len(found[0].resolution["candidates"]) == 5


def test_a_cited_instrument_becomes_the_context(source):
    found = extract(source, "Undang-Undang Nomor 23 Tahun 2014 Pasal 5, dan Pasal 6.")
    assert [item.status for item in found] == ["not_found", "not_found"]
    assert found[1].resolution["code"] == "regulation-not-in-corpus"


def test_the_limit_is_64000_characters(source):
    extract(source, "a" * MAX_TEXT_CHARS)
    with pytest.raises(TextTooLong):
        extract(source, "a" * (MAX_TEXT_CHARS + 1))


def test_a_whole_regulation_text_is_read(source):
    text = (DEFAULT_CORPUS_DIR / "palu-28-2023.txt").read_text("utf-8")
    found = extract(source, text)
    assert found[0].resolution["iri"] == PALU  # its title block names it
    assert len(found) > 50
    assert all(text[item.start : item.end] == item.text for item in found)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_random_text_never_raises(source, text):
    for item in extract(source, text):
        assert item.status in ("found", "not_found", "ambiguous", "invalid")
        assert 0 <= item.start < item.end <= len(text)


def test_a_list_shares_the_regulation_named_at_its_end(source):
    found = extract(source, "Lihat Pasal 5, Pasal 6 dan Pasal 7 Perwali Palu 28/2023.")
    assert [item.resolution["iri"] for item in found] == [
        PALU + "/pasal/5",
        PALU + "/pasal/6",
        PALU + "/pasal/7",
    ]
    found = extract(source, "Pasal 9 Perwali Semarang 85/2023 dan Pasal 10 Perwali Palu 28/2023")
    assert [item.resolution["iri"] for item in found] == [SEMARANG + "/pasal/9", PALU + "/pasal/10"]


def test_a_bare_ayat_naming_the_regulation_takes_the_pasal_before_it(source):
    for text in (
        "Pasal 21 ayat (4) dan ayat (5) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
        "Pasal 21 ayat (4) Perwali Palu 28/2023 dan ayat (5) Perwali Kota Palu 28/2023",
    ):
        found = extract(source, text)
        assert [item.resolution["iri"] for item in found] == [
            PALU + "/pasal/21/ayat/4",
            PALU + "/pasal/21/ayat/5",
        ], text
        assert found[1].relative


def test_a_regulation_not_in_the_corpus_is_read_whole_not_made_relative(source):
    text = "Sesuai Pasal 21 Perwali Palu 28/2023 serta Pasal 3 Perwali Bandung 12/2022. Pasal 4."
    found = extract(source, text)
    assert [item.text for item in found] == [
        "Pasal 21 Perwali Palu 28/2023",
        "Pasal 3 Perwali Bandung 12/2022",
        "Pasal 4",
    ]
    bandung = found[1]
    assert (bandung.status, bandung.relative) == ("not_found", False)
    assert bandung.resolution["code"] == "regulation-not-found"
    assert bandung.resolution["message"].startswith("Kota Bandung tidak ada dalam korpus")
    assert "perwal" not in bandung.resolution["message"]
    # the bare Pasal 4 after it belongs to Bandung now, not silently to Palu
    assert found[2].relative and found[2].status == "not_found"
    assert "iri" not in found[2].resolution


def test_instrument_mentions_are_reported_with_their_iri(source):
    text = (
        "Sistem kerja diatur dengan Peraturan Menteri Pendayagunaan Aparatur Negara dan "
        "Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja.\n"
        "Lihat juga Permen PANRB No. 7 Tahun 2022 dan Peraturan Menteri PANRB 7/2022.\n"
        "Pasal 21 Perwali Palu 28/2023."
    )
    found = extract(source, text)
    assert [item.text for item in found] == [
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 "
        "Tahun 2022",
        "Permen PANRB No. 7 Tahun 2022",
        "Peraturan Menteri PANRB 7/2022",
        "Pasal 21 Perwali Palu 28/2023",  # the next line's Pasal is not PANRB's
    ]
    for item in found[:3]:
        assert item.http_status == 404
        assert item.resolution["code"] == "regulation-not-in-corpus"
        assert item.resolution["instrument"]["iri"].startswith("https://w3id.org/perwali-kg/")
    assert found[3].resolution["iri"] == PALU + "/pasal/21"


def test_relative_citations_name_the_regulation_they_were_resolved_against(source):
    found = extract(source, "Pasal 21 Perwali Palu 28/2023 dan ayat (4); Pasal 5.")
    assert [(item.relative, item.resolved_against) for item in found] == [
        (False, None),
        (True, "palu-28-2023"),
        (True, "palu-28-2023"),
    ]
    assert found[1].to_json()["resolved_against"] == "palu-28-2023"


def test_full_width_digits_keep_their_offsets(source):
    text = "Lihat Pasal ２１ ayat (４) Perwali Palu ２８/２０２３."
    (item,) = extract(source, text)
    assert item.text == "Pasal ２１ ayat (４) Perwali Palu ２８/２０２３"
    assert item.resolution["iri"] == PALU + "/pasal/21/ayat/4"
