"""Word-level comparison of two provisions: ``diff(source, citation_a, citation_b)``.

Sub-units are aligned first, by content and not by number: the ayat of A with the ayat of
B, then within each matched pair the huruf, then the angka, each time pairing the most
similar units first (TF-IDF cosine of stemmed words, :mod:`capabilities.similarity`), so a
renumbered ayat or huruf is compared with its real counterpart. A unit whose best
partner is less similar than :data:`MIN_UNIT_SIMILARITY` is reported as added (only in
B) or dropped (only in A). The words of each pair are then compared
(``difflib.SequenceMatcher`` on words and punctuation, ignoring case); the result lists
runs of tokens with their operation: ``equal``, ``insert`` (only in B), ``delete``
(only in A) or ``replace``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from capabilities.similarity import (
    ComparisonError,
    CorpusIndex,
    Unit,
    corpus_index,
    dot,
    require_regulation,
)
from capabilities.source import GraphSource

#: Below this cosine two sub-units are not counterparts (one was added, one dropped).
MIN_UNIT_SIMILARITY = 0.3
_TOKEN = re.compile(r"\w+(?:[-/.]\w+)*|[^\w\s]")
_SHORT_FORM = re.compile(
    r"^(?P<reg>[a-z0-9-]+)\s+(?:pasal\s+)?(?P<pasal>\d+[a-z]?)"
    r"(?:\s+(?:ayat\s+)?\(?(?P<ayat>\d+[a-z]?)\)?)?(?:\s+(?:huruf\s+)?(?P<huruf>[a-z]{1,2}))?$",
    re.IGNORECASE,
)

_REGULATION_ID = re.compile(r"[a-z][a-z0-9-]*-\d+-\d{4}")


class UnknownProvision(ComparisonError):
    code = "unknown-provision"
    status = 404


@dataclass(frozen=True)
class Run:
    """Consecutive tokens with one operation (``a``/``b``: the words on each side)."""

    op: str
    a: str
    b: str

    def to_json(self) -> dict:
        return {"op": self.op, "a": self.a, "b": self.b}


@dataclass(frozen=True)
class UnitDiff:
    """One aligned pair of units (``None`` on the side where the unit is missing)."""

    a: Unit | None
    b: Unit | None
    a_label: str | None
    b_label: str | None
    similarity: float
    runs: list[Run]

    @property
    def status(self) -> str:
        if self.a is None:
            return "added"
        if self.b is None:
            return "dropped"
        return "equal" if all(run.op == "equal" for run in self.runs) else "changed"

    def to_json(self) -> dict:
        return {
            "a": self.a_label,
            "b": self.b_label,
            "status": self.status,
            "similarity": self.similarity,
            "tokens": [run.to_json() for run in self.runs],
        }


@dataclass(frozen=True)
class ProvisionDiff:
    """The comparison of two provisions."""

    a: Unit
    b: Unit
    units: list[UnitDiff]
    similarity: float

    def summary(self) -> dict[str, int]:
        """Words kept, added, dropped and changed, and units added and dropped."""
        counts = {"equal": 0, "insert": 0, "delete": 0, "replace": 0}
        for unit in self.units:
            for run in unit.runs:
                counts[run.op] += len(_TOKEN.findall(run.b if run.op == "insert" else run.a))
        counts["units_added"] = sum(1 for u in self.units if u.status == "added")
        counts["units_dropped"] = sum(1 for u in self.units if u.status == "dropped")
        return counts

    def to_json(self) -> dict:
        return {
            "a": {"citation": self.a.citation, "iri": self.a.iri},
            "b": {"citation": self.b.citation, "iri": self.b.iri},
            "similarity": self.similarity,
            "summary": self.summary(),
            "units": [unit.to_json() for unit in self.units],
        }


def diff(source: GraphSource, citation_a: str, citation_b: str) -> ProvisionDiff:
    """Compare the provisions cited by ``citation_a`` and ``citation_b`` word by word.

    Each citation is a standard citation, an IRI or ``REG_ID PASAL [AYAT [HURUF]]``;
    raises :class:`capabilities.similarity.ComparisonError` when one cannot be resolved.
    """
    index = corpus_index(source)
    a = index.units[resolve_provision(source, citation_a)]
    b = index.units[resolve_provision(source, citation_b)]
    units = _diff_units(index, a, b, a, b)
    whole = _ratio(_tokens(index.subtree_text(a.iri)), _tokens(index.subtree_text(b.iri)))
    return ProvisionDiff(a, b, units, round(whole, 4))


def resolve_provision(source: GraphSource, ref: str) -> str:
    """The IRI of the body unit (Pasal, ayat, huruf, angka) that ``ref`` names.

    ``ref`` is an IRI, ``REG_ID PASAL [AYAT [HURUF]]`` ("palu-28-2023 21 4") or any
    citation :func:`capabilities.cite.resolve` reads ("Pasal 21 ayat (4) Peraturan Wali
    Kota Palu Nomor 28 Tahun 2023", "Perwali Semarang 85/2023 Pasal 10 ayat (6)").
    """
    from capabilities import cite

    index = corpus_index(source)
    text = " ".join(ref.split())
    if not text:
        raise ComparisonError("kutipan kosong", "empty citation")
    if text in index.units:
        return text
    short = _SHORT_FORM.match(text)
    if short and _REGULATION_ID.fullmatch(short["reg"].lower()):
        return _from_short_form(index, short)
    found = cite.resolve(source, text, "id")
    if found.status == cite.FOUND and found.iri in index.units:
        return found.iri
    english = cite.resolve(source, text, "en").message
    if found.status == cite.FOUND:
        raise ComparisonError(
            f"{found.citation} bukan Pasal, ayat, huruf atau angka batang tubuh",
            f"{found.citation} is not a Pasal, ayat, huruf or angka of the body",
        )
    error = UnknownProvision if found.status == cite.NOT_FOUND else ComparisonError
    raise error(found.message or text, english or text)


def _from_short_form(index: CorpusIndex, match: re.Match) -> str:
    reg_id = require_regulation(index, match["reg"])
    pasal = next(
        (p for p in index.regulations[reg_id].pasal if index.units[p].number == match["pasal"]),
        None,
    )
    if pasal is None:
        numbers = [index.units[p].number for p in index.regulations[reg_id].pasal]
        raise UnknownProvision(
            f"Pasal {match['pasal']} tidak ada dalam {reg_id}; Pasal yang ada: 1–{numbers[-1]}",
            f"no Pasal {match['pasal']} in {reg_id}; its Pasal run 1–{numbers[-1]}",
        )
    unit = index.units[pasal]
    ayat, huruf = match["ayat"], match["huruf"]
    if ayat and not _child(index, unit, "ayat", ayat) and not huruf and ayat.isalpha():
        ayat, huruf = None, ayat
    for kind, number in (("ayat", ayat), ("huruf", huruf)):
        if number is None:
            continue
        child = _child(index, unit, kind, number.lower())
        if child is None:
            have = ", ".join(index.units[c].number for c in unit.children) or "tidak ada"
            raise UnknownProvision(
                f"{kind} {number} tidak ada dalam {unit.local_label} {reg_id}; yang ada: {have}",
                f"no {kind} {number} in {unit.local_label} of {reg_id}; it has: {have}",
            )
        unit = child
    return unit.iri


def _child(index: CorpusIndex, unit: Unit, kind: str, number: str) -> Unit | None:
    for iri in unit.children:
        child = index.units[iri]
        if child.kind == kind and child.number == number:
            return child
    return None


def _diff_units(index: CorpusIndex, a: Unit, b: Unit, root_a: Unit, root_b: Unit) -> list:
    """The pair itself (its own text), then its aligned sub-units, depth first.

    A unit that is only words (no sub-units) facing one that is only sub-units (a Pasal
    without ayat against a Pasal of ayat) is matched among those sub-units instead.
    """
    if _only_words(a) and _only_parts(b):
        return _diff_lists(index, [a.iri], b.children, root_a, root_b)
    if _only_parts(a) and _only_words(b):
        return _diff_lists(index, a.children, [b.iri], root_a, root_b)
    tokens_a, tokens_b = _tokens(a.text), _tokens(b.text)
    out = []
    if tokens_a or tokens_b:  # a Pasal made only of ayat has no words of its own
        similarity = round(_ratio(tokens_a, tokens_b), 4)
        runs = _runs(tokens_a, tokens_b)
        out.append(UnitDiff(a, b, _label(a, root_a), _label(b, root_b), similarity, runs))
    return out + _diff_lists(index, a.children, b.children, root_a, root_b)


def _diff_lists(
    index: CorpusIndex, left: list[str], right: list[str], root_a: Unit, root_b: Unit
) -> list:
    out = []
    for child_a, child_b, _ in match_units(index, left, right):
        if child_a and child_b:
            out += _diff_units(index, index.units[child_a], index.units[child_b], root_a, root_b)
        elif child_a:
            out += [_one_sided(index, u, root_a, "a") for u in index.walk(child_a)]
        else:
            out += [_one_sided(index, u, root_b, "b") for u in index.walk(child_b)]
    return out


def _only_words(unit: Unit) -> bool:
    return bool(unit.text) and not unit.children


def _only_parts(unit: Unit) -> bool:
    return not unit.text and bool(unit.children)


def match_units(
    index: CorpusIndex, left: list[str], right: list[str]
) -> list[tuple[str | None, str | None, float]]:
    """Pair two lists of sibling units by content, most similar first; unmatched units
    stay alone. The result follows the order of ``left``, each unit of ``right`` that has
    no partner placed after the partner of its preceding sibling."""
    candidates = sorted(
        (
            (dot(index.profile(x).text, index.profile(y).text), i, j)
            for i, x in enumerate(left)
            for j, y in enumerate(right)
        ),
        reverse=True,
    )
    partner_of_left: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    for similarity, i, j in candidates:
        if similarity < MIN_UNIT_SIMILARITY:
            break
        if i not in partner_of_left and j not in taken:
            partner_of_left[i] = (j, similarity)
            taken.add(j)
    pairs: list[tuple[str | None, str | None, float]] = []
    placed: set[int] = set()

    def place_right_up_to(j: int) -> None:
        for k in range(j):
            if k not in taken and k not in placed:
                pairs.append((None, right[k], 0.0))
                placed.add(k)

    for i, unit in enumerate(left):
        if i in partner_of_left:
            j, similarity = partner_of_left[i]
            place_right_up_to(j)
            pairs.append((unit, right[j], round(similarity, 4)))
        else:
            pairs.append((unit, None, 0.0))
    place_right_up_to(len(right))
    return pairs


def _one_sided(index: CorpusIndex, unit: Unit, root: Unit, side: str) -> UnitDiff:
    tokens = _tokens(unit.text)
    label = _label(unit, root)
    if side == "a":
        return UnitDiff(unit, None, label, None, 0.0, _runs(tokens, []))
    return UnitDiff(None, unit, None, label, 0.0, _runs([], tokens))


def _label(unit: Unit, root: Unit) -> str:
    """The unit's place relative to the compared provision: "ayat (2) huruf b"."""
    own, base = unit.local_label, root.local_label
    if unit.iri == root.iri:
        return own
    return own[len(base) :].strip() if own.startswith(base) else own


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _ratio(a: list[str], b: list[str]) -> float:
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, _fold(a), _fold(b), autojunk=False).ratio()


def _fold(tokens: list[str]) -> list[str]:
    return [token.lower() for token in tokens]


def _runs(a: list[str], b: list[str]) -> list[Run]:
    matcher = difflib.SequenceMatcher(None, _fold(a), _fold(b), autojunk=False)
    return [
        Run(op, _join(a[i1:i2]), _join(b[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def _join(tokens: list[str]) -> str:
    """Words joined by spaces, with no space before punctuation."""
    text = " ".join(tokens)
    return re.sub(r" ([,.;:)/])", r"\1", text).replace("( ", "(")
