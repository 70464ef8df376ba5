"""HermiT consistency checks, at build and test time only (never per request).

>>> check_consistency([Path("data/graph.nq")])  # doctest: +SKIP
ConsistencyReport(triples=..., seconds=...)

N-Quads/TriG data is flattened to N-Triples in a temporary file (the shapes and ontology
graphs are left out: the ontology is loaded from ``perwali.owl`` and the SHACL shapes are
not OWL). If HermiT finds the whole inconsistent, each named graph is checked on its own
and the error names the inconsistent graphs and the likely clashes (an individual in two
disjoint classes, directly or through a property's domain or range; a literal that does
not fit its property's datatype).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import owlready2 as ow
import pyoxigraph as ox
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, XSD

from extract.vocab import ONTOLOGY_GRAPH, SHAPES_GRAPH
from ontology.build import ONTOLOGY_DIR, RDFXML_FILE, TURTLE_FILE

DEFAULT_ONTOLOGY = ONTOLOGY_DIR / RDFXML_FILE
_SKIPPED_GRAPHS = {ONTOLOGY_GRAPH, SHAPES_GRAPH}
_FORMATS = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ttl": ox.RdfFormat.TURTLE,
    ".owl": ox.RdfFormat.RDF_XML,
    ".rdf": ox.RdfFormat.RDF_XML,
}


#: XSD datatypes outside the OWL 2 datatype map, which HermiT refuses even in data
#: (e.g. eli:date_document values). The reasoning copy carries them as xsd:string, so
#: HermiT checks everything else; their lexical forms are the SHACL shapes' business.
_OUTSIDE_OWL2 = {
    str(XSD) + name
    for name in ("date", "time", "gYear", "gYearMonth", "gMonth", "gMonthDay", "gDay", "duration")
}


class InconsistencyError(RuntimeError):
    """HermiT found the ontology, or the ontology plus data, inconsistent."""


@dataclass(frozen=True)
class ConsistencyReport:
    triples: int  # data triples checked (without the ontology)
    seconds: float  # wall time of the HermiT run, JVM start included


def check_consistency(
    data_files: Iterable[Path] = (), ontology_file: Path = DEFAULT_ONTOLOGY
) -> ConsistencyReport:
    """Run HermiT on the ontology plus ``data_files``; raise :class:`InconsistencyError`."""
    graphs = _read_graphs(Path(path) for path in data_files)
    triples = [triple for graph in graphs.values() for triple in graph]
    start = time.perf_counter()
    problem = _hermit(ontology_file, triples)
    seconds = time.perf_counter() - start
    if problem:
        raise InconsistencyError(_explain(problem, graphs, ontology_file))
    return ConsistencyReport(len(triples), seconds)


def _read_graphs(paths: Iterator[Path]) -> dict[str, list[ox.Triple]]:
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for path in paths:
        fmt = _FORMATS.get(path.suffix)
        if fmt is None:
            raise ValueError(f"{path}: unknown RDF file type; expected one of {sorted(_FORMATS)}")
        for quad in ox.parse(path=str(path), format=fmt):
            graph = quad.graph_name
            name = graph.value if isinstance(graph, ox.NamedNode) else str(path)
            if name not in _SKIPPED_GRAPHS:
                graphs[name].append(_owl2_literal(quad.triple))
    return graphs


def _owl2_literal(triple: ox.Triple) -> ox.Triple:
    """``triple`` with an object literal of a non-OWL 2 datatype retyped as xsd:string."""
    obj = triple.object
    if isinstance(obj, ox.Literal) and obj.datatype.value in _OUTSIDE_OWL2:
        return ox.Triple(triple.subject, triple.predicate, ox.Literal(obj.value))
    return triple


def _hermit(ontology_file: Path, triples: list[ox.Triple]) -> str | None:
    """None if consistent (and, without data, no class unsatisfiable), else what is wrong.

    The ontology alone goes through owlready2's ``sync_reasoner`` (full classification,
    ~1 s). With data, owlready2's bundled HermiT runs in consistency-only mode (``-k``):
    the full classification and realisation that ``sync_reasoner`` always asks for takes
    ~30 s on the five regulations, the consistency check ~1 s.
    """
    world = ow.World()
    try:
        world.get_ontology(Path(ontology_file).resolve().as_uri()).load()
        if not triples:
            return _classify(world)
        with tempfile.TemporaryDirectory() as tmp:
            data, merged = Path(tmp) / "data.nt", Path(tmp) / "merged.owl"
            ox.serialize(triples, output=str(data), format=ox.RdfFormat.N_TRIPLES)
            world.get_ontology(data.as_uri()).load(format="ntriples")
            world.save(str(merged), format="rdfxml")
            return _hermit_consistency(merged)
    finally:
        world.close()


def _classify(world: ow.World) -> str | None:
    try:
        ow.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except ow.OwlReadyInconsistentOntologyError:
        return "inconsistent"
    unsatisfiable = [cls.iri for cls in world.inconsistent_classes()]
    return f"unsatisfiable classes: {', '.join(unsatisfiable)}" if unsatisfiable else None


def _hermit_consistency(owl_file: Path) -> str | None:
    jar_dir = Path(ow.__file__).parent / "hermit"
    command = [
        ow.JAVA_EXE,
        f"-Xmx{ow.reasoning.JAVA_MEMORY}M",
        "-cp",
        f"{jar_dir}{os.pathsep}{jar_dir / 'HermiT.jar'}",
        "org.semanticweb.HermiT.cli.CommandLine",
        "-k",
        owl_file.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode == 0:
        return None
    if "InconsistentOntologyException" in result.stderr:
        return "inconsistent"
    raise RuntimeError(f"HermiT failed: {result.stderr.strip().splitlines()[:3]}")


def _explain(problem: str, graphs: dict[str, list[ox.Triple]], ontology_file: Path) -> str:
    lines = [f"HermiT: the ontology {ontology_file.name} plus the data is {problem}."]
    if problem == "inconsistent" and len(graphs) > 1:
        culprits = [name for name, triples in graphs.items() if _hermit(ontology_file, triples)]
        if culprits:
            lines.append("Inconsistent on its own: " + ", ".join(culprits))
    lines.extend(likely_clashes(graphs, ontology_file))
    return "\n".join(lines)


_DATATYPES = {
    XSD.integer: (XSD.integer, XSD.int, XSD.long, XSD.nonNegativeInteger, XSD.positiveInteger),
    XSD.boolean: (XSD.boolean,),
    XSD.date: (XSD.date,),
}


def likely_clashes(graphs: dict[str, list[ox.Triple]], ontology_file: Path) -> list[str]:
    """Plain-RDF hints for an inconsistency: disjoint types and ill-typed literals.

    Types come from rdf:type, rdfs:subClassOf and one step of rdfs:domain/rdfs:range.
    """
    onto = rdflib.Graph().parse(Path(ontology_file).with_name(TURTLE_FILE), format="turtle")
    ancestors = _ancestors(onto)
    disjoint = _disjoint_pairs(onto)
    domains = {s: o for s, o in onto.subject_objects(RDFS.domain) if isinstance(o, rdflib.URIRef)}
    ranges = {s: o for s, o in onto.subject_objects(RDFS.range)}
    types: dict[str, dict[rdflib.URIRef, str]] = defaultdict(dict)  # node -> class -> why
    hints = []
    for graph, triples in graphs.items():
        for triple in triples:
            s, p, o = (str(triple.subject), rdflib.URIRef(triple.predicate.value), triple.object)
            if p == RDF.type and isinstance(o, ox.NamedNode):
                types[s][rdflib.URIRef(o.value)] = "rdf:type"
                continue
            if p in domains:
                types[s][domains[p]] = f"domain of <{p}>"
            target = ranges.get(p)
            if target is None:
                continue
            if isinstance(o, ox.Literal):
                allowed = _DATATYPES.get(target)
                if allowed and rdflib.URIRef(o.datatype.value) not in allowed:
                    hints.append(f"{graph}: {s} <{p}> {o}: not a {target.n3()} literal")
            elif target in _DATATYPES:
                hints.append(f"{graph}: {s} <{p}> {o}: a resource where {target.n3()} is due")
            else:
                types[str(o)][target] = f"range of <{p}>"
    for node, classes in types.items():
        closure = {a: why for cls, why in classes.items() for a in ancestors.get(cls, {cls})}
        for a, b in disjoint:
            if a in closure and b in closure:
                hints.append(
                    f"{node} is both {a.n3(onto.namespace_manager)} ({closure[a]}) and "
                    f"{b.n3(onto.namespace_manager)} ({closure[b]}), which are disjoint"
                )
    return [f"likely: {hint}" for hint in sorted(set(hints))[:50]]


def _ancestors(onto: rdflib.Graph) -> dict[rdflib.URIRef, set[rdflib.URIRef]]:
    parents = defaultdict(set)
    for s, o in onto.subject_objects(RDFS.subClassOf):
        if isinstance(s, rdflib.URIRef) and isinstance(o, rdflib.URIRef):
            parents[s].add(o)
    closure = {}
    for cls in list(parents):
        seen, todo = {cls}, [cls]
        while todo:
            for parent in parents.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        closure[cls] = seen
    return closure


def _disjoint_pairs(onto: rdflib.Graph) -> list[tuple[rdflib.URIRef, rdflib.URIRef]]:
    pairs = [(s, o) for s, o in onto.subject_objects(OWL.disjointWith)]
    for group in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(rdflib.collection.Collection(onto, onto.value(group, OWL.members)))
        pairs += [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
    return pairs
