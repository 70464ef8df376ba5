"""Speed of align (and diff, unique) over a build of the corpus.

    python bench/align_speed.py [--data data] [--runs 5]

Cold: the first align of a build (a new source generation and an empty stem memo): read
the body, topics, norms, definitions and headings by SPARQL, stem and weigh every
provision, score every pair of Pasal of different regulations once, find the null
threshold. Warm: later aligns of the same build (the features are cached per source
generation by ``capabilities.source.cached``). The issue's target: align of two
regulations < 500 ms.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from capabilities.align import align, align_all  # noqa: E402
from capabilities.diff import diff  # noqa: E402
from capabilities.similarity import corpus_index, stem  # noqa: E402
from capabilities.source import EmbeddedSource  # noqa: E402
from capabilities.unique import unique  # noqa: E402

PAIR = ("palu-28-2023", "tebing-tinggi-21-2024")
TARGET_MS = 500


def fresh_source(data: Path, run: int) -> EmbeddedSource:
    """A source whose caches are empty: its own generation, no memoised stems."""
    source = EmbeddedSource(data)
    source.generation = f"{source.generation}#bench-{run}"
    stem.cache_clear()
    return source


_cpu: list[float] = []  # CPU ms of every timed call, in order


def timed(function, *args) -> float:
    """Wall-clock ms of ``function(*args)``; its CPU ms goes to ``_cpu``."""
    started, cpu = time.perf_counter(), time.process_time()
    function(*args)
    _cpu.append((time.process_time() - cpu) * 1000)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / "data")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    cold, load, cold_cpu = [], [], []
    for run in range(args.runs):
        source = fresh_source(args.data, run)
        load.append(timed(corpus_index, source))
        cold.append(load[-1] + timed(align, source, *PAIR))
        cold_cpu.append(_cpu[-1] + _cpu[-2])
    source = fresh_source(args.data, args.runs)
    align(source, *PAIR)
    ids = sorted(corpus_index(source).regulations)
    warm = [
        timed(align, source, a, b)
        for _ in range(args.runs)
        for a, b in itertools.permutations(ids, 2)
    ]
    rows = [
        (f"align {PAIR[0]} {PAIR[1]}, cold", statistics.median(cold), max(cold)),
        ("  of which: read and weigh the corpus", statistics.median(load), max(load)),
        ("align, warm (20 ordered pairs)", statistics.median(warm), _p95(warm)),
        ("align --all, first (scores cached)", timed(align_all, source), None),
        (
            "diff Palu 26 / Semarang 13",
            timed(diff, source, "palu-28-2023 26", "semarang-85-2023 13"),
            None,
        ),
        (
            "unique semarang, first (ayat threshold)",
            timed(unique, source, "semarang-85-2023"),
            None,
        ),
        ("unique semarang, again", timed(unique, source, "semarang-85-2023"), None),
    ]
    width = max(len(name) for name, _, _ in rows)
    print(f"{'':{width}}  {'median ms':>10}  {'max/p95 ms':>10}")
    for name, value, spread in rows:
        extra = f"{spread:10.1f}" if spread is not None else f"{'':10}"
        print(f"{name:{width}}  {value:10.1f}  {extra}")
    verdict = "ok" if max(cold) < TARGET_MS else "OVER"
    print(f"cold align, CPU time: median {statistics.median(cold_cpu):.1f} ms")
    print(
        f"target: align of two regulations < {TARGET_MS} ms cold -> {verdict} (runs: {args.runs})"
    )


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


if __name__ == "__main__":
    main()
