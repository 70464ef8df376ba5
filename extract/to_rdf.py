"""Stage 4: a parsed :class:`~extract.model.Regulation` as RDF quads.

One named graph per regulation (graph IRI = the regulation's work IRI); the instruments
cited by any regulation are described once, in a shared graph, so every regulation links
to the same node for PermenPANRB 7/2022. Terms are pyoxigraph's, so a build writes
straight into the embedded store.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from extract import vocab as v
from extract.citation import cite
from extract.definitions import find_definitions_article
from extract.instruments import slug
from extract.iri import Iri, Work
from extract.model import Definition, Explanation, Instrument, Item, Regulation, Unit

INSTRUMENTS_GRAPH = NamedNode(v.BASE + "graph/instruments")

_TYPE = NamedNode(v.RDF + "type")
_LABEL = NamedNode(v.RDFS + "label")
_XSD_INT = NamedNode(v.XSD + "integer")
_XSD_DATE = NamedNode(v.XSD + "date")
_XSD_BOOL = NamedNode(v.XSD + "boolean")
_SUBDIVISION = NamedNode(v.ELI + "LegalResourceSubdivision")
_LEGAL_RESOURCE = NamedNode(v.ELI + "LegalResource")
_HAS_PART = NamedNode(v.ELI + "has_part")
_IS_PART_OF = NamedNode(v.ELI + "is_part_of")
_NUMBER = NamedNode(v.ELI + "number")
_TITLE = NamedNode(v.ELI + "title")
_SKOS_DEFINITION = NamedNode(v.SKOS + "definition")
_SKOS_CONCEPT = NamedNode(v.SKOS + "Concept")


@lru_cache(maxsize=1024)
def predicate_node(iri: str) -> NamedNode:
    """The node of a predicate (or class) IRI, made once: a build adds millions of triples
    with a few hundred distinct predicates, and making a node checks its IRI."""
    return NamedNode(iri)


def blank_node() -> BlankNode:
    """A fresh blank node, its label 128 random bits from the operating system.

    Not ``BlankNode()``: pyoxigraph draws that label from a generator that a forked
    process inherits mid-sequence, so the build's workers (:mod:`extract.semantic_pool`)
    and the build process would draw the same labels and merge unrelated nodes.
    """
    return BlankNode(f"{secrets.randbits(128):x}")


def node(iri: Iri | Work | str) -> NamedNode:
    return NamedNode(str(iri))


def text(value: str) -> Literal:
    return Literal(value, language="id")


def integer(value: int) -> Literal:
    return Literal(str(value), datatype=_XSD_INT)


def plain(value: str) -> Literal:
    return Literal(value)


class _Emitter:
    """Collects the quads of one regulation's graph."""

    def __init__(self, regulation: Regulation):
        self.reg = regulation
        self.graph = node(regulation.work)
        self.work = node(regulation.work)
        self.quads: list[Quad] = []
        self.single_lampiran = (
            len(regulation.lampiran) == 1 and regulation.lampiran[0].marker == "LAMPIRAN"
        )

    def add(self, subject, predicate: str, obj) -> None:
        self.quads.append(Quad(subject, predicate_node(predicate), obj, self.graph))

    def label(self, iri: Iri) -> Literal:
        return text(cite(iri.path, self.reg.citation, self.single_lampiran))

    def part(
        self, subject: NamedNode, iri: Iri, klass: str, parent: NamedNode, position: int
    ) -> None:
        """Triples every subdivision has: type, place in the tree, label, regulation."""
        self.quads.append(Quad(subject, _TYPE, NamedNode(klass), self.graph))
        self.quads.append(Quad(subject, _TYPE, _SUBDIVISION, self.graph))
        self.quads.append(Quad(subject, _IS_PART_OF, parent, self.graph))
        self.quads.append(Quad(parent, _HAS_PART, subject, self.graph))
        self.quads.append(Quad(subject, _LABEL, self.label(iri), self.graph))
        self.add(subject, v.REGULATION, self.work)
        self.add(subject, v.POSITION, integer(position))
        self.add(subject, v.SOURCE_FILE, plain(self.reg.source_file))

    def span(self, subject, start: int, end: int) -> None:
        self.add(subject, v.START_OFFSET, integer(start))
        self.add(subject, v.END_OFFSET, integer(end))


def regulation_quads(regulation: Regulation) -> list[Quad]:
    """Every quad of one regulation's named graph."""
    out = _Emitter(regulation)
    _regulation(out)
    for position, unit in enumerate(regulation.body, start=1):
        _unit(out, unit, out.work, position)
    for position, annex in enumerate(regulation.lampiran, start=len(regulation.body) + 1):
        _unit(out, annex, out.work, position)
    for section, items in (
        ("menimbang", regulation.menimbang),
        ("mengingat", regulation.mengingat),
    ):
        for position, item in enumerate(items, start=1):
            _item(out, section, item, position)
    _definitions(out)
    for position, part in enumerate(regulation.penjelasan, start=1):
        _explanation(out, part, out.work, position)
    _warnings(out)
    return out.quads


def _regulation(out: _Emitter) -> None:
    reg, work = out.reg, out.work
    out.quads.append(Quad(work, _TYPE, _LEGAL_RESOURCE, out.graph))
    out.add(work, v.RDF + "type", NamedNode(v.REGULATION_CLASS))
    out.add(work, v.ELI + "type_document", NamedNode(v.DOCTYPE + reg.doctype.concept))
    out.add(work, v.ELI + "number", plain(reg.work.number))
    out.add(work, v.YEAR, integer(reg.work.year))
    out.add(work, v.ELI + "title", text(reg.title))
    out.add(work, v.RDFS + "label", text(reg.citation))
    out.add(work, v.REGULATION_ID, plain(reg.id))
    out.add(work, v.SOURCE_FILE, plain(reg.source_file))
    jurisdiction = NamedNode(v.JURISDICTION + reg.work.jurisdiction)
    out.add(work, v.ELI + "jurisdiction", jurisdiction)
    out.add(jurisdiction, v.RDF + "type", _SKOS_CONCEPT)
    out.add(jurisdiction, v.SKOS + "prefLabel", text(reg.region_label))
    if reg.province:
        out.add(jurisdiction, v.PROVINCE, text(reg.province))
    _closing(out)
    for item in reg.mengingat:
        if item.instrument is not None:
            out.add(work, v.ELI + "based_on", node(item.instrument.work))


def _closing(out: _Emitter) -> None:
    closing, work = out.reg.closing, out.work
    dated = (
        (v.ELI + "date_document", closing.enacted_date),
        (v.ELI + "date_publication", closing.promulgated_date),
    )
    for predicate, value in dated:
        if value is not None:
            out.add(work, predicate, Literal(value.isoformat(), datatype=_XSD_DATE))
    texts = (
        (v.PLACE_ENACTED, closing.enacted_place),
        (v.PLACE_PROMULGATED, closing.promulgated_place),
        (v.SIGNATORY_NAME, closing.signatory_name),
        (v.SIGNATORY_OFFICE, closing.signatory_office),
        (v.PROMULGATOR_NAME, closing.promulgator_name),
        (v.PROMULGATOR_OFFICE, closing.promulgator_office),
        (v.GAZETTE_NUMBER, closing.gazette_number),
        (v.GAZETTE_NAME, closing.gazette_name),
        (v.SUPPLEMENT_NUMBER, closing.supplement_number),
    )
    for predicate, value in texts:
        if value:
            out.add(work, predicate, plain(value))
    if closing.gazette_year is not None:
        out.add(work, v.GAZETTE_YEAR, integer(closing.gazette_year))
    out.add(
        work,
        v.SIGNATORY_ACTING,
        Literal("true" if closing.signatory_acting else "false", datatype=_XSD_BOOL),
    )
    if closing.signatory_office:
        office = closing.signatory_office.removeprefix("Pj. ").removeprefix("Plt. ")
        agent = NamedNode(f"{v.AGENT}{out.reg.work.jurisdiction}/{slug(office)}")
        out.add(work, v.ELI + "passed_by", agent)
        out.add(agent, v.RDFS + "label", text(office))


def _unit(out: _Emitter, unit: Unit, parent: NamedNode, position: int) -> None:
    subject = node(unit.iri)
    out.part(subject, unit.iri, v.UNIT_CLASSES[unit.kind], parent, position)
    out.add(subject, v.ELI + "number", plain(unit.number))
    if unit.text:
        out.add(subject, v.TEXT, text(unit.text))
    if unit.heading:
        out.add(subject, v.HEADING, text(unit.heading))
    if unit.inferred:
        out.add(subject, v.HEADING_INFERRED, Literal("true", datatype=_XSD_BOOL))
    out.span(subject, unit.start, unit.end)
    for child_position, child in enumerate(unit.children, start=1):
        _unit(out, child, subject, child_position)


def _explanation(out: _Emitter, part: Explanation, parent: NamedNode, position: int) -> None:
    """A Penjelasan node: ``…/penjelasan/umum`` or ``…/penjelasan/pasal/5/ayat/1``, linked
    both ways to the provision it explains."""
    subject = node(part.iri)
    umum = part.explains is None and part.iri.path == (("penjelasan", "umum"),)
    klass = v.PENJELASAN_UMUM_CLASS if umum else v.PENJELASAN_UNIT_CLASS
    for cls in (klass, v.PENJELASAN_CLASS):
        out.add(subject, v.RDF + "type", NamedNode(cls))
    out.add(subject, v.ELI + "is_part_of", parent)
    out.add(parent, v.ELI + "has_part", subject)
    explained = cite(part.iri.path[1:], out.reg.citation) if not umum else out.reg.citation
    out.add(subject, v.RDFS + "label", text(f"Penjelasan {'Umum ' if umum else ''}{explained}"))
    out.add(subject, v.REGULATION, out.work)
    out.add(subject, v.POSITION, integer(position))
    out.add(subject, v.SOURCE_FILE, plain(out.reg.source_file))
    out.add(subject, v.TEXT, text(part.text))
    out.span(subject, part.start, part.end)
    if part.explains is not None:
        out.add(subject, v.EXPLAINS, node(part.explains))
        out.add(node(part.explains), v.EXPLAINED_BY, subject)
    for child_position, child in enumerate(part.children, start=1):
        _explanation(out, child, subject, child_position)


def _item(out: _Emitter, section: str, item: Item, position: int) -> None:
    iri = Iri(out.reg.work).child(section, item.number)
    subject = node(iri)
    out.part(subject, iri, v.UNIT_CLASSES[section], out.work, position)
    out.add(subject, v.ELI + "number", plain(item.number))
    out.add(subject, v.TEXT, text(item.text))
    out.span(subject, item.start, item.end)
    for instrument in item.cites:
        out.add(subject, v.CITES, node(instrument.work))
    if item.pinpoint:
        out.add(subject, v.PINPOINT, text(item.pinpoint))


def definition_iris(regulation: Regulation) -> list[tuple[Definition, Iri]]:
    """Each definition with its IRI (``…/definisi/sistem-kerja``; a repeated term gets -2)."""
    seen: Counter[str] = Counter()
    out = []
    for definition in regulation.definitions:
        key = slug(definition.term) or f"angka-{definition.angka}"
        seen[key] += 1
        token = key if seen[key] == 1 else f"{key}-{seen[key]}"
        out.append((definition, Iri(regulation.work).child("definisi", token)))
    return out


def _definitions(out: _Emitter) -> None:
    article = find_definitions_article(out.reg.body)
    for position, (definition, iri) in enumerate(definition_iris(out.reg), start=1):
        subject = node(iri)
        angka = article.iri.child("angka", definition.angka) if article else None
        parent = node(angka) if angka else out.work
        out.quads.append(Quad(subject, _TYPE, NamedNode(v.UNIT_CLASSES["definisi"]), out.graph))
        out.quads.append(Quad(subject, _TYPE, _SUBDIVISION, out.graph))
        out.quads.append(Quad(subject, _IS_PART_OF, parent, out.graph))
        out.add(subject, v.REGULATION, out.work)
        out.add(subject, v.POSITION, integer(position))
        where = cite(angka.path, out.reg.citation) if angka else out.reg.citation
        out.add(subject, v.RDFS + "label", text(f'Definisi "{definition.term}" dalam {where}'))
        out.add(subject, v.TERM, text(definition.term))
        if definition.abbreviation:
            out.add(subject, v.ABBREVIATION, text(definition.abbreviation))
        out.quads.append(Quad(subject, _SKOS_DEFINITION, text(definition.text), out.graph))
        out.span(subject, definition.start, definition.end)
        if angka:
            out.add(parent, v.DEFINES, subject)


def _warnings(out: _Emitter) -> None:
    for warning in out.reg.warnings:
        subject = blank_node()
        out.add(out.work, v.HAS_WARNING, subject)
        out.add(subject, v.RDF + "type", NamedNode(v.WARNING_CLASS))
        out.add(subject, v.WARNING_CODE, plain(warning.code))
        out.add(subject, v.MESSAGE, text(warning.message))
        if warning.unit is not None:
            out.add(subject, v.CONCERNS, node(warning.unit))
            if warning.code == "ocr-recovered":  # as pw:headingInferred: provenance on the unit
                out.add(node(warning.unit), v.OCR_RECOVERED, Literal("true", datatype=_XSD_BOOL))
        if warning.span is not None:
            out.span(subject, warning.span.start, warning.span.end)


def instrument_quads(regulations: Iterable[Regulation]) -> Iterator[Quad]:
    """The shared description of every instrument cited, in the instruments graph.

    An instrument cited with different titles keeps the one most regulations give it.
    """
    titles: dict[Work, Counter] = {}
    first: dict[Work, Instrument] = {}
    regulations = list(regulations)
    ingested = {regulation.work for regulation in regulations}
    for regulation in regulations:
        for item in (*regulation.menimbang, *regulation.mengingat):
            for instrument in item.cites:
                first.setdefault(instrument.work, instrument)
                titles.setdefault(instrument.work, Counter())[instrument.title] += bool(
                    instrument.title
                )
    for work, instrument in first.items():
        subject = node(work)
        if work in ingested:  # its own graph describes it; here it is only typed as cited
            yield Quad(subject, _TYPE, NamedNode(v.INSTRUMENT_CLASS), INSTRUMENTS_GRAPH)
            continue
        title = titles[work].most_common(1)[0][0] if titles[work] else None
        described = Instrument(work, instrument.doctype, title, instrument.region)
        yield Quad(subject, _TYPE, _LEGAL_RESOURCE, INSTRUMENTS_GRAPH)
        yield Quad(subject, _TYPE, NamedNode(v.INSTRUMENT_CLASS), INSTRUMENTS_GRAPH)
        yield Quad(
            subject,
            NamedNode(v.ELI + "type_document"),
            NamedNode(v.DOCTYPE + instrument.doctype.concept),
            INSTRUMENTS_GRAPH,
        )
        if work.number is not None:
            yield Quad(subject, _NUMBER, plain(work.number), INSTRUMENTS_GRAPH)
        yield Quad(subject, NamedNode(v.YEAR), integer(work.year), INSTRUMENTS_GRAPH)
        if title:
            yield Quad(subject, _TITLE, text(title), INSTRUMENTS_GRAPH)
        yield Quad(subject, _LABEL, text(described.label), INSTRUMENTS_GRAPH)
        yield Quad(
            subject,
            NamedNode(v.ELI + "jurisdiction"),
            NamedNode(v.JURISDICTION + work.jurisdiction),
            INSTRUMENTS_GRAPH,
        )
