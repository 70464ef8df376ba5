"""Citations: ``resolve(source, ref)`` reads a citation as drafters write it and finds it.

Every outcome has its status (and HTTP status): ``found`` (200), ``not_found`` (404: well
formed but absent — the message names what exists and the nearest provision, or the
closest regulations), ``ambiguous`` (300: e.g. a provision without its regulation — every
candidate is listed), ``invalid`` (400: not a citation). Messages are Indonesian, or
English with ``lang="en"``.

>>> result = resolve(source, "psl 21 ayat 4 perwali palu 28/2023")   # doctest: +SKIP
>>> result.citation
'Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023'
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from capabilities.cite_index import (
    CONTEXT_KINDS,
    PROVISION_KINDS,
    CitationIndex,
    Regulation,
    Unit,
    citation_index,
    parse_iri,
)
from capabilities.cite_parse import Lexicon, Parsed, parse_query
from capabilities.source import GraphSource, cached
from extract.iri import Iri, IriError

FOUND, NOT_FOUND, AMBIGUOUS, INVALID = "found", "not_found", "ambiguous", "invalid"
HTTP_STATUS = {FOUND: 200, NOT_FOUND: 404, AMBIGUOUS: 300, INVALID: 400}
MAX_REF_CHARS = 500


@dataclass
class CiteResult:
    """The outcome of a citation; :meth:`to_json` gives the contract's fields."""

    status: str
    code: str | None = None  # a stable code for anything but ``found``
    message: str | None = None
    regulation: str | None = None
    pasal: str | None = None
    ayat: str | None = None
    huruf: str | None = None
    angka: str | None = None
    citation: str | None = None
    iri: str | None = None
    text: str | None = None
    context: dict | None = None
    cites: list[dict] = field(default_factory=list)
    cited_by: list[dict] = field(default_factory=list)
    parsed: dict | None = None
    candidates: list[dict] = field(default_factory=list)
    suggestions: list[dict] = field(default_factory=list)
    exists: dict | None = None
    nearest: dict | None = None
    instrument: dict | None = None

    @property
    def http_status(self) -> int:
        return HTTP_STATUS[self.status]

    def to_json(self) -> dict:
        if self.status == FOUND:
            keys = ("regulation", *PROVISION_KINDS, "citation", "iri", "text", "context")
            out = {key: getattr(self, key) for key in keys}
            return {**out, "cites": self.cites, "cited_by": self.cited_by, "status": FOUND}
        out = {"code": self.code, "message": self.message, "status": self.status}
        for key in ("parsed", "candidates", "suggestions", "exists", "nearest", "instrument"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


def say(lang: str, indonesian: str, english: str) -> str:
    return english if lang == "en" else indonesian


def lexicon(source: GraphSource) -> Lexicon:
    """The words of citations for this build (table + graph), cached."""
    index = citation_index(source)
    return cached(
        source, "cite-lexicon", lambda _: Lexicon.build(index.doctype_names, index.places)
    )


def resolve(source: GraphSource, ref: str, lang: str = "id") -> CiteResult:
    """Read ``ref`` as one citation and find it in the graph (never raises on any text)."""
    if len(ref) > MAX_REF_CHARS:
        return _invalid(lang, "citation-too-long", f"{len(ref)} > {MAX_REF_CHARS}")
    parsed = parse_query(ref, lexicon(source))
    if parsed is None:
        return _invalid(lang, "not-a-citation", ref.strip()[:80])
    if parsed.extra:
        return _invalid(lang, "not-a-citation", " ".join(parsed.extra)[:80], parsed)
    return resolve_parsed(citation_index(source), parsed, lang)


def _invalid(lang: str, code: str, detail: str, parsed: Parsed | None = None) -> CiteResult:
    if code == "citation-too-long":
        message = say(lang, f"Rujukan terlalu panjang ({detail} karakter).",
                      f"The reference is too long ({detail} characters).")  # fmt: skip
    else:
        message = say(
            lang,
            f"Bukan rujukan pasal atau peraturan yang dikenali: {detail!r}. Contoh: "
            '"Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023".',
            f"Not a recognisable citation of a provision or regulation: {detail!r}. Example: "
            '"Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023".',
        )
    return CiteResult(INVALID, code, message, parsed=parsed.to_json() if parsed else None)


def resolve_parsed(index: CitationIndex, parsed: Parsed, lang: str = "id") -> CiteResult:
    """Resolve a citation already read (also used by ``cite_extract``)."""
    if parsed.has_provision and parsed.top_level != "pasal":
        return CiteResult(
            INVALID,
            "incomplete-citation",
            say(
                lang,
                f"{_provision_text(parsed)}: sebutkan Pasal-nya (dan peraturannya).",
                f"{_provision_text(parsed)}: name its Pasal (and the regulation).",
            ),
            parsed=parsed.to_json(),
        )
    regulations = matching_regulations(index, parsed)
    if not regulations:
        return _regulation_missing(index, parsed, lang)
    named = parsed.has_regulation
    if len(regulations) > 1 or (not named and len(index.regulations) > 1):
        return _ambiguous(index, parsed, regulations, lang)
    return _lookup(index, regulations[0], parsed, lang)


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


def _path(parsed: Parsed) -> tuple[tuple[str, str], ...]:
    return tuple((k, getattr(parsed, k)) for k in PROVISION_KINDS if getattr(parsed, k))


def _unit_iri(reg: Regulation, parsed: Parsed) -> str | None:
    try:
        iri = Iri.parse(reg.iri)
        for kind, value in _path(parsed):
            iri = iri.child(kind, value)
    except IriError:
        return None
    return str(iri)


# --- found --------------------------------------------------------------------------------
def _lookup(index: CitationIndex, reg: Regulation, parsed: Parsed, lang: str) -> CiteResult:
    if not parsed.has_provision:
        return _found_regulation(index, reg)
    iri = _unit_iri(reg, parsed)
    unit = index.units.get(iri) if iri else None
    if unit is None:
        return unit_missing(index, reg, parsed, lang)
    return found(index, unit)


def found(index: CitationIndex, unit: Unit) -> CiteResult:
    """The answer for an existing unit."""
    levels = dict(parse_iri(unit.iri).path)
    reg = index.regulation(unit.regulation)
    return CiteResult(
        FOUND,
        regulation=reg.id if reg else None,
        **{kind: levels.get(kind) for kind in PROVISION_KINDS},
        citation=unit.label,
        iri=unit.iri,
        text=full_text(index, unit),
        context=_context(index, unit),
        cites=_cites(index, unit),
        cited_by=_cited_by(index, unit),
    )


def _found_regulation(index: CitationIndex, reg: Regulation) -> CiteResult:
    prefix = reg.iri + "/"
    return CiteResult(
        FOUND,
        regulation=reg.id,
        citation=reg.citation,
        iri=reg.iri,
        text="",
        context={kind: None for kind in CONTEXT_KINDS},
        cites=[],
        cited_by=[
            _link_json(index, link.source, link)
            for target, links in index.cited_by.items()
            if target == reg.iri
            for link in links
            if not link.source.startswith(prefix)
        ],
    )


_MARKERS = {"ayat": "({})", "huruf": "{}.", "angka": "{}."}


def full_text(index: CitationIndex, unit: Unit) -> str:
    """The unit's own text followed by its sub-units' ("(1) …", "a. …"), one per line."""
    lines = [unit.text] if unit.text else []
    for child_iri in unit.children:
        child = index.units[child_iri]
        marker = _MARKERS.get(child.kind)
        if marker is None:
            continue
        body = full_text(index, child)
        lines.append(f"{marker.format(child.number)} {body}".rstrip())
    return "\n".join(lines)


def _context(index: CitationIndex, unit: Unit) -> dict:
    context: dict = {kind: None for kind in CONTEXT_KINDS}
    parent = index.units.get(unit.parent or "")
    while parent is not None:
        if parent.kind in context:
            context[parent.kind] = {
                "number": parent.number,
                "heading": parent.heading,
                "citation": parent.label,
                "iri": parent.iri,
            }
        parent = index.units.get(parent.parent or "")
    return context


def _within(index: CitationIndex, unit: Unit) -> list[str]:
    stack, out = [unit.iri], []
    while stack:
        iri = stack.pop()
        out.append(iri)
        stack.extend(index.units[iri].children if iri in index.units else [])
    return out


def _cites(index: CitationIndex, unit: Unit) -> list[dict]:
    out = []
    for source in _within(index, unit):
        for link in index.cites.get(source, []):
            out.append(_link_json(index, link.target, link, source))
    return out


def _cited_by(index: CitationIndex, unit: Unit) -> list[dict]:
    out = []
    for target in _within(index, unit):
        for link in index.cited_by.get(target, []):
            out.append(_link_json(index, link.source, link, target))
    return out


def _link_json(index: CitationIndex, other: str | None, link, here: str | None = None) -> dict:
    """One end of a reference: the other provision's citation and IRI, and the phrase."""
    label = None
    if other:
        unit = index.units.get(other)
        label = unit.label if unit else index.labels.get(other)
    out = {"citation": label, "iri": other, "text": link.text, "kind": link.kind}
    if here is not None:
        unit = index.units.get(here)
        out["at"] = unit.label if unit else here
    return out


# --- not found ----------------------------------------------------------------------------
_KIND_NAMES = {"pasal": "Pasal", "ayat": "ayat", "huruf": "huruf", "angka": "angka"}


def _value_text(kind: str, value: str) -> str:
    return f"({value})" if kind == "ayat" else value


def _provision_text(parsed: Parsed) -> str:
    return " ".join(f"{_KIND_NAMES[k]} {_value_text(k, v)}" for k, v in _path(parsed))


def unit_missing(index: CitationIndex, reg: Regulation, parsed: Parsed, lang: str) -> CiteResult:
    """Name the first level that does not exist, what exists there, and the nearest unit."""
    path = _path(parsed)
    holder_iri, holder_label = reg.iri, reg.citation
    for depth, (kind, value) in enumerate(path):
        iri = _unit_iri(reg, _parsed_prefix(parsed, depth + 1))
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
            nearest=_ref_json(nearest) if nearest else _reg_json(reg),
        )
    return _found_regulation(index, reg)  # unreachable: the full path exists


def _parsed_prefix(parsed: Parsed, depth: int) -> Parsed:
    kinds = [k for k, _ in _path(parsed)][:depth]
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


def _ref_json(unit: Unit) -> dict:
    return {"citation": unit.label, "iri": unit.iri}


def _reg_json(reg: Regulation) -> dict:
    return {"regulation": reg.id, "citation": reg.citation, "iri": reg.iri}


def _regulation_missing(index: CitationIndex, parsed: Parsed, lang: str) -> CiteResult:
    """No regulation fits: an instrument the graph only cites, or the closest ids."""
    wanted = _describe_regulation(parsed)
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
    suggestions = suggest(index, parsed)
    names = ", ".join(s["regulation"] for s in suggestions)
    return CiteResult(
        NOT_FOUND,
        "regulation-not-found",
        say(
            lang,
            f"Peraturan {wanted} tidak ada dalam graf"
            + (f"; yang paling mirip: {names}" if names else ""),
            f"No regulation {wanted} in the graph" + (f"; the closest: {names}" if names else ""),
        ),
        parsed=parsed.to_json(),
        suggestions=suggestions,
    )


def _describe_regulation(parsed: Parsed) -> str:
    parts = [
        parsed.regulation_id,
        parsed.doctype,
        parsed.place or parsed.place_text,
        parsed.number and f"{parsed.number}",
        parsed.year and f"/{parsed.year}",
    ]
    return " ".join(p for p in parts if p).replace(" /", "/")


def _matching_instrument(index: CitationIndex, parsed: Parsed) -> Regulation | None:
    if parsed.number is None or parsed.year is None or parsed.place_text:
        return None
    for inst in index.instruments:
        if (
            (inst.number or "").lower() == parsed.number
            and inst.year == parsed.year
            and (parsed.doctype is None or inst.doctype == parsed.doctype)
            and (parsed.place is None or inst.place == parsed.place)
        ):
            return inst
    return None


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
    return [_reg_json(reg) for reg in best]


# --- ambiguous ----------------------------------------------------------------------------
def _ambiguous(
    index: CitationIndex, parsed: Parsed, regulations: list[Regulation], lang: str
) -> CiteResult:
    candidates = []
    for reg in regulations:
        if not parsed.has_provision:
            candidates.append(_reg_json(reg))
            continue
        iri = _unit_iri(reg, parsed)
        if iri in index.units:
            candidates.append({"regulation": reg.id, **_ref_json(index.units[iri])})
    what = _provision_text(parsed) or _describe_regulation(parsed)
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
