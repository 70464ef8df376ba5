"""Provisions of one regulation with no counterpart in any other: ``unique(source, reg_id)``.

A Pasal is unique when :func:`capabilities.align.align` finds no counterpart for it in any
other regulation of the build. Where the Pasal does have a counterpart, its content is
checked provision by provision: each ayat (or the Pasal itself when it has no ayat)
against every ayat and every ayat-less Pasal of the other regulations, with its own null
threshold read from the data as for Pasal (the density valley of the best scores of all
such provisions, :func:`capabilities.align.density_valley`). Each finding says why: where
the Pasal's counterparts are, and the nearest provision in each other regulation.
"""

from __future__ import annotations

from dataclasses import dataclass

from capabilities.align import best_candidate, counterpart, density_valley, null_threshold
from capabilities.similarity import (
    UNIT_WEIGHTS,
    CorpusIndex,
    corpus_index,
    require_regulation,
    score_matrix,
)
from capabilities.source import GraphSource, cached


@dataclass(frozen=True)
class Nearest:
    """The most similar provision in another regulation (not similar enough)."""

    regulation: str
    citation: str
    iri: str
    score: float

    def to_json(self) -> dict:
        return {
            "regulation": self.regulation,
            "citation": self.citation,
            "iri": self.iri,
            "score": self.score,
        }


@dataclass(frozen=True)
class UniqueProvision:
    """A Pasal or ayat found in no other regulation, with the reason."""

    level: str  # "pasal" or "ayat"
    pasal: str
    ayat: str | None
    citation: str
    iri: str
    text: str
    reason: str
    threshold: float
    counterparts: list[str]  # citations of the Pasal's counterparts (content level only)
    nearest: list[Nearest]

    def to_json(self) -> dict:
        return {
            "level": self.level,
            "pasal": self.pasal,
            "ayat": self.ayat,
            "citation": self.citation,
            "iri": self.iri,
            "text": self.text,
            "reason": self.reason,
            "threshold": self.threshold,
            "pasal_counterparts": self.counterparts,
            "nearest": [n.to_json() for n in self.nearest],
        }


def unique(source: GraphSource, reg_id: str) -> list[UniqueProvision]:
    """The Pasal and ayat of ``reg_id`` with no counterpart in the other regulations,
    in document order. Raises :class:`capabilities.similarity.UnknownRegulation`."""
    index = corpus_index(source)
    reg_id = require_regulation(index, reg_id)
    others = [r for r in index.regulations if r != reg_id]
    found: list[UniqueProvision] = []
    for pasal in index.regulations[reg_id].pasal:
        matches = [counterpart(source, pasal, other)[0] for other in others]
        present = [index.units[iri].citation for iri in matches if iri]
        if not present:
            found.append(_unique_pasal(source, index, pasal, others))
            continue
        for unit in _provisions_of(index, pasal):
            item = _unique_content(source, index, unit, others, present)
            if item is not None:
                found.append(item)
    return found


def ayat_threshold(source: GraphSource) -> float:
    """The null threshold for ayat (and Pasal without ayat) compared one by one, read
    from the data like the one for Pasal."""
    return cached(source, "unique.ayat_threshold", _ayat_threshold)


def _unique_pasal(
    source: GraphSource, index: CorpusIndex, pasal: str, others: list[str]
) -> UniqueProvision:
    unit = index.units[pasal]
    threshold = null_threshold(source)
    nearest = [_nearest(index, best_candidate(source, pasal, other)) for other in others]
    nearest = [n for n in nearest if n]
    reason = f"tidak ada padanan di {len(others)} peraturan lain (ambang {threshold})"
    return _finding(index, "pasal", unit, reason + _closest(nearest), threshold, [], nearest)


def _unique_content(
    source: GraphSource, index: CorpusIndex, iri: str, others: list[str], present: list[str]
) -> UniqueProvision | None:
    """An ayat (or a Pasal without ayat) whose Pasal has counterparts, checked on its own
    content; None when some other regulation has a provision close enough."""
    threshold = ayat_threshold(source)
    best = _best_units(source)
    nearest = [n for n in (_nearest(index, best.get((iri, other))) for other in others) if n]
    if any(n.score >= threshold for n in nearest):
        return None
    unit = index.units[iri]
    pasal = index.pasal_of(iri)
    what = f"ayat ({unit.number})" if unit.kind == "ayat" else "isinya"
    reason = (
        f"{pasal.local_label} berpadanan dengan {'; '.join(present)}, tetapi {what} "
        f"tidak memiliki padanan di {len(others)} peraturan lain (ambang {threshold})"
    )
    return _finding(index, unit.kind, unit, reason + _closest(nearest), threshold, present, nearest)


def _finding(index, level, unit, reason, threshold, present, nearest) -> UniqueProvision:
    pasal = index.pasal_of(unit.iri)
    return UniqueProvision(
        level=level,
        pasal=pasal.number,
        ayat=unit.number if unit.kind == "ayat" else None,
        citation=unit.citation,
        iri=unit.iri,
        text=index.subtree_text(unit.iri),
        reason=reason,
        threshold=threshold,
        counterparts=present,
        nearest=nearest,
    )


def _closest(nearest: list[Nearest]) -> str:
    closest = max(nearest, key=lambda n: n.score, default=None)
    return f"; yang paling mirip {closest.citation} (skor {closest.score})" if closest else ""


def _nearest(index: CorpusIndex, found: tuple[str, float] | None) -> Nearest | None:
    if found is None:
        return None
    unit = index.units[found[0]]
    return Nearest(unit.regulation, unit.citation, found[0], found[1])


def _provisions_of(index: CorpusIndex, pasal: str) -> list[str]:
    """The smallest numbered provisions checked one by one: the ayat of a Pasal, or the
    Pasal itself when it has none."""
    ayat = [c for c in index.units[pasal].children if index.units[c].kind == "ayat"]
    return ayat or [pasal]


def _comparable_units(index: CorpusIndex, reg_id: str) -> list[str]:
    """What a provision may correspond to: every ayat, and every Pasal that has no ayat."""
    return [u for p in index.regulations[reg_id].pasal for u in _provisions_of(index, p)]


def _best_units(source: GraphSource) -> dict[tuple[str, str], tuple[str, float]]:
    """(provision, other regulation) -> its most similar provision there, and the score."""
    return cached(source, "unique.best_units", _score_units)


def _score_units(source: GraphSource) -> dict[tuple[str, str], tuple[str, float]]:
    index = corpus_index(source)
    units = {reg_id: _comparable_units(index, reg_id) for reg_id in index.regulations}
    best: dict[tuple[str, str], tuple[str, float]] = {}
    for reg_id, mine in units.items():
        for other, theirs in units.items():
            if other == reg_id or not mine or not theirs:
                continue
            matrix = score_matrix(
                [index.profile(u) for u in mine], [index.profile(t) for t in theirs], UNIT_WEIGHTS
            )
            for i, unit in enumerate(mine):
                j = int(matrix[i].argmax())
                best[(unit, other)] = (theirs[j], float(matrix[i, j]))
    return best


def _ayat_threshold(source: GraphSource) -> float:
    """The density valley of every provision's best score in every other regulation."""
    return density_valley([score for _, score in _best_units(source).values()])
