"""The committed perwali.ttl / perwali.owl are what the Python source builds."""

from __future__ import annotations

import rdflib
from rdflib.compare import graph_diff, to_isomorphic

from ontology.build import ONTOLOGY_DIR, RDFXML_FILE, TURTLE_FILE, main


def _diff(committed: rdflib.Graph, rebuilt: rdflib.Graph) -> str:
    _, only_committed, only_rebuilt = graph_diff(to_isomorphic(committed), to_isomorphic(rebuilt))
    lines = [f"- {t}" for t in list(only_committed)[:10]]
    lines += [f"+ {t}" for t in list(only_rebuilt)[:10]]
    return "run `python -m ontology.build` and commit the result:\n" + "\n".join(lines)


def test_built_files_are_up_to_date(tmp_path):
    assert main(["--out", str(tmp_path)]) == 0
    for name, fmt in ((TURTLE_FILE, "turtle"), (RDFXML_FILE, "xml")):
        committed = rdflib.Graph().parse(ONTOLOGY_DIR / name, format=fmt)
        rebuilt = rdflib.Graph().parse(tmp_path / name, format=fmt)
        assert to_isomorphic(committed) == to_isomorphic(rebuilt), _diff(committed, rebuilt)


def test_turtle_and_rdfxml_agree():
    turtle = rdflib.Graph().parse(ONTOLOGY_DIR / TURTLE_FILE, format="turtle")
    rdfxml = rdflib.Graph().parse(ONTOLOGY_DIR / RDFXML_FILE, format="xml")
    assert to_isomorphic(turtle) == to_isomorphic(rdfxml)
