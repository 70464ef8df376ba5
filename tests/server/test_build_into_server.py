"""``perwali build --store sparql:URL`` loads the graph into a standard SPARQL server."""

from __future__ import annotations

import requests

from perwali.cli import main
from perwali.store import SparqlStore

COUNT_PASAL = """
PREFIX pw: <https://w3id.org/perwali-kg/ontology#>
SELECT ?id (COUNT(DISTINCT ?p) AS ?n) WHERE {
  GRAPH ?g { ?p a pw:Pasal ; pw:regulation ?r . ?r pw:regulationId ?id }
} GROUP BY ?id"""


def test_build_loads_an_external_sparql_server(sparql_server_url, tmp_path, capsys):
    code = main(["build", "--data", str(tmp_path / "d"), "--store", f"sparql:{sparql_server_url}"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert f"dimuat ke {sparql_server_url}" in out
    graphs = set(SparqlStore(sparql_server_url).named_graphs())
    assert "https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28" in graphs
    assert "https://w3id.org/perwali-kg/graph/ontology" in graphs
    response = requests.get(
        sparql_server_url,
        params={"query": COUNT_PASAL},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    rows = response.json()["results"]["bindings"]
    assert {row["id"]["value"]: int(row["n"]["value"]) for row in rows} == {
        "palu-28-2023": 32,
        "padang-panjang-48-2024": 18,
        "tebing-tinggi-21-2024": 20,
        "semarang-85-2023": 19,
        "cilegon-17-2023": 16,
    }


def test_build_with_a_malformed_store_spec_is_a_clear_error(tmp_path, capsys):
    code = main(["build", "--data", str(tmp_path / "d"), "--store", "sparql:ftp://example"])
    assert code == 2 and "sparql:http://HOST:PORT/PATH" in capsys.readouterr().err  # id or en
