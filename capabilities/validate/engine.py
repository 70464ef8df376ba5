"""The engine: pyshacl over the upload's own graph, one shapes graph per regulation.

Inference is off, the ontology stays out of the data graph (the derived facts the shapes
need are written at load, :mod:`capabilities.validate.model`), and every shape has a
narrow target. ``focus_nodes`` restricts a run to some nodes (e.g. the people of one
changed unit) for fast re-validation.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyshacl import validate as pyshacl_validate
from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.term import Node

from perwali.store import PROJECT_ROOT

SHAPES_DIR = PROJECT_ROOT / "shapes"
SHARED_FILES = ("shared.ttl",)
NOT_REGULATIONS = ("shared", "vocabulary")
SH = Namespace("http://www.w3.org/ns/shacl#")
PWV = Namespace("https://w3id.org/perwali-kg/validate#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


class UnknownRegulation(ValueError):
    """No shapes graph for this regulation id; ``message`` / ``english`` say what it may
    mean (ids matching by case, prefix or spelling)."""

    def __init__(self, regulation: str, allow_all: bool = False):
        from capabilities.similarity import unknown_regulation_message

        known = regulations() + (["all"] if allow_all else [])
        self.message, self.english = unknown_regulation_message(regulation, known)
        super().__init__(self.english)
        self.regulation = regulation


@dataclass(frozen=True)
class ShapeInfo:
    """What a shape encodes: the rule, the provision, the severity, the messages."""

    shape: str
    rule: str
    provision: str
    severity: str
    message_id: str
    message_en: str
    comment: str


@dataclass(frozen=True)
class RawResult:
    """One ``sh:ValidationResult`` of pyshacl, with the shape it came from."""

    focus: str
    value: Node | None
    shape: ShapeInfo


def regulations() -> list[str]:
    """The regulation ids that have a shapes graph (``shapes/<id>.ttl``), sorted."""
    return sorted(
        path.stem for path in SHAPES_DIR.glob("*.ttl") if path.stem not in NOT_REGULATIONS
    )


def resolve(regulation: str, allow_all: bool = False) -> str:
    """The regulation id ``regulation`` names in any case (``Palu-28-2023``), or ``"all"``
    when allowed; raises :class:`UnknownRegulation`."""
    from capabilities.similarity import canonical_id

    found = canonical_id(regulation, regulations() + (["all"] if allow_all else []))
    if found is None:
        raise UnknownRegulation(regulation, allow_all)
    return found


_lock = threading.Lock()


def shapes_graph(regulation: str) -> Graph:
    """The shared shapes plus the regulation's own, parsed once per process."""
    if regulation not in regulations():
        raise UnknownRegulation(regulation)
    with _lock:
        return _load_shapes(regulation)


@cache
def _load_shapes(regulation: str) -> Graph:
    graph = Graph()
    for name in (*SHARED_FILES, f"{regulation}.ttl"):
        graph.parse(Path(SHAPES_DIR / name), format="turtle")
    return graph


@cache
def shape_infos(regulation: str) -> dict[str, ShapeInfo]:
    """Every annotated shape of a regulation (those with ``pwv:rule``), by IRI."""
    graph = shapes_graph(regulation)
    infos = {}
    for shape, rule in graph.subject_objects(PWV.rule):
        messages = {m.language: str(m) for m in graph.objects(shape, SH.message)}
        comment = " ".join(str(c) for c in graph.objects(shape, RDFS.comment))
        infos[str(shape)] = ShapeInfo(
            str(shape),
            str(rule),
            str(graph.value(shape, DCTERMS.source)),
            SEVERITIES[graph.value(shape, SH.severity, default=SH.Violation)],
            messages.get("id", ""),
            messages.get("en", ""),
            comment,
        )
    return infos


def run(data: Graph, regulation: str, focus_nodes: list[URIRef] | None = None):
    """Validate ``data`` against the regulation; ``(conforms, results graph, results)``."""
    shapes = shapes_graph(regulation)
    infos = shape_infos(regulation)
    kwargs = {"focus_nodes": focus_nodes} if focus_nodes else {}
    _, results_graph, _ = pyshacl_validate(
        data,
        shacl_graph=shapes,
        inference="none",
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
        meta_shacl=False,
        advanced=False,
        **kwargs,
    )
    results = []
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        shape = results_graph.value(result, SH.sourceShape)
        info = _info_of(shapes, infos, shape)
        if info is None:
            continue
        focus = results_graph.value(result, SH.focusNode)
        results.append(RawResult(str(focus), results_graph.value(result, SH.value), info))
    # conforms: no finding at Violation (Warnings and Infos do not break conformance)
    conforms = not any(r.shape.severity == "Violation" for r in results)
    return conforms, results_graph, results


def _info_of(shapes: Graph, infos: dict[str, ShapeInfo], shape) -> ShapeInfo | None:
    """The annotation of ``shape``, or of the nearest shape that holds it (sh:property)."""
    seen = set()
    while shape is not None and shape not in seen:
        seen.add(shape)
        if str(shape) in infos:
            return infos[str(shape)]
        shape = shapes.value(None, SH.property, shape)
    return None
