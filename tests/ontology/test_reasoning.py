"""HermiT: the ontology alone, and with the regulation graph, is consistent."""

from __future__ import annotations

import time

import pytest

from ontology.reasoning import InconsistencyError, check_consistency

pytestmark = pytest.mark.reasoner

BROKEN = """
@prefix pw: <https://w3id.org/perwali-kg/ontology#> .
<https://example.org/pasal/1> a pw:Pasal .
<https://example.org/norm/1> a pw:Obligation ; pw:bearer <https://example.org/pasal/1> .
"""


def test_ontology_is_consistent():
    assert check_consistency().triples == 0


def test_ontology_with_sample_is_consistent(sample_data):
    report = check_consistency([sample_data])
    assert report.triples > 100


def test_inconsistency_is_reported_with_its_likely_cause(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text(BROKEN)
    with pytest.raises(InconsistencyError) as caught:
        check_consistency([broken])
    message = str(caught.value)
    assert "inconsistent" in message
    assert "<https://example.org/pasal/1> is both" in message and "range of" in message


def test_ontology_with_the_five_regulations_is_consistent(request):
    """Needs ``built_data`` (tests/conftest.py): a data dir with ``graph.nq``."""
    try:
        data_dir = request.getfixturevalue("built_data")
    except pytest.FixtureLookupError:
        pytest.skip("no built_data fixture yet (tests/conftest.py)")
    start = time.perf_counter()
    report = check_consistency([data_dir / "graph.nq"])
    elapsed = time.perf_counter() - start
    print(f"HermiT: {report.triples} triples, {report.seconds:.1f} s ({elapsed:.1f} s in all)")
    assert report.triples > 1000
