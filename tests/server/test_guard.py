import pytest

from server.guard import Refusal, check_query, inspect_query

PREFIXES = {"pw": "https://w3id.org/perwali-kg/ontology#", "ex": "http://e/"}
KNOWN = {"http://e/g", "https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28"}


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("SELECT * { ?s ?p ?o }", "SELECT"),
        ("prefix ex: <http://e/> base <http://b/> ask { }", "ASK"),
        ("# comment SELECT\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("DESCRIBE <http://e/x>", "DESCRIBE"),
        ("INSERT DATA { <a> <b> <c> }", "INSERT"),
        ("PREFIX ex: <http://e/> CLEAR ALL", "CLEAR"),
        ("LOAD <http://example.org/data.ttl>", "LOAD"),
        ("WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
        ("\\u0053ELECT * {}", "SELECT"),  # \u escapes are decoded first, as SPARQL does
        ("nonsense", None),
    ],
)
def test_form(query, form):
    assert inspect_query(query).form == form


@pytest.mark.parametrize(
    ("query", "service"),
    [
        ("SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }", True),
        ("select * { service silent ?endpoint { ?s ?p ?o } }", True),
        ("SELECT * { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", True),
        (
            "SELECT * { ?s ex:a\\#b ?o } # ex:a\\#b is an escape, not a comment\n"
            "SELECT * { SERVICE <http://x/> {} }",
            True,
        ),
        ("SELECT * { ?s ?p 'SERVICE <http://x/> {}' }", False),
        ('SELECT * { ?s ?p """\nSERVICE\n""" }', False),
        ("SELECT * { ?s ?p ?o } # SERVICE <http://x/>", False),
        ("SELECT * { ?s ex:SERVICE ?service }", False),
        ("SELECT * { ?s <http://e/SERVICE> ?o }", False),
    ],
)
def test_service_is_found_only_where_it_is_a_keyword(query, service):
    assert inspect_query(query, PREFIXES).uses_service is service


def test_from_graphs_are_resolved():
    facts = inspect_query(
        "BASE <http://e/> SELECT * FROM <g> FROM NAMED ex:h FROM NAMED pw:x { ?s ?p ?o }", PREFIXES
    )
    assert facts.from_graphs == ("http://e/g",)
    assert facts.from_named_graphs == ("http://e/h", "https://w3id.org/perwali-kg/ontology#x")
    assert facts.has_dataset


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        ("CLEAR ALL", 403, "read-only"),
        ("INSERT DATA { <http://a> <http://b> <http://c> }", 403, "read-only"),
        ("LOAD <http://example.org/x.ttl>", 403, "read-only"),
        ("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", 400, "service-refused"),
        ("SELECT * FROM <http://example.org/remote.ttl> { ?s ?p ?o }", 400, "fetch-refused"),
        ("SELECT * FROM NAMED <file:///etc/passwd> { ?s ?p ?o }", 400, "fetch-refused"),
        ("SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }", 400, "fetch-refused"),
    ],
)
def test_refusals(query, status, code):
    with pytest.raises(Refusal) as error:
        check_query(inspect_query(query, PREFIXES), KNOWN)
    assert (error.value.status, error.value.code) == (status, code)
    assert error.value.message


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { ?s ?p ?o }",
        "SELECT * FROM <http://e/g> { ?s ?p ?o }",
        "SELECT * FROM ex:g { ?s ?p ?o }",
        "SELECT * FROM NAMED <https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28> {}",
        "SELECT ?service { ?service ?p 'CLEAR ALL' }",
    ],
)
def test_allowed(query):
    check_query(inspect_query(query, PREFIXES), KNOWN)
