"""Build the ontology from its Python source: ``python -m ontology.build [--out DIR]``.

Writes ``perwali.ttl`` (Turtle) and ``perwali.owl`` (RDF/XML) into ``ontology/`` (or
``DIR``). Both files are committed; ``tests/ontology`` rebuilds them and fails if they
differ from the source, so they are never edited by hand.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import owlready2 as ow
import rdflib

from extract.vocab import DOCTYPE, PREFIXES, PW
from ontology import concepts, norms, organisation, positions, structure
from ontology.annotate import open_namespaces

ONTOLOGY_DIR = Path(__file__).resolve().parent
TURTLE_FILE = "perwali.ttl"
RDFXML_FILE = "perwali.owl"
ONTOLOGY_IRI = PW.rstrip("#")
VERSION = "0.1.0"


def build_ontology(world: ow.World | None = None) -> ow.Ontology:
    """Author the whole ontology in ``world`` (a fresh one by default) and return it."""
    world = world or ow.World()
    onto = world.get_ontology(PW)
    ns = open_namespaces(onto)
    with onto:
        concepts.declare_skos(ns)
        structure.declare(ns)
        organisation.declare(ns)
        positions.declare(ns)
        norms.declare(ns)
        concepts.declare_role_annotations(ns)
        concepts.declare_schemes(ns)
        onto.metadata.label = [
            ow.locstr("Ontologi Sistem Kerja ASN dalam Peraturan Wali Kota", "id"),
            ow.locstr("Ontology of the civil-service work system in mayoral regulations", "en"),
        ]
        onto.metadata.comment = [
            ow.locstr(
                "Legal structure (aligned to ELI), posts and their levels, organisation "
                "(aligned to W3C ORG), norms (mapped to LegalRuleML, ODRL and LKIF), roles "
                "and topics (SKOS) of Indonesian Peraturan Wali Kota implementing "
                "PermenPANRB 7/2022. Built from ontology/*.py; do not edit by hand.",
                "en",
            )
        ]
        onto.metadata.versionInfo = [VERSION]
    return onto


def to_rdflib(onto: ow.Ontology) -> rdflib.Graph:
    """The ontology as an rdflib graph with the project's prefixes bound."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "onto.nt"
        onto.save(str(path), format="ntriples")
        graph = rdflib.Graph()
        graph.parse(path, format="nt")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    graph.bind("doctype", DOCTYPE)
    return graph


def write(out_dir: Path = ONTOLOGY_DIR) -> tuple[Path, Path]:
    """Build and write both serialisations into ``out_dir``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    onto = build_ontology()
    turtle, rdfxml = out_dir / TURTLE_FILE, out_dir / RDFXML_FILE
    # longturtle: sorted and pretty, so rebuilds give small diffs
    to_rdflib(onto).serialize(turtle, format="longturtle")
    onto.save(str(rdfxml), format="rdfxml")
    return turtle, rdfxml


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ONTOLOGY_DIR, help="output directory")
    args = parser.parse_args(argv)
    for path in write(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
