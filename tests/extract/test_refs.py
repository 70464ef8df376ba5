"""References over the five regulations: the JSON contract, the gold set, speed."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from extract.refs import find_references, refs_json
from extract.refs_find import reference_pipeline
from tests.conftest import CORPUS_IDS

GOLD = json.loads(
    (Path(__file__).resolve().parent.parent / "gold" / "refs.json").read_text("utf-8")
)
THRESHOLD = 0.9


def _path(address: dict) -> str:
    keys = [k for k in address if k not in ("regulation", "iri")]
    return "/".join(
        address[k] if k == "bagian" else f"{k}/{address[k]}"  # "lampiran/I/huruf/B/angka/1"
        for k in keys
        if address[k] is not None
    )


def _target(row: dict) -> str | None:
    to = row["to"]
    if to is None:
        return None
    if row["kind"] == "external":
        pinpoint = _path({k: to[k] for k in ("pasal", "ayat", "huruf")})
        return f"{to['regulation']} {pinpoint}".strip()
    return _path(to)


def _key(regulation: str, source: str, kind: str, target: str | None, text: str) -> tuple:
    # unresolved references are told apart by their phrase
    return (regulation, source, kind, target if target is not None else f"unresolved: {text}")


def _gold() -> tuple[set[tuple], set[tuple[str, str]]]:
    expected, covered = set(), set()
    for entry in GOLD["references"]:
        targets = entry["to"] if isinstance(entry["to"], list) else [entry["to"]]
        for target in targets:
            expected.add(
                _key(entry["regulation"], entry["from"], entry["kind"], target, entry["text"])
            )
        covered.add((entry["regulation"], entry["from"]))
    for item in GOLD["covered_without_refs"]:
        covered.add(tuple(item.split(" ", 1)))
    return expected, covered


def _found(corpus, covered) -> set[tuple]:
    found = set()
    for reg_id in CORPUS_IDS:
        for row in refs_json(corpus[reg_id]):
            source = _path(row["from"])
            if (reg_id, source) in covered:
                found.add(_key(reg_id, source, row["kind"], _target(row), row["text"]))
    return found


def test_gold_set_is_large_and_spans_the_corpus():
    expected, covered = _gold()
    assert len(expected) >= 30
    assert {reg for reg, _ in covered} == set(CORPUS_IDS)
    assert {key[2] for key in expected} == {"internal", "external", "lampiran"}


def test_precision_and_recall_against_the_gold_set(corpus):
    expected, covered = _gold()
    found = _found(corpus, covered)
    true = found & expected
    precision = len(true) / len(found) if found else 0.0
    recall = len(true) / len(expected)
    print(
        f"\nrefs gold: {len(expected)} references in {len(covered)} provisions; "
        f"precision {precision:.3f} recall {recall:.3f}"
    )
    for missing in sorted(expected - found):
        print("  missed:", missing)
    for extra in sorted(found - expected):
        print("  spurious:", extra)
    assert precision >= THRESHOLD
    assert recall >= THRESHOLD


def test_json_contract(corpus):
    rows = refs_json(corpus["palu-28-2023"])
    for row in rows:
        assert {"from", "to", "text", "resolved", "kind"} <= set(row)
        assert row["kind"] in ("internal", "external", "lampiran")
        assert {"pasal", "ayat", "huruf"} <= set(row["from"])
        assert (row["to"] is None) == (not row["resolved"])
        if row["to"] is not None:
            assert {"regulation", "pasal", "ayat", "huruf"} <= set(row["to"])
    json.dumps(rows)


def test_a_range_gives_one_row_per_target_each_with_the_phrase(corpus):
    rows = [
        r
        for r in refs_json(corpus["palu-28-2023"])
        if r["from"] == {"pasal": "31", "ayat": "2", "huruf": None}
    ]
    assert [r["to"]["pasal"] for r in rows] == [str(n) for n in range(12, 29)]
    assert {r["text"] for r in rows} == {"Pasal 12 sampai dengan Pasal 28"}


def test_menimbang_rows(corpus):
    rows = [r for r in refs_json(corpus["padang-panjang-48-2024"]) if r["from"].get("menimbang")]
    external = next(r for r in rows if r["kind"] == "external")
    assert external["from"] == {"pasal": None, "ayat": None, "huruf": None, "menimbang": "c"}
    assert external["to"]["regulation"] == "id/permenpanrb/2022/7"
    assert external["to"]["pasal"] == "25"
    assert external["to"]["iri"].endswith("/eli/id/permenpanrb/2022/7")
    internal = [r["to"]["menimbang"] for r in rows if r["kind"] == "internal"]
    assert internal == ["a", "b", "c"]


def test_uud_pinpoint_is_external_not_internal(corpus):
    rows = [r for r in refs_json(corpus["palu-28-2023"]) if r["from"].get("mengingat") == "1"]
    assert [
        (r["kind"], r["to"]["regulation"], r["to"]["pasal"], r["to"]["ayat"]) for r in rows
    ] == [("external", "id/uud/1945", "18", "6")]


def test_lampiran_rows(corpus):
    cilegon = [r for r in refs_json(corpus["cilegon-17-2023"]) if r["kind"] == "lampiran"]
    assert cilegon and all(r["to"]["lampiran"] == "I" and r["resolved"] for r in cilegon)
    assert cilegon[0]["to"]["regulation"] == "cilegon-17-2023"
    padang = [r for r in refs_json(corpus["padang-panjang-48-2024"]) if r["kind"] == "lampiran"]
    assert [r["text"] for r in padang] == [f"Lampiran {n}" for n in ("I", "II", "III", "IV", "V")]
    assert not any(r["resolved"] for r in padang)  # the annexes are not in the text


def test_references_keep_offsets_and_provenance(corpus):
    for regulation in corpus.values():
        texts = {item_iri: text for item_iri, text in _texts(regulation)}
        for ref in find_references(regulation):
            assert texts[ref.source][ref.start : ref.end] == ref.text
            assert ref.component in ("reference_atoms", "instrument_citations")


def _texts(regulation):
    from extract.iri import Iri

    root = Iri(regulation.work)
    yield from ((root.child("menimbang", i.number), i.text) for i in regulation.menimbang)
    yield from ((root.child("mengingat", i.number), i.text) for i in regulation.mengingat)
    yield from ((u.iri, u.text) for u in regulation.units())


@pytest.mark.parametrize("reg_id", CORPUS_IDS)
def test_every_regulation_has_references(corpus, reg_id):
    kinds = {ref.kind for ref in find_references(corpus[reg_id])}
    assert {"internal", "external"} <= kinds


def test_speed(corpus):
    reference_pipeline()  # built once per process, outside the measure
    start = time.perf_counter()
    for reg_id in CORPUS_IDS:
        find_references(corpus[reg_id])
    elapsed = time.perf_counter() - start
    print(f"\nrefs over the five regulations: {elapsed:.3f} s")
    assert elapsed < 2.0


def test_lampiran_text_is_read(corpus):
    """Cilegon's Lampiran is read (every part a source); it cites nothing (gold set)."""
    regulation = corpus["cilegon-17-2023"]
    parts = [u for annex in regulation.lampiran for u in annex.walk() if u.text]
    assert len(parts) > 50
    assert not [r for r in refs_json(regulation) if r["from"].get("lampiran")]


def _jdih_rows(jdih_dir, name: str) -> list[dict]:
    from extract.parse import parse_file

    return refs_json(parse_file(jdih_dir / name, None))


def test_real_texts_lower_case_lampiran_and_lampiran_sources(jdih_dir):
    """Forms the five lack, in real JDIH texts: "tercantum dalam lampiran yang merupakan
    bagian …" (Surabaya Perwali 68/2021 Pasal 3 ayat (4)); an instrument cited in Lampiran
    text (Donggala Perbup 24/2025, Lampiran III part C)."""
    surabaya = _jdih_rows(jdih_dir, "kota-surabaya-perwali-68-2021.txt")
    [row] = [
        r
        for r in surabaya
        if r["from"]["pasal"] == "3" and r["from"]["ayat"] == "4" and r["kind"] == "lampiran"
    ]
    assert (row["text"], row["to"]["lampiran"]) == ("lampiran", "I")
    donggala = _jdih_rows(jdih_dir, "kab-donggala-perbup-24-2025.txt")
    [row] = [r for r in donggala if r["from"].get("lampiran")]
    assert row["from"] == {
        "pasal": None,
        "ayat": None,
        "huruf": None,
        "lampiran": "III",
        "bagian": "huruf/C",
    }
    assert (row["kind"], row["to"]["regulation"]) == ("external", "kab-donggala-1-2019")


def test_real_texts_reverse_order(jdih_dir):
    """Madiun Perda DPRD 1/2024 (an amendment): "Ketentuan ayat (5) Pasal 29 diubah" is one
    address, Pasal 29 ayat (5) (of the amended regulation, so unresolved here)."""
    rows = _jdih_rows(jdih_dir, "kota-madiun-perdprd-1-2024.txt")
    item_10 = [
        r["text"]
        for r in rows
        if r["from"] == {**dict.fromkeys(("ayat", "huruf")), "pasal": "I", "angka": "10"}
    ]
    assert item_10 == ["ayat (5) Pasal 29", "Pasal 29"]
    texts = [r["text"] for r in rows if r["kind"] == "internal"]
    assert texts.count("angka 1, angka 6, dan angka 7 huruf c ayat (1)") == 3  # one per item
