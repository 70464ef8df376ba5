import pytest

from perwali.store import (
    EMBEDDED,
    SPARQL,
    RemoteTooLarge,
    SparqlStore,
    StoreError,
    load_into,
    open_embedded,
    parse_store_spec,
)
from tests.server.conftest import WORKS, sample_quads


@pytest.mark.parametrize(
    ("text", "kind", "location", "gsp"),
    [
        (None, EMBEDDED, "/d", None),
        ("embedded", EMBEDDED, "/d", None),
        ("embedded:/x", EMBEDDED, "/x", None),
        ("/x", EMBEDDED, "/x", None),
        ("sparql:http://h:7878/query", SPARQL, "http://h:7878/query", "http://h:7878/store"),
        (
            "sparql:http://h:3030/ds/sparql",
            SPARQL,
            "http://h:3030/ds/sparql",
            "http://h:3030/ds/store",
        ),
    ],
)
def test_parse_store_spec(text, kind, location, gsp):
    spec = parse_store_spec(text, data_dir="/d")
    assert (spec.kind, spec.location, spec.gsp_url) == (kind, location, gsp)


@pytest.mark.parametrize("text", ["sparql:ftp://h/q", "sparql:nothing", "http://h/q"])
def test_bad_store_spec(text):
    with pytest.raises(StoreError):
        parse_store_spec(text)


def test_load_into_embedded(tmp_path):
    assert load_into(f"embedded:{tmp_path}", sample_quads()) == len(sample_quads())
    store = open_embedded(tmp_path)
    assert {g.value for g in store.named_graphs()} == set(WORKS.values())


def test_load_into_sparql_replaces_graphs_and_prunes(sparql_server_url, tmp_path):
    remote = SparqlStore(sparql_server_url)
    for graph in remote.named_graphs():
        remote.delete_graph(graph)
    stale = "https://w3id.org/perwali-kg/eli/id-old/perwal/2020/1"
    other = "http://example.org/not-ours"
    load_into(f"sparql:{sparql_server_url}", [*sample_quads(), *_one(stale), *_one(other)])
    nq = tmp_path / "graph.nq"
    load_into(f"embedded:{tmp_path}", sample_quads())  # writes graph.nq beside the store
    assert load_into(f"sparql:{sparql_server_url}", nq) == len(sample_quads())
    assert set(remote.named_graphs()) == {*WORKS.values(), other}  # ours pruned, theirs kept


def test_an_answer_past_the_byte_cap_is_its_own_error(sparql_server_url):
    remote = SparqlStore(sparql_server_url)
    query = "SELECT ?n WHERE { VALUES ?n { " + " ".join(map(str, range(100))) + " } }"
    accept = "application/sparql-results+json"
    _, body = remote.query(query, accept=accept, timeout=10)
    assert len(body) > 64
    with pytest.raises(RemoteTooLarge, match="exceeds 64 bytes"):
        remote.query(query, accept=accept, timeout=10, max_bytes=64)


def _one(graph: str):
    import pyoxigraph as ox

    node = ox.NamedNode(graph)
    return [ox.Quad(node, node, node, node)]
