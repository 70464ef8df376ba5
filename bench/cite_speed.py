"""Speed of citations: resolve in-process, extract of a 64,000-character text, and
``/api/cite`` over HTTP beside ``/sparql`` on a point lookup, in one run.

    python bench/cite_speed.py [--data DIR] [--seconds 4] [--clients 1 8]

Targets (issue 8): cite p95 < 5 ms in-process; extract of 64,000 characters < 200 ms;
``/api/cite`` ≥ 0.7× the throughput of ``/sparql`` on a point lookup. The HTTP part runs
one ``perwali serve`` (gunicorn, 2 workers) on a free loopback port and drives both routes
with the load generator of ``bench/sparql_throughput.py`` (imported, not copied).
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.sparql_throughput import QUERIES, free_port, run_cell, wait_up  # noqa: E402
from capabilities.cite import resolve  # noqa: E402
from capabilities.cite_extract import MAX_TEXT_CHARS, extract  # noqa: E402
from capabilities.cite_index import citation_index  # noqa: E402
from capabilities.source import EmbeddedSource  # noqa: E402
from perwali.build import DEFAULT_CORPUS_DIR  # noqa: E402

FORMS = [
    "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
    "Perwali Semarang 85/2023 Pasal 10 ayat (6)",
    "pasal 9 ayat 4 perwali tebing tinggi no 21 tahun 2024",
    "Pasal 1 angka 8 Peraturan Wali Kota Padang Panjang Nomor 48 Tahun 2024",
    "Padang Panjang 48/2024 Pasal 13 (2)",
    "psl 18 ayat (3) huruf b Perwali Kota Palu No. 28 Th. 2023",
    "Pasal 21 ayat (9) Perwali Palu 28/2023",  # 404 with what exists
    "Pasal 9 Perwali Tebingtinggi 21/2024",  # 404 with suggestions
    "Pasal 9 ayat (1)",  # 300, every candidate
    "bukan rujukan",  # 400
]
HTTP_REF = "Pasal 21 Peraturan Wali Kota Palu Nomor 28 Tahun 2023"
ROW = "{:<34} {:>10} {:>10} {:>10} {:>8}"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def bench_resolve(source, rounds: int) -> dict:
    labels = [u.label for u in citation_index(source).units.values() if u.kind == "ayat"][:200]
    refs = FORMS + labels
    times = []
    for _ in range(rounds):
        for ref in refs:
            started = time.perf_counter()
            resolve(source, ref)
            times.append((time.perf_counter() - started) * 1000)
    return {
        "calls": len(times),
        "p50": statistics.median(times),
        "p95": percentile(times, 0.95),
        "p99": percentile(times, 0.99),
    }


def long_text() -> str:
    texts = [path.read_text("utf-8") for path in sorted(DEFAULT_CORPUS_DIR.glob("*.txt"))]
    text = "\n".join(texts)
    while len(text) < MAX_TEXT_CHARS:
        text += "\n" + text
    return text[:MAX_TEXT_CHARS]


def bench_extract(source, runs: int) -> dict:
    text = long_text()
    extract(source, text)  # warm
    times, found = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        found = len(extract(source, text))
        times.append((time.perf_counter() - started) * 1000)
    return {
        "chars": len(text),
        "citations": found,
        "median": statistics.median(times),
        "max": max(times),
    }


def bench_http(data: Path, seconds: float, clients: list[int]) -> list[tuple]:
    port = free_port()
    command = [sys.executable, "-m", "server", "serve", "--store", f"embedded:{data}"]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--workers", "2"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    paths = {
        "/sparql point lookup": "/sparql?"
        + urllib.parse.urlencode({"query": QUERIES["point lookup"]}),
        "/api/cite (same Pasal)": "/api/cite?" + urllib.parse.urlencode({"ref": HTTP_REF}),
    }
    rows = []
    try:
        wait_up(port, "/health")
        with multiprocessing.get_context("fork").Pool(4) as pool:
            for path in paths.values():
                run_cell(pool, port, path, 4, 1.0)  # warm-up (and the citation index)
            for n in clients:
                for label, path in paths.items():
                    rate, p50, p99, errors = run_cell(pool, port, path, n, seconds)
                    rows.append((label, n, rate, p50, p99, errors))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, help="a perwali build data dir (default: a fresh build)"
    )
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="perwali-cite-bench-"))
    try:
        data = args.data
        if data is None:
            data = work / "data"
            subprocess.run(
                [sys.executable, "-m", "perwali.cli", "build", "--data", str(data)],
                cwd=REPO,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        source = EmbeddedSource(data)
        started = time.perf_counter()
        citation_index(source)
        print(f"citation index built in {(time.perf_counter() - started) * 1000:.0f} ms")

        r = bench_resolve(source, args.rounds)
        print("\n## resolve, in-process (target p95 < 5 ms)")
        calls, p50, p95, p99 = r["calls"], r["p50"], r["p95"], r["p99"]
        print(f"{calls} calls: p50 {p50:.3f} ms, p95 {p95:.3f} ms, p99 {p99:.3f} ms")

        e = bench_extract(source, args.rounds)
        print("\n## extract (target < 200 ms for 64,000 characters)")
        print(f"{e['chars']} characters, {e['citations']} citations: median {e['median']:.1f} ms, "
              f"max {e['max']:.1f} ms")  # fmt: skip

        print(
            "\n## HTTP, one `perwali serve` (gunicorn, 2 workers); target /api/cite >= 0.7x /sparql"
        )
        print(ROW.format("route", "clients", "req/s", "p50 ms", "errors"))
        rows = bench_http(data, args.seconds, args.clients)
        for label, n, rate, p50, _p99, errors in rows:
            print(ROW.format(label, n, f"{rate:.0f}", f"{p50:.2f}", errors))
        for n in args.clients:
            rates = {label: rate for label, c, rate, *_ in rows if c == n}
            sparql, cite = rates["/sparql point lookup"], rates["/api/cite (same Pasal)"]
            print(f"clients {n}: /api/cite / /sparql = {cite / sparql:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
