"""Provisions of one regulation with no counterpart in any other: ``unique(source, reg_id)``.

A Pasal is unique when :func:`capabilities.align.align` finds no counterpart for it in any
other regulation of the build. Where the Pasal does have a counterpart, each of its ayat is
checked the same way at ayat level: against every ayat (and every Pasal without ayat) of
the other regulations, with its own null threshold read from the data as for Pasal (the
density valley of the best ayat-level scores, :func:`capabilities.align.density_valley`).
Each finding says why: where the Pasal's counterparts are, and the nearest provision in
each other regulation with its score.
"""

from __future__ import annotations

from dataclasses import dataclass

from capabilities.align import counterpart, density_valley, null_threshold
from capabilities.similarity import (
    UNIT_WEIGHTS,
    WEIGHTS,
    CorpusIndex,
    compare,
    corpus_index,
    require_regulation,
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
    counterparts: list[str]  # citations of the Pasal's counterparts (ayat level only)
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
    require_regulation(index, reg_id)
    others = [r for r in index.regulations if r != reg_id]
    found: list[UniqueProvision] = []
    for pasal in index.regulations[reg_id].pasal:
        matches = {other: counterpart(source, pasal, other) for other in others}
        present = [index.units[iri].citation for iri, _ in matches.values() if iri]
        if not present:
            found.append(_unique_pasal(source, index, pasal, others))
            continue
        for unit in _provisions_of(index, pasal):
            item = _unique_content(source, index, unit, others, present)
            if item is not None:
                found.append(item)
    return found


def _provisions_of(index: CorpusIndex, pasal: str) -> list[str]:
    """The smallest numbered provisions checked one by one: the ayat of a Pasal, or the
    Pasal itself when it has none."""
    ayat = [c for c in index.units[pasal].children if index.units[c].kind == "ayat"]
    return ayat or [pasal]


def ayat_threshold(source: GraphSource) -> float:
    """The null threshold for ayat (and Pasal without ayat) compared one by one, read
    from the data like the one for Pasal."""
    return cached(source, "unique.ayat_threshold", _ayat_threshold)


def _unique_pasal(
    source: GraphSource, index: CorpusIndex, pasal: str, others: list[str]
) -> UniqueProvision:
    unit = index.units[pasal]
    threshold = null_threshold(source)
    nearest = []
    for other in others:
        best = _best_pasal(index, pasal, other)
        if best:
            nearest.append(best)
    closest = max(nearest, key=lambda n: n.score, default=None)
    reason = f"tidak ada padanan di {len(others)} peraturan lain (ambang {threshold})"
    if closest:
        reason += f"; yang paling mirip {closest.citation} (skor {closest.score})"
    return UniqueProvision(
        "pasal",
        unit.number,
        None,
        unit.citation,
        pasal,
        index.subtree_text(pasal),
        reason,
        threshold,
        [],
        nearest,
    )


def _unique_content(
    source: GraphSource, index: CorpusIndex, iri: str, others: list[str], present: list[str]
) -> UniqueProvision | None:
    """An ayat (or a Pasal without ayat) whose Pasal has counterparts, checked on its own
    content; None when some other regulation has a provision close enough."""
    threshold = ayat_threshold(source)
    nearest = [n for n in (_best_unit(index, iri, other) for other in others) if n]
    if any(n.score >= threshold for n in nearest):
        return None
    unit = index.units[iri]
    pasal = index.pasal_of(iri)
    what = f"ayat ({unit.number})" if unit.kind == "ayat" else "isinya"
    reason = (
        f"{pasal.local_label} berpadanan dengan {'; '.join(present)}, tetapi {what} "
        f"tidak memiliki padanan di {len(others)} peraturan lain (ambang {threshold})"
    )
    closest = max(nearest, key=lambda n: n.score, default=None)
    if closest:
        reason += f"; yang paling mirip {closest.citation} (skor {closest.score})"
    return UniqueProvision(
        unit.kind,
        pasal.number,
        unit.number if unit.kind == "ayat" else None,
        unit.citation,
        iri,
        index.subtree_text(iri),
        reason,
        threshold,
        present,
        nearest,
    )


def _best_pasal(index: CorpusIndex, pasal: str, other: str) -> Nearest | None:
    return _best_of(index, pasal, index.regulations[other].pasal, WEIGHTS)


def _best_unit(index: CorpusIndex, unit: str, other: str) -> Nearest | None:
    return _best_of(index, unit, _comparable_units(index, other), UNIT_WEIGHTS)


def _best_of(
    index: CorpusIndex, iri: str, candidates: list[str], weights: dict[str, float]
) -> Nearest | None:
    profile = index.profile(iri)
    scored = [(compare(profile, index.profile(c), weights).total, c) for c in candidates]
    if not scored:
        return None
    score, best = max(scored)
    unit = index.units[best]
    return Nearest(unit.regulation, unit.citation, best, score)


def _comparable_units(index: CorpusIndex, reg_id: str) -> list[str]:
    """What an ayat may correspond to: every ayat, and every Pasal that has no ayat."""
    out = []
    for pasal in index.regulations[reg_id].pasal:
        ayat = [c for c in index.units[pasal].children if index.units[c].kind == "ayat"]
        out += ayat or [pasal]
    return out


def _ayat_threshold(source: GraphSource) -> float:
    index = corpus_index(source)
    scores = []
    for reg_id, regulation in index.regulations.items():
        for pasal in regulation.pasal:
            for unit in _provisions_of(index, pasal):
                for other in index.regulations:
                    best = _best_unit(index, unit, other) if other != reg_id else None
                    if best:
                        scores.append(best.score)
    return density_valley(scores)
