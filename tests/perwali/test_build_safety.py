"""Builds never lose the store, and one bad file never stops the build (issue 7, items 6-7).

Concurrent ``perwali build`` runs into one data folder, a reader watching the store during
swaps, failed builds, the old layout, pins; and hostile corpus files: lists nested 2,000
deep, a provision over 1,000,000 characters, a symlink to /dev/zero, a FIFO, a file over
the size limit, thousands of repeated numbers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from extract.parse import ParseError, parse_text, read_source
from perwali.build import DEFAULT_CORPUS_DIR, build
from perwali.store import (
    GENERATIONS_DIRNAME,
    PINS_DIRNAME,
    BuildLocked,
    StoreError,
    build_lock,
    current_generation,
    list_generations,
    open_embedded,
    pin_generation,
    store_path,
    unpin_generation,
    write_embedded,
)

REPO = Path(__file__).resolve().parents[2]
SMALL = ("padang-panjang-48-2024.txt", "palu-28-2023.txt")
PALU = DEFAULT_CORPUS_DIR / "palu-28-2023.txt"


def perwali(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "perwali.cli", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def BUILD_INTO(corpus: Path, data: Path) -> list[str]:
    return ["--corpus", str(corpus), "--data", str(data)]


def small_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in SMALL:
        shutil.copy(DEFAULT_CORPUS_DIR / name, folder / name)
    shutil.copy(DEFAULT_CORPUS_DIR / "metadata.toml", folder / "metadata.toml")
    return folder


def quads(count: int, graph: str = "http://example.org/g") -> list[ox.Quad]:
    g = ox.NamedNode(graph)
    p = ox.NamedNode("http://example.org/p")
    return [
        ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), p, ox.Literal(str(i)), g)
        for i in range(count)
    ]


def store_size(data: Path) -> int:
    store = open_embedded(data)
    try:
        return len(store)
    finally:
        del store


class Watcher(threading.Thread):
    """Checks, as fast as it can, that ``DATA/store`` is a store that opens."""

    def __init__(self, data: Path, open_store: bool = True):
        super().__init__(daemon=True)
        self.data, self.open_store = data, open_store
        self.stop = threading.Event()
        self.checks = 0
        self.misses: list[str] = []

    def run(self) -> None:
        while not self.stop.is_set():
            if not store_path(self.data).is_dir():
                self.misses.append("store missing")
            elif self.open_store:
                try:
                    store = open_embedded(self.data)
                    del store
                except (StoreError, OSError) as error:
                    self.misses.append(f"cannot open: {error}")
            self.checks += 1


# --- item 6: builds never lose the store ---------------------------------------------


def test_concurrent_builds_into_one_folder_keep_the_store_whole(tmp_path):
    corpus = small_corpus(tmp_path / "corpus")
    data = tmp_path / "data"
    first = perwali("build", "--corpus", str(corpus), "--data", str(data))
    assert first.returncode == 0, first.stderr
    expected = store_size(data)
    expected_dump = (data / "graph.nq").read_bytes().count(b"\n")
    watcher = Watcher(data)
    watcher.start()
    outcomes = []
    for _round in range(2):
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "perwali.cli", "build", *BUILD_INTO(corpus, data)],
                cwd=REPO,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        outcomes += [(proc.wait(timeout=600), *proc.communicate()) for proc in procs]
        assert store_size(data) == expected
    watcher.stop.set()
    watcher.join()
    assert [code for code, _, _ in outcomes] == [0] * 6, [err for _, _, err in outcomes]
    assert any("menunggu build lain" in err for _, _, err in outcomes)
    assert watcher.checks > 10 and watcher.misses == []
    assert (data / "graph.nq").read_bytes().count(b"\n") == expected_dump
    names = {path.name for path in (data / GENERATIONS_DIRNAME).iterdir()}
    assert len(names) == 2 and not any(name.endswith(".partial") for name in names)
    assert sorted(p.name for p in data.iterdir() if p.name.startswith(".")) == [".lock"]
    for reg_id in ("palu-28-2023", "padang-panjang-48-2024"):
        shown = perwali("show", reg_id, "1", "--data", str(data))
        assert shown.returncode == 0, shown.stderr


def test_a_second_build_gives_up_at_once_with_wait_0(tmp_path):
    corpus = small_corpus(tmp_path / "corpus")
    data = tmp_path / "data"
    with build_lock(data):
        done = perwali("build", "--corpus", str(corpus), "--data", str(data), "--wait", "0")
    assert done.returncode == 2
    assert "sedang dipakai build lain" in done.stderr and f"pid {os.getpid()}" in done.stderr
    assert "Traceback" not in done.stderr
    assert not store_path(data).exists()


def test_the_lock_is_taken_by_one_build_at_a_time(tmp_path):
    data = tmp_path / "data"
    told: list[str] = []
    with build_lock(data):
        with pytest.raises(BuildLocked):
            _other_thread(lambda: _enter(build_lock(data, wait=0.3, on_wait=told.append)))
        with build_lock(data):  # re-entrant in the process that holds it
            write_embedded(data, quads(3))
    assert told and "menunggu build lain" in told[0]
    with build_lock(data, wait=0):
        pass


def _enter(lock) -> None:
    with lock:
        pass


def _other_thread(function) -> None:
    """Run ``function`` as if in another process: the lock is re-entrant per process,
    so the holder's marker is hidden from it meanwhile."""
    from perwali import store

    held = set(store._held_locks)
    store._held_locks.clear()
    try:
        function()
    finally:
        store._held_locks.update(held)


def test_a_reader_never_finds_the_store_missing_during_swaps(tmp_path):
    data = tmp_path / "data"
    write_embedded(data, quads(5))
    watcher = Watcher(data, open_store=False)
    watcher.start()
    for count in range(6, 46):
        write_embedded(data, quads(count))
    watcher.stop.set()
    watcher.join()
    assert watcher.checks > 1000 and watcher.misses == []
    assert store_size(data) == 45
    assert len(list_generations(data)) == 2


def test_a_failed_build_leaves_the_current_generation_untouched(tmp_path):
    data = tmp_path / "data"
    write_embedded(data, quads(7))
    before = current_generation(data)
    dump = (data / "graph.nq").read_bytes()

    def broken():
        yield from quads(3)
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_embedded(data, broken())
    assert current_generation(data) == before
    assert (data / "graph.nq").read_bytes() == dump
    assert store_size(data) == 7
    assert [p.name for p in list_generations(data)] == [before.name]
    assert not list((data / GENERATIONS_DIRNAME).glob("*.partial"))


def test_a_build_of_only_bad_files_changes_nothing(tmp_path):
    data = tmp_path / "data"
    write_embedded(data, quads(4))
    before = current_generation(data)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "kosong.txt").write_text("bukan peraturan\n", encoding="utf-8")
    done = perwali("build", "--corpus", str(corpus), "--data", str(data))
    assert done.returncode == 2
    assert "data lama tidak diubah" in done.stderr and "kosong.txt" in done.stderr
    assert current_generation(data) == before and store_size(data) == 4


def test_an_old_layout_folder_is_migrated_without_losing_the_store(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    old = ox.Store(str(data / "store"))
    old.bulk_extend(quads(9))
    old.flush()
    old.dump(str(data / "graph.nq"), ox.RdfFormat.N_QUADS)
    del old
    (data / "store.new").mkdir()  # left over by an interrupted old-style build
    watcher = Watcher(data, open_store=False)
    watcher.start()
    write_embedded(data, quads(2))
    watcher.stop.set()
    watcher.join()
    assert watcher.misses == []
    assert store_path(data).is_symlink() and (data / "graph.nq").is_symlink()
    assert store_size(data) == 2
    legacy = [p for p in list_generations(data) if "legacy" in p.name]
    assert len(legacy) == 1 and len(ox.Store.read_only(str(legacy[0] / "store"))) == 9
    assert (legacy[0] / "graph.nq").read_bytes().count(b"\n") == 9
    assert not (data / "store.new").exists()


def test_a_pinned_generation_survives_pruning_until_unpinned(tmp_path):
    data = tmp_path / "data"
    write_embedded(data, quads(1))
    first = current_generation(data)
    pin_generation(data, first, os.getpid())
    for count in range(2, 6):
        write_embedded(data, quads(count))
    assert first in list_generations(data)
    assert len(list_generations(data)) == 3
    assert len(ox.Store.read_only(str(first / "store"))) == 1
    unpin_generation(data, first, os.getpid())
    write_embedded(data, quads(9))
    assert first not in list_generations(data)
    assert len(list_generations(data)) == 2


def test_a_pin_of_a_dead_process_does_not_protect(tmp_path):
    data = tmp_path / "data"
    write_embedded(data, quads(1))
    first = current_generation(data)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    pin_generation(data, first, dead.pid)
    for count in range(2, 5):
        write_embedded(data, quads(count))
    assert first not in list_generations(data)
    assert list((data / PINS_DIRNAME).iterdir()) == []


def test_current_generation_needs_a_generation(tmp_path):
    with pytest.raises(StoreError):
        current_generation(tmp_path)


# --- item 7: one bad file never stops the build ---------------------------------------


def _regulation(number: int, extra: str) -> str:
    """Palu 28/2023 renumbered, with ``extra`` lines as an ayat (6) of Pasal 31."""
    text = PALU.read_text(encoding="utf-8")
    cut = text.index("BAB VI KETENTUAN PENUTUP")
    text = text[:cut] + extra + "\n\n" + text[cut:]
    return text.replace("NOMOR 28 TAHUN 2023", f"NOMOR {number} TAHUN 2023", 1)


def nested_lists(depth: int) -> str:
    items = ["a. butir" if level % 2 == 0 else "1. butir" for level in range(depth)]
    return _regulation(901, "(6) Ketentuan berikut:\n" + "\n".join(items))


def long_provision(characters: int) -> str:
    words = "dalam rangka penyelenggaraan urusan tersebut "
    return _regulation(902, "(6) " + words * (characters // len(words) + 1) + ".")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    corpus = small_corpus(root / "corpus")
    (corpus / "bersarang.txt").write_text(nested_lists(2000), encoding="utf-8")
    (corpus / "panjang.txt").write_text(long_provision(1_100_000), encoding="utf-8")
    (corpus / "nol.txt").symlink_to("/dev/zero")
    os.mkfifo(corpus / "x.txt")
    (corpus / "folder.txt").mkdir()
    (corpus / "besar.txt").write_text(_regulation(903, "") + " " * 1_500_000, encoding="utf-8")
    data = root / "data"
    started = time.monotonic()
    done = perwali(
        "build", "--corpus", str(corpus), "--data", str(data), "--max-file-bytes", "1400000"
    )
    return done, data, time.monotonic() - started


def test_bad_files_are_reported_and_skipped_and_the_rest_built(hostile_build):
    done = hostile_build[0]
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    skipped = {
        line.split()[1].rstrip(":"): line
        for line in done.stderr.splitlines()
        if line.startswith("DILEWATI")
    }
    assert set(skipped) == {"bersarang.txt", "nol.txt", "x.txt", "folder.txt", "besar.txt"}
    assert "daftar bersarang lebih dari" in skipped["bersarang.txt"]
    assert "perangkat karakter" in skipped["nol.txt"]
    assert "FIFO" in skipped["x.txt"]
    assert "folder" in skipped["folder.txt"]
    assert "terlalu besar" in skipped["besar.txt"] and "--max-file-bytes" in skipped["besar.txt"]
    assert "3 peraturan" in done.stdout  # the two good ones and the long provision


def test_the_long_provision_and_the_good_files_are_in_the_store(hostile_build):
    _, data, _ = hostile_build
    for reg_id in ("palu-28-2023", "padang-panjang-48-2024"):
        shown = perwali("show", reg_id, "2", "--data", str(data))
        assert shown.returncode == 0, shown.stderr
    long_ayat = perwali("show", "palu-902-2023", "31", "6", "--data", str(data))
    assert long_ayat.returncode == 0, long_ayat.stderr
    assert len(long_ayat.stdout) > 1_000_000


def test_a_fifo_never_blocks_and_dev_zero_is_never_read(tmp_path):
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "nol.txt"
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero):
        started = time.monotonic()
        with pytest.raises(ParseError, match="bukan berkas biasa"):
            read_source(path)
        assert time.monotonic() - started < 1
    missing = tmp_path / "hilang.txt"
    with pytest.raises(ParseError, match="tidak dapat dibaca"):
        read_source(missing)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "besar.txt"
    path.write_bytes(b"x" * 2001)
    with pytest.raises(ParseError, match=r"terlalu besar \(2001 bita; batasnya 2000"):
        read_source(path, max_bytes=2000)
    assert read_source(path, max_bytes=2001) == b"x" * 2001


def test_lists_nested_deeply_give_a_parse_error_not_a_recursion_error():
    with pytest.raises(ParseError, match="bersarang lebih dari 24 tingkat"):
        parse_text(nested_lists(2000), "bersarang.txt")
    regulation = parse_text(nested_lists(20), "cukup.txt")  # within the bound: parsed
    assert max(_depths(regulation.body)) >= 20


def _depths(units, depth=0):
    for unit in units:
        yield depth
        yield from _depths(unit.children, depth + 1)


def test_thousands_of_repeated_numbers_parse_in_linear_time():
    text = PALU.read_text(encoding="utf-8")
    start, end = text.index("BAB II\n"), text.index("BAB VI KETENTUAN PENUTUP")
    timings = []
    for copies in (100, 200):
        repeated = text[:end] + text[start:end] * copies + text[end:]
        started = time.process_time()
        regulation = parse_text(repeated, "ulang.txt")
        timings.append(time.process_time() - started)
        iris = [str(unit.iri) for unit in regulation.units()]
        assert len(iris) == len(set(iris))
        assert any(str(iri).endswith(f"/pasal/12-{copies + 1}") for iri in iris)
    assert timings[1] < 3.5 * timings[0] + 0.5  # twice the text: about twice the time


def test_the_five_still_build_through_build(tmp_path):
    report = build(DEFAULT_CORPUS_DIR, tmp_path / "data")
    assert not report.failures and len(report.regulations) == 5
    assert report.quads == store_size(tmp_path / "data")


def test_a_metadata_fifo_stops_the_build_as_bad_input_without_hanging(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(PALU, corpus / PALU.name)
    os.mkfifo(corpus / "metadata.toml")
    done = perwali("build", *BUILD_INTO(corpus, tmp_path / "data"), timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "metadata.toml: bukan berkas biasa (FIFO" in done.stderr
