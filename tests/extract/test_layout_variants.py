"""Layouts real JDIH texts use, each in a small text written for the test."""

from __future__ import annotations

import pytest

from extract.parse import ParseError, parse_text

HEAD = """WALI KOTA CONTOH
PROVINSI JAWA BARAT

PERATURAN WALI KOTA CONTOH
NOMOR 7 TAHUN 2025
TENTANG
UJI TATA LETAK

DENGAN RAHMAT TUHAN YANG MAHA ESA
WALI KOTA CONTOH,

Menimbang : a. bahwa perlu diuji;
b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Wali Kota;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;

MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG UJI TATA LETAK.

"""
TAIL = """
Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Wali Kota ini dengan penempatannya dalam Berita Daerah Kota Contoh.

Ditetapkan di Contoh
pada tanggal 2 Januari 2025
WALI KOTA CONTOH,
ttd
BUDI SANTOSO

Diundangkan di Contoh
pada tanggal 3 Januari 2025
SEKRETARIS DAERAH KOTA CONTOH,
ttd
SITI AMINAH

BERITA DAERAH KOTA CONTOH TAHUN 2025 NOMOR 7
"""


def parse(body: str, head: str = HEAD, tail: str = TAIL):
    return parse_text(head + body + tail, "contoh.txt")


def pasal(regulation, number):
    return next(u for u in regulation.units() if u.kind == "pasal" and u.number == number)


def test_hard_wrapped_lines_that_start_like_headings():
    regulation = parse(
        """Pasal 1
(1) Ketentuan sebagaimana dimaksud dalam
Pasal 2 berlaku bagi Pegawai.
(2) Pemakaman tumpang sebagaimana dimaksud pada ayat
(1) dilakukan di atas petak makam.
(3) Ketentuan lain.

Pasal 2
Ketentuan penutup.
"""
    )
    assert [u.number for u in regulation.units() if u.kind == "pasal"] == ["1", "2"]
    ayat = pasal(regulation, "1").children
    assert [a.number for a in ayat] == ["1", "2", "3"]
    assert ayat[0].text == "Ketentuan sebagaimana dimaksud dalam Pasal 2 berlaku bagi Pegawai."
    assert ayat[1].text.endswith("pada ayat (1) dilakukan di atas petak makam.")


def test_page_headers_bare_page_numbers_and_form_feeds():
    regulation = parse(
        "Pasal 1\n(1) Ayat pertama berlanjut\n- 2 -\nke halaman berikutnya.\n\f"
        "(2) Ayat kedua.\n\n3\n\nPasal 2\nSelesai.\n"
    )
    ayat = pasal(regulation, "1").children
    assert [a.text for a in ayat] == [
        "Ayat pertama berlanjut ke halaman berikutnya.",
        "Ayat kedua.",
    ]


def test_footer_repeated_on_every_page_is_dropped():
    footer = "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat BSrE"
    pages = [f"Pasal {n}\nIsi Pasal {n}.\n- {n + 1} -\n{footer}\n" for n in range(1, 5)]
    regulation = parse("".join(pages))
    texts = [u.text for u in regulation.units()]
    assert texts == [f"Isi Pasal {n}." for n in range(1, 5)]


def test_double_spaces_in_headings():
    regulation = parse(
        "BAB  I\nKETENTUAN  UMUM\nPasal  1\nIsi.\nBagian  Kesatu  Umum\nPasal  2\nIsi.\n"
    )
    bab = regulation.body[0]
    assert (bab.number, bab.heading) == ("I", "KETENTUAN UMUM")
    assert [u.number for u in regulation.units() if u.kind == "pasal"] == ["1", "2"]
    assert bab.children[1].heading == "Umum"


def test_huruf_past_z():
    letters = [chr(c) for c in range(ord("a"), ord("z") + 1)] + ["aa", "bb"]
    items = "".join(f"{letter}. tugas {letter};\n" for letter in letters)
    regulation = parse(f"Pasal 1\nBagian Umum mempunyai fungsi:\n{items}\nPasal 2\nSelesai.\n")
    assert [c.number for c in pasal(regulation, "1").children] == letters


def test_inserted_articles_and_ayat():
    regulation = parse(
        "Pasal 15\n(1) Satu.\n(2) Dua.\n(3) Tiga.\n(3a) Sisipan a.\n(3b) Sisipan b.\n(4) Empat.\n"
        "Pasal 15A\nPasal sisipan.\nPasal 16\nSelesai.\n"
    )
    assert [u.number for u in regulation.units() if u.kind == "pasal"] == ["15", "15A", "16"]
    assert [a.number for a in pasal(regulation, "15").children] == ["1", "2", "3", "3a", "3b", "4"]
    assert str(pasal(regulation, "15A").iri).endswith("/perwal/2025/7/pasal/15A")
    assert not [w for w in regulation.warnings if w.code == "pasal-numbering-gap"][1:]


@pytest.mark.parametrize(
    ("title", "reg_id", "label"),
    [
        (
            "PERATURAN BUPATI SIGI\nNOMOR 3 TAHUN 2024",
            "kab-sigi-3-2024",
            "Peraturan Bupati Sigi Nomor 3 Tahun 2024",
        ),
        (
            "PERATURAN DAERAH KOTA CONTOH\nNOMOR 4 TAHUN 2025",
            "contoh-perda-4-2025",
            "Peraturan Daerah Kota Contoh Nomor 4 Tahun 2025",
        ),
        (
            "PERATURAN DAERAH KABUPATEN SIGI\nNOMOR 5 TAHUN 2025",
            "kab-sigi-perda-5-2025",
            "Peraturan Daerah Kabupaten Sigi Nomor 5 Tahun 2025",
        ),
        (
            "PERATURAN WALIKOTA CONTOH\nNOMOR 6 TAHUN 2025",
            "contoh-6-2025",
            "Peraturan Wali Kota Contoh Nomor 6 Tahun 2025",
        ),
    ],
)
def test_other_kinds_of_regulation(title, reg_id, label):
    head = HEAD.replace("PERATURAN WALI KOTA CONTOH\nNOMOR 7 TAHUN 2025", title)
    regulation = parse("Pasal 1\nIsi.\n", head=head)
    assert regulation.id == reg_id
    assert regulation.citation == label


def test_penjelasan_is_not_body():
    penjelasan = """
PENJELASAN
ATAS
PERATURAN WALI KOTA CONTOH
NOMOR 7 TAHUN 2025
I. UMUM
Peraturan ini disusun untuk uji.
II. PASAL DEMI PASAL
Pasal 1
Cukup jelas.
Pasal 2
Cukup jelas.
"""
    regulation = parse("Pasal 1\nIsi satu.\nPasal 2\nIsi dua.\n", tail=TAIL + penjelasan)
    assert [u.text for u in regulation.units() if u.kind == "pasal"] == ["Isi satu.", "Isi dua."]
    assert regulation.closing.gazette_number == "7"


def test_amending_regulation_quotes_articles():
    regulation = parse(
        """Pasal I
Beberapa ketentuan dalam Peraturan Wali Kota Contoh Nomor 1 Tahun 2020 diubah sebagai berikut:
1. Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:
Pasal 3
(1) Ayat satu yang baru.
(2) Ayat dua yang baru:
a. huruf a; dan
b. huruf b.
2. Di antara Pasal 3 dan Pasal 4 disisipkan 1 (satu) pasal, yakni Pasal 3A sehingga berbunyi sebagai berikut:
Pasal 3A
Pasal sisipan.
Pasal II
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
"""
    )
    top = [u for u in regulation.body]
    assert [u.number for u in top] == ["I", "II"]
    instructions = top[0].children
    assert [i.number for i in instructions] == ["1", "2"]
    quoted = instructions[0].children[0]
    assert (quoted.kind, quoted.number) == ("pasal", "3")
    assert str(quoted.iri).endswith("/pasal/I/angka/1/pasal/3")
    assert [a.number for a in quoted.children] == ["1", "2"]
    assert [h.number for h in quoted.children[1].children] == ["a", "b"]
    assert instructions[1].children[0].number == "3A"


def test_a_bab_heading_followed_by_text_recovers_the_article():
    regulation = parse("BAB I\nUMUM\nPasal 1\nIsi.\nBAB II\nPENUTUP\nPeraturan ini berlaku.\n")
    recovered = pasal(regulation, "2")
    assert recovered.inferred and recovered.text == "Peraturan ini berlaku."


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "kosong"),
        (
            "Ini hanya sepucuk surat biasa tanpa struktur peraturan.\n",
            "tidak ditemukan BAB atau Pasal",
        ),
        (HEAD, "tidak ditemukan BAB atau Pasal"),
        ("Pasal 1\nIsi tanpa judul.\n", "terpotong"),
        ("Pasal 1\nIsi tanpa judul.\nDitetapkan di Contoh\n", "judul tidak dikenali"),
        (HEAD + "BAB I\nKETENTUAN UMUM\nPasal 1\nDalam Peraturan Wali Kota ini yang", "terpotong"),
    ],
)
def test_malformed_texts_raise_a_clear_error(text, problem):
    with pytest.raises(ParseError, match=problem) as error:
        parse_text(text, "rusak.txt")
    assert "rusak.txt" in str(error.value)
