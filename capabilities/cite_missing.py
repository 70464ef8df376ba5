"""What exists, when a citation does not resolve to one unit: the messages, candidates and
suggestions of ``not_found`` and ``ambiguous`` answers (also used by the linked-data 404).

"ayat (9) tidak ada; Pasal 21 memiliki ayat (1)–(5)"; the nearest existing provision; the
closest regulations (difflib over ids, place names, number and year); every candidate of a
provision named without its regulation.
"""

from __future__ import annotations

import difflib

from capabilities.cite_index import (
    CONTEXT_KINDS,
    PROVISION_KINDS,
    CitationIndex,
    Regulation,
    Unit,
)
from capabilities.cite_parse import Parsed
from capabilities.cite_result import AMBIGUOUS, NOT_FOUND, CiteResult, ref_json, reg_json, say
from extract.iri import Iri, IriError


def matching_regulations(index: CitationIndex, parsed: Parsed) -> list[Regulation]:
    def fits(reg: Regulation) -> bool:
        return (
            (parsed.regulation_id is None or reg.id == parsed.regulation_id)
            and (parsed.doctype is None or reg.doctype == parsed.doctype)
            and (parsed.place is None or reg.place == parsed.place)
            and (parsed.place_text is None)
            and (parsed.number is None or (reg.number or "").lower() == parsed.number)
            and (parsed.year is None or reg.year == parsed.year)
            and (parsed.region is None or _region(reg) == parsed.region)
        )

    return [reg for reg in index.regulations if fits(reg)]


def _region(reg: Regulation) -> str | None:
    if reg.place is None:
        return None
    return "kab" if reg.place.startswith("kab-") else "kota"


def path_of(parsed: Parsed) -> tuple[tuple[str, str], ...]:
    return tuple((k, getattr(parsed, k)) for k in PROVISION_KINDS if getattr(parsed, k))


def unit_iri(reg: Regulation, parsed: Parsed) -> str | None:
    try:
        iri = Iri.parse(reg.iri)
        for kind, value in path_of(parsed):
            iri = iri.child(kind, value)
    except IriError:
        return None
    return str(iri)


# --- not found ----------------------------------------------------------------------------
_KIND_NAMES = {"pasal": "Pasal", "ayat": "ayat", "huruf": "huruf", "angka": "angka"}


def _value_text(kind: str, value: str) -> str:
    return f"({value})" if kind == "ayat" else value


def provision_text(parsed: Parsed) -> str:
    return " ".join(f"{_KIND_NAMES[k]} {_value_text(k, v)}" for k, v in path_of(parsed))


def unit_missing(index: CitationIndex, reg: Regulation, parsed: Parsed, lang: str) -> CiteResult:
    """Name the first level that does not exist, what exists there, and the nearest unit."""
    path = path_of(parsed)
    holder_iri, holder_label = reg.iri, reg.citation
    for depth, (kind, value) in enumerate(path):
        iri = unit_iri(reg, _parsed_prefix(parsed, depth + 1))
        if iri in index.units:
            holder_iri, holder_label = iri, _short(index.units[iri].label, reg)
            continue
        siblings = _children(index, holder_iri, reg)
        same = [u for u in siblings if u.kind == kind]
        missing = f"{_KIND_NAMES[kind]} {_value_text(kind, value)}"
        if same:
            listing = _compact(kind, [u.number or "" for u in same])
            message = say(
                lang,
                f"{missing} tidak ada; {holder_label} memiliki {_KIND_NAMES[kind]} {listing}",
                f"{missing} does not exist; {holder_label} has {_KIND_NAMES[kind]} {listing}",
            )
            nearest = _nearest(same, value)
        else:
            other = _describe_children(siblings)
            message = say(
                lang,
                f"{missing} tidak ada; {holder_label} tidak memiliki {_KIND_NAMES[kind]}"
                + (f" (yang ada: {other})" if other else ""),
                f"{missing} does not exist; {holder_label} has no {_KIND_NAMES[kind]}"
                + (f" (it has: {other})" if other else ""),
            )
            nearest = index.units.get(holder_iri)
        return CiteResult(
            NOT_FOUND,
            "unit-not-found",
            message,
            parsed=parsed.to_json(),
            exists={
                "within": index.units[holder_iri].label
                if holder_iri in index.units
                else reg.citation,
                "kind": kind,
                "values": [u.number for u in same],
            },
            nearest=ref_json(nearest) if nearest else reg_json(reg),
        )
    raise ValueError(f"{provision_text(parsed)} exists in {reg.id}: nothing is missing")


def _parsed_prefix(parsed: Parsed, depth: int) -> Parsed:
    kinds = [k for k, _ in path_of(parsed)][:depth]
    return Parsed(**{k: getattr(parsed, k) for k in kinds})


def _short(label: str, reg: Regulation) -> str:
    """ "Pasal 21" from "Pasal 21 Peraturan Wali Kota Palu Nomor 28 Tahun 2023"."""
    return label.removesuffix(" " + reg.citation) or label


def _children(index: CitationIndex, holder_iri: str, reg: Regulation) -> list[Unit]:
    if holder_iri == reg.iri:  # the Pasal of a regulation, wherever BAB and Bagian put them
        pasal = [
            u
            for u in index.units.values()
            if u.regulation == reg.iri and u.kind == "pasal" and _is_top_pasal(index, u)
        ]
        return sorted(pasal, key=lambda u: _number_key(u.number or ""))
    return [index.units[c] for c in index.units[holder_iri].children]


def _is_top_pasal(index: CitationIndex, unit: Unit) -> bool:
    parent = index.units.get(unit.parent or "")
    while parent is not None:
        if parent.kind not in CONTEXT_KINDS:
            return False
        parent = index.units.get(parent.parent or "")
    return True


def _number_key(number: str) -> tuple[int, str]:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 0, number)


def _compact(kind: str, numbers: list[str]) -> str:
    """``["1", "2", "3", "5"]`` → ``(1)–(3), (5)`` for ayat, ``1–3, 5`` otherwise."""
    runs: list[list[str]] = []
    for number in numbers:
        previous = runs[-1][-1] if runs else None
        if previous is not None and _follows(previous, number):
            runs[-1].append(number)
        else:
            runs.append([number])
    shown = []
    for run in runs:
        first, last = _value_text(kind, run[0]), _value_text(kind, run[-1])
        shown.append(first if len(run) == 1 else f"{first}–{last}")
    return ", ".join(shown)


def _follows(previous: str, number: str) -> bool:
    if previous.isdigit() and number.isdigit():
        return int(number) == int(previous) + 1
    if len(previous) == 1 and len(number) == 1 and previous.isalpha():
        return ord(number) == ord(previous) + 1
    return False


def _nearest(units: list[Unit], value: str) -> Unit:
    def distance(unit: Unit) -> float:
        a, b = unit.number or "", value
        if a.isdigit() and b.isdigit():
            return abs(int(a) - int(b))
        if len(a) == 1 and len(b) == 1:
            return abs(ord(a) - ord(b))
        return 1 - difflib.SequenceMatcher(None, a, b).ratio()

    return min(units, key=distance)


def _describe_children(units: list[Unit]) -> str:
    kinds: dict[str, list[str]] = {}
    for unit in units:
        if unit.kind in _KIND_NAMES:
            kinds.setdefault(unit.kind, []).append(unit.number or "")
    return "; ".join(f"{_KIND_NAMES[k]} {_compact(k, v)}" for k, v in kinds.items())


def regulation_missing(index: CitationIndex, parsed: Parsed, lang: str) -> CiteResult:
    """No regulation fits: an instrument the graph only cites, or the closest ids."""
    wanted = describe_regulation(index, parsed)
    instrument = _matching_instrument(index, parsed)
    if instrument is not None:
        return CiteResult(
            NOT_FOUND,
            "regulation-not-in-corpus",
            say(
                lang,
                f"{instrument.citation} hanya dikenal sebagai rujukan; teksnya tidak ada "
                "dalam graf.",
                f"{instrument.citation} is only known as a cited instrument; its text is "
                "not in the graph.",
            ),
            parsed=parsed.to_json(),
            instrument={"citation": instrument.citation, "iri": instrument.iri},
        )
    place = _unknown_place(index, parsed)
    if place is not None:
        ids = ", ".join(reg.id or "" for reg in index.regulations)
        return CiteResult(
            NOT_FOUND,
            "regulation-not-found",
            say(
                lang,
                f"{place} tidak ada dalam korpus; peraturan yang ada: {ids}.",
                f"{place} is not in the corpus; the regulations there are: {ids}.",
            ),
            parsed=parsed.to_json(),
            exists={"regulations": [reg.id for reg in index.regulations]},
        )
    suggestions = suggest(index, parsed)
    names = ", ".join(s["regulation"] for s in suggestions)
    return CiteResult(
        NOT_FOUND,
        "regulation-not-found",
        say(
            lang,
            f"{wanted} tidak ada dalam graf" + (f"; yang paling mirip: {names}" if names else ""),
            f"{wanted} is not in the graph" + (f"; the closest: {names}" if names else ""),
        ),
        parsed=parsed.to_json(),
        suggestions=suggestions,
    )


_REGION_NAMES = {"kota": "Kota", "kab": "Kabupaten"}
_SMALL_WORDS = frozenset({"dan", "di", "dalam", "pada", "dari", "atau"})


def _unknown_place(index: CitationIndex, parsed: Parsed) -> str | None:
    """ "Kota Bandung" when the citation names a city (or regency) none of whose
    regulations is in the corpus; None otherwise."""
    regional = {reg.doctype for reg in index.regulations if reg.place}
    if not parsed.place_text or parsed.regulation_id or parsed.doctype not in regional:
        return None
    names = [name.lower() for name in index.places.values() if name]
    if difflib.get_close_matches(parsed.place_text.replace("-", " "), names, n=1, cutoff=0.75):
        return None  # a misspelt place of the corpus ("Tebingtinggi"): the closest ids help
    kind = parsed.region or ("kab" if parsed.doctype == "perbup" else "kota")
    return f"{_REGION_NAMES.get(kind, 'Kota')} {_title(parsed.place_text)}"


def _title(words: str) -> str:
    return " ".join(w if w in _SMALL_WORDS else w.capitalize() for w in words.split())


def describe_regulation(index: CitationIndex, parsed: Parsed) -> str:
    """The regulation as a citation names it, by the type's label: "Peraturan Wali Kota
    Bandung Nomor 3 Tahun 2023" (or the id, for "semarang-85-2022")."""
    if parsed.regulation_id:
        return parsed.regulation_id
    labels = index.doctype_labels.get(parsed.doctype or "", {})
    parts = [labels.get("id") or "Peraturan"]
    if parsed.region and parsed.doctype not in ("perwal", "perbup"):
        parts.append(_REGION_NAMES.get(parsed.region, ""))
    if parsed.place:
        parts.append(index.places.get(parsed.place) or _title(parsed.place.replace("-", " ")))
    elif parsed.place_text:
        parts.append(_title(parsed.place_text))
    if parsed.number:
        parts.append(f"Nomor {parsed.number.upper()}")
    if parsed.year:
        parts.append(f"Tahun {parsed.year}")
    return " ".join(part for part in parts if part)


def _matching_instrument(index: CitationIndex, parsed: Parsed) -> Regulation | None:
    if parsed.number is None or parsed.year is None:
        return None
    for inst in index.instruments:
        if (
            (inst.number or "").lower() == parsed.number
            and inst.year == parsed.year
            and (parsed.doctype is None or inst.doctype == parsed.doctype)
            and (parsed.place is None or inst.place == parsed.place)
            and _issuer_fits(inst, parsed.place_text)
        ):
            return inst
    return None


def _issuer_fits(inst: Regulation, words: str | None) -> bool:
    """The words after the type: a national instrument's ministry ("PANRB") says nothing
    checkable; a regional one's must be its place."""
    if not words or inst.place is None:
        return True
    return words.replace("-", " ") == (inst.place_name or inst.place).lower()


def suggest(index: CitationIndex, parsed: Parsed, limit: int = 3) -> list[dict]:
    """The regulations closest to what ``parsed`` names: id, place, number and year."""
    wanted_place = (parsed.place or parsed.place_text or "").replace("-", " ")
    scored = []
    for reg in index.regulations:
        score = 0.0
        if parsed.regulation_id:
            score += 3 * difflib.SequenceMatcher(None, parsed.regulation_id, reg.id).ratio()
        if wanted_place:
            name = (reg.place_name or reg.place or "").lower()
            score += 2 * difflib.SequenceMatcher(None, wanted_place, name).ratio()
        score += 1.0 if parsed.number and parsed.number == (reg.number or "").lower() else 0
        score += 1.0 if parsed.year and parsed.year == reg.year else 0
        score += 0.5 if parsed.doctype and parsed.doctype == reg.doctype else 0
        scored.append((score, reg))
    scored.sort(key=lambda pair: -pair[0])
    best = [reg for score, reg in scored if score >= 1.0][:limit]
    return [reg_json(reg) for reg in best]


# --- ambiguous ----------------------------------------------------------------------------
def ambiguous(
    index: CitationIndex, parsed: Parsed, regulations: list[Regulation], lang: str
) -> CiteResult:
    candidates = []
    for reg in regulations:
        if not parsed.has_provision:
            candidates.append(reg_json(reg))
            continue
        iri = unit_iri(reg, parsed)
        if iri in index.units:
            candidates.append({"regulation": reg.id, **ref_json(index.units[iri])})
    what = provision_text(parsed) or describe_regulation(index, parsed)
    if not candidates:
        return CiteResult(
            NOT_FOUND,
            "unit-not-found",
            say(
                lang,
                f"{what} tidak ada dalam peraturan mana pun yang cocok "
                f"({', '.join(r.id or '' for r in regulations)}).",
                f"{what} exists in none of the matching regulations "
                f"({', '.join(r.id or '' for r in regulations)}).",
            ),
            parsed=parsed.to_json(),
        )
    return CiteResult(
        AMBIGUOUS,
        "ambiguous-citation",
        say(
            lang,
            f"{what} ada dalam {len(candidates)} peraturan; sebutkan peraturannya.",
            f"{what} exists in {len(candidates)} regulations; name the regulation.",
        ),
        parsed=parsed.to_json(),
        candidates=candidates,
    )
