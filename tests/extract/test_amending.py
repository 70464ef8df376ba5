"""Amending regulations read through OCR damage (DRAFTING.md §8): Pasal II glued to the
last quoted article, amendment items whose numbers were lost, quoted articles that belong
to their amendment item and not to a list left open before them."""

from __future__ import annotations

from extract.amendments import announced, article_readings, cut_amendments
from extract.clean import clean
from extract.model import Line
from extract.ocr import RECOVERED
from extract.parse import parse_file
from extract.segment import Place
from tests.conftest import SHARED
from tests.extract.test_layout_variants import parse

PP_72_2019 = SHARED / "national-samples" / "pp-2019-72.txt"

AMENDING = """Pasal I
Beberapa ketentuan dalam Peraturan Wali Kota Contoh Nomor 1 Tahun 2020 diubah sebagai berikut:
1. Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:
Pasal 3
(1) Ayat satu yang baru.
(2) Ayat dua yang baru:
a. huruf a; dan
b. huruf b.
4. Ketentuan Pasal 7 diubah sehingga berbunyi sebagai berikut:
Pasal 7
Pasal yang diubah.
9. Ketentuan mengenai tugas diatur dalam Pasal 8.
Pasal 8
Pasal yang juga diubah. Pasal Ii Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
"""


def test_pasal_ii_glued_after_the_last_quoted_article():
    regulation = parse(AMENDING)
    assert [u.number for u in regulation.body] == ["I", "II"]
    assert (
        regulation.body[1].text == "Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan."
    )
    assert any(w.code == RECOVERED and "Pasal Ii" in w.message for w in regulation.warnings)


def test_amendment_item_with_a_lost_number_is_read_from_its_wording():
    regulation = parse(AMENDING)
    items = regulation.body[0].children
    assert [i.number for i in items] == ["1", "4"]  # "9. Ketentuan mengenai …" is none
    assert [c.number for c in items[1].children] == ["7", "8"]
    gaps = [w for w in regulation.warnings if w.code == "amendment-numbering-gap"]
    assert len(gaps) == 1 and "angka 1 ke angka 4" in gaps[0].message


def test_quoted_article_belongs_to_its_item_not_to_a_list_left_open():
    regulation = parse(
        """Pasal I
Beberapa ketentuan dalam Peraturan Wali Kota Contoh Nomor 1 Tahun 2020 diubah sebagai berikut:
1. Ketentuan Pasal 3 huruf a dan huruf b diubah sehingga berbunyi sebagai berikut:
a. huruf a; dan
b. huruf b.
Pasal 3A
Pasal sisipan.
Pasal II
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
"""
    )
    item = regulation.body[0].children[0]
    assert [(c.kind, c.number) for c in item.children] == [
        ("huruf", "a"),
        ("huruf", "b"),
        ("pasal", "3A"),
    ]


def test_pp_72_2019_pasal_ii_and_amendment_items():
    regulation = parse_file(PP_72_2019)
    assert [u.number for u in regulation.body] == ["I", "II"]
    assert regulation.body[1].text.startswith("Peraturan Pemerintah ini mulai berlaku")
    items = regulation.body[0].children
    numbers = [int(i.number) for i in items if i.kind == "angka"]
    assert numbers == sorted(numbers) and {1, 5, 10, 12, 13, 15, 16, 17} <= set(numbers)
    quoted = {c.number: i.number for i in items for c in i.children if c.kind == "pasal"}
    assert numbers == list(range(1, 19))  # 2, 4, 6-9, 14, 18 printed damaged or not at all
    assert quoted == {
        **{"11": "1", "11A": "2", "11B": "2", "11C": "2", "21": "3"},
        **{n: "4" for n in ("21A", "21B", "21C", "21D", "21E", "21F")},
        **{"33": "5", "33A": "6", "33B": "6", "43": "7", "44": "8"},
        **{n: "9" for n in ("44A", "44B", "44C", "44D", "44E")},
        **{"60": "10", "658": "11", "79": "12", "84A": "13", "84B": "13", "94": "14"},
        **{"95": "15", "99A": "16", "99B": "16", "123A": "18"},
    }
    pasal_11 = items[0].children[0]
    assert [a.number for a in pasal_11.children] == ["1", "2", "3", "4", "5"]
    assert [h.number for h in pasal_11.children[4].children] == list("abcdefgh")
    recovered = {w.message.split("'")[1] for w in regulation.warnings if w.code == RECOVERED}
    assert {"Pasal 1 ^1", "Pasal 1 18", "Pasal Ii"} <= recovered
    # no quoted article hangs below a huruf of another one
    assert not [
        u
        for u in regulation.units()
        if u.kind == "huruf" and any(c.kind == "pasal" for c in u.children)
    ]


# --- amendment items and quoted labels run into the text (extract.amendments) ----------

AT_ITEM_1 = Place(pasal="I", instruction=1, quoted="11", line_start=False)


def _cut(text: str, at: Place = AT_ITEM_1) -> list[str]:
    pieces, _ = cut_amendments(Line(text, 500, 500 + len(text)), at)
    return [piece.text for piece in pieces]


def test_article_readings_through_ocr():
    assert article_readings("1 ^1") == {"11"}
    assert article_readings("1 18") == {"118", "11B"}
    assert article_readings("2lA") == {"21A"}
    names = announced(
        "Di antara Pasal 11 dan Pasal 12 disisipkan 2 (dua) pasal, yakni Pasal "
        "11A dan Pasal 1IB, yang berbunyi sebagai berikut:"
    )
    assert {"11A", "11B"} <= names and not {"11", "12"} & names


def test_real_unnumbered_item_and_ocr_labels_glued_in_one_line():
    line = (
        "h. pelaksanaan fungsi lain terkait dengan tugas dan ^fungsinya. Di antara ketentuan "
        "Pasal 11 dan ^Pasal 12 ^disisipkan 2 (dua) pasal, yakni Pasal 11A dan Pasal 1IB, yang "
        "berbunyi sebagai berikut: Pasal 1 1A (1) Inspektorat melaksanakan pengawasan. "
        "Pasal 1 18 Dalaln ha1 terdapat potensi penyalahgunaan wewenang."
    )
    pieces, found = cut_amendments(Line(line, 0, len(line)), AT_ITEM_1)
    assert [p.text[:22] for p in pieces] == [
        "h. pelaksanaan fungsi ",
        "2. Di antara ketentuan",
        "Pasal 11A",
        "(1) Inspektorat melaks",
        "Pasal 11B",
        "Dalaln ha1 terdapat po",
    ]
    assert line[pieces[2].start : pieces[2].end] == "Pasal 1 1A"  # offsets kept
    assert [(f.kind, f.printed, f.read) for f in found] == [
        ("instruction", "", "2."),
        ("pasal", "Pasal 1 1A", "Pasal 11A"),
        ("pasal", "Pasal 1 18", "Pasal 11B"),
    ]


def test_damaged_item_number_read_only_as_a_later_one():
    line = "(3) Direktur dipimpin oleh direktur. 4 Di antara Pasal 21 dan Pasal 22 disisipkan 1 (satu) pasal, yakni Pasal 21A, yang berbunyi sebagai berikut:"
    assert _cut(line, Place(pasal="I", instruction=3))[1].startswith("4. Di antara Pasal 21")
    line = "(7) Bidang membawahkan seksi. \\4. Ketentuan Pasal 94 diubah, sehingga berbunyi sebagai berikut: Pasal 94 (1) Sekretaris."
    assert _cut(line, Place(pasal="I", instruction=13))[1:] == [
        "14. Ketentuan Pasal 94 diubah, sehingga berbunyi sebagai berikut:",
        "Pasal 94",
        "(1) Sekretaris.",
    ]


def test_references_and_unconfirmed_labels_are_not_cut():
    for line in (
        # a reference inside the quoted text
        "Dalam hal pelaksanaan keuangan. Pasal 11B ayat (1) berlaku juga.",
        # no sentence end before the label
        "sebagaimana dimaksud dalam Pasal 11A Inspektorat melaksanakan.",
        # not the next of the quoted sequence (11 -> 11A)
        "Inspektorat melaksanakan. Pasal 1 1C Dalam hal terdapat potensi.",
        # an instruction's wording inside a sentence is no item
        "Ayat ini sebagaimana Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:",
    ):
        assert _cut(line) == [line], line


def test_an_insertion_quotes_the_inserted_articles_only():
    line = (
        "(6) Sekretariat terdiri atas 2 (dua) subbagian. 1 1. Di antara Pasal 65 dan Pasal 66 "
        "disisipkan 2 (dua) pasal, yakni Pasal 65A dan 658, yang berbunyi sebagai berikut: "
        "Pasal 65 ,4. (1) Rumah sakit umum."
    )
    pieces = _cut(line, Place(pasal="I", instruction=10))
    assert pieces[1].startswith("11. Di antara Pasal 65") and pieces[2].startswith("Pasal 65 ,4.")


def test_dot_echo_of_a_continuation_marker_is_dropped():
    lines = clean(
        "10. Ketentuan .\n10. Ketentuan Pasal 60 diubah.\n(2) Panitia .\n(3) Panitia lain.\n"
    )
    assert [line.text for line in lines] == [
        "10. Ketentuan Pasal 60 diubah.",
        "(2) Panitia .",  # not repeated by the next line: kept
        "(3) Panitia lain.",
    ]


def test_an_ayat_after_a_lost_quoted_label_does_not_break_the_parse():
    regulation = parse(
        """Pasal I
Beberapa ketentuan dalam Peraturan Wali Kota Contoh Nomor 1 Tahun 2020 diubah sebagai berikut:
1. Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:
Pasa1 3 ,4.
(1) Ayat satu yang baru.
Pasal II
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
"""
    )
    assert [u.number for u in regulation.body] == ["I", "II"]
    assert "Ayat satu yang baru." in regulation.body[0].children[0].text


def test_first_ayat_printed_with_a_letter_is_read_after_a_quoted_label_only():
    line = (
        "4 Di antara Pasal 21 dan Pasal 22 disisipkan 1 (satu) pasal, yakni Pasai 2lA, yang "
        "berbunyi sebagai berikut: Pasal 2 1A (i) Direktur rumah sakit bertanggung jawab."
    )
    pieces, found = cut_amendments(Line(line, 0, len(line)), Place(pasal="I", instruction=3))
    assert [p.text for p in pieces[1:]] == [
        "Pasal 21A",
        "(1)",
        "Direktur rumah sakit bertanggung jawab.",
    ]
    assert ("ayat", "(i)", "(1)") in [(f.kind, f.printed, f.read) for f in found]
    plain = "Pemerintah Daerah menetapkan (i) Direktur."  # no label before it: left as printed
    assert _cut(plain) == [plain]
