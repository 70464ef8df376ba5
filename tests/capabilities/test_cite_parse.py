"""The citation parser: the table of forms, the grammar, and fuzzing (never raises)."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capabilities.cite import HTTP_STATUS, resolve
from capabilities.cite_parse import FORMS_FILE, Lexicon, parse_query, scan
from capabilities.source import EmbeddedSource

LEXICON = Lexicon.build(
    {"perwal": ["Peraturan Wali Kota", "Perwal"], "perda": ["Peraturan Daerah"]},
    {"palu": "Palu", "tebing-tinggi": "Tebing Tinggi"},
)


def parse(text):
    parsed = parse_query(text, LEXICON)
    return parsed.to_json() if parsed else None


def test_the_table_holds_the_abbreviations():
    forms = tomllib.loads(FORMS_FILE.read_text("utf-8"))
    assert {"psl", "ps"} <= set(forms["units"]["pasal"])
    assert "ay" in forms["units"]["ayat"] and "hrf" in forms["units"]["huruf"]
    assert {"no", "nomor", "nmr"} <= set(forms["regulation"]["number"])
    assert {"th", "tahun", "thn"} <= set(forms["regulation"]["year"])
    assert {"perwali", "perwal", "peraturan walikota"} <= set(forms["doctypes"]["perwal"])


def test_a_word_added_to_the_table_is_read(monkeypatch):
    from capabilities import cite_parse

    forms = dict(cite_parse._forms())
    forms["units"] = {**forms["units"], "pasal": [*forms["units"]["pasal"], "artikel"]}
    monkeypatch.setattr(cite_parse, "_forms", lambda: forms)
    lexicon = Lexicon.build({}, {"palu": "Palu"})
    assert parse_query("artikel 7 Palu 28/2023", lexicon).pasal == "7"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "psl 18 ayat (3) huruf b Perwali Kota Palu No. 28 Th. 2023",
            {
                "pasal": "18",
                "ayat": "3",
                "huruf": "b",
                "doctype": "perwal",
                "place": "palu",
                "number": "28",
                "year": "2023",
            },
        ),
        (
            "pasal 9 ayat 4 perwali tebing tinggi no 21 tahun 2024",
            {
                "pasal": "9",
                "ayat": "4",
                "doctype": "perwal",
                "place": "tebing-tinggi",
                "number": "21",
                "year": "2024",
            },
        ),
        (
            "Palu 28/2023 Pasal 13 (2)",
            {"pasal": "13", "ayat": "2", "place": "palu", "number": "28", "year": "2023"},
        ),
        ("Pasal 15A ayat (3a)", {"pasal": "15A", "ayat": "3a"}),
        ("Pasal 1 angka 8", {"pasal": "1", "angka": "8"}),
        (
            "Pasal II Perda Palu 2/2020",
            {"pasal": "II", "doctype": "perda", "place": "palu", "number": "2", "year": "2020"},
        ),
        ("palu-28-2023 pasal 3", {"pasal": "3", "regulation_id": "palu-28-2023"}),
        (
            "Perwali Medan Nomor 5 Tahun 2023",
            {"doctype": "perwal", "place_text": "medan", "number": "5", "year": "2023"},
        ),
    ],
)
def test_grammar(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "hello", "Pasal", "Nomor 5", "(3)", "tahun lalu"])
def test_non_citations(text):
    assert parse(text) is None


def test_scan_finds_spans_in_running_text():
    text = "Menurut Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023, dan ayat (5)."
    found = scan(text, LEXICON)
    assert [text[p.start : p.end] for p in found] == [
        "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
        "ayat (5)",
    ]


def test_scan_needs_more_than_a_type_or_a_year():
    text = "Peraturan Wali Kota ini berlaku. Berita Daerah Kota Palu Tahun 2023 Nomor 28."
    assert scan(text, LEXICON) == []


def test_an_ayat_on_the_next_line_is_not_part_of_the_pasal_heading():
    found = scan("Pasal 8\n(1) Tim kerja dibentuk.", LEXICON)
    assert [(p.pasal, p.ayat) for p in found] == [("8", None)]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_parser_never_raises_on_random_text(text):
    parsed = parse_query(text, LEXICON)
    assert parsed is None or parsed.has_provision or parsed.has_regulation
    for item in scan(text, LEXICON):
        assert 0 <= item.start < item.end <= len(text)


_PIECES = st.sampled_from(
    ["Pasal", "psl", "ayat", "(", ")", "huruf", "angka", "Perwali", "Kota", "Palu", "No.",
     "Th.", "Tahun", "/", "21", "4", "2023", "b", "tentang", "Tebing", "Tinggi", ",", "-"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14))
def test_parser_never_raises_on_citation_like_text(pieces):
    text = " ".join(pieces)
    parse_query(text, LEXICON)
    scan(text, LEXICON)


@pytest.fixture(scope="module")
def source(built_data):
    return EmbeddedSource(built_data)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.one_of(st.text(max_size=120), st.lists(_PIECES, max_size=12).map(" ".join)))
def test_resolve_always_returns_a_status(source, text):
    result = resolve(source, text)
    assert result.http_status in HTTP_STATUS.values()
    body = result.to_json()
    assert body["status"] == result.status
    if result.status != "found":
        assert body["code"] and body["message"]
