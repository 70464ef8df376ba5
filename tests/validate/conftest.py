"""Fixtures for the validation tests: the graph source of a real build, a runner."""

from __future__ import annotations

import pytest

from capabilities.source import EmbeddedSource
from capabilities.validate import validate_graph
from capabilities.validate.input_csv import read_tables


@pytest.fixture(scope="session")
def source(built_data):
    return EmbeddedSource(built_data)


@pytest.fixture(scope="session")
def findings(source):
    """``findings(tables, reg)`` -> {(rule, subject, provision tail, severity)}."""

    def run(tables, regulation, lang="id"):
        report = validate_graph(source, read_tables(tables, "test"), regulation, lang)
        return {(f.rule, f.subject, _tail(f.provision), f.severity[0]) for f in report.findings}

    return run


def _tail(provision: str) -> str:
    return provision.split("/pasal/", 1)[1]
