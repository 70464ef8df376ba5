"""Cleaning steps: each noise rule on its own, the registry, and offsets kept."""

from __future__ import annotations

import pytest

from extract.clean import STEPS, clean


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        (
            "Pasal 1\n\n3. Undang-Undang ...\n\n3. Undang-Undang Nomor 23",
            ["Pasal 1", "3. Undang-Undang Nomor 23"],
        ),
        ("(4) Jenjang ...\n(4) Jenjang Jabatan", ["(4) Jenjang Jabatan"]),
        ("Pasal ...\n\nPasal 9", ["Pasal 9"]),
        ("6. Penyesuaian...\n6. Penyesuaian Sistem", ["6. Penyesuaian Sistem"]),
        (" - e. memastikan ...\n- e. memastikan kolaborasi", ["e. memastikan kolaborasi"]),
        ("Paragraf ...\nParagraf 1", ["Paragraf 1"]),
        ("isi\n- 2 -\nlanjut", ["isi", "lanjut"]),
        ("isi\n12\nlanjut", ["isi", "lanjut"]),
        ("isi\fsambungan", ["isi", "sambungan"]),
        (
            "**WALI KOTA PALU\nPROVINSI SULAWESI TENGAH**",
            ["WALI KOTA PALU", "PROVINSI SULAWESI TENGAH"],
        ),
        ("> Ditetapkan di Palu", ["Ditetapkan di Palu"]),
        ("a. menyusun *road map* kerja", ["a. menyusun road map kerja"]),
        ("W = (0,15 * Z1)", ["W = (0,15 * Z1)"]),
        ("3. Undang\n-Undang Nomor 5", ["3. Undang", "-Undang Nomor 5"]),
    ],
)
def test_noise_is_removed_and_text_kept(raw, kept):
    assert [line.text for line in clean(raw)] == kept


def test_offsets_point_into_the_source():
    raw = "  - (1) Pejabat Fungsional\n**Pasal 2**"
    for line in clean(raw):
        assert raw[line.start : line.end] == line.text


def test_a_repeated_title_line_away_from_page_breaks_is_kept():
    line = "PERATURAN DEWAN PERWAKILAN RAKYAT DAERAH KOTA MADIUN"
    raw = "\n".join([line, "isi", line, "isi", line])
    assert [entry.text for entry in clean(raw)].count(line) == 3


def test_unknown_step_lists_the_valid_ones():
    with pytest.raises(ValueError, match="valid steps") as error:
        clean("x", steps=["decoration", "ocr-magic"])
    for name in STEPS:
        assert name in str(error.value)


def test_steps_can_be_chosen():
    assert [line.text for line in clean("Pasal ...\n", steps=["decoration"])] == ["Pasal ..."]
