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

from capabilities.cite_index import (
    CONTEXT_KINDS,
    PROVISION_KINDS,
    CitationIndex,
    Regulation,
    Unit,
    citation_index,
    parse_iri,
)
from capabilities.cite_missing import (
    ambiguous,
    matching_regulations,
    provision_text,
    regulation_missing,
    unit_iri,
    unit_missing,
)
from capabilities.cite_parse import Lexicon, Parsed, parse_query
from capabilities.cite_result import (
    AMBIGUOUS,
    FOUND,
    HTTP_STATUS,
    INVALID,
    NOT_FOUND,
    CiteResult,
    say,
)
from capabilities.source import GraphSource, cached, is_cached

MAX_REF_CHARS = 500
__all__ = [
    "AMBIGUOUS", "FOUND", "HTTP_STATUS", "INVALID", "MAX_REF_CHARS", "NOT_FOUND", "CiteResult",
    "found", "full_text", "ready", "resolve", "resolve_parsed",
]  # fmt: skip


def ready(source: GraphSource) -> bool:
    """Whether this build's citation index and lexicon are in memory: :func:`resolve` is
    then a parse of at most ``MAX_REF_CHARS`` characters (linear: its patterns are fuzzed
    in tests/capabilities/test_cite_parse.py) and dictionary lookups, well under a
    millisecond."""
    return is_cached(source, "cite-index") and is_cached(source, "cite-lexicon")


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
                f"{provision_text(parsed)}: sebutkan Pasal-nya (dan peraturannya).",
                f"{provision_text(parsed)}: name its Pasal (and the regulation).",
            ),
            parsed=parsed.to_json(),
        )
    regulations = matching_regulations(index, parsed)
    if not regulations:
        return regulation_missing(index, parsed, lang)
    named = parsed.has_regulation
    if len(regulations) > 1 or (not named and len(index.regulations) > 1):
        return ambiguous(index, parsed, regulations, lang)
    return _lookup(index, regulations[0], parsed, lang)


# --- found --------------------------------------------------------------------------------
def _lookup(index: CitationIndex, reg: Regulation, parsed: Parsed, lang: str) -> CiteResult:
    if not parsed.has_provision:
        return _found_regulation(index, reg)
    iri = unit_iri(reg, parsed)
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
    """The references made inside ``unit``: one per (citing unit, cited IRI), in the order
    of the document (the citing unit first, then the cited one)."""
    pairs = {}
    for source in _within(index, unit):
        for link in index.cites.get(source, []):
            pairs.setdefault((source, link.target or link.text), (link.target, link, source))
    ordered = sorted(pairs.values(), key=lambda p: (_order(index, p[2]), _order(index, p[0])))
    return [_link_json(index, other, link, here) for other, link, here in ordered]


def _cited_by(index: CitationIndex, unit: Unit) -> list[dict]:
    """The references to ``unit`` (or inside it): one per (citing unit, cited unit), in the
    order of the document (the citing unit first)."""
    pairs = {}
    for target in _within(index, unit):
        for link in index.cited_by.get(target, []):
            pairs.setdefault((link.source, target), (link.source, link, target))
    ordered = sorted(pairs.values(), key=lambda p: (_order(index, p[0]), _order(index, p[2])))
    return [_link_json(index, other, link, here) for other, link, here in ordered]


def _order(index: CitationIndex, iri: str | None) -> tuple:
    """Where ``iri`` stands in its document: its regulation, then the positions from the
    top unit down (units elsewhere — other regulations' — sort by IRI after)."""
    unit = index.units.get(iri or "")
    if unit is None:
        return (iri or "", ())
    positions = []
    while unit is not None:
        positions.append(unit.position)
        unit = index.units.get(unit.parent or "")
    return (index.units[iri].regulation, tuple(reversed(positions)))


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
