"""RDF input (Turtle, JSON-LD, N-Triples, RDF/XML) -> the same records as the template.

Parsed with pyoxigraph, safely: no external entities (a DOCTYPE/ENTITY in RDF/XML is
refused), no remote JSON-LD contexts (an ``@context`` that is a URL is refused), nothing
fetched. The triples are read back into an :class:`Organisation` by the vocabulary of
``model`` (see README), checked like a CSV upload, and written into a fresh graph with the
derived facts: the upload is never merged into the served graph.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from capabilities.validate import model
from capabilities.validate.errors import ErrorList, InputErrors
from capabilities.validate.integrity import check_cycles, check_references
from capabilities.validate.model import (
    ORG,
    PW,
    PWV,
    Anggota,
    DataGraph,
    Organisation,
    Origin,
    Pegawai,
    Penugasan,
    Tim,
    Unit,
)

FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}
_JENJANG_OF_LEVEL = {
    str(PW["jenjang" + "".join(p.capitalize() for p in value.split("_"))]): value
    for value in model.JENJANG_CLASS
}


def format_of(filename: str) -> ox.RdfFormat | None:
    """The RDF format named by a file name's extension, or None."""
    return FORMATS.get(Path(filename).suffix.lower())


def accepted_forms() -> str:
    """Every accepted extension: the template's CSV, the other readers' (XLSX, zipped CSV:
    :data:`capabilities.validate.upload.READERS`) and RDF's."""
    from capabilities.validate.upload import READERS  # upload imports this module

    return ", ".join((".csv", *READERS, *FORMATS))


def read_rdf_file(path: Path) -> DataGraph:
    """Read an RDF file (format by extension)."""
    return read_rdf_bytes(Path(path).read_bytes(), Path(path).name)


def read_rdf_bytes(data: bytes, filename: str) -> DataGraph:
    """Parse RDF bytes (format by ``filename``'s extension) into a :class:`DataGraph`."""
    errors = ErrorList()
    rdf_format = format_of(filename)
    if rdf_format is None:
        _fail(
            filename,
            f"format berkas tidak dikenal; gunakan {accepted_forms()}",
            f"unknown file format; use {accepted_forms()}",
        )
    _refuse_unsafe(data, rdf_format, filename)
    graph = Graph()
    try:
        for triple in ox.parse(data, format=rdf_format):
            graph.add((_node(triple.subject), _node(triple.predicate), _node(triple.object)))
    except (SyntaxError, ValueError, OSError) as error:
        _fail(filename, f"RDF tidak dapat diurai: {error}", f"the RDF cannot be parsed: {error}")
    org = read_organisation(graph, filename, errors)
    check_references(org, errors)
    check_cycles(org, errors)
    errors.raise_if_any()
    return model.to_graph(org, filename, "rdf")


def _fail(filename: str, message_id: str, message_en: str) -> None:
    errors = ErrorList()
    errors.add(filename, None, None, None, message_id, message_en)
    raise InputErrors(errors.errors)


def _refuse_unsafe(data: bytes, rdf_format: ox.RdfFormat, filename: str) -> None:
    if rdf_format == ox.RdfFormat.RDF_XML and (b"<!DOCTYPE" in data or b"<!ENTITY" in data):
        _fail(
            filename,
            "RDF/XML dengan DOCTYPE/ENTITY ditolak (entitas eksternal)",
            "RDF/XML with a DOCTYPE/ENTITY is refused (external entities)",
        )
    if rdf_format == ox.RdfFormat.JSON_LD:
        try:
            document = json.loads(data)
        except ValueError as error:
            _fail(filename, f"JSON tidak sah: {error}", f"invalid JSON: {error}")
        if _remote_context(document):
            _fail(
                filename,
                "@context berupa URL ditolak; sertakan konteksnya di dalam dokumen",
                "an @context that is a URL is refused; put the context inside the document",
            )


def _remote_context(value) -> bool:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "@context" and _has_string(item):
                return True
            if _remote_context(item):
                return True
    elif isinstance(value, list):
        return any(_remote_context(item) for item in value)
    return False


def _has_string(context) -> bool:
    if isinstance(context, str):
        return True
    if isinstance(context, list):
        return any(isinstance(item, str) for item in context)
    if isinstance(context, dict):
        return "@import" in context
    return False


def _node(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return URIRef(f"urn:perwali-upload:blank:{term.value}")
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise ValueError(f"unsupported term {term!r}")


class _Reader:
    """Reads the records of one kind from the graph, reporting unknown values."""

    def __init__(self, graph: Graph, filename: str, errors: ErrorList):
        self.graph, self.filename, self.errors = graph, filename, errors

    def one(self, subject, predicate) -> str | None:
        value = self.graph.value(subject, predicate)
        return None if value is None else str(value)

    def enum(self, subject, predicate, table: dict, column: str) -> str | None:
        reverse = {str(iri): value for value, iri in table.items()}
        values = [str(v) for v in self.graph.objects(subject, predicate)]
        out = []
        for value in values:
            if value in reverse:
                out.append(reverse[value])
            else:
                self.bad(subject, column, value, sorted(reverse))
        return out[0] if out else None

    def enums(self, subject, predicate, table: dict, column: str) -> tuple[str, ...]:
        reverse = {str(iri): value for value, iri in table.items()}
        out = []
        for value in sorted(str(v) for v in self.graph.objects(subject, predicate)):
            if value in reverse:
                out.append(reverse[value])
            else:
                self.bad(subject, column, value, sorted(reverse))
        return tuple(out)

    def flag(self, subject, predicate) -> bool:
        return any(
            v == Literal(True) or str(v).lower() == "true"
            for v in self.graph.objects(subject, predicate)
        )

    def bad(self, subject, column, value, allowed) -> None:
        self.errors.add(
            self.filename,
            None,
            column,
            value,
            f"nilai tidak dikenal; nilai yang sah: {', '.join(allowed)}",
            f"unknown value; allowed values: {', '.join(allowed)}",
            str(subject),
        )

    def missing(self, subject, column) -> None:
        self.errors.add(
            self.filename,
            None,
            column,
            None,
            f"{column} wajib ada",
            f"{column} is required",
            str(subject),
        )

    def origin(self, subject) -> Origin:
        return Origin(self.filename, None, str(subject))


def read_organisation(graph: Graph, filename: str, errors: ErrorList) -> Organisation:
    """The units, people, teams and assignments an RDF graph describes."""
    read = _Reader(graph, filename, errors)
    org = Organisation()
    _read_units(read, org)
    for subject in graph.subjects(RDF.type, PWV.Pegawai):
        person = _read_person(read, subject)
        if person is not None:
            org.pegawai[person.nip] = person
    for subject in set(graph.subjects(RDF.type, PW.TimKerja)):
        org.tim[str(subject)] = _read_team(read, subject)
    for membership in graph.subjects(RDF.type, ORG.Membership):
        team, person = read.one(membership, ORG.organization), read.one(membership, ORG.member)
        peran = read.enum(membership, ORG.role, model.PERAN, "org:role")
        if team and person and peran:
            org.anggota.append(Anggota(team, person, peran, read.origin(membership)))
    for subject in graph.subjects(RDF.type, PWV.Penugasan):
        item = _read_assignment(read, subject)
        if item is not None:
            org.penugasan[item.code] = item
    for kind, records in (
        ("unit", org.units),
        ("pegawai", org.pegawai),
        ("tim", org.tim),
        ("penugasan", org.penugasan),
    ):
        org.iris.update({(kind, code): code for code in records})  # the code is the IRI
    return org


def _read_units(read: _Reader, org: Organisation) -> None:
    for jenis, cls in model.UNIT_CLASSES.items():
        for subject in read.graph.subjects(RDF.type, cls):
            code = str(subject)
            if code in org.units and org.units[code].jenis != jenis:
                read.bad(subject, "rdf:type", str(cls), ["one unit class"])
            org.units[code] = Unit(
                code,
                read.one(subject, RDFS.label) or "",
                jenis,
                read.one(subject, ORG.subOrganizationOf),
                read.origin(subject),
            )


_POSTS = {str(post): value for value, (post, _) in model.JABATAN.items()}


def _read_person(read: _Reader, subject) -> Pegawai | None:
    post = read.one(subject, PWV.jabatan)
    if post not in _POSTS:
        read.bad(subject, "pwv:jabatan", post, sorted(_POSTS))
        return None
    unit = read.one(subject, ORG.memberOf)
    if not unit:
        read.missing(subject, "org:memberOf")
        return None
    level = read.one(subject, PW.level)
    jenjang = _JENJANG_OF_LEVEL.get(level or "")
    if _POSTS[post] == "fungsional" and jenjang is None:
        read.bad(subject, "pw:level", level, sorted(_JENJANG_OF_LEVEL))
    return Pegawai(
        str(subject),
        read.one(subject, RDFS.label) or "",
        unit,
        _POSTS[post],
        jenjang if _POSTS[post] == "fungsional" else None,
        read.one(subject, PWV.golongan),
        read.one(subject, ORG.reportsTo),
        read.one(subject, PWV.penilaiKinerja),
        read.one(subject, ORG.headOf),
        read.flag(subject, PWV.hasilPenyetaraan),
        read.flag(subject, PWV.delegasiPenilai),
        read.origin(subject),
    )


def _read_team(read: _Reader, subject) -> Tim:
    lingkup = read.enum(subject, PWV.lingkup, model.LINGKUP, "pwv:lingkup")
    if lingkup is None:  # a pw:TimKerjaLintasInstansi says its scope by its class
        cross = (subject, RDF.type, PW.TimKerjaLintasInstansi) in read.graph
        lingkup = "lintas_instansi" if cross else "unit"
    return Tim(
        str(subject),
        read.one(subject, RDFS.label) or "",
        lingkup,
        read.one(subject, PW.pemilikKinerja),
        read.enum(subject, PWV.dasarPenetapan, model.DASAR, "pwv:dasarPenetapan"),
        read.enum(subject, PWV.ditetapkanOleh, model.PENETAP, "pwv:ditetapkanOleh"),
        read.enums(subject, PWV.memuat, model.MUATAN, "pwv:memuat"),
        read.origin(subject),
    )


def _read_assignment(read: _Reader, subject) -> Penugasan | None:
    person = read.one(subject, PWV.pegawai)
    if not person:
        read.missing(subject, "pwv:pegawai")
        return None
    approved = read.graph.value(subject, PWV.disetujuiAtasan)
    return Penugasan(
        str(subject),
        person,
        read.enum(subject, PWV.cara, model.CARA, "pwv:cara"),
        read.enum(subject, PWV.lingkup, model.LINGKUP, "pwv:lingkup"),
        read.one(subject, PWV.unitTujuan),
        read.enum(subject, PWV.dasarPenetapan, model.DASAR, "pwv:dasarPenetapan"),
        read.enum(subject, PWV.ditetapkanOleh, model.PENETAP, "pwv:ditetapkanOleh"),
        read.enums(subject, PWV.memuat, model.MUATAN, "pwv:memuat"),
        None if approved is None else read.flag(subject, PWV.disetujuiAtasan),
        read.origin(subject),
    )
