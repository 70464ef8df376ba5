"""Speed of ``ask`` and ``compare`` over the five regulations, in-process.

The BM25 index is built once per build (``capabilities.source.cached``); its build time
is reported on its own, then every question is timed warm. Questions: the development
set (tests/capabilities/ask_dev_questions.json) and, when present, the blind-read gold
set; ``compare`` runs on their topic questions. Target: p95 < 100 ms for each.

    python bench/ask_speed.py [--data DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from capabilities.ask import ask  # noqa: E402
from capabilities.compare import compare, to_csv, to_xlsx  # noqa: E402
from capabilities.retrieval import build_index, get_index  # noqa: E402
from capabilities.source import EmbeddedSource  # noqa: E402

SETS = (
    ROOT / "tests" / "capabilities" / "ask_dev_questions.json",
    ROOT / "tests" / "gold" / "ask_questions.json",
)
TARGET_MS = 100.0


def questions() -> list[dict]:
    out = []
    for path in SETS:
        if path.exists():
            out += json.loads(path.read_text(encoding="utf-8"))["questions"]
    return out


def timed(function, *args, **kwargs) -> float:
    start = time.perf_counter()
    function(*args, **kwargs)
    return (time.perf_counter() - start) * 1000


def summary(name: str, samples: list[float]) -> str:
    samples = sorted(samples)
    p50 = statistics.median(samples)
    p95 = samples[min(len(samples) - 1, int(0.95 * len(samples)))]
    verdict = "ok" if p95 < TARGET_MS else "SLOW"
    return (
        f"| {name:22} | {len(samples):5} | {p50:7.1f} | {p95:7.1f} | {samples[-1]:7.1f} | "
        f"{verdict:4} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    source = EmbeddedSource(args.data)
    build_ms = [timed(build_index, source) for _ in range(2)]
    get_index(source)  # warm: the cached index every timed call uses
    asked = questions()
    topics = [q["question"] for q in asked if q["kind"] == "topic"]
    facts = [q["question"] for q in asked if q["kind"] == "fact"]
    ask_topic, ask_fact, compared, exported = [], [], [], []
    for _ in range(args.rounds):
        ask_topic += [timed(ask, source, q) for q in topics]
        ask_fact += [timed(ask, source, q) for q in facts]
        compared += [timed(compare, source, q) for q in topics]
    for q in topics[:20]:
        comparison = compare(source, q)
        exported.append(timed(lambda c=comparison: (to_csv(c), to_xlsx(c))))
    print(
        f"index build (cold, {len(get_index(source).provisions)} entries): "
        f"{min(build_ms):.0f} ms (best of 2)\n"
    )
    print("| operation              |     n | p50 ms  | p95 ms  | max ms  | <100 |")
    print("|---|---|---|---|---|---|")
    print(summary("ask (topic questions)", ask_topic))
    print(summary("ask (fact questions)", ask_fact))
    print(summary("ask (all)", ask_topic + ask_fact))
    print(summary("compare", compared))
    print(summary("compare → CSV + XLSX", exported))
    return 0


if __name__ == "__main__":
    sys.exit(main())
