"""perwali align / diff / unique: output, files and exit codes."""

from __future__ import annotations

import csv
import json

import pytest

from perwali.cli import main

PALU, TEBING = "palu-28-2023", "tebing-tinggi-21-2024"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_align_json(capsys, built_data):
    code, out, _ = run(capsys, "align", PALU, TEBING, "--json", "--data", str(built_data))
    assert code == 0
    pairs = {p["a"]: p["b"] for p in json.loads(out)["pairs"]}
    assert pairs["21"] == "9" and pairs["5"] is None


def test_align_text_is_indonesian(capsys, built_data):
    code, out, _ = run(capsys, "align", PALU, TEBING, "--data", str(built_data))
    assert code == 0
    assert "Pasal   21 -> Pasal 9" in out and "tidak ada padanan" in out


def test_align_all_writes_csv_and_prints_json(capsys, built_data, tmp_path):
    target = tmp_path / "matriks.csv"
    code, out, _ = run(
        capsys, "align", "--all", "--json", "--csv", str(target), "--data", str(built_data)
    )
    assert code == 0
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0][1:6] == [
        "Kota Cilegon",
        "Kota Padang Panjang",
        "Kota Palu",
        "Kota Semarang",
        "Kota Tebing Tinggi",
    ]
    assert len(rows) == len(json.loads(out)["rows"]) + 1


def test_align_all_csv_to_stdout(capsys, built_data):
    code, out, _ = run(capsys, "align", "--all", "--csv", "-", "--data", str(built_data))
    assert code == 0 and out.startswith("kelompok,Kota Cilegon")


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["align", "palu-28", TEBING], "mungkin maksud Anda: palu-28-2023"),
        (["align", PALU], "dua id peraturan"),
        (["align", "--all", PALU, TEBING], "tidak keduanya"),
        (["align", PALU, TEBING, "--csv", "x.csv"], "--csv hanya untuk matriks --all"),
        (["align", PALU, PALU], "dua peraturan yang berbeda"),
        (["diff", "palu-28-2023 21 9", "palu-28-2023 21"], "ayat 9 tidak ada"),
        (["unique", "semarang"], "semarang-85-2023"),
    ],
)
def test_bad_input_exits_2_with_an_indonesian_message(capsys, built_data, argv, says):
    code, out, err = run(capsys, *argv, "--data", str(built_data))
    assert code == 2 and says in err and "Traceback" not in err and not out


def test_align_all_csv_to_an_unwritable_place(capsys, built_data, tmp_path):
    code, _, err = run(
        capsys, "align", "--all", "--csv", str(tmp_path / "no" / "x.csv"), "--data", str(built_data)
    )
    assert code == 2 and "tidak dapat menulis" in err


def test_diff_json_and_word_markup(capsys, built_data):
    a, b = (
        "palu-28-2023 21 4",
        "Pasal 9 ayat (4) Peraturan Wali Kota Tebing Tinggi Nomor 21 Tahun 2024",
    )
    code, out, _ = run(capsys, "diff", a, b, "--json", "--data", str(built_data))
    assert code == 0
    tokens = json.loads(out)["units"][0]["tokens"]
    assert {
        "op": "replace",
        "a": "oleh Sekretaris Daerah",
        "b": "dengan Keputusan Wali Kota",
    } in tokens
    code, out, _ = run(capsys, "diff", a, b, "--data", str(built_data))
    assert "[-oleh Sekretaris Daerah-]{+dengan Keputusan Wali Kota+}" in out and "berubah" in out


def test_unique_json_and_text(capsys, built_data):
    code, out, _ = run(capsys, "unique", "semarang-85-2023", "--json", "--data", str(built_data))
    assert code == 0
    found = json.loads(out)["unique"]
    assert any(u["pasal"] == "10" and u["ayat"] == "6" for u in found)
    code, out, _ = run(capsys, "unique", "semarang-85-2023", "--data", str(built_data))
    assert "tanpa padanan di peraturan lain" in out


def test_align_header_names_both_thresholds_and_marks_mutual_pairs(capsys, built_data):
    _, out, _ = run(capsys, "align", PALU, TEBING, "--json", "--data", str(built_data))
    result = json.loads(out)
    low, high = result["mutual_threshold"], result["threshold"]
    assert 0 < low < high
    mutual = [p for p in result["pairs"] if p["mutual"]]
    assert mutual and all(p["b"] and low <= p["score"] < high for p in mutual)
    assert all(p["score"] >= high for p in result["pairs"] if p["b"] and not p["mutual"])
    _, out, _ = run(capsys, "align", PALU, TEBING, "--data", str(built_data))
    assert f"ambang {high}; pasangan saling terbaik mulai {low}" in out.splitlines()[0]
    line = next(line for line in out.splitlines() if f"Pasal {mutual[0]['b']} [" in line)
    assert line.endswith(f"[{mutual[0]['score']:.3f}, saling terbaik]")
    with pytest.raises(SystemExit):
        main(["align", "--help"])
    assert "saling terbaik" in " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize("how", [["--lang", "en"], ["PERWALI_LANG"]])
def test_align_diff_unique_honour_english(capsys, built_data, monkeypatch, how):
    lang = how if how[0] == "--lang" else []
    if how == ["PERWALI_LANG"]:
        monkeypatch.setenv("PERWALI_LANG", "en")
    data = ["--data", str(built_data)]
    code, out, _ = run(capsys, "align", PALU, TEBING, *lang, *data)
    assert code == 0 and "threshold" in out and "no counterpart" in out and "ambang" not in out
    code, out, _ = run(
        capsys, "diff", "palu-28-2023 21 4", "tebing-tinggi-21-2024 9 4", *lang, *data
    )
    assert code == 0 and "similarity" in out and "changed" in out and "kemiripan" not in out
    code, out, _ = run(capsys, "unique", "semarang-85-2023", *lang, *data)
    assert "with no counterpart in the other regulations" in out
    code, _, err = run(capsys, "unique", "Palu", *lang, *data)
    assert code == 2 and "unknown regulation 'Palu'; did you mean: palu-28-2023" in err


def test_regulation_ids_in_any_case(capsys, built_data):
    code, out, _ = run(capsys, "unique", "Semarang-85-2023", "--json", "--data", str(built_data))
    assert code == 0 and json.loads(out)["regulation"] == "semarang-85-2023"
    code, out, _ = run(capsys, "align", "PALU-28-2023", TEBING, "--json", "--data", str(built_data))
    assert code == 0 and json.loads(out)["a"] == PALU
    code, _, err = run(capsys, "unique", "Palu", "--data", str(built_data))
    assert code == 2 and "peraturan 'Palu' tidak dikenal; mungkin maksud Anda: palu-28-2023" in err


def test_diff_text_joins_punctuation():
    from types import SimpleNamespace as Run

    from perwali.cmd_align import join_runs

    runs = [
        Run(op="equal", a="ditetapkan", b="ditetapkan"),
        Run(op="insert", a="", b="jika diperlukan"),
        Run(op="equal", a=".", b="."),
        Run(op="equal", a="sesuai ayat (", b="sesuai ayat ("),
        Run(op="replace", a="1", b="2"),
        Run(op="equal", a=")", b=")"),
        Run(op="insert", a="", b=","),
    ]
    assert join_runs(runs) == "ditetapkan {+jika diperlukan+}. sesuai ayat ([-1-]{+2+}){+,+}"


def test_diff_text_on_the_corpus_has_no_space_before_punctuation(capsys, built_data):
    code, out, _ = run(
        capsys, "diff", "palu-28-2023 21", "tebing-tinggi-21-2024 9", "--data", str(built_data)
    )
    assert code == 0 and "." in out
    for mark in (" .", " ,", " ;", " )"):
        assert mark not in out
