"""First use, as a new user found it (issue 10, item 6): document order, readable tables,
the standard citation, Indonesian-first messages, forgiving ids, every unit addressable."""

from __future__ import annotations

import json
import re

import pytest

from perwali import messages
from perwali.cli import main, package_version
from perwali.read import suggest
from perwali.tables import address_text, render

ALL_IDS = [
    "cilegon-17-2023",
    "padang-panjang-48-2024",
    "palu-28-2023",
    "semarang-85-2023",
    "tebing-tinggi-21-2024",
]


@pytest.fixture(autouse=True)
def indonesian(monkeypatch):
    monkeypatch.delenv("PERWALI_LANG", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    yield
    messages.set_language("id")


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- show reads in document order ----------------------------------------------------------


def test_show_regulation_reads_in_document_order(built_data, capsys):
    code, out, _ = run(capsys, "show", "palu-28-2023", "--json", "--data", str(built_data))
    kinds = [child["kind"] for child in json.loads(out)["children"]]
    assert code == 0
    assert kinds == ["menimbang"] * 5 + ["mengingat"] * 3 + ["bab"] * 6
    code, out, _ = run(capsys, "show", "palu-28-2023", "--data", str(built_data))
    lines = out.splitlines()
    order = [
        next(i for i, line in enumerate(lines) if line.strip().startswith(start))
        for start in ("menimbang a:", "menimbang e:", "mengingat 1:", "bab I:", "pasal 1:")
    ]
    assert order == sorted(order)


def test_lampiran_comes_after_the_body(built_data, capsys):
    _, out, _ = run(capsys, "show", "cilegon-17-2023", "--json", "--data", str(built_data))
    kinds = [child["kind"] for child in json.loads(out)["children"]]
    assert kinds == ["menimbang"] * 3 + ["mengingat"] * 8 + ["bab"] * 3 + ["lampiran"]


# --- tables -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["definitions", "norms", "refs"])
def test_listings_print_aligned_tables(built_data, capsys, command):
    code, out, _ = run(capsys, command, "palu-28-2023", "--data", str(built_data))
    lines = out.splitlines()
    assert code == 0 and "{" not in out and "[" not in out
    assert set(lines[1].replace(" ", "")) == {"-"}  # the rule under the headings
    starts = [match.start() for match in re.finditer(r"-+", lines[1])]
    for line in lines[2:]:  # every cell starts at its column (or the column is empty)
        for start in starts[1:]:
            assert line[start - 2 : start] in ("  ", "") or len(line) < start
    assert max(len(line) for line in lines) <= 100


def test_definitions_table_columns_and_wrapping(built_data, capsys):
    _, out, _ = run(capsys, "definitions", "palu-28-2023", "--data", str(built_data))
    lines = out.splitlines()
    assert lines[0].split() == ["angka", "istilah", "singkatan", "teks"]
    spbe = next(line for line in lines if line.startswith("5 "))
    assert "Sistem Pemerintahan Berbasis Elektronik" in spbe and " SPBE " in spbe
    assert len([line for line in lines[2:] if re.match(r"\d+ ", line)]) == 23  # one per term


def test_norms_table_names_the_provision(built_data, capsys):
    _, out, _ = run(capsys, "norms", "palu-28-2023", "--data", str(built_data))
    assert out.splitlines()[0].split()[:2] == ["ketentuan", "modalitas"]
    row = next(line for line in out.splitlines() if line.startswith("Pasal 28 ayat (2) "))
    assert "obligation" in row and "ketua-tim" in row


def test_json_stays_as_it_was(built_data, capsys):
    _, out, _ = run(capsys, "norms", "palu-28-2023", "--json", "--data", str(built_data))
    rows = json.loads(out)
    assert set(rows[0]) == {"provision", "modality", "bearer", "counterparty", "action", "text"}


def test_render_wraps_within_the_width():
    text = render(["a", "long"], [["1", "kata " * 40], ["22", "pendek"]], wrap=(1,), width=40)
    lines = text.splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert lines[0] == "a   long" and lines[2].startswith("1   kata kata")
    assert lines[3].startswith("    kata")  # the wrapped text stays in its column
    assert lines[-1] == "22  pendek"


def test_address_text():
    assert address_text({"pasal": "21", "ayat": "4", "huruf": "a"}) == "Pasal 21 ayat (4) huruf a"
    assert address_text({"pasal": None, "menimbang": "b"}) == "Menimbang b"
    assert address_text(None) == "-"


# --- stats --------------------------------------------------------------------------------


def test_stats_prints_the_standard_citation(built_data, capsys):
    _, out, _ = run(capsys, "stats", "--data", str(built_data))
    assert "cilegon-17-2023: Peraturan Wali Kota Cilegon Nomor 17 Tahun 2023\n" in out
    assert "palu-28-2023: Peraturan Wali Kota Palu Nomor 28 Tahun 2023\n" in out
    assert "Kota Kota" not in out and "Provinsi" not in out


# --- messages -----------------------------------------------------------------------------


def test_argparse_errors_are_indonesian(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["shw"])
    err = capsys.readouterr().err
    assert raised.value.code == 2
    assert "penggunaan: perwali" in err and "pilihan tidak sah: 'shw'" in err
    assert "perwali: galat:" in err and "usage" not in err and "invalid choice" not in err


def test_argparse_missing_argument_is_indonesian(capsys):
    with pytest.raises(SystemExit):
        main(["show"])
    assert "argumen berikut wajib diisi: regulation" in capsys.readouterr().err


def test_help_is_indonesian(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["show", "--help"])
    out = capsys.readouterr().out
    assert raised.value.code == 0
    assert "argumen posisi" in out and "opsi:" in out and "tampilkan bantuan ini" in out
    assert "--lampiran" in out and "berurutan seperti dokumennya" in out


@pytest.mark.parametrize("how", ["option", "option=", "env"])
def test_english_on_request(built_data, capsys, monkeypatch, how):
    argv = ["show", "palu-28-2023", "99", "--data", str(built_data)]
    if how == "env":
        monkeypatch.setenv("PERWALI_LANG", "en")
    else:
        argv = ["--lang", "en", *argv] if how == "option" else [*argv, "--lang=en"]
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "pasal 99 does not exist in Peraturan Wali Kota Palu Nomor 28 Tahun 2023" in err


def test_english_argparse(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", "shw"])
    err = capsys.readouterr().err
    assert "usage: perwali" in err and "perwali: error:" in err and "invalid choice" in err


def test_missing_store_is_indonesian_and_english(tmp_path, capsys):
    code, _, err = run(capsys, "stats", "--data", str(tmp_path / "none"))
    assert code == 2 and "tidak ada graf di" in err and "jalankan 'perwali build' dulu" in err
    code, _, err = run(capsys, "--lang", "en", "stats", "--data", str(tmp_path / "none"))
    assert code == 2 and "no graph in" in err


def test_unreachable_server_message_is_translated():
    english = "cannot reach the SPARQL server http://127.0.0.1:9/sparql: refused"
    assert messages.translate_error(english) == (
        "server SPARQL http://127.0.0.1:9/sparql tidak dapat dihubungi: refused"
    )
    messages.set_language("en")
    assert messages.translate_error(english) == english
    assert messages.translate_error("something else") == "something else"


def test_lang_option_is_taken_from_anywhere():
    assert messages.take_lang_option(["show", "--lang", "en", "x"]) == (["show", "x"], "en")
    assert messages.take_lang_option(["--lang=id", "stats"]) == (["stats"], "id")
    assert messages.set_language("fr") == "id"  # unknown: the default


def test_version(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["--version"])
    assert raised.value.code == 0
    assert capsys.readouterr().out.strip() == f"perwali {package_version()}"
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", package_version())


# --- regulation ids -----------------------------------------------------------------------


def test_any_case_is_accepted(built_data, capsys):
    code, out, _ = run(
        capsys, "show", "Palu-28-2023", "21", "4", "--json", "--data", str(built_data)
    )
    unit = json.loads(out)
    assert code == 0 and unit["regulation"] == "palu-28-2023"
    code, out, _ = run(capsys, "refs", "PALU-28-2023", "--json", "--data", str(built_data))
    assert code == 0 and json.loads(out)[0]["to"]["regulation"]


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (("show", "palu"), "mungkin maksud Anda: palu-28-2023"),
        (("norms", "padang"), "mungkin maksud Anda: padang-panjang-48-2024"),
        (("show", "semarang-58-2023"), "mungkin maksud Anda: semarang-85-2023"),
        (("definitions", "tebing-tinggi"), "mungkin maksud Anda: tebing-tinggi-21-2024"),
    ],
)
def test_partial_id_gets_a_suggestion(built_data, capsys, argv, hint):
    code, out, err = run(capsys, *argv, "--data", str(built_data))
    assert code == 2 and out == "" and hint in err
    assert len(err.strip().splitlines()) == 1


def test_suggest():
    assert suggest("palu", ALL_IDS) == ["palu-28-2023"]
    assert suggest("23", ALL_IDS) == ["cilegon-17-2023", "palu-28-2023", "semarang-85-2023"]
    assert suggest("cilegn-17-2023", ALL_IDS) == ["cilegon-17-2023"]
    assert suggest("jakarta", ALL_IDS) == []
    assert suggest("", ALL_IDS) == []


# --- every unit addressable ---------------------------------------------------------------


def show_json(capsys, data, *argv) -> dict:
    code, out, err = run(capsys, "show", *argv, "--json", "--data", str(data))
    assert code == 0, err
    return json.loads(out)


def test_show_menimbang_mengingat_bab(built_data, capsys):
    unit = show_json(capsys, built_data, "palu-28-2023", "--menimbang", "D")
    assert unit["iri"].endswith("/menimbang/d") and "Nomor 7 Tahun 2022" in unit["text"]
    unit = show_json(capsys, built_data, "palu-28-2023", "--mengingat", "3")
    assert unit["text"].startswith("Undang-Undang Nomor 23 Tahun 2014")
    unit = show_json(capsys, built_data, "cilegon-17-2023", "--bab", "ii")
    assert unit["iri"].endswith("/bab/II") and unit["heading"] == "PENYESUAIAN SISTEM KERJA"


def test_show_lampiran_and_its_section(built_data, capsys):
    annex = show_json(capsys, built_data, "cilegon-17-2023", "--lampiran", "I")
    assert annex["kind"] == "lampiran" and len(annex["children"]) == 4
    section = show_json(capsys, built_data, "cilegon-17-2023", "--lampiran", "I", "--bagian", "b")
    assert section["iri"].endswith("/lampiran/I/huruf/B") and section["heading"] == "PENUGASAN"
    _, out, _ = run(
        capsys,
        "show",
        "cilegon-17-2023",
        "--lampiran",
        "I",
        "--bagian",
        "B",
        "--data",
        str(built_data),
    )
    lines = out.splitlines()
    assert lines[2] == "PENUGASAN"  # the heading on its own line, the body below it
    assert lines[3].startswith("  Penugasan dilaksanakan atas usulan")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("palu-28-2023", "--bagian", "B"), "--bagian memerlukan --lampiran"),
        (("palu-28-2023", "3", "--bab", "I"), "--bab tidak dapat digabung"),
        (("palu-28-2023", "--bab", "I", "--menimbang", "a"), "pilih satu saja"),
        (("palu-28-2023", "--mengingat", "9"), "mengingat 9 tidak ada dalam"),
        (("cilegon-17-2023", "--lampiran", "IX"), "lampiran IX tidak ada"),
    ],
)
def test_bad_section_address(built_data, capsys, argv, message):
    code, out, err = run(capsys, "show", *argv, "--data", str(built_data))
    assert code == 2 and out == "" and message in err


def test_huruf_shown_with_its_chapeau(built_data, capsys):
    unit = show_json(capsys, built_data, "palu-28-2023", "3", "b")
    assert unit["chapeau"] == {
        "citation": "Pasal 3 Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
        "text": "Pegawai ASN berfungsi sebagai:",
    }
    _, out, _ = run(capsys, "show", "palu-28-2023", "3", "b", "--data", str(built_data))
    assert out.splitlines()[2:] == [
        "Pegawai ASN berfungsi sebagai:",
        "  huruf b: pelayan publik; dan",
    ]
    unit = show_json(capsys, built_data, "palu-28-2023", "21", "4")
    assert "chapeau" not in unit  # an ayat stands on its own


# --- the signatory printed out of reading order (extract/closing.py) -----------------------


def closing_of(*texts: str):
    from extract.closing import parse_closing
    from extract.model import Line

    return parse_closing(
        [Line(text, i * 10, i * 10 + len(text)) for i, text in enumerate(texts)], []
    )


def test_surabaya_signatory_is_found(jdih_dir):
    from extract.parse import parse_file

    closing = parse_file(jdih_dir / "kota-surabaya-perwali-68-2021.txt").closing
    assert closing.signatory_name == "ERI CAHYADI"
    assert closing.signatory_office == "Walikota Surabaya"  # printed without its comma
    assert closing.promulgator_name == "HENDRO GUNAWAN"


PROMULGATION = (
    "Diundangkan di Surabaya",
    "pada tanggal 21 September 2021",
    "SEKRETARIS DAERAH KOTA SURABAYA,",
    "ttd",
    "HENDRO GUNAWAN",
)


def test_signatory_printed_after_the_promulgation_block():
    closing = closing_of(
        "Ditetapkan di Surabaya",
        "pada tanggal 21 September 2021",
        "WALI KOTA SURABAYA,",
        "ttd",
        *PROMULGATION,
        "ERI CAHYADI",
        "BERITA DAERAH KOTA SURABAYA TAHUN 2021 NOMOR 68",
        "Salinan sesuai dengan aslinya,",
        "KEPALA BAGIAN HUKUM",
        "IRA TURSILOWATI, S.H., M.H.",
    )
    assert (closing.signatory_name, closing.signatory_office) == (
        "ERI CAHYADI",
        "Wali Kota Surabaya",
    )
    assert closing.promulgator_name == "HENDRO GUNAWAN"


def test_two_stray_names_are_not_guessed():
    closing = closing_of(
        "Ditetapkan di Surabaya",
        "pada tanggal 21 September 2021",
        "WALI KOTA SURABAYA,",
        *PROMULGATION,
        "ERI CAHYADI",
        "ARMUJI",
        "BUDI SANTOSO",
    )
    assert closing.signatory_name is None and closing.signatory_office == "Wali Kota Surabaya"


def test_citation_is_the_works_label_for_any_instrument(tmp_path):
    import pyoxigraph as ox

    from extract import vocab
    from perwali.read import regulation_citations

    store = ox.Store()
    work = ox.NamedNode("https://w3id.org/perwali-kg/eli/id/uu/2014/5")
    graph = ox.NamedNode(str(work.value))
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    store.extend(
        [
            ox.Quad(work, ox.NamedNode(vocab.PW + "regulationId"), ox.Literal("uu-5-2014"), graph),
            ox.Quad(
                work, label, ox.Literal("Undang-Undang Nomor 5 Tahun 2014", language="id"), graph
            ),
        ]
    )
    assert regulation_citations(store) == {"uu-5-2014": "Undang-Undang Nomor 5 Tahun 2014"}
