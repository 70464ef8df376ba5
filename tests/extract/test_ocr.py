"""OCR-aware reading (extract/ocr.py): numbers and keywords through OCR confusions, never a
guess between two readings, provenance on what was recovered, warnings for what was not.

Texts: the five corpus texts degraded by ``ocr_noise.py`` (seeded; the committed copies in
``tests/data/ocr/generated`` must equal a fresh run) and two handwritten raw-OCR Perwali in
``tests/data/ocr/handwritten``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Store

from extract import vocab as v
from extract.clean import clean
from extract.ocr import (
    DATE_ILLEGIBLE,
    RECOVERED,
    keyword_confidence,
    number_readings,
    read_date,
    read_number,
    repair_lines,
    roman_reading,
)
from extract.parse import parse_file, parse_text
from extract.to_rdf import regulation_quads
from tests.extract.ocr_noise import LEVELS, SEED, degrade, write_samples

REPO = Path(__file__).resolve().parents[2]
CORPUS = sorted((REPO / "corpus").glob("*.txt"))
OCR_DATA = REPO / "tests" / "data" / "ocr"
RAW_OCR = OCR_DATA / "handwritten" / "baubau-13-2022.ocr.txt"
AMBIGUOUS = OCR_DATA / "handwritten" / "baubau-14-2022.ambiguous.txt"


def _shape(regulation) -> dict[str, int]:
    """Pasal number -> its number of ayat."""
    return {
        unit.number: sum(child.kind == "ayat" for child in unit.children)
        for unit in regulation.units()
        if unit.kind == "pasal"
    }


# --- reading numbers, keywords, dates ----------------------------------------------------


def test_numbers_read_through_letter_confusions():
    assert number_readings("l3") == {"13"}
    assert number_readings("2O22") == {"2022"}
    assert number_readings("1G") == {"16"}
    assert number_readings("2t") == {"21", "27"}  # "t" is 1 or 7
    assert number_readings("ab") == set()
    assert read_number("l0") == "10"


def test_two_readings_are_never_guessed_between():
    assert read_number("2t") is None
    assert read_number("2t", expected="27") == "27"  # the sequence decides
    assert read_number("2t", expected="22") is None
    assert read_number("119", expected="19") is None


def test_keywords_match_through_confusions_with_confidence():
    assert keyword_confidence("Pasal", "Pasal") == 1.0
    assert keyword_confidence("Nornor", "Nomor") == 0.9
    assert keyword_confidence("tcntang", "tentang") == 0.9
    assert keyword_confidence("Pernerintah", "Pemerintah") == 0.9
    assert keyword_confidence("Paaal", "Pasal") == 0.7
    assert keyword_confidence("Pada", "Pasal") == 0.0
    assert keyword_confidence("ENTANG", "TENTANG") == 0.0  # a split word is not re-read


def test_roman_numerals_and_dates():
    assert roman_reading("m") == 3
    assert roman_reading("Il") == 2
    assert roman_reading("X") == 10
    assert roman_reading("Q") is None
    assert read_date("21September 2021") == date(2021, 9, 21)
    assert read_date("2l Septernber 2O22") == date(2022, 9, 21)
    assert read_date("z s ~ I •") is None
    assert read_date("3 Maret 2O2t") is None  # 2021 or 2027


# --- the clean texts are untouched -----------------------------------------------------


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_clean_corpus_needs_no_recovery(path):
    lines = clean(path.read_text(encoding="utf-8"))
    repaired, found = repair_lines(lines)
    assert found == []
    assert [line.text for line in repaired] == [line.text for line in lines]


# --- degraded corpus texts ---------------------------------------------------------------


def test_generated_samples_are_reproducible(tmp_path):
    fresh = write_samples(REPO / "corpus", tmp_path)
    assert len(fresh) == 2 * len(CORPUS)
    for path in fresh:
        committed = OCR_DATA / "generated" / path.name
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_structure_survives_light_noise(path):
    text = path.read_text(encoding="utf-8")
    truth = parse_text(text, path.name)
    noisy_path = OCR_DATA / "generated" / f"{path.stem}.ocr10.txt"
    read = parse_text(noisy_path.read_text(encoding="utf-8"), path.name)
    assert read.id == truth.id
    assert read.title == truth.title
    assert _shape(read) == _shape(truth)
    for field in ("enacted_date", "promulgated_date"):
        have, want = getattr(read.closing, field), getattr(truth.closing, field)
        assert have == want or (have is None and _warned(read, DATE_ILLEGIBLE))


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_no_false_reading_at_any_noise(path, level):
    """Whatever is read is right: the id, every Pasal number, every date."""
    text = path.read_text(encoding="utf-8")
    truth = parse_text(text, path.name)
    read = parse_text(degrade(text, level, SEED), path.name)
    assert read.id == truth.id
    assert set(_shape(read)) <= set(_shape(truth))
    assert _ayat(read) <= _ayat(truth)  # no ayat under a Pasal it is not in
    for field in ("enacted_date", "promulgated_date"):
        assert getattr(read.closing, field) in (None, getattr(truth.closing, field))
    share = sum(_shape(read).get(n) == a for n, a in _shape(truth).items()) / len(_shape(truth))
    assert share >= (1.0 if level <= 0.1 else 0.95 if level <= 0.2 else 0.75)


def _ayat(regulation) -> set[str]:
    return {str(unit.iri) for unit in regulation.units() if unit.kind == "ayat"}


def _warned(regulation, code: str) -> bool:
    return any(warning.code == code for warning in regulation.warnings)


# --- a raw-OCR Perwali, written for the tests --------------------------------------------


@pytest.fixture(scope="module")
def raw_ocr():
    return parse_file(RAW_OCR)


def test_raw_ocr_perwali_ingests_with_its_structure(raw_ocr):
    assert raw_ocr.id == "baubau-13-2022"
    assert raw_ocr.title == "Tata Kerja Tim Kerja di Lingkungan Pemerintah Daerah"
    assert raw_ocr.province == "Sulawesi Tenggara"
    assert _shape(raw_ocr) == {"1": 0, "2": 2, "3": 2, "4": 0, "5": 0}
    assert [u.number for u in raw_ocr.units() if u.kind == "bab"] == ["I", "II", "III"]
    assert not any(u.inferred for u in raw_ocr.units())
    assert [item.number for item in raw_ocr.menimbang] == ["a", "b"]
    assert [item.number for item in raw_ocr.mengingat] == ["1", "2"]
    cited = [str(item.instrument.work) for item in raw_ocr.mengingat]
    assert cited[0].endswith("/eli/id/uu/2014/23")
    assert cited[1].endswith("/eli/id/permendagri/2015/80")
    assert len(raw_ocr.definitions) == 2
    assert len(raw_ocr.lampiran) == 1  # "- 5 LAMPI.RAN PERATURAN …"


def test_illegible_date_is_a_warning_not_a_rejection(raw_ocr):
    assert raw_ocr.closing.enacted_date is None
    assert raw_ocr.closing.enacted_place == "Baubau"
    assert raw_ocr.closing.promulgated_date == date(2022, 9, 21)
    illegible = [w for w in raw_ocr.warnings if w.code == DATE_ILLEGIBLE]
    assert len(illegible) == 1 and "z s ~ I" in illegible[0].message


def test_recoveries_are_reported_on_their_units(raw_ocr):
    recovered = {str(w.unit).split("/2022/13")[-1] for w in raw_ocr.warnings if w.code == RECOVERED}
    assert {"/pasal/1", "/pasal/2", "/pasal/3", "/pasal/4", "/bab/III"} <= recovered
    assert {"/pasal/2/ayat/1", "/pasal/3/ayat/1", "/pasal/3/ayat/2"} <= recovered
    pasal_4 = next(w for w in raw_ocr.warnings if str(w.unit).endswith("/pasal/4"))
    assert "'Pasa.14'" in pasal_4.message and "'Pasal 4'" in pasal_4.message


def test_recovered_units_carry_the_provenance_flag(raw_ocr):
    store = Store()
    store.extend(regulation_quads(raw_ocr))
    flagged = {
        str(quad.subject.value).rsplit("/2022/13", 1)[-1]
        for quad in store.quads_for_pattern(
            None, NamedNode(v.OCR_RECOVERED), Literal("true", datatype=NamedNode(v.XSD + "boolean"))
        )
    }
    assert {"/pasal/4", "/bab/I", "/pasal/3/ayat/2", ""} <= flagged  # "" is the regulation
    assert "/pasal/5" not in flagged  # printed cleanly once the page number is dropped


def test_ambiguous_readings_are_left_unread():
    regulation = parse_file(AMBIGUOUS)
    # "Pasa1 l9" reads only as 19 where 2 is due: not a heading; "(t)" is 1 or 7, not 2.
    assert _shape(regulation) == {"1": 2, "3": 1}
    assert regulation.closing.enacted_date is None  # "2O2t": 2021 or 2027
    assert _warned(regulation, DATE_ILLEGIBLE)


SHARED = REPO.parent / "shared"


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared samples not present")
def test_real_texts_dates_read_through_ocr():
    """PP 72/2019 ("14 Oktober ^2Ol9" inside a run-on closing) and Perwali Surabaya 68/2021
    ("Ditetapkan Surabaya" / "21September 2021") get their dates, each reported."""
    pp = parse_file(SHARED / "national-samples" / "pp-2019-72.txt")
    assert (pp.closing.enacted_date, pp.closing.promulgated_date) == (
        date(2019, 10, 14),
        date(2019, 10, 15),
    )
    surabaya = parse_file(SHARED / "jdih-samples" / "kota-surabaya-perwali-68-2021.txt")
    assert surabaya.closing.enacted_place == "Surabaya"
    assert surabaya.closing.enacted_date == date(2021, 9, 21)
    for regulation in (pp, surabaya):
        assert any("tanggal" in w.message for w in regulation.warnings if w.code == RECOVERED)
