"""Headings glued to each other and to their Pasal in one line (extract.segment.unglue):
cut only where the numbering confirms it; cross-references and out-of-sequence OCR
labels stay text."""

from __future__ import annotations

from extract.model import Line
from extract.ocr import RECOVERED
from extract.parse import parse_file
from extract.segment import Place, unglue
from tests.conftest import SHARED
from tests.extract.test_layout_variants import parse, pasal

UU_5_2014 = SHARED / "national-samples" / "uu-2014-5.txt"
AFTER_46 = Place(bab=11, bagian=3, paragraf=2, pasal="46")


def _texts(text: str, at: Place) -> list[str]:
    pieces, _ = unglue(Line(text, 100, 100 + len(text)), at)
    return [piece.text for piece in pieces]


# --- the cutter ------------------------------------------------------------------------


def test_real_glued_bagian_paragraf_and_ocr_pasal_label():
    line = "Bagian Keempat BKN Paragraf 1 Fungsi dan Tugas PasaI 47 BKN memiliki fungsi:"
    pieces, found = unglue(Line(line, 1000, 1000 + len(line)), AFTER_46)
    assert [p.text for p in pieces] == [
        "Bagian Keempat BKN",
        "Paragraf 1 Fungsi dan Tugas",
        "Pasal 47",
        "BKN memiliki fungsi:",
    ]
    label = pieces[2]
    assert line[label.start - 1000 : label.end - 1000] == "PasaI 47"  # offsets kept
    assert [(f.kind, f.printed, f.read) for f in found] == [("pasal", "PasaI 47", "Pasal 47")]


def test_real_heading_glued_to_a_list_item_after_page_furniture():
    line = (
        "g. membina Jabatan Fungsional di bidang pendidikan dan pelatihan _._ Paragraf 2 Kewenangan"
    )
    at = Place(bab=11, bagian=3, paragraf=1, pasal="44", line_start=False)
    assert _texts(line, at) == [
        "g. membina Jabatan Fungsional di bidang pendidikan dan pelatihan",
        "Paragraf 2 Kewenangan",
    ]


def test_made_up_glued_bab_bagian_paragraf_pasal_with_ayat():
    line = "BAB III TUGAS Bagian Kesatu Umum Paragraf 1 Ketua Pasal 9 (1) Ketua memimpin rapat."
    assert _texts(line, Place(bab=2, bagian=2, paragraf=0, pasal="8")) == [
        "BAB III TUGAS",
        "Bagian Kesatu Umum",
        "Paragraf 1 Ketua",
        "Pasal 9",
        "(1) Ketua memimpin rapat.",
    ]


def test_cross_references_are_never_cut():
    at = Place(bab=2, bagian=3, paragraf=0, pasal="46")
    for line in (
        "Ketentuan sebagaimana dimaksud dalam Pasal 47 BKN berlaku.",
        "Pasal 47 ayat (2) berlaku juga bagi PPPK.",
        "Tugas sebagaimana diatur dalam Bagian Keempat Peraturan ini.",
        "Bagian Keempat Tugas sebagaimana dimaksud dalam Pasal 47 Undang-Undang",
    ):
        assert _texts(line, at) == [line], line


def test_a_reference_ending_a_line_keeps_the_next_line_whole():
    at = Place(bab=2, bagian=3, paragraf=0, pasal="46", line_start=False)
    line = "Pasal 47 Peraturan Pemerintah ini."
    assert _texts(line, at) == [line]


def test_ocr_pasal_label_out_of_sequence_is_not_read():
    for at in (Place(pasal="46"), Place(pasal="40")):
        line = "Bagian Keempat BKN PasaI 74 BKN memiliki fungsi:"
        pieces, found = unglue(Line(line, 0, len(line)), at)
        assert [p.text for p in pieces] == [line] and not found
    line = "Paragraf 1 Umum Paaal 47 BKN memiliki fungsi:"  # one letter off: not a label
    assert _texts(line, Place(pasal="46")) == [line]


def test_heading_out_of_sequence_stays_title_text():
    line = "Bagian Keempat BKN Paragraf 3 Fungsi dan Tugas"  # Paragraf 3 cannot open a Bagian
    assert _texts(line, Place(bagian=3, paragraf=2, pasal="46")) == [line]


def test_a_trailing_pasal_heading_alone_is_left_to_the_body_parser():
    line = "Bagian Kesatu Kedudukan Pasal 6"
    assert _texts(line, Place(bab=2, pasal="5")) == [line]


# --- through the parser -----------------------------------------------------------------


def test_uu_5_2014_keeps_pasal_47_and_paragraf_2_kewenangan():
    regulation = parse_file(UU_5_2014)
    numbers = [u.number for u in regulation.units() if u.kind == "pasal"]
    assert len(numbers) == 141 and "47" in numbers
    pasal_47 = pasal(regulation, "47")
    assert pasal_47.text == "BKN memiliki fungsi:"
    assert [c.number for c in pasal_47.children] == ["a", "b", "c"]
    assert pasal_47.children[0].text == "pembinaan penyelenggaraan Manajemen ASN;"
    bagian = next(u for u in regulation.units() if u.kind == "bagian" and u.heading == "BKN")
    assert [(c.kind, c.number, c.heading) for c in bagian.children[:1]] == [
        ("paragraf", "1", "Fungsi dan Tugas")
    ]
    kewenangan = [
        u for u in regulation.units() if u.kind == "paragraf" and u.heading == "Kewenangan"
    ]
    lan = [p for p in kewenangan if [c.number for c in p.children] == ["45", "46"]]
    assert len(lan) == 1
    huruf_g = pasal(regulation, "44").children[-1]
    assert huruf_g.text == "membina Jabatan Fungsional di bidang pendidikan dan pelatihan"
    recovered = [w for w in regulation.warnings if w.code == RECOVERED]
    assert any(w.unit == pasal_47.iri and "PasaI 47" in w.message for w in recovered)
    assert not any(w.code == "pasal-numbering-gap" for w in regulation.warnings)


def test_made_up_glued_line_through_the_parser():
    regulation = parse(
        """BAB I
KETENTUAN UMUM
Pasal 1
Ketentuan umum.
BAB II TUGAS
Bagian Kesatu Ketua Paragraf 1 Umum PasaI 2 Ketua memimpin tim:
a. rapat; dan
b. laporan.
Pasal 3
Ketua melaksanakan tugas sebagaimana dimaksud dalam
Pasal 2 Peraturan Wali Kota ini.
"""
    )
    assert [u.number for u in regulation.units() if u.kind == "pasal"] == ["1", "2", "3"]
    pasal_2 = pasal(regulation, "2")
    assert pasal_2.text == "Ketua memimpin tim:"
    assert [c.text for c in pasal_2.children] == ["rapat; dan", "laporan."]
    bagian = regulation.body[1].children[0]
    assert (bagian.kind, bagian.heading) == ("bagian", "Ketua")
    assert [(c.kind, c.heading) for c in bagian.children] == [("paragraf", "Umum")]
    assert pasal(regulation, "3").text.endswith("dalam Pasal 2 Peraturan Wali Kota ini.")


def test_a_bab_numbered_by_a_suffix_letter_alone_does_not_break_ungluing():
    # "BAB C" passes the heading check (its letter strips as a suffix); working out the
    # numbers a glued heading after it must continue crashed (IndexError)
    text = """BAB I
KETENTUAN UMUM
Pasal 1
Ketentuan umum.
BAB {}
LAIN
Bagian Kesatu Ketua Paragraf 1 Umum Pasal 2 Ketua memimpin rapat.
"""
    shapes = []
    for number in ("II", "C"):
        units = parse(text.format(number)).units()
        shapes.append([(u.kind, u.heading, u.text) for u in units])
    assert shapes[0] == shapes[1]
    assert [kind for kind, _, _ in shapes[1]] == ["bab", "pasal", "bab", "bagian"]
