"""How the reading of structure holds up as OCR noise grows.

    python bench/ocr_robustness.py [--seeds 3]

Each of the five corpus texts is degraded by ``tests/extract/ocr_noise.py`` at increasing
rates (seeded) and parsed; the result is compared with the parse of the clean text:

* ingested: the text is read at all (not rejected);
* Pasal exact: share of Pasal found with the same number and the same number of ayat;
* ayat: share of the ayat found under the right Pasal;
* title: type, region, number and year read exactly (the regulation id is the clean one);
* dates: enactment/promulgation dates read exactly, or left empty *with* a warning;
* false: readings that are wrong — another number or year, a Pasal or ayat that does not
  exist (or not under that Pasal), a wrong date. It must stay 0: a number is read only
  when one reading remains.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extract.ocr import DATE_ILLEGIBLE  # noqa: E402
from extract.parse import ParseError, parse_text  # noqa: E402
from tests.extract.ocr_noise import LEVELS, SEED, degrade  # noqa: E402


@dataclass
class Score:
    """What one degraded text kept of the clean reading."""

    ingested: bool
    pasal_exact: int
    pasal_total: int
    ayat_found: int
    ayat_total: int
    title_read: bool
    dates_accounted: int
    dates_total: int
    false_readings: int


def _pasal_shape(regulation) -> dict[str, int]:
    return {
        unit.number: sum(child.kind == "ayat" for child in unit.children)
        for unit in regulation.units()
        if unit.kind == "pasal"
    }


def _ayat(regulation) -> set[str]:
    return {str(unit.iri) for unit in regulation.units() if unit.kind == "ayat"}


def score(clean_text: str, noisy_text: str, name: str) -> Score:
    """Compare the parse of ``noisy_text`` with that of ``clean_text``."""
    truth = parse_text(clean_text, name)
    shape = _pasal_shape(truth)
    dates = [truth.closing.enacted_date, truth.closing.promulgated_date]
    try:
        read = parse_text(noisy_text, name)
    except ParseError:
        return Score(False, 0, len(shape), 0, len(_ayat(truth)), False, 0, len(dates), 0)
    got = _pasal_shape(read)
    exact = sum(got.get(number) == ayat for number, ayat in shape.items())
    false = (read.id != truth.id) + len(set(got) - set(shape))
    ayat_found = len(_ayat(read) & _ayat(truth))
    false += len(_ayat(read) - _ayat(truth))  # an ayat that is not there, or under another Pasal
    warned = any(w.code == DATE_ILLEGIBLE for w in read.warnings)
    accounted = 0
    for want, have in zip(
        dates, [read.closing.enacted_date, read.closing.promulgated_date], strict=True
    ):
        if have is not None and have != want:
            false += 1
        elif have == want or (have is None and warned):
            accounted += 1
    return Score(
        True,
        exact,
        len(shape),
        ayat_found,
        len(_ayat(truth)),
        read.id == truth.id,
        accounted,
        len(dates),
        false,
    )


def run(seeds: int) -> list[tuple[float, list[Score]]]:
    texts = sorted((REPO / "corpus").glob("*.txt"))
    table = []
    for level in LEVELS:
        scores = []
        for path in texts:
            clean = path.read_text(encoding="utf-8")
            for seed in range(SEED, SEED + seeds):
                scores.append(score(clean, degrade(clean, level, seed), path.name))
        table.append((level, scores))
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3, help="noisy variants per text and level")
    args = parser.parse_args()
    print(
        f"{'noise':>5}  {'ingested':>8}  {'Pasal exact':>11}  {'ayat':>6}  {'title':>7}  "
        f"{'dates':>7}  false"
    )
    for level, scores in run(args.seeds):
        n = len(scores)
        pasal = sum(s.pasal_exact for s in scores) / max(1, sum(s.pasal_total for s in scores))
        ayat = sum(s.ayat_found for s in scores) / max(1, sum(s.ayat_total for s in scores))
        dates = sum(s.dates_accounted for s in scores) / max(1, sum(s.dates_total for s in scores))
        print(
            f"{level:>5.2f}  {sum(s.ingested for s in scores):>4}/{n:<3}  {pasal:>11.1%}  "
            f"{ayat:>6.1%}  "
            f"{sum(s.title_read for s in scores):>3}/{n:<3}  {dates:>7.1%}  "
            f"{sum(s.false_readings for s in scores)}"
        )


if __name__ == "__main__":
    main()
