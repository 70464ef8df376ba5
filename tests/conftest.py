"""Shared fixtures: the real corpus parsed once, and one build of it per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extract.metadata import load_metadata
from extract.parse import parse_file
from perwali.build import DEFAULT_CORPUS_DIR, build

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PERWALI_SHARED_DIR", REPO.parent / "shared"))
TEST_DATA = Path(__file__).resolve().parent / "data"
CORPUS_IDS = (
    "palu-28-2023",
    "padang-panjang-48-2024",
    "tebing-tinggi-21-2024",
    "semarang-85-2023",
    "cilegon-17-2023",
)


@pytest.fixture(scope="session")
def corpus():
    """The five regulations parsed, by id."""
    overrides = load_metadata(DEFAULT_CORPUS_DIR)
    parsed = [
        parse_file(path, overrides.get(path.name))
        for path in sorted(DEFAULT_CORPUS_DIR.glob("*.txt"))
    ]
    return {regulation.id: regulation for regulation in parsed}


@pytest.fixture(scope="session")
def built_data(tmp_path_factory) -> Path:
    """A data folder holding a build of the real corpus (store and graph.nq)."""
    data_dir = tmp_path_factory.mktemp("build")
    report = build(DEFAULT_CORPUS_DIR, data_dir)
    assert not report.failures, report.failures
    return data_dir


@pytest.fixture(scope="session")
def jdih_dir() -> Path:
    path = SHARED / "jdih-samples"
    if not path.is_dir():
        pytest.fail(f"shared JDIH samples not found at {path} (set PERWALI_SHARED_DIR)")
    return path
