"""unique over a build of the real corpus."""

from __future__ import annotations

import json

import pytest

from capabilities.align import null_threshold
from capabilities.similarity import UnknownRegulation
from capabilities.source import EmbeddedSource
from capabilities.unique import ayat_threshold, unique


@pytest.fixture(scope="module")
def source(built_data):
    return EmbeddedSource(built_data)


def keys(found) -> list[tuple[str, str, str | None]]:
    return [(u.level, u.pasal, u.ayat) for u in found]


def test_semarang_golongan_floor_and_tambahan_penghasilan(source):
    found = unique(source, "semarang-85-2023")
    by_key = {(u.pasal, u.ayat): u for u in found}
    floor = by_key[("10", "6")]  # Ketua Tim paling rendah golongan IIIa
    assert floor.level == "ayat" and "golongan IIIa" in floor.text
    assert floor.counterparts and "tetapi ayat (6)" in floor.reason
    bonus = by_key[("11", None)]  # tambahan penghasilan for a Ketua Tim
    assert "tambahan penghasilan" in bonus.text
    assert ("pasal", "18", None) in keys(found)  # monitoring dan evaluasi


def test_palu_chapter_on_asn_posts_is_its_own(source):
    found = keys(unique(source, "palu-28-2023"))
    assert [("pasal", str(n), None) for n in range(2, 12)] == found[:10]
    assert ("pasal", "21", None) not in found  # cross-PD teams: Tebing Tinggi has them


def test_every_finding_has_a_reason_and_only_weaker_candidates(source):
    found = unique(source, "semarang-85-2023")
    for item in found:
        assert item.reason and len(item.nearest) == 4
        bar = (
            null_threshold(source)
            if item.level == "pasal" and not item.counterparts
            else ayat_threshold(source)
        )
        assert all(n.score < bar for n in item.nearest)


def test_document_order_and_json(source):
    found = unique(source, "semarang-85-2023")
    numbers = [int(u.pasal) for u in found]
    assert numbers == sorted(numbers)
    data = json.loads(json.dumps(found[0].to_json()))
    assert {"level", "pasal", "ayat", "citation", "iri", "text", "reason", "nearest"} <= set(data)


def test_unknown_regulation(source):
    with pytest.raises(UnknownRegulation, match="semarang-85-2023"):
        unique(source, "semarang-2023")
