"""``perwali cite`` and ``perwali cite --extract``: output, JSON and exit codes."""

from __future__ import annotations

import json

import pytest

from perwali.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_found_prints_citation_iri_and_text(built_data, capsys):
    code, out, _ = run(
        capsys,
        "cite",
        "psl 18 ayat (3) huruf b Perwali Kota Palu No. 28 Th. 2023",
        "--data",
        str(built_data),
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Pasal 18 ayat (3) huruf b Peraturan Wali Kota Palu Nomor 28 Tahun 2023"
    assert lines[1].endswith("/eli/id-palu/perwal/2023/28/pasal/18/ayat/3/huruf/b")


def test_json_has_the_contract(built_data, capsys):
    code, out, _ = run(
        capsys,
        "cite",
        "Perwali Semarang 85/2023 Pasal 10 ayat (6)",
        "--json",
        "--data",
        str(built_data),
    )
    answer = json.loads(out)
    assert code == 0
    assert (
        answer["citation"] == "Pasal 10 ayat (6) Peraturan Wali Kota Semarang Nomor 85 Tahun 2023"
    )
    assert {"regulation", "context", "cites", "cited_by", "text", "iri"} <= set(answer)


def test_anything_but_found_exits_2_without_a_traceback(built_data, capsys):
    for ref in (
        "Pasal 21 ayat (9) Perwali Palu 28/2023",
        "Pasal 9",
        "bukan rujukan",
        "Pasal 5 Perwali Medan 1/2020",
    ):
        code, _, err = run(capsys, "cite", ref, "--data", str(built_data))
        assert code == 2, ref
        assert err.startswith("perwali cite: ") and "Traceback" not in err
    _, _, err = run(
        capsys, "cite", "Pasal 21 ayat (9) Perwali Palu 28/2023", "--data", str(built_data)
    )
    assert "ayat (9) tidak ada; Pasal 21 memiliki ayat (1)–(5)" in err
    _, _, err = run(capsys, "cite", "Pasal 9", "--lang", "en", "--data", str(built_data))
    assert "exists in 5 regulations" in err


def test_extract_a_file(built_data, capsys, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Lihat Pasal 21 Perwali Palu 28/2023 dan ayat (4).", encoding="utf-8")
    code, out, _ = run(capsys, "cite", "--extract", str(draft), "--json", "--data", str(built_data))
    citations = json.loads(out)["citations"]
    assert code == 0
    assert [(c["start"], c["end"], c["status"]) for c in citations] == [
        (6, 35, "found"),
        (40, 48, "found"),
    ]
    draft.write_text("Pasal 21 Perwali Palu 28/2023 ayat (9).", encoding="utf-8")
    code, out, _ = run(capsys, "cite", "--extract", str(draft), "--data", str(built_data))
    assert code == 1 and "not_found" in out


def test_extract_bad_input_exits_2(built_data, capsys, tmp_path):
    code, _, err = run(
        capsys, "cite", "--extract", str(tmp_path / "none.txt"), "--data", str(built_data)
    )
    assert code == 2 and "tidak dapat dibaca" in err
    big = tmp_path / "big.txt"
    big.write_text("a" * 64_001, encoding="utf-8")
    code, _, err = run(capsys, "cite", "--extract", str(big), "--data", str(built_data))
    assert code == 2 and "terlalu panjang" in err
    code, _, err = run(capsys, "cite", "--data", str(built_data))
    assert code == 2


def test_missing_build_exits_2(tmp_path, capsys):
    code, _, err = run(capsys, "cite", "Pasal 1 Perwali Palu", "--data", str(tmp_path))
    assert code == 2 and "perwali build" in err


def test_found_prints_each_breadcrumb_level_and_each_reference_once(built_data, capsys):
    code, out, _ = run(
        capsys, "cite", "Perwali Semarang 85/2023 Pasal 10", "--data", str(built_data)
    )
    lines = out.splitlines()
    assert code == 0
    assert lines[2] == "BAB II MEKANISME KERJA › Bagian Ketiga Penugasan"
    cites = [line for line in lines if line.startswith("  merujuk: ")]
    assert cites == [
        "  merujuk: Pasal 10 ayat (1) Peraturan Wali Kota Semarang Nomor 85 Tahun 2023 "
        "(dari ayat (2), ayat (3), ayat (4), ayat (5))",
        "  merujuk: Pasal 10 ayat (5) Peraturan Wali Kota Semarang Nomor 85 Tahun 2023 "
        "(dari ayat (6), ayat (7))",
    ]
    cited_by = [line for line in lines if line.startswith("  dirujuk oleh: ")]
    assert len(cited_by) == len(set(cited_by)) == 6


def test_a_city_not_in_the_corpus_is_one_short_message(built_data, capsys):
    code, out, err = run(
        capsys, "cite", "Pasal 5 Perwali Bandung 3/2023", "--data", str(built_data)
    )
    assert code == 2 and out == ""
    assert err.startswith("perwali cite: Kota Bandung tidak ada dalam korpus; peraturan yang ada:")
    assert len(err.splitlines()) == 1


def test_lang_en_and_perwali_lang_switch_the_messages(built_data, capsys, monkeypatch):
    ref = "Pasal 99 Perwali Palu 28/2023"
    _, _, indonesian = run(capsys, "cite", ref, "--data", str(built_data))
    assert "tidak ada" in indonesian and "terdekat:" in indonesian
    for argv in (("--lang", "en", "cite", ref), ("cite", ref, "--lang", "en")):
        _, _, english = run(capsys, *argv, "--data", str(built_data))
        assert "does not exist" in english and "nearest:" in english, argv
    _, out, _ = run(capsys, "cite", ref, "--json", "--lang", "en", "--data", str(built_data))
    assert "does not exist" in json.loads(out)["message"]
    monkeypatch.setenv("PERWALI_LANG", "en")
    _, _, from_env = run(capsys, "cite", ref, "--data", str(built_data))
    assert "does not exist" in from_env


def test_json_ends_with_a_newline(built_data, capsys, tmp_path):
    _, out, _ = run(
        capsys, "cite", "Pasal 21 Perwali Palu 28/2023", "--json", "--data", str(built_data)
    )
    assert out.endswith("}\n")
    draft = tmp_path / "draft.txt"
    draft.write_text("Pasal 21 Perwali Palu 28/2023", encoding="utf-8")
    _, out, _ = run(capsys, "cite", "--extract", str(draft), "--json", "--data", str(built_data))
    assert out.endswith("}\n") and json.loads(out)["citations"]


def test_extract_marks_inferred_citations(built_data, capsys, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Pasal 21 Perwali Palu 28/2023 dan ayat (4).", encoding="utf-8")
    code, out, err = run(capsys, "cite", "--extract", str(draft), "--data", str(built_data))
    assert code == 0
    assert "found (relatif, disimpulkan: palu-28-2023)\t'ayat (4)'" in out.splitlines()[1]
    assert "disimpulkan dari rujukan lengkap terakhir" in err


def test_cite_help_is_indonesian(capsys):
    with pytest.raises(SystemExit):
        main(["cite", "--help"])
    out, _ = capsys.readouterr()
    assert "sebuah rujukan" in out and "temukan setiap rujukan" in out
    with pytest.raises(SystemExit):  # --lang is the CLI's, read anywhere on the line
        main(["--help"])
    out, _ = capsys.readouterr()
    assert "bahasa pesan" in out
