"""Amending regulations read through OCR damage (DRAFTING.md §8): Pasal II glued to the
last quoted article, amendment items whose numbers were lost, quoted articles that belong
to their amendment item and not to a list left open before them."""

from __future__ import annotations

from extract.ocr import RECOVERED
from extract.parse import parse_file
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
    assert quoted["60"] == "10" and quoted["79"] == "12" and quoted["84A"] == "13"
    assert quoted["99A"] == "16" and quoted["99B"] == "16"
    # no quoted article hangs below a huruf of another one
    assert not [
        u
        for u in regulation.units()
        if u.kind == "huruf" and any(c.kind == "pasal" for c in u.children)
    ]
