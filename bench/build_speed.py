"""Speed of the build and of the structural parser.

    python bench/build_speed.py [--runs 5] [--copies 100]

1. ``perwali build`` of the five corpus regulations, as a fresh process each run (wall time,
   including interpreter start-up and imports).
2. Structural-parse throughput in MB/s on one core, on a corpus scaled to ``5 × copies``
   regulations generated from the five by renumbering them; then the same with the national
   texts added (the four real samples in ``../shared/national-samples``, long lines and OCR
   noise, and the made-up forms in ``tests/data/national``), each scaled alike.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extract.parse import parse_text  # noqa: E402

CORPUS = REPO / "corpus"
NATIONAL = [REPO.parent / "shared" / "national-samples", REPO / "tests" / "data" / "national"]
TITLE_NUMBER = re.compile(r"(NOMOR\s+)(\d+)(\s+TAHUN)")


def bench_build(runs: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as data:
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "perwali.cli", "build", "--data", data],
                check=True,
                cwd=REPO,
                stdout=subprocess.DEVNULL,
            )
            times.append(time.perf_counter() - started)
    return times


def scaled_corpus(copies: int, folders: list[Path] = (CORPUS,)) -> list[tuple[str, str]]:
    """``copies`` renumbered versions of each text (new Nomor in the title block)."""
    paths = sorted(path for folder in folders for path in folder.glob("*.txt"))
    texts = [(path.stem, path.read_text(encoding="utf-8")) for path in paths]
    out = []
    for copy in range(copies):
        number = 1000 + copy
        for stem, text in texts:
            renumbered = TITLE_NUMBER.sub(rf"\g<1>{number}\g<3>", text, count=1)
            out.append((f"{stem}-{copy}.txt", renumbered))
    return out


def bench_parse(copies: int, folders: list[Path] = (CORPUS,)) -> tuple[int, int, float]:
    corpus = scaled_corpus(copies, folders)
    size = sum(len(text.encode("utf-8")) for _, text in corpus)
    parsed = 0
    started = time.perf_counter()
    for name, text in corpus:
        parsed += bool(parse_text(text, name).id)
    elapsed = time.perf_counter() - started
    assert parsed == len(corpus)
    return len(corpus), size, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=100)
    args = parser.parse_args()

    times = bench_build(args.runs)
    print(
        f"perwali build (5 regulations, fresh process): min {min(times):.2f} s, "
        f"median {statistics.median(times):.2f} s over {args.runs} runs (target < 3 s)"
    )
    for label, folders in (
        ("the five", [CORPUS]),
        ("five + national", [CORPUS, *(f for f in NATIONAL if f.is_dir())]),
    ):
        count, size, elapsed = bench_parse(args.copies, folders)
        print(
            f"structural parse, {label}: {count} regulations, {size / 1e6:.1f} MB in "
            f"{elapsed:.2f} s = {size / 1e6 / elapsed:.2f} MB/s on one core (target >= 2 MB/s)"
        )


if __name__ == "__main__":
    main()
