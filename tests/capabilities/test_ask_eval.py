"""Evaluation of ``ask`` on question sets with gold answers.

Three sets, one format (see tests/gold/README.md): the blind-read gold set
``tests/gold/ask_questions.json`` (written by a reader who did not see the code; skipped
when absent; its odd ids are the tuning half, its even ids held out), the development set
``tests/capabilities/ask_dev_questions.json``, and the held-out sets
``tests/gold/ask_questions_holdout.json`` and ``ask_questions_holdout2.json`` by other blind
readers. Those two were never tuned on until 2026-12-02, when they were retired to
development (their misses read and tuned on, as the dev set's); a fresh blind set is kept
out of this module and run once by the lead.

Per regulation, top-1 accuracy: for each question that expects something of a regulation,
the regulation's first answer (its first entry in ``answers``) must be one of the
expected units ("21" = any unit of Pasal 21, "21(4)" = Pasal 21 ayat (4) or below), and a
regulation listed in the question's ``not_regulated`` must be in ``not_regulated``.
Facts: the answer's regulation is the expected one and its value holds every expected
string (case-insensitively). Run as a script to see every miss:
``python tests/capabilities/test_ask_eval.py [FILE]``.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "gold" / "ask_questions.json"
DEV = HERE / "ask_dev_questions.json"
TARGET_TOPIC = 0.95
TARGET_FACT = 1.0
#: measured 0.948-0.967 per regulation (cilegon 0.967, padang-panjang 0.949, palu 0.948,
#: semarang 0.950, tebing-tinggi 0.966; odd ids 0.967-1.000, 147/150 from 145; even ids
#: 0.897-0.966, 135/145 unchanged by the pass that retired the holdouts); 0.948-0.950
#: before that pass
#: (0.914-0.949 before the choice among sibling ayat,
#: the power norms of who-questions and the attributes of roles; 0.862-0.949 before the chapeau weight, the title
#: read for "Peraturan Wali Kota ini" and the cited units in coverage; 0.80-0.85 earlier)
GOLD_FLOOR = 0.94
#: measured 0.970-0.977 per regulation (0.950-0.977 before the pass retiring the holdouts,
#: 0.939-0.977 before the one before)
DEV_FLOOR = 0.96
#: The two former held-out sets (written blind; retired to development on 2026-12-02) and
#: their floors. Set 1 measured 0.667-0.900 per regulation before the tuning passes of
#: 2026-12-02, 0.733-0.900 after them while still blind, and 0.800-0.900 after the pass
#: that tuned on it (cilegon 0.900, padang-panjang 0.800, palu 0.867, semarang 0.867,
#: tebing-tinggi 0.800; one build of the day's extraction gave 0.767 and 0.833 for
#: padang-panjang and semarang, hence the margin). Set 2 measured 0.594-0.750, then
#: 0.719-0.844 while blind, and 0.844-0.938 after that pass (cilegon 0.844, padang-panjang
#: 0.906, palu 0.938, semarang 0.938, tebing-tinggi 0.938). Facts 1.0 on both.
HOLDOUTS = {
    "ask_questions_holdout.json": 0.76,
    "ask_questions_holdout2.json": 0.84,
}


def unit_matches(answer: dict, expected: str) -> bool:
    """Whether an answer (pasal, ayat) is the expected unit or inside it."""
    pasal, _, ayat = expected.partition("(")
    if answer["pasal"] != pasal.strip():
        return False
    return not ayat or answer.get("ayat") == ayat.rstrip(")").strip()


def judge(question: dict, result: dict) -> list[tuple[str, bool, str]]:
    """(regulation or "fact", correct, what was answered) for every check of a question."""
    if question["kind"] == "fact":
        fact = result.get("fact") or {}
        gold = question["fact"]
        value = (fact.get("value") or "").lower()
        ok = fact.get("regulation") == gold["regulation"] and all(
            text.lower() in value for text in gold["contains"]
        )
        return [("fact", ok, f"{fact.get('field')}={fact.get('value')!r}"[:160])]
    checks = []
    first: dict[str, dict] = {}
    for answer in result["answers"]:
        first.setdefault(answer["regulation"], answer)
    not_regulated = {item["regulation"] for item in result["not_regulated"]}
    for reg_id, units in question.get("expected", {}).items():
        top = first.get(reg_id)
        ok = top is not None and any(unit_matches(top, unit) for unit in units)
        got = (
            f"{top['pasal']}({top['ayat']})"
            if top
            else "not-regulated"
            if reg_id in not_regulated
            else "-"
        )
        checks.append((reg_id, ok, got))
    for reg_id in question.get("not_regulated", []):
        ok = reg_id in not_regulated and reg_id not in first
        got = "not-regulated" if ok else f"{first[reg_id]['pasal']}" if reg_id in first else "-"
        checks.append((reg_id, ok, got))
    return checks


def evaluate(source, path: Path, verbose: bool = False) -> dict:
    """Accuracy per regulation (topic questions) and on facts, with the misses."""
    from capabilities.ask import ask

    questions = json.loads(path.read_text(encoding="utf-8"))["questions"]
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for question in questions:
        result = ask(source, question["question"], lang=question.get("lang")).to_json()
        for key, ok, got in judge(question, result):
            tally[key][0] += ok
            tally[key][1] += 1
            if not ok:
                misses.append((question["id"], question["question"], key, got))
    accuracy = {key: right / total for key, (right, total) in sorted(tally.items())}
    if verbose:
        for key, (right, total) in sorted(tally.items()):
            print(f"  {key:26} {right:3}/{total:<3} {right / total:.3f}")
        for miss in misses:
            print("  MISS", *miss)
    return {"accuracy": accuracy, "counts": dict(tally), "misses": misses}


@pytest.fixture(scope="module")
def source(built_data):
    from capabilities.source import EmbeddedSource

    return EmbeddedSource(built_data)


def _assert_at_least(report: dict, topic: float, fact: float) -> None:
    for key, value in report["accuracy"].items():
        floor = fact if key == "fact" else topic
        assert value >= floor, (key, value, [m for m in report["misses"] if m[2] == key])


@pytest.fixture(scope="module")
def gold_report(source):
    if not GOLD.exists():
        pytest.skip(f"{GOLD} not present")
    report = evaluate(source, GOLD, verbose=True)
    assert report["counts"], "the gold set has no questions"
    return report


@pytest.mark.xfail(
    strict=False,
    reason="below the 0.95 target on the blind gold set: 0.948-0.967 per regulation "
    "(cilegon 0.967, padang-panjang 0.949, palu 0.948, semarang 0.950, tebing-tinggi 0.966; "
    "facts 1.0); test_gold_floor guards the level reached",
)
def test_gold_targets(gold_report):
    _assert_at_least(gold_report, TARGET_TOPIC, TARGET_FACT)


def test_gold_floor(gold_report):
    """No regression below the level measured when this was written."""
    _assert_at_least(gold_report, GOLD_FLOOR, TARGET_FACT)


def test_dev_set(source):
    report = evaluate(source, DEV, verbose=True)
    assert sum(total for _, total in report["counts"].values()) >= 100
    _assert_at_least(report, DEV_FLOOR, TARGET_FACT)


@pytest.mark.parametrize(("name", "floor"), HOLDOUTS.items())
def test_holdout_floor(source, name, floor):
    """A former held-out set: no regression below its last measurement."""
    path = HERE.parent / "gold" / name
    report = evaluate(source, path, verbose=True)
    assert report["counts"], "the held-out set has no questions"
    _assert_at_least(report, floor, TARGET_FACT)


def test_unit_matching():
    answer = {"pasal": "21", "ayat": "4"}
    assert unit_matches(answer, "21")
    assert unit_matches(answer, "21(4)")
    assert not unit_matches(answer, "21(3)")
    assert not unit_matches(answer, "2")
    assert not unit_matches({"pasal": "21", "ayat": None}, "21(4)")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent))
    from capabilities.source import EmbeddedSource

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEV
    evaluate(EmbeddedSource(HERE.parent.parent / "data"), target, verbose=True)
