"""Evaluation of ``ask`` on question sets with gold answers.

Eight sets, one format (see tests/gold/README.md), each written from the texts by a reader
who did not see the code (the development set excepted):

=========================================  ===========================================
``tests/gold/ask_questions.json``          the blind gold set: odd ids tuned on, even
                                           ids only watched (their misses never read)
``tests/capabilities/ask_dev_questions.json``  the development set (by the first author)
``tests/gold/ask_questions_holdout.json``  held out until 2026-12-02, then retired to
``…_holdout2.json``, ``…_holdout3.json``   development: their misses read and tuned on
``tests/gold/ask_questions_holdout4.json`` blind: never tuned on, its misses not read;
                                           its totals guarded the last stop's changes
``…_holdout5.json``, ``…_holdout6.json``   blind and held out: never tuned on, misses
                                           not read; run at the start and end only
=========================================  ===========================================

Per regulation, top-1 accuracy: for each question that expects something of a regulation,
the regulation's first answer (its first entry in ``answers``) must be one of the
expected units ("21" = any unit of Pasal 21, "21(4)" = Pasal 21 ayat (4) or below), and a
regulation listed in the question's ``not_regulated`` must be in ``not_regulated``.
Facts: the answer's regulation is the expected one and its value holds every expected
string (case-insensitively; a date as the texts write it may appear in ISO form). Run as a
script to see every miss: ``python tests/capabilities/test_ask_eval.py [FILE]``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "gold" / "ask_questions.json"
DEV = HERE / "ask_dev_questions.json"
TARGET_TOPIC = 0.95
TARGET_FACT = 1.0
#: measured 0.966-0.983 per regulation after the last stop's passes (cilegon 0.967,
#: padang-panjang 0.966, palu 0.966, semarang 0.983, tebing-tinggi 0.966; facts 1.0);
#: 0.948-0.966 before them, 0.80-0.85 at the first measurement
GOLD_FLOOR = 0.95
DEV_FLOOR = 0.96  # measured 0.977-1.0 per regulation (0.950-0.977 before the passes)
#: Each further set and its floor (the lowest regulation, less a margin for the small
#: moves between builds of the day's extraction). Measured per regulation, cilegon /
#: padang-panjang / palu / semarang / tebing-tinggi, facts 1.0 on every set:
#:
#: - set 1: 0.733-0.900 while blind; 0.933 / 0.900 / 1.000 / 0.933 / 0.967 now;
#: - set 2: 0.719-0.844 while blind; 1.000 / 0.969 / 0.969 / 0.969 / 0.969 now;
#: - set 3: 0.625-0.688 while blind (facts 7/8: an English date); 0.906 / 0.969 / 0.969 /
#:   0.969 / 1.000 now;
#: - set 4 (blind, its totals read after each change of the last stop): 0.750 / 0.719 /
#:   0.719 / 0.719 / 0.906 with the code of the start of the stop before, 0.812 / 0.875 /
#:   0.844 / 0.812 / 0.938 at the start of the last, 0.875 / 0.938 / 0.844 / 0.875 /
#:   0.938 now;
#: - set 5 (blind): 0.656 / 0.844 / 0.875 / 0.812 / 0.875 at the start of the last stop,
#:   0.781 / 0.875 / 0.875 / 0.812 / 0.906 now;
#: - set 6 (blind): 0.719 / 0.812 / 0.719 / 0.875 / 0.812 at the start of the last stop,
#:   0.875 / 0.844 / 0.781 / 0.875 / 0.812 now.
HOLDOUTS = {
    "ask_questions_holdout.json": 0.85,
    "ask_questions_holdout2.json": 0.92,
    "ask_questions_holdout3.json": 0.86,
    "ask_questions_holdout4.json": 0.80,
    "ask_questions_holdout5.json": 0.74,
    "ask_questions_holdout6.json": 0.74,
}


def unit_matches(answer: dict, expected: str) -> bool:
    """Whether an answer (pasal, ayat) is the expected unit or inside it."""
    pasal, _, ayat = expected.partition("(")
    if answer["pasal"] != pasal.strip():
        return False
    return not ayat or answer.get("ayat") == ayat.rstrip(")").strip()


MONTHS_ID = (
    "januari februari maret april mei juni juli agustus september oktober november desember"
).split()
DATE_ID = re.compile(r"^(\d{1,2}) (\w+) (\d{4})$")


def date_forms(text: str) -> list[str]:
    """A gold string, and for a date as the texts write it ("26 Agustus 2024") its ISO
    form too: an English answer gives the date in English with its ISO form beside it
    ("26 August 2024 (2024-08-26)"), which is the same date."""
    match = DATE_ID.match(text.strip().lower())
    if not match or match.group(2) not in MONTHS_ID:
        return [text]
    day, month, year = match.groups()
    return [text, f"{year}-{MONTHS_ID.index(month) + 1:02d}-{int(day):02d}"]


def judge(question: dict, result: dict) -> list[tuple[str, bool, str]]:
    """(regulation or "fact", correct, what was answered) for every check of a question."""
    if question["kind"] == "fact":
        fact = result.get("fact") or {}
        gold = question["fact"]
        value = (fact.get("value") or "").lower()
        ok = fact.get("regulation") == gold["regulation"] and all(
            any(form.lower() in value for form in date_forms(text)) for text in gold["contains"]
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
    """A further question set (retired held-out or blind): no regression below its floor."""
    path = HERE.parent / "gold" / name
    report = evaluate(source, path, verbose=True)
    assert report["counts"], "the held-out set has no questions"
    _assert_at_least(report, floor, TARGET_FACT)


def test_a_date_matches_in_the_texts_form_or_iso():
    assert date_forms("26 Agustus 2024") == ["26 Agustus 2024", "2024-08-26"]
    assert date_forms("5 Juni 2023") == ["5 Juni 2023", "2023-06-05"]
    assert date_forms("KAMLAN") == ["KAMLAN"]
    assert date_forms("26 August 2024") == ["26 August 2024"]


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
