"""Any text given as a citation to diff: an answer or a ComparisonError, nothing else."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capabilities.diff import diff, resolve_provision
from capabilities.similarity import ComparisonError, corpus_index
from capabilities.source import EmbeddedSource

PIECES = ["Pasal", "pasal", "ayat", "huruf", "(4)", "21", "a", "palu-28-2023", "Peraturan",
          "Wali Kota", "Palu", "Nomor 28", "Tahun 2023", "Perwali", "/", "-", "  ", "\n", "ﾟ", "0"]  # fmt: skip


WORDS = re.compile(r"\w+")


@pytest.fixture(scope="module")
def source(built_data):
    return EmbeddedSource(built_data)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(st.text(max_size=120), st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join))
)
def test_any_text_resolves_or_is_refused(source, text):
    try:
        iri = resolve_provision(source, text)
    except ComparisonError as error:
        assert error.message and error.english
    else:
        assert iri in corpus_index(source).units


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(["palu-28-2023 21", "semarang-85-2023 10 6", "cilegon-17-2023 8 1 a"]),
       st.sampled_from(["tebing-tinggi-21-2024 9", "padang-panjang-48-2024 13", "palu-28-2023 1"]))  # fmt: skip
def test_any_two_provisions_compare_without_losing_a_word(source, a, b):
    result = diff(source, a, b)
    assert 0.0 <= result.similarity <= 1.0
    for unit in result.units:
        for side in ("a", "b"):
            own = getattr(unit, side)
            words = WORDS.findall(" ".join(getattr(run, side) for run in unit.runs))
            assert words == (WORDS.findall(own.text) if own else [])
