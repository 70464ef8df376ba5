"""The HTML answers of the linked-data IRIs of regulations and their units.

:func:`html_page` is called by ``server.linked_data`` for a browser: the regulation page
(table of contents, full text with anchors, definitions, Mengingat, Penjelasan, Lampiran)
or the provision page (text, breadcrumbs, citation, cites / cited by, norms, topics, and
"Bandingkan": the counterparts in the other regulations with a word-level diff). ``None``
for any other IRI (the generic linked-data page answers).
"""

from __future__ import annotations

from flask import render_template

from capabilities import align, cite
from capabilities.cite_index import CitationIndex, Unit, citation_index
from capabilities.diff import diff
from capabilities.similarity import ComparisonError
from capabilities.source import cached
from server.api.common import graph_source
from server.linked_data import href
from server.web.data import norms_within, penjelasan, regulations, topics_of
from server.web.i18n import current_language

TOC_KINDS = ("bab", "bagian", "paragraf", "pasal")
PROVISION_KINDS = ("bab", "bagian", "paragraf", "pasal", "ayat", "huruf", "angka", "lampiran",
                   "bagian-lampiran", "menimbang", "mengingat")  # fmt: skip


def html_page(iri: str) -> str | None:
    """The regulation or provision page of ``iri``, or None when it is neither."""
    source = graph_source()
    index = citation_index(source)
    reg = index.regulation(iri)
    if reg is not None and reg.id:
        return regulation_page(source, index, reg)
    unit = index.units.get(iri)
    if unit is not None and unit.kind in PROVISION_KINDS:
        return provision_page(source, index, unit)
    return None


# --- regulation ----------------------------------------------------------------------------
def regulation_page(source, index: CitationIndex, reg) -> str:
    top = [index.units[i] for i in _children(index, reg.iri)]
    info = next((r for r in regulations(source) if r.iri == reg.iri), None)
    body = [u for u in top if u.kind not in ("menimbang", "mengingat", "lampiran")]
    return render_template(
        "regulation.html",
        reg=reg,
        info=info,
        toc=_toc(index, body),
        body=body,
        menimbang=[u for u in top if u.kind == "menimbang"],
        mengingat=[_mengingat(index, u) for u in top if u.kind == "mengingat"],
        lampiran=[u for u in top if u.kind == "lampiran"],
        definitions=_definitions(index, reg.iri),
        penjelasan=penjelasan(source, reg.iri),
        index=index,
        anchor=anchor,
        href=href,
    )


def _children(index: CitationIndex, iri: str) -> list[str]:
    unit = index.units.get(iri)
    if unit is not None:
        return unit.children
    tops = [u for u in index.units.values() if u.regulation == iri and u.parent == iri]
    return [u.iri for u in sorted(tops, key=lambda u: u.position)]


def _toc(index: CitationIndex, units: list[Unit]) -> list[dict]:
    """The nested table of contents (BAB / Bagian / Paragraf / Pasal)."""
    out = []
    for unit in units:
        if unit.kind not in TOC_KINDS:
            continue
        children = [index.units[i] for i in unit.children]
        out.append({"unit": unit, "children": _toc(index, children)})
    return out


def anchor(unit: Unit) -> str:
    """The fragment id of a unit on its regulation page (``pasal-21-ayat-4``)."""
    return unit.iri.split("/perwal/", 1)[-1].split("/", 2)[-1].replace("/", "-")


def _mengingat(index: CitationIndex, unit: Unit) -> dict:
    links = [
        {"label": index.labels.get(link.target, link.text), "href": href(link.target)}
        for link in index.cites.get(unit.iri, [])
        if link.target and link.target.startswith("https://w3id.org/perwali-kg/")
    ]
    return {"unit": unit, "links": links}


def _definitions(index: CitationIndex, reg_iri: str) -> list[Unit]:
    """The numbered items of Pasal 1 (the definitions), in order."""
    pasal_1 = index.units.get(reg_iri + "/pasal/1")
    if pasal_1 is None:
        return []
    out, pending = [], list(pasal_1.children)
    while pending:
        unit = index.units[pending.pop(0)]
        if unit.kind == "angka":
            out.append(unit)
        else:
            pending[:0] = unit.children
    return out


# --- provision -----------------------------------------------------------------------------
def provision_page(source, index: CitationIndex, unit: Unit) -> str:
    lang = current_language()
    result = cite.found(index, unit)
    pasal = _pasal_of(index, unit)
    return render_template(
        "provision.html",
        unit=unit,
        result=result,
        reg=index.regulation(unit.regulation),
        crumbs=_breadcrumbs(index, unit),
        norms=norms_within(source, unit.iri),
        topics=topics_of(source, unit.iri, lang),
        counterparts=_counterparts(source, index, pasal) if pasal else [],
        pasal=pasal,
        index=index,
        anchor=anchor,
        href=href,
    )


def _pasal_of(index: CitationIndex, unit: Unit) -> Unit | None:
    probe: Unit | None = unit
    while probe is not None and probe.kind != "pasal":
        probe = index.units.get(probe.parent) if probe.parent else None
    return probe


def _breadcrumbs(index: CitationIndex, unit: Unit) -> list[dict]:
    chain = []
    probe = index.units.get(unit.parent) if unit.parent else None
    while probe is not None:
        chain.append({"text": _short(probe), "href": href(probe.iri)})
        probe = index.units.get(probe.parent) if probe.parent else None
    reg = index.regulation(unit.regulation)
    if reg is not None:
        chain.append({"text": reg.citation, "href": href(reg.iri)})
    return list(reversed(chain))


def _short(unit: Unit) -> str:
    """ "BAB II", "Pasal 21", "ayat (4)": the unit's own level of its citation."""
    own = unit.label.split(" Peraturan ", 1)[0]  # "BAB II Bagian Ketiga", "Pasal 21 ayat (4)"
    for word in ("angka", "huruf", "ayat", "Paragraf", "Bagian"):
        if f" {word} " in f" {own} ":
            return word + own.rsplit(f"{word}", 1)[1] if unit.kind != "pasal" else own
    return own


def _counterparts(source, index: CitationIndex, pasal: Unit) -> list[dict]:
    """The counterpart Pasal in every other regulation (capabilities.align) with its diff."""
    out = []
    for reg in index.regulations:
        if not reg.id or reg.iri == pasal.regulation:
            continue
        other, score = align.counterpart(source, pasal.iri, reg.id)
        entry = {"reg": reg, "score": round(score, 2), "unit": None, "diff": None}
        if other is not None:
            entry["unit"] = index.units.get(other)
            try:
                entry["diff"] = _diff(source, pasal.iri, other)
            except ComparisonError:
                entry["diff"] = None
        out.append(entry)
    return sorted(out, key=lambda e: -(e["diff"].similarity if e["diff"] else -1))


def _diff(source, a: str, b: str):
    """``capabilities.diff.diff`` of two Pasal, kept per build: the pairs are few (one per
    Pasal and other regulation) and a long Pasal (the definitions) takes ~35 ms to diff."""
    memo = cached(source, "web-diffs", lambda _source: {})
    if (a, b) not in memo:
        memo[(a, b)] = diff(source, a, b)
    return memo[(a, b)]
