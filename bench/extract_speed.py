"""Speed of the semantic extraction (roles, norms, references, topics) over the corpus.

    python bench/extract_speed.py [--runs 5]

Reports the pipeline build (spaCy, once per process) and the extraction itself over the
five regulations, each the best of ``--runs``; the issue's target is < 5 s in all.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extract.metadata import load_metadata  # noqa: E402
from extract.parse import parse_file  # noqa: E402

CORPUS = REPO / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    from extract.nlp import get_nlp
    from extract.refs_find import reference_pipeline
    from extract.semantics import analyse

    get_nlp()
    reference_pipeline()
    setup = time.perf_counter() - started

    overrides = load_metadata(CORPUS)
    regulations = [parse_file(p, overrides.get(p.name)) for p in sorted(CORPUS.glob("*.txt"))]
    best, counts = float("inf"), None
    for _ in range(args.runs):
        started = time.perf_counter()
        found = [analyse(regulation) for regulation in regulations]
        best = min(best, time.perf_counter() - started)
        counts = (
            sum(len(f.roles) for f in found),
            sum(len(f.norms) for f in found),
            sum(len(f.references) for f in found),
            sum(len(f.topics) for f in found),
        )
    print(f"imports + spaCy pipelines: {setup:.2f} s (once per process)")
    print(
        f"extraction over {len(regulations)} regulations: {best:.2f} s (best of {args.runs}); "
        f"{counts[0]} role mentions, {counts[1]} norms, {counts[2]} references, "
        f"{counts[3]} topic tags; total with set-up {setup + best:.2f} s (target < 5 s)"
    )


if __name__ == "__main__":
    main()
