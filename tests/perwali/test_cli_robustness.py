"""The command line never prints a traceback (issue 7, item 8), run as a user runs it.

A trailing newline in an argument, a unit nested 500 deep, a reader that closes the pipe
(``| head``), and an unexpected error anywhere: each gives a clear exit code and at most
one line of Indonesian on stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from extract import vocab
from perwali.store import write_embedded

REPO = Path(__file__).resolve().parents[2]
WORK = "https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28"
DEEP = 500


def perwali(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "perwali.cli", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def assert_clean_failure(done: subprocess.CompletedProcess, code: int = 2) -> None:
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


# --- trailing newlines and other odd arguments -------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("show", "palu-28-2023", "21\n"),
        ("show", "palu-28-2023", "21", "4\n"),
        ("show", "palu-28-2023", "2", "a\n"),
        ("show", "palu-28-2023", "21", "--angka", "1\n"),
        ("show", "palu-28-2023\n", "21"),
        ("refs", "palu-28-2023\n"),
        ("definitions", "palu-28-2023\n"),
        ("norms", "palu-28-2023\n"),
        ("show", "palu-28-2023", "21>"),
        ("show", "palu-28-2023", "21 } ; DROP"),
    ],
)
def test_a_bad_argument_gets_exit_2_and_one_line(built_data, argv):
    done = perwali(*argv, "--data", str(built_data))
    assert_clean_failure(done)
    assert "bukan" in done.stderr or "tidak" in done.stderr


def test_the_good_address_still_works(built_data):
    done = perwali("show", "palu-28-2023", "21", "4", "--data", str(built_data))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023")


# --- a unit nested 500 deep ---------------------------------------------------------


def deep_graph(depth: int) -> list[ox.Quad]:
    """Pasal 1 of a regulation with a chain of ``depth`` angka, each inside the last."""
    graph = ox.NamedNode(WORK)
    quads = []

    def add(subject: str, predicate: str, value: ox.NamedNode | ox.Literal) -> None:
        quads.append(ox.Quad(ox.NamedNode(subject), ox.NamedNode(predicate), value, graph))

    add(WORK, vocab.RDFS + "label", ox.Literal("Peraturan Wali Kota Palu Nomor 28 Tahun 2023"))
    add(WORK, vocab.RDF + "type", ox.NamedNode(vocab.REGULATION_CLASS))
    parent, iri = WORK, WORK + "/pasal/1"
    for level in range(depth + 1):
        kind = "pasal" if level == 0 else "angka"
        add(iri, vocab.RDF + "type", ox.NamedNode(vocab.UNIT_CLASSES[kind]))
        add(iri, vocab.RDFS + "label", ox.Literal(f"tingkat {level}"))
        add(iri, vocab.ELI + "is_part_of", ox.NamedNode(parent))
        add(iri, vocab.ELI + "number", ox.Literal("1"))
        add(iri, vocab.POSITION, ox.Literal("1", datatype=ox.NamedNode(vocab.XSD + "integer")))
        add(iri, vocab.TEXT, ox.Literal(f"teks tingkat {level}"))
        parent, iri = iri, iri + "/angka/1"
    return quads


@pytest.fixture(scope="module")
def deep_data(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("deep")
    write_embedded(data, deep_graph(DEEP))
    return data


def test_show_prints_a_unit_nested_500_deep(deep_data):
    done = perwali("show", "palu-28-2023", "1", "--data", str(deep_data))
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0] == "tingkat 0"
    assert lines[-1] == "  " * DEEP + f"angka 1: teks tingkat {DEEP}"


def test_show_json_of_a_unit_nested_500_deep(deep_data):
    import json

    done = perwali("show", "palu-28-2023", "1", "--json", "--data", str(deep_data))
    assert done.returncode == 0, done.stderr[-2000:]
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(4 * DEEP + 200)  # json.loads recurses, two levels per unit
    try:
        unit, depth = json.loads(done.stdout), 0
    finally:
        sys.setrecursionlimit(limit)
    while unit["children"]:
        unit, depth = unit["children"][0], depth + 1
    assert depth == DEEP and unit["text"] == f"teks tingkat {DEEP}"


def test_show_refuses_a_tree_past_its_depth_bound(tmp_path, monkeypatch, capsys):
    from perwali import read
    from perwali.cli import main

    write_embedded(tmp_path, deep_graph(30))
    monkeypatch.setattr(read, "MAX_SHOW_DEPTH", 20)
    assert main(["show", "palu-28-2023", "1", "--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "bersarang lebih dari 20 tingkat" in err


# --- a reader that goes away ----------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("show", "palu-28-2023"),
        ("show", "palu-28-2023", "--json"),
        ("refs", "palu-28-2023"),
        ("refs", "palu-28-2023", "--json"),
        ("definitions", "palu-28-2023"),
        ("stats", "--json"),
    ],
)
def test_a_closed_pipe_is_quiet(built_data, argv):
    """The reader closes the pipe before anything is written, as ``| head -0`` would, so
    every write fails with EPIPE."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "perwali.cli", *argv, "--data", str(built_data)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert err == ""


def test_piping_into_head_prints_only_what_head_prints(built_data):
    command = (
        f"{sys.executable} -m perwali.cli show palu-28-2023 --data {built_data} | head -n 2; "
        f"{sys.executable} -m perwali.cli refs palu-28-2023 --data {built_data} | head -c 10"
    )
    done = subprocess.run(
        ["bash", "-c", command], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.stderr == ""
    assert done.stdout.startswith("Peraturan Wali Kota Palu Nomor 28 Tahun 2023\nhttps://")


# --- the last guard ---------------------------------------------------------------------------

CRASH = (
    "import sys; import perwali.read as r\n"
    "def boom(*a, **k): raise RuntimeError('kaboom\\nline two')\n"
    "r.regulation_summaries = boom\n"
    "from perwali.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def test_an_unexpected_error_is_one_line_and_exit_2(built_data):
    argv = [sys.executable, "-c", CRASH, "stats", "--data", str(built_data)]
    done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert_clean_failure(done)
    assert "galat tak terduga (RuntimeError: kaboom line two)" in done.stderr
    assert "PERWALI_DEBUG=1" in done.stderr


def test_perwali_debug_shows_the_traceback(built_data):
    argv = [sys.executable, "-c", CRASH, "stats", "--data", str(built_data)]
    env = {**os.environ, "PERWALI_DEBUG": "1"}
    done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 2
    assert "Traceback" in done.stderr and "kaboom" in done.stderr


def test_a_missing_store_is_exit_2_without_traceback(tmp_path):
    assert_clean_failure(perwali("show", "palu-28-2023", "--data", str(tmp_path)))


def test_a_corrupt_store_is_exit_2_without_traceback(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    (store / "CURRENT").write_text("garbage\n")
    assert_clean_failure(perwali("stats", "--data", str(tmp_path)))


def test_bad_build_options_are_exit_2(tmp_path):
    for option in (("--max-file-bytes", "0"), ("--max-file-bytes", "x"), ("--wait", "-1")):
        done = perwali("build", "--data", str(tmp_path), *option)
        assert done.returncode == 2 and "Traceback" not in done.stderr
