"""Fixtures of the ontology tests: the built ontology as an rdflib graph, sample data."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from ontology.build import ONTOLOGY_DIR, TURTLE_FILE

SAMPLE = Path(__file__).parent / "data" / "sample.trig"


@pytest.fixture(scope="session")
def ontology_graph() -> rdflib.Graph:
    """The committed ``ontology/perwali.ttl``."""
    return rdflib.Graph().parse(ONTOLOGY_DIR / TURTLE_FILE, format="turtle")


@pytest.fixture(scope="session")
def sample_data() -> Path:
    """A hand-made TriG sample covering every class the regulation graph uses."""
    return SAMPLE
