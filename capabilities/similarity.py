"""Features of provisions for comparing regulations: what align, diff and unique share.

The body of every regulation is read once per source generation (:func:`corpus_index`):
each Pasal, ayat, huruf and angka with its own text, its topics (``dcterms:subject``),
the norms stated in it (modality with bearer and counterparty roles), the terms it
defines and the headings above it (BAB, Bagian, Paragraf). A :class:`Profile` of a unit
(its text together with its sub-units) holds TF-IDF vectors of Sastrawi-stemmed words,
topics, norm signatures, defined terms and heading words; :func:`compare` scores two
profiles in [0, 1] as a weighted mean of the features both can speak to.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from capabilities.source import GraphSource, cached
from extract.iri import Iri, IriError

Vector = dict[str, float]

#: Function words and the boilerplate of cross-references; IDF weighs down the rest.
STOPWORDS = frozenset(
    """dan atau yang dengan di ke dari pada dalam untuk oleh ini itu tersebut sebagaimana
    dimaksud ayat huruf pasal angka serta secara sebagai bagi adalah merupakan juga
    yaitu atas""".split()
)
#: Weights of the features in :func:`compare` (a feature neither side has is left out).
WEIGHTS = {"text": 0.55, "topics": 0.15, "context": 0.1, "norms": 0.1, "definitions": 0.5}
#: For sub-units (ayat): the headings above them are their Pasal's, so they say nothing.
UNIT_WEIGHTS = {**WEIGHTS, "context": 0.0}
BODY_KINDS = ("pasal", "ayat", "huruf", "angka")
#: A regulation naming itself or another instrument by its kind is boilerplate, not matter.
_INSTRUMENT = re.compile(
    r"\b(?:peraturan|keputusan)\s+(?:wali\s*kota|bupati|gubernur|daerah|menteri)(?:\s+ini)?\b"
)
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class ComparisonError(ValueError):
    """Bad input to align, diff or unique: ``code`` for the API, ``message`` in Indonesian
    (the exception text) and ``english``."""

    code = "bad-input"
    status = 400

    def __init__(self, message: str, english: str):
        super().__init__(message)
        self.message = message
        self.english = english


class UnknownRegulation(ComparisonError):
    code = "unknown-regulation"
    status = 404


def canonical_id(reg_id: str, known) -> str | None:
    """The known id equal to ``reg_id`` up to case and surrounding spaces, or None."""
    wanted = reg_id.strip().lower()
    return next((k for k in known if k.lower() == wanted), None)


def closest_ids(reg_id: str, known) -> list[str]:
    """Known ids ``reg_id`` may mean: by prefix (``Palu`` -> ``palu-28-2023``), else
    close spellings (difflib); empty when nothing is close."""
    wanted = reg_id.strip().lower()
    known = sorted(known)
    if not wanted:
        return []
    by_prefix = [k for k in known if k.lower().startswith(wanted) or wanted in k.lower()]
    if by_prefix:
        return by_prefix
    lowered = {k.lower(): k for k in known}
    close = difflib.get_close_matches(wanted, list(lowered), n=3, cutoff=0.6)
    return [lowered[c] for c in close]


def unknown_regulation_message(reg_id: str, known) -> tuple[str, str]:
    """``(indonesian, english)``: the id is unknown; what it may mean, else every id."""
    every = ", ".join(sorted(known))
    close = closest_ids(reg_id, known)
    if close:
        hint = ", ".join(close)
        return (
            f"peraturan {reg_id!r} tidak dikenal; mungkin maksud Anda: {hint} "
            f"(peraturan yang ada: {every})",
            f"unknown regulation {reg_id!r}; did you mean: {hint} (known: {every})",
        )
    return (
        f"peraturan {reg_id!r} tidak dikenal; pilih salah satu: {every}",
        f"unknown regulation {reg_id!r}; choose one of: {every}",
    )


def regulation_id(source: GraphSource, reg_id: str) -> str:
    """The id of the build ``reg_id`` names (any case); raises :class:`UnknownRegulation`."""
    return require_regulation(corpus_index(source), reg_id)


def require_regulation(index: CorpusIndex, reg_id: str) -> str:
    """The id of the build ``reg_id`` names (any case); raise :class:`UnknownRegulation`,
    naming the closest ids, when there is none."""
    found = canonical_id(reg_id, index.regulations)
    if found is not None:
        return found
    raise UnknownRegulation(*unknown_regulation_message(reg_id, index.regulations))


@cache
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@cache
def stem(word: str) -> str:
    """The Sastrawi stem of one lower-case word (memoised: the corpus has few words)."""
    return _stemmer().stem(word) or word


def terms(text: str) -> list[str]:
    """Stemmed content words of ``text``: no numbers, no function words, no naming of
    an instrument ("Peraturan Wali Kota ini", "... dalam Peraturan Daerah")."""
    words = _WORD.findall(_INSTRUMENT.sub(" ", text.lower()))
    return [stem(w) for w in words if w not in STOPWORDS and not w.isdigit() and len(w) > 1]


def dot(a: Vector, b: Vector) -> float:
    """Dot product of two sparse vectors (the cosine when both have unit length)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(key, 0.0) for key, value in a.items())


def unit_length(vector: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {key: value / norm for key, value in vector.items()} if norm else {}


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


@dataclass
class Unit:
    """A body unit (Pasal, ayat, huruf or angka) as the graph holds it."""

    iri: str
    regulation: str
    kind: str
    number: str
    citation: str
    text: str
    parent: str | None
    position: int
    children: list[str] = field(default_factory=list)
    topics: set[str] = field(default_factory=set)
    norms: set[str] = field(default_factory=set)
    terms_defined: set[str] = field(default_factory=set)
    headings: list[str] = field(default_factory=list)

    @property
    def local_label(self) -> str:
        """The provision part of the citation: "Pasal 21 ayat (4)"."""
        return self.citation.split(" Peraturan ")[0].split(" Keputusan ")[0]


@dataclass(frozen=True)
class RegulationInfo:
    id: str
    iri: str
    citation: str
    place: str
    pasal: tuple[str, ...]  # IRIs of the top-level Pasal, in order


@dataclass(frozen=True)
class Profile:
    """What :func:`compare` reads of a unit and its sub-units (vectors of unit length)."""

    iri: str
    text: Vector
    topics: Vector
    context: Vector
    norms: frozenset[str]
    definitions: frozenset[str]


@dataclass(frozen=True)
class Score:
    total: float
    parts: dict[str, float]


class CorpusIndex:
    """Every regulation's body units with their features, and the IDF of the corpus."""

    def __init__(self, units: dict[str, Unit], regulations: dict[str, RegulationInfo]):
        self.units = units
        self.regulations = regulations
        pasal = [units[iri] for reg in regulations.values() for iri in reg.pasal]
        self.idf = _idf([set(terms(self.subtree_text(p.iri))) for p in pasal])
        self.topic_idf = _idf([self.subtree_topics(p.iri).keys() for p in pasal])
        self.context_idf = _idf([set(terms(" ".join(p.headings))) for p in pasal])
        self._profiles: dict[str, Profile] = {}

    def walk(self, iri: str) -> Iterable[Unit]:
        """The unit and its sub-units in document order."""
        unit = self.units[iri]
        yield unit
        for child in unit.children:
            yield from self.walk(child)

    def subtree_text(self, iri: str) -> str:
        return " ".join(unit.text for unit in self.walk(iri) if unit.text)

    def subtree_topics(self, iri: str) -> Counter:
        return Counter(topic for unit in self.walk(iri) for topic in unit.topics)

    def pasal_of(self, iri: str) -> Unit:
        unit = self.units[iri]
        while unit.kind != "pasal" and unit.parent in self.units:
            unit = self.units[unit.parent]
        return unit

    def profile(self, iri: str) -> Profile:
        """Features of the unit at ``iri`` with its sub-units (memoised)."""
        found = self._profiles.get(iri)
        if found is None:
            found = self._profiles[iri] = self._build_profile(iri)
        return found

    def _build_profile(self, iri: str) -> Profile:
        units = list(self.walk(iri))
        words = terms(self.subtree_text(iri))
        headings = self.pasal_of(iri).headings
        return Profile(
            iri=iri,
            text=_weigh(Counter(words), self.idf),
            topics=_weigh(self.subtree_topics(iri), self.topic_idf),
            context=_weigh(Counter(terms(" ".join(headings))), self.context_idf),
            norms=frozenset(n for unit in units for n in unit.norms),
            definitions=frozenset(t for unit in units for t in unit.terms_defined),
        )


def compare(a: Profile, b: Profile, weights: dict[str, float] = WEIGHTS) -> Score:
    """How alike two provisions are, in [0, 1], with the score of each feature.

    Text always counts; topics, headings and norms count when either side has them (one
    side without scores 0 there); definitions count when either side defines terms, and
    then weigh as much as the text, since a definitions article is known by the terms it
    defines.
    """
    parts = {"text": dot(a.text, b.text)}
    if a.topics or b.topics:
        parts["topics"] = dot(a.topics, b.topics)
    if a.context or b.context:
        parts["context"] = dot(a.context, b.context)
    if a.norms or b.norms:
        parts["norms"] = jaccard(a.norms, b.norms)
    if a.definitions or b.definitions:
        parts["definitions"] = jaccard(a.definitions, b.definitions)
    weight = sum(weights[name] for name in parts)
    total = sum(weights[name] * value for name, value in parts.items()) / weight
    return Score(round(total, 4), {name: round(value, 4) for name, value in parts.items()})


def score_matrix(
    rows: list[Profile], columns: list[Profile], weights: dict[str, float] = WEIGHTS
) -> np.ndarray:
    """``compare(row, column, weights).total`` for every pair at once (rounded alike)."""
    total = np.zeros((len(rows), len(columns)))
    weight = np.zeros_like(total)
    for name in ("text", "topics", "context"):
        left, right = _dense([getattr(p, name) for p in rows], [getattr(p, name) for p in columns])
        present = np.ones_like(total) if name == "text" else _either(left, right)
        total += weights[name] * (left @ right.T) * present
        weight += weights[name] * present
    for name in ("norms", "definitions"):
        left, right = _dense(
            [dict.fromkeys(getattr(p, name), 1.0) for p in rows],
            [dict.fromkeys(getattr(p, name), 1.0) for p in columns],
        )
        shared = left @ right.T
        union = left.sum(1)[:, None] + right.sum(1)[None, :] - shared
        present = union > 0
        total += weights[name] * np.divide(shared, union, out=np.zeros_like(total), where=present)
        weight += weights[name] * present
    return np.round(total / weight, 4)


def _dense(left: list[Vector], right: list[Vector]) -> tuple[np.ndarray, np.ndarray]:
    """Two lists of sparse vectors as dense matrices over their joint vocabulary."""
    vocabulary = {key: i for i, key in enumerate({k for v in left + right for k in v})}

    def fill(vectors: list[Vector]) -> np.ndarray:
        matrix = np.zeros((len(vectors), len(vocabulary)))
        for i, vector in enumerate(vectors):
            for key, value in vector.items():
                matrix[i, vocabulary[key]] = value
        return matrix

    return fill(left), fill(right)


def _either(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """1 where the row's or the column's vector is non-empty."""
    return (left.any(1)[:, None] | right.any(1)[None, :]).astype(float)


def corpus_index(source: GraphSource) -> CorpusIndex:
    """The index of the source's current build (built once per generation)."""
    return cached(source, "similarity.corpus", _load)


def _idf(documents: list[Iterable[str]]) -> dict[str, float]:
    frequency = Counter(term for document in documents for term in set(document))
    count = len(documents)
    return {term: math.log((1 + count) / (1 + df)) + 1.0 for term, df in frequency.items()}


def _weigh(counts: Counter, idf: dict[str, float]) -> Vector:
    """Sublinear TF times IDF, of unit length (a term unknown to the IDF weighs most)."""
    top = max(idf.values(), default=1.0)
    return unit_length({t: (1 + math.log(n)) * idf.get(t, top) for t, n in counts.items()})


# --- loading from the graph -----------------------------------------------------------------
_UNITS = """SELECT ?u ?id ?class ?number ?label ?text ?parent ?position WHERE {
  VALUES ?class { pw:Pasal pw:Ayat pw:Huruf pw:Angka }
  ?u a ?class ; pw:regulation ?reg ; eli:number ?number ; rdfs:label ?label ;
     pw:position ?position .
  ?reg pw:regulationId ?id .
  OPTIONAL { ?u pw:text ?text } OPTIONAL { ?u eli:is_part_of ?parent }
}"""
_REGULATIONS = """SELECT ?reg ?id ?label ?place WHERE {
  ?reg pw:regulationId ?id ; rdfs:label ?label .
  OPTIONAL { ?reg eli:jurisdiction ?j . ?j skos:prefLabel ?place }
}"""
_TOPICS = """SELECT ?u ?topic WHERE {
  VALUES ?class { pw:Pasal pw:Ayat } ?u a ?class ; dcterms:subject ?topic }"""
_NORMS = """SELECT ?u ?modality ?bearer ?counterparty WHERE {
  ?n a pw:Norm ; pw:statedIn ?u ; pw:modality ?modality .
  OPTIONAL { ?n pw:bearer ?bearer } OPTIONAL { ?n pw:counterparty ?counterparty }
}"""
_DEFINITIONS = "SELECT ?u ?term WHERE { ?u pw:defines ?d . ?d pw:term ?term }"
_HEADINGS = """SELECT ?u ?heading ?container WHERE {
  ?u a pw:Pasal ; eli:is_part_of+ ?container . ?container pw:heading ?heading }"""
_KINDS = {"Pasal": "pasal", "Ayat": "ayat", "Huruf": "huruf", "Angka": "angka"}


def _load(source: GraphSource) -> CorpusIndex:
    units: dict[str, Unit] = {}
    for row in source.select(_UNITS):
        if row["u"] in units or not _is_body(row["u"]):
            continue
        units[row["u"]] = Unit(
            iri=row["u"],
            regulation=row["id"],
            kind=_KINDS[row["class"].rsplit("#", 1)[-1]],
            number=row["number"],
            citation=row["label"],
            text=row.get("text", ""),
            parent=row.get("parent"),
            position=int(row["position"]),
        )
    _attach(units, source)
    return CorpusIndex(units, _regulations(units, source))


def _is_body(iri: str) -> bool:
    """A unit of the body proper: not of a Lampiran, not quoted by an amending article."""
    try:
        path = Iri.parse(iri).path
    except IriError:
        return False
    kinds = [kind for kind, _ in path]
    return (
        bool(kinds)
        and kinds[0] == "pasal"
        and kinds.count("pasal") == 1
        and all(kind in BODY_KINDS for kind in kinds)
    )


def _attach(units: dict[str, Unit], source: GraphSource) -> None:
    """Children in order, topics, norm signatures, defined terms and headings."""
    by_parent: dict[str, list[Unit]] = defaultdict(list)
    for unit in units.values():
        if unit.parent in units:
            by_parent[unit.parent].append(unit)
    for parent, children in by_parent.items():
        units[parent].children = [c.iri for c in sorted(children, key=lambda u: u.position)]
    for row in source.select(_TOPICS):
        if row["u"] in units:
            units[row["u"]].topics.add(row["topic"].rsplit("/", 1)[-1])
    for row in source.select(_NORMS):
        if row["u"] in units:
            units[row["u"]].norms.update(_norm_signature(row))
    for row in source.select(_DEFINITIONS):
        if row["u"] in units:
            units[row["u"]].terms_defined.add(row["term"].lower())
    headings: dict[str, dict[str, str]] = defaultdict(dict)
    for row in source.select(_HEADINGS):
        headings[row["u"]][row["container"]] = row["heading"]
    for iri, found in headings.items():
        if iri in units:
            # outermost first: a container's IRI is a prefix of the ones inside it
            units[iri].headings = [found[c] for c in sorted(found, key=len)]


def _norm_signature(row: dict) -> set[str]:
    modality = row["modality"]
    signature = {modality}
    if "bearer" in row:
        signature.add(f"{modality}:{row['bearer'].rsplit('/', 1)[-1]}")
    if "counterparty" in row:
        signature.add(f"{modality}>{row['counterparty'].rsplit('/', 1)[-1]}")
    return signature


def _regulations(units: dict[str, Unit], source: GraphSource) -> dict[str, RegulationInfo]:
    pasal: dict[str, list[Unit]] = defaultdict(list)
    for unit in units.values():
        if unit.kind == "pasal" and unit.parent not in units:
            pasal[unit.regulation].append(unit)
    out = {}
    for row in sorted(source.select(_REGULATIONS), key=lambda r: r["id"]):
        ordered = sorted(pasal.get(row["id"], []), key=_pasal_order)
        out[row["id"]] = RegulationInfo(
            id=row["id"],
            iri=row["reg"],
            citation=row["label"],
            place=row.get("place", row["id"]),
            pasal=tuple(u.iri for u in ordered),
        )
    return out


def _pasal_order(unit: Unit) -> tuple[int, str]:
    digits = re.match(r"\d+", unit.number)
    return (int(digits.group()) if digits else 0, unit.number)
