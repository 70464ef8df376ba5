"""Counterpart provisions across regulations: ``align`` (two) and ``align_all`` (all).

For every Pasal of regulation A, :func:`align` gives its best counterpart among the Pasal
of B by :func:`capabilities.similarity.compare` (text, topics, norms, definitions,
headings), or none when even the best is not a counterpart.

The null threshold is read from the data, not set by hand. Every Pasal has a best
candidate in every other regulation, counterpart or not, so the best-candidate scores
of all ordered pairs of regulations form (at least) two populations: the "best of the
rest" of provisions with no counterpart (low) and real counterparts (higher; near-verbatim
ones highest). The threshold is the first minimum of their density (Gaussian kernel,
Silverman's bandwidth) above its lowest mode: where the population of non-counterparts
gives way. :data:`FALLBACK_THRESHOLD` is used when the density has no such minimum
(too few regulations to tell).

:func:`align_all` groups provisions across all regulations: two Pasal are joined when
each is the other's counterpart (mutual best, above the threshold); a group is a
connected set of such pairs, one row of the matrix, one column per regulation.
"""

from __future__ import annotations

import csv
import io
import statistics
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from capabilities.similarity import (
    ComparisonError,
    CorpusIndex,
    compare,
    corpus_index,
    require_regulation,
    score_matrix,
)
from capabilities.source import GraphSource, cached

FALLBACK_THRESHOLD = 0.35
FALLBACK_MODE = 0.25
_GRID = 400  # density evaluated on [0, 1] in steps of 1/_GRID


@dataclass(frozen=True)
class Provision:
    """A Pasal named as drafters cite it."""

    regulation: str
    pasal: str
    citation: str
    iri: str

    def to_json(self) -> dict:
        return {
            "regulation": self.regulation,
            "pasal": self.pasal,
            "citation": self.citation,
            "iri": self.iri,
        }


@dataclass(frozen=True)
class Pair:
    """The counterpart in B of one Pasal of A (``b`` None when there is none).

    ``score`` is the score of the best candidate (``nearest``) even when it falls
    below the threshold, so a reader sees how close the nearest provision came.
    """

    a: Provision
    b: Provision | None
    score: float
    nearest: Provision
    features: dict[str, float]
    mutual: bool = False  # accepted below the threshold: each is the other's best

    def to_json(self) -> dict:
        return {
            "a": self.a.pasal,
            "b": self.b.pasal if self.b else None,
            "score": self.score,
            "mutual": self.mutual,
            "a_citation": self.a.citation,
            "b_citation": self.b.citation if self.b else None,
            "a_iri": self.a.iri,
            "b_iri": self.b.iri if self.b else None,
            "nearest": None if self.b else self.nearest.pasal,
            "features": self.features,
        }


@dataclass(frozen=True)
class Alignment:
    """Every Pasal of ``a`` with its counterpart in ``b``: a best candidate at or above
    ``threshold`` is one; below it, down to ``mutual_threshold``, only when each of the
    two Pasal is the other's best candidate (``Pair.mutual``)."""

    a: str
    b: str
    threshold: float
    pairs: list[Pair]
    mutual_threshold: float = 0.0

    def to_json(self) -> dict:
        return {
            "a": self.a,
            "b": self.b,
            "threshold": self.threshold,
            "mutual_threshold": self.mutual_threshold,
            "pairs": [pair.to_json() for pair in self.pairs],
        }


@dataclass(frozen=True)
class Column:
    id: str
    place: str
    citation: str


@dataclass
class Row:
    """One group of counterpart provisions: the Pasal of each regulation in it."""

    cells: dict[str, list[Provision]] = field(default_factory=dict)
    score: float | None = None  # lowest score of the pairs that joined the group


@dataclass(frozen=True)
class AlignmentMatrix:
    """The five-way matrix: one row per provision group, one column per regulation."""

    columns: list[Column]
    threshold: float
    rows: list[Row]

    def to_json(self) -> dict:
        return {
            "regulations": [
                {"id": c.id, "place": c.place, "citation": c.citation} for c in self.columns
            ],
            "threshold": self.threshold,
            "rows": [
                {
                    "group": number,
                    "score": row.score,
                    "cells": {
                        c.id: [p.to_json() for p in row.cells.get(c.id, [])] for c in self.columns
                    },
                }
                for number, row in enumerate(self.rows, 1)
            ],
        }

    def to_csv(self) -> str:
        """A drafter's comparison matrix: a column per city, citations in the cells."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["kelompok", *[c.place for c in self.columns], "skor"])
        for number, row in enumerate(self.rows, 1):
            cells = ["; ".join(p.citation for p in row.cells.get(c.id, [])) for c in self.columns]
            writer.writerow([number, *cells, "" if row.score is None else row.score])
        return out.getvalue()


def align(source: GraphSource, reg_a: str, reg_b: str) -> Alignment:
    """The best counterpart in ``reg_b`` of every Pasal of ``reg_a`` (None below the
    threshold). Raises :class:`capabilities.similarity.UnknownRegulation`."""
    index = corpus_index(source)
    reg_a = require_regulation(index, reg_a)
    reg_b = require_regulation(index, reg_b)
    if reg_a == reg_b:
        raise ComparisonError(
            f"bandingkan dua peraturan yang berbeda, bukan {reg_a} dengan dirinya sendiri",
            f"compare two different regulations, not {reg_a} with itself",
        )
    scores = _scores(source)
    threshold = null_threshold(source)
    pairs = []
    for a in index.regulations[reg_a].pasal:
        candidates = scores.best.get((a, reg_b))
        if candidates is None:
            continue
        best, total, features = candidates
        nearest = _provision(index, best)
        matched = nearest if is_counterpart(source, a, reg_b) else None
        mutual = matched is not None and total < threshold
        pairs.append(Pair(_provision(index, a), matched, total, nearest, features, mutual))
    return Alignment(reg_a, reg_b, threshold, pairs, mutual_threshold(source))


def align_all(source: GraphSource) -> AlignmentMatrix:
    """Every Pasal of every regulation in groups of mutual counterparts."""
    return cached(source, "align.matrix", _matrix)


def null_threshold(source: GraphSource) -> float:
    """The score below which a best candidate is not a counterpart (see module doc)."""
    return cached(source, "align.thresholds", _thresholds)[1]


def mutual_threshold(source: GraphSource) -> float:
    """The lower bar for mutual best candidates: the lowest mode of the density."""
    return cached(source, "align.thresholds", _thresholds)[0]


def is_counterpart(source: GraphSource, pasal_iri: str, reg_b: str) -> bool:
    """Whether the best candidate in ``reg_b`` of a Pasal is its counterpart."""
    best = _scores(source).best
    found = best.get((pasal_iri, reg_b))
    if found is None:
        return False
    other, total, _ = found
    if total >= null_threshold(source):
        return True
    index = corpus_index(source)
    back = best.get((other, index.units[pasal_iri].regulation))
    return back is not None and back[0] == pasal_iri and total >= mutual_threshold(source)


def best_candidate(source: GraphSource, pasal_iri: str, reg_b: str) -> tuple[str, float] | None:
    """The most similar Pasal of ``reg_b`` to one Pasal, counterpart or not, and its score."""
    found = _scores(source).best.get((pasal_iri, reg_b))
    return (found[0], found[1]) if found else None


def counterpart(source: GraphSource, pasal_iri: str, reg_b: str) -> tuple[str | None, float]:
    """The counterpart IRI in ``reg_b`` of one Pasal (None below the threshold), with
    the score of the best candidate."""
    found = _scores(source).best.get((pasal_iri, reg_b))
    if found is None:
        return None, 0.0
    best, total, _ = found
    return (best if is_counterpart(source, pasal_iri, reg_b) else None), total


# --- scores, threshold and groups -------------------------------------------------------------
@dataclass(frozen=True)
class _Scores:
    #: (pasal IRI, other regulation id) -> (best IRI there, score, feature scores)
    best: dict[tuple[str, str], tuple[str, float, dict[str, float]]]


def _scores(source: GraphSource) -> _Scores:
    return cached(source, "align.scores", _all_best)


def _all_best(source: GraphSource) -> _Scores:
    """Score every pair of Pasal of different regulations once; keep each one's best."""
    index = corpus_index(source)
    best: dict[tuple[str, str], tuple[str, float, dict[str, float]]] = {}
    for reg_a, reg_b in combinations(index.regulations.values(), 2):
        rows, columns = list(reg_a.pasal), list(reg_b.pasal)
        if not rows or not columns:
            continue
        scores = score_matrix([index.profile(a) for a in rows], [index.profile(b) for b in columns])
        for one, others, matrix, reg in (
            (rows, columns, scores, reg_b),
            (columns, rows, scores.T, reg_a),
        ):
            for i, iri in enumerate(one):
                j = int(matrix[i].argmax())
                features = compare(index.profile(iri), index.profile(others[j])).parts
                best[(iri, reg.id)] = (others[j], float(matrix[i, j]), features)
    return _Scores(best)


def _thresholds(source: GraphSource) -> tuple[float, float]:
    values = [total for _, total, _ in _scores(source).best.values()]
    return density_split(values)


def density_valley(values: list[float]) -> float:
    """The first minimum of the kernel density of ``values`` above its lowest mode."""
    return density_split(values)[1]


def density_split(values: list[float]) -> tuple[float, float]:
    """The lowest mode of the kernel density of ``values`` and the first minimum above it
    (:data:`FALLBACK_MODE`, :data:`FALLBACK_THRESHOLD` when there is no such minimum)."""
    fallback = (FALLBACK_MODE, FALLBACK_THRESHOLD)
    if len(values) < 8:
        return fallback
    spread = statistics.pstdev(values)
    quartiles = statistics.quantiles(values, n=4)
    width = 0.9 * min(spread, (quartiles[2] - quartiles[0]) / 1.34) * len(values) ** -0.2
    if width <= 0:
        return fallback
    grid = np.linspace(0.0, 1.0, _GRID + 1)
    density = np.exp(-0.5 * ((grid[:, None] - np.array(values)[None, :]) / width) ** 2).sum(1)
    mode = None
    for i in range(1, _GRID):
        if mode is None and density[i] >= density[i - 1] and density[i] > density[i + 1]:
            mode = float(grid[i])
        elif mode is not None and density[i] < density[i - 1] and density[i] <= density[i + 1]:
            return round(mode, 4), round(float(grid[i]), 4)
    return fallback


def _matrix(source: GraphSource) -> AlignmentMatrix:
    index = corpus_index(source)
    threshold = mutual_threshold(source)
    best = _scores(source).best
    parent = {iri: iri for reg in index.regulations.values() for iri in reg.pasal}
    weakest: dict[str, float] = {}

    def root(iri: str) -> str:
        while parent[iri] != iri:
            parent[iri] = parent[parent[iri]]
            iri = parent[iri]
        return iri

    for (a, _), (b, total, _) in best.items():
        mutual = best.get((b, index.units[a].regulation), ("",))[0] == a
        if total >= threshold and mutual and a < b:
            ra, rb = root(a), root(b)
            low = min(total, weakest.get(ra, 1.0), weakest.get(rb, 1.0))
            parent[rb] = ra
            weakest[ra] = low
    groups: dict[str, Row] = {}
    for iri in parent:
        row = groups.setdefault(root(iri), Row())
        unit = index.units[iri]
        row.cells.setdefault(unit.regulation, []).append(_provision(index, iri))
    for key, row in groups.items():
        row.score = weakest.get(key)
    rows = sorted(groups.values(), key=lambda row: _row_order(index, row))
    columns = [Column(r.id, r.place, r.citation) for r in index.regulations.values()]
    return AlignmentMatrix(columns, threshold, rows)


def _row_order(index: CorpusIndex, row: Row) -> tuple[float, int]:
    """Rows follow the documents: mean relative position of the group's Pasal."""
    places = [
        index.regulations[reg].pasal.index(p.iri) / max(1, len(index.regulations[reg].pasal))
        for reg, provisions in row.cells.items()
        for p in provisions
    ]
    return (sum(places) / len(places), -len(row.cells))


def _provision(index: CorpusIndex, iri: str) -> Provision:
    unit = index.units[iri]
    return Provision(unit.regulation, unit.number, unit.citation, iri)
