import pytest

from server.negotiation import negotiate

JSON, XML = "application/sparql-results+json", "application/sparql-results+xml"


@pytest.mark.parametrize(
    ("accept", "kind", "format_param", "expected"),
    [
        (None, "tabular", None, JSON),
        ("*/*", "graph", None, "text/turtle"),
        ("text/csv", "tabular", None, "text/csv"),
        ("text/tab-separated-values", "tabular", None, "text/tab-separated-values"),
        ("application/sparql-results+xml", "tabular", None, XML),
        ("application/xml", "tabular", None, XML),
        ("application/json", "boolean", None, JSON),
        ("text/csv", "boolean", None, None),
        ("text/csv;q=0.5, application/sparql-results+xml", "tabular", None, XML),
        ("application/sparql-results+json;q=0.2, text/*;q=0.9", "tabular", None, "text/csv"),
        ("application/ld+json", "graph", None, "application/ld+json"),
        ("application/n-triples", "graph", None, "application/n-triples"),
        ("application/rdf+xml", "graph", None, "application/rdf+xml"),
        ("application/xml", "graph", None, "application/rdf+xml"),
        ("application/json", "graph", None, "application/ld+json"),
        ("text/turtle;q=0", "graph", None, None),
        ("image/png", "tabular", None, None),
        ("image/png", "tabular", "csv", "text/csv"),
        (None, "graph", "json", "application/ld+json"),
        (None, "tabular", "json", JSON),
        (None, "tabular", "bogus", JSON),
    ],
)
def test_negotiate(accept, kind, format_param, expected):
    assert negotiate(accept, kind, format_param) == expected
