"""Accuracy of align against the blind-read gold (tests/gold/align_pairs.json).

For each gold pair, the predicted counterpart (a Pasal number, or null) must equal the
gold one; the accuracy is printed (``pytest -s``) and must be at least 0.9.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from capabilities.align import align
from capabilities.source import EmbeddedSource

GOLD = Path(__file__).resolve().parent.parent / "gold" / "align_pairs.json"
TARGET = 0.9


def test_alignment_accuracy_on_the_gold(built_data):
    if not GOLD.is_file():
        pytest.skip(f"no alignment gold at {GOLD}")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["pairs"]
    source = EmbeddedSource(built_data)
    predicted: dict[tuple[str, str], dict[str, str | None]] = {}
    right, total = Counter(), Counter()
    misses = []
    for item in gold:
        key = (item["a"], item["b"])
        if key not in predicted:
            result = align(source, *key)
            predicted[key] = {p.a.pasal: p.b.pasal if p.b else None for p in result.pairs}
        answer = predicted[key].get(item["a_pasal"], "missing")
        total[key] += 1
        if answer == item["b_pasal"]:
            right[key] += 1
        else:
            misses.append(
                f"{item['a']} {item['a_pasal']} -> {item['b']}: {answer}, gold {item['b_pasal']}"
            )
    accuracy = sum(right.values()) / sum(total.values())
    print(f"\nalignment accuracy {sum(right.values())}/{sum(total.values())} = {accuracy:.3f}")
    for key in total:
        print(f"  {key[0]} -> {key[1]}: {right[key]}/{total[key]}")
    print("  misses:\n    " + "\n    ".join(misses))
    assert accuracy >= TARGET
