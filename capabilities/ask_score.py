"""Scoring every provision for a question (the features and ``WEIGHTS`` of
:mod:`capabilities.ask`) and rule 2's measures: coverage and support."""

from __future__ import annotations

import numpy as np

from capabilities.ask_query import (
    DRAWN_STEMS,
    Query,
)
from capabilities.retrieval import (
    Index,
    content_stems,
    scores,
)

EXPANSION = 0.3  # weight of the topic labels added to a question


WEIGHTS = {
    "lex": 0.4,
    "ctx": 0.3,
    "topic": 0.05,
    "phrase": 0.1,
    "lead": 0.2,
    "pair": 0.4,
    "bearer": 0.1,
    "recipient": 0.3,
    "list": 0.3,
    "attribute": 0.2,
    "range": 0.5,
    "drawn": 0.6,
    "define": 1.0,
}


#: Rule 2 of not_regulated: below this support (see :func:`support`) a regulation's best
#: provision is no counterpart of the best elsewhere. Calibrated on the tuning half of the
#: blind gold set (odd ids): accuracy is flat from 0.55 to 0.65; 0.6 is the middle.
SUPPORT_FLOOR = 0.6


#: A provision is an answer of its regulation if it scores at least this share of the
#: regulation's best (second-best answers must still be close to the best).
ANSWER_FLOOR = 0.7


#: A definition question's term counts as regulated by a regulation whose best provision
#: defines it this closely (weighted Jaccard, see :func:`jaccard`) and within this share
#: of the closest definition elsewhere.
DEFINED_MATCH = 0.5


DEFINED_SHARE = 0.9


def score_provisions(index: Index, query: Query) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every provision's score for the question (see :mod:`capabilities.ask`), the same
    without the bonus for defining the term asked about (what rule 2 compares), and that
    bonus (how closely the provision defines the asked term; zeros unless a definition
    question)."""
    bm, pasal_bm = scores(index, query.stems)
    if query.extra:
        more, pasal_more = scores(index, query.extra)
        bm, pasal_bm = bm + EXPANSION * more, pasal_bm + EXPANSION * pasal_more
    parts = {
        "lex": _scaled(bm),
        "ctx": _scaled(pasal_bm)[index.pasal_of],
        "topic": _share(index, "topics", query.specific, index.topic_idf),
        "phrase": _share(index, "phrase", query.surfaces, _length),
        "lead": _share(index, "lead", query.stems, index.idf),
        "pair": _share(index, "pairs", query.pairs, None),
        "bearer": _share(index, "bearers", query.roles, None),
    }
    if query.to_whom:
        parts["recipient"] = _recipient(index, query)
    if query.listing:
        parts["list"] = index.listing
    if query.roles:
        parts["attribute"] = _states(index, query)
    if query.ends[0] and query.ends[1]:
        parts["range"] = _ranged(index, query)
    base = sum(WEIGHTS[name] * values for name, values in parts.items())
    defined = np.zeros(len(index.provisions))
    if query.definition:
        defined = _defines(index, query.subject)
        total = base + WEIGHTS["define"] * defined
    else:
        total = base = base * index.definitions_weight
    has_content = (bm > 0) | (parts["topic"] > 0)
    scale = np.where(has_content, index.discount, 0.0)
    return (total + _drawn(index, query)) * scale, base * scale, defined


def _drawn(index: Index, query: Query) -> np.ndarray:
    """For a question asking from which posts a role is filled: the weight of a provision
    stating those posts (:data:`WEIGHTS` "drawn"). It ranks within a regulation, not across
    them: rule 2 compares the scores without it, so a regulation naming the role's origin
    otherwise (a unit: "diutamakan berasal dari Unit Organisasi") is not outweighed."""
    held = _holding(index, "drawn", query.drawn_of)
    return WEIGHTS["drawn"] * held


def _recipient(index: Index, query: Query) -> np.ndarray:
    """For a question asking to whom (``kepada siapa``, "to whom"): per provision, how
    well one of its norms addressed to someone (a ``pw:counterparty``) is the one asked
    about — borne by a role the question names, its action holding the rest of the
    question (by rarity): "Ketua Tim … bertanggung jawab kepada Pejabat Administrator"
    for "to whom is the team leader responsible", over a list of a ketua tim's duties
    one of which reports to someone."""
    out = np.zeros(len(index.provisions))
    named = set(query.roles)
    label_stems = {t for r in query.roles for t in content_stems(index.roles[r].label_id)}
    rest = [t for t in query.stems if t not in label_stems]
    norm = sum(index.idf(t) for t in rest)
    for i, provision in enumerate(index.provisions):
        for bearers, action in provision.addressed:
            if named and not bearers & named:
                continue
            held = sum(index.idf(t) for t in rest if t in action) / norm if norm else 1.0
            out[i] = max(out[i], held)
    return out


def _states(index: Index, query: Query) -> np.ndarray:
    """1 for a provision stating, in the drafting form "<role> ber<N> …", the N of a role
    the question names, N being a word of the question ("Pegawai ASN berfungsi sebagai …"
    for "Apa fungsi Pegawai ASN?"), else 0."""
    return _holding(index, "states", [(r, t) for r in query.roles for t in query.stems])


def _ranged(index: Index, query: Query) -> np.ndarray:
    """1 for a provision enumerating a member at either end of the range the question
    names, in a Pasal whose lists hold both ends ("from ahli utama down to pemula": Palu
    9(2) "a. ahli utama; …" and 9(3) "… d. pemula"), else 0."""
    first, last = (_holding(index, "members", candidates) for candidates in query.ends)
    pasal_of = np.asarray(index.pasal_of)
    both = np.ones(len(index.pasal_keys))
    for end in (first, last):
        in_pasal = np.zeros(len(index.pasal_keys))
        np.maximum.at(in_pasal, pasal_of, end)
        both *= in_pasal
    return np.maximum(first, last) * both[pasal_of]


def _holding(index: Index, feature: str, values) -> np.ndarray:
    """1 for a provision whose ``feature`` holds any of ``values``, else 0."""
    out = index.nobody
    for value in values:
        out = np.maximum(out, index.postings[feature].get(value, index.nobody))
    return out


def _scaled(values: np.ndarray) -> np.ndarray:
    top = values.max() if len(values) else 0.0
    return values / top if top > 0 else values * 0.0


def _share(index: Index, feature: str, wanted, weight) -> np.ndarray:
    """Per provision, the (weighted) share of ``wanted`` that its ``feature`` holds
    (``"topics"``, ``"lead"``, ``"pairs"``, ``"bearers"`` from the index's postings, or
    ``"phrase"``: a name found word for word in its text)."""
    out = np.zeros(len(index.provisions))
    if not wanted:
        return out
    norm = 0.0
    for item in wanted:
        w = weight(item) if callable(weight) else (weight or {}).get(item, 1.0)
        norm += w
        out += w * _holders(index, feature, item)
    return out / (norm or 1.0)


def _holders(index: Index, feature: str, item) -> np.ndarray:
    if feature == "phrase":
        return np.fromiter((item in padded for padded in index.padded), float, len(index.padded))
    return index.postings[feature].get(item, index.nobody)


def _length(surface: str) -> float:
    """Longer names are more specific ("tanggung jawab ketua tim" over "tim")."""
    return float(len(surface.split()))


def _defines(index: Index, subject: frozenset[str]) -> np.ndarray:
    """How closely a term the provision defines matches what the question asks about
    (weighted Jaccard of the stems; Pasal 1's terms and "X merupakan …" subjects alike)."""
    out = np.zeros(len(index.provisions))
    if not subject:
        return out
    for i, provision in enumerate(index.provisions):
        out[i] = max((jaccard(index, s, subject) for s in provision.subjects), default=0)
    return out


def jaccard(index: Index, term: frozenset[str], asked: frozenset[str]) -> float:
    """Half how much of the term the question names, half their Jaccard, both weighted by
    rarity: "penugasan melalui penunjukan" names both terms, and is about penunjukan."""
    shared = sum(index.idf(token) for token in term & asked)
    whole = sum(index.idf(token) for token in term)
    union = sum(index.idf(token) for token in term | asked)
    return 0.5 * shared / whole + 0.5 * shared / union if whole and union else 0.0


def coverage(index: Index, query: Query, i: int, part: frozenset[str] | None = None) -> float:
    """The share of the question's stems that provision ``i`` holds (with those of the
    units it refers to), weighted by squared rarity: what makes a question specific
    ("golongan") counts, its framing ("dalam rangka", "perlu") hardly. English words left
    untranslated that no provision uses count for nothing: at the greatest rarity they
    would outweigh the rest and flatten the differences between sibling ayat."""
    if not query.definition and index.definitions_weight[i] < 1:
        return 0.0  # the definitions article names every term; it governs none of them
    stems_ = query.stems if part is None else [t for t in query.stems if t in part]
    ignored = query.untranslated | query.framed
    weights = {t: index.idf(t) ** 2 for t in stems_ if t not in ignored}
    if query.asked in weights:
        weights[query.asked] = sum(w for t, w in weights.items() if t != query.asked)
    norm = sum(weights.values()) or 1.0
    roles = index.provisions[i].roles
    held = {token for token in weights if token in index.stem_sets[i]}
    held |= {token for token in weights if roles & query.general.get(token, frozenset())}
    if query.asked and names_the_power(index, query, i):
        held.add(query.asked)
    if query.drawn_of & index.provisions[i].drawn:
        held |= DRAWN_STEMS & set(weights)
    return sum(weights[token] for token in held) / norm


def names_the_power(index: Index, query: Query, i: int) -> bool:
    """For a "siapa yang <verb> …" question: provision ``i`` states a power norm that
    names who holds it over something the question asks about ("Susunan tim kerja
    ditetapkan oleh Kepala Perangkat Daerah" for "Siapa yang berwenang membentuk tim
    kerja?"): it answers who, however it words the act (ditetapkan, dibentuk)."""
    rest = {token for token in query.stems if token != query.asked}
    return any(rest & thing for thing in index.provisions[i].empowered)


def support(
    index: Index, query: Query, base, best: dict[str, int], leading: dict[str, int] | None = None
) -> dict[str, float]:
    """Rule 2's measure, per regulation: how well its best provision stands against the best
    elsewhere — the geometric mean of its score ratio and its coverage ratio (the share of
    the question it holds, :func:`coverage`), each against the best of any regulation.
    One number, so a provision that scores near the best by repeating the question's
    common words, but lacks its distinctive ones, still falls below the floor. Where a
    provision of the answer type was chosen over the best-scoring one (``leading``), the
    score is the better of the two: the Pasal's wording still counts."""
    leading = leading or {}
    scored = {r: max(base[i], base[leading.get(r, i)]) for r, i in best.items()}
    top = max(scored.values())
    ratios = [_coverage_ratios(index, query, best, part) for part in (None, *query.parts)]
    out = {}
    for reg_id in best:
        score_ratio = scored[reg_id] / top if top > 0 else 0.0
        coverage_ratio = max(ratio[reg_id] for ratio in ratios)
        out[reg_id] = float(np.sqrt(score_ratio * coverage_ratio))
    return out


def _coverage_ratios(
    index: Index, query: Query, best: dict[str, int], part: frozenset[str] | None
) -> dict[str, float]:
    """Each regulation's coverage of the question (or of one part of a two-part question)
    against the best coverage of any regulation: answering one part as well as the best
    does answers the question."""
    held = {reg_id: coverage(index, query, i, part) for reg_id, i in best.items()}
    most = max(held.values())
    return {reg_id: held[reg_id] / most if most > 0 else 0.0 for reg_id in best}
