"""align and align_all over a build of the real corpus."""

from __future__ import annotations

import csv
import io
import json

import pytest

from capabilities.align import (
    align,
    align_all,
    density_split,
    mutual_threshold,
    null_threshold,
)
from capabilities.similarity import ComparisonError, UnknownRegulation, corpus_index
from capabilities.source import EmbeddedSource
from tests.conftest import CORPUS_IDS

PALU, TEBING, SEMARANG = "palu-28-2023", "tebing-tinggi-21-2024", "semarang-85-2023"


@pytest.fixture(scope="module")
def source(built_data):
    return EmbeddedSource(built_data)


def pairs_of(source, reg_a, reg_b) -> dict[str, str | None]:
    return {
        pair.a.pasal: pair.b.pasal if pair.b else None for pair in align(source, reg_a, reg_b).pairs
    }


def test_every_pasal_of_a_gets_one_answer_in_document_order(source):
    result = align(source, PALU, TEBING)
    assert [pair.a.pasal for pair in result.pairs] == [str(n) for n in range(1, 33)]
    assert all(0.0 <= pair.score <= 1.0 for pair in result.pairs)


def test_counterparts_of_renumbered_articles(source):
    pairs = pairs_of(source, PALU, TEBING)
    # Palu's Pasal 20-31 are Tebing Tinggi's Pasal 8-19: same matter, numbers shifted by 12
    assert {str(n): pairs[str(n)] for n in range(20, 32)} == {
        str(n): str(n - 12) for n in range(20, 32)
    }
    assert pairs["1"] == "1" and pairs["32"] == "20"


def test_provisions_with_no_counterpart_are_null(source):
    pairs = pairs_of(source, PALU, TEBING)
    # Palu's chapter on the kinds of ASN posts (Pasal 3-11) has no match in Tebing Tinggi
    assert all(pairs[str(n)] is None for n in range(3, 12))
    assert pairs_of(source, SEMARANG, PALU)["18"] is None  # monitoring dan evaluasi


def test_null_pair_names_its_nearest_candidate_below_the_threshold(source):
    result = align(source, PALU, TEBING)
    pair = next(p for p in result.pairs if p.a.pasal == "9")
    assert pair.b is None and pair.nearest.regulation == TEBING
    assert pair.score < result.threshold
    as_json = pair.to_json()
    assert as_json["b"] is None and as_json["nearest"] == pair.nearest.pasal


def test_json_contract(source):
    data = json.loads(json.dumps(align(source, PALU, TEBING).to_json()))
    first = data["pairs"][20]
    assert {"a", "b", "score"} <= set(first)
    assert (first["a"], first["b"]) == ("21", "9")
    assert first["a_citation"] == "Pasal 21 Peraturan Wali Kota Palu Nomor 28 Tahun 2023"
    assert first["b_iri"].endswith("/eli/id-tebing-tinggi/perwal/2024/21/pasal/9")
    assert set(first["features"]) >= {"text", "topics"}


def test_thresholds_are_read_from_the_data(source):
    low, valley = mutual_threshold(source), null_threshold(source)
    assert 0.0 < low < valley < 1.0


def test_alignment_is_cached_per_generation(source):
    assert align_all(source) is align_all(source)
    assert corpus_index(source) is corpus_index(source)


def test_unknown_regulation_suggests_ids(source):
    with pytest.raises(UnknownRegulation) as caught:
        align(source, "palu-28", TEBING)
    assert "palu-28-2023" in str(caught.value) and "palu-28-2023" in caught.value.english


def test_a_regulation_is_not_aligned_with_itself(source):
    with pytest.raises(ComparisonError):
        align(source, PALU, PALU)


def test_matrix_puts_every_pasal_in_exactly_one_row(source):
    matrix = align_all(source)
    assert [c.id for c in matrix.columns] == sorted(CORPUS_IDS)
    seen = [p.iri for row in matrix.rows for cells in row.cells.values() for p in cells]
    index = corpus_index(source)
    assert sorted(seen) == sorted(iri for reg in index.regulations.values() for iri in reg.pasal)


def test_matrix_groups_counterparts_across_the_five(source):
    rows = align_all(source).rows

    def row_of(reg: str, pasal: str):
        return next(r for r in rows if any(p.pasal == pasal for p in r.cells.get(reg, [])))

    entry_into_force = row_of(PALU, "32")
    assert {reg: [p.pasal for p in cells] for reg, cells in entry_into_force.cells.items()} == {
        "cilegon-17-2023": ["16"],
        "padang-panjang-48-2024": ["18"],
        PALU: ["32"],
        SEMARANG: ["19"],
        TEBING: ["20"],
    }
    assert [p.pasal for p in row_of(PALU, "21").cells[TEBING]] == ["9"]
    assert set(row_of(SEMARANG, "11").cells) == {SEMARANG}  # found nowhere else


def test_matrix_csv_has_a_column_per_city_and_citations_in_cells(source):
    matrix = align_all(source)
    table = list(csv.reader(io.StringIO(matrix.to_csv())))
    assert table[0] == ["kelompok", *[c.place for c in matrix.columns], "skor"]
    assert len(table) == len(matrix.rows) + 1
    palu = table[0].index("Kota Palu")
    assert "Pasal 21 Peraturan Wali Kota Palu Nomor 28 Tahun 2023" in [row[palu] for row in table]


def test_matrix_json(source):
    data = align_all(source).to_json()
    assert [r["id"] for r in data["regulations"]] == sorted(CORPUS_IDS)
    assert all(set(row["cells"]) == set(CORPUS_IDS) for row in data["rows"])


@pytest.mark.parametrize(
    ("values", "expected_valley"),
    [
        ([0.1, 0.12, 0.15, 0.18, 0.2, 0.22, 0.8, 0.82, 0.85, 0.9, 0.92, 0.95], (0.3, 0.7)),
        ([0.2, 0.25, 0.3, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.65, 0.9, 0.95, 1.0, 1.0], (0.5, 0.9)),
    ],
)
def test_density_valley_lies_between_the_populations(values, expected_valley):
    mode, valley = density_split(values)
    low, high = expected_valley
    assert mode < valley and low < valley < high


def test_density_split_falls_back_on_too_few_values():
    assert density_split([0.5, 0.6]) == (0.25, 0.35)
    assert density_split([0.5] * 20) == (0.25, 0.35)  # no spread, no valley
