import json

import pyoxigraph as ox

from server import results

ROWS = [
    {
        "s": {"type": "uri", "value": "http://e/a"},
        "l": {"type": "literal", "value": 'Pasal "1", ayat', "xml:lang": "id"},
    },
    {
        "s": {"type": "bnode", "value": "b0"},
        "n": {
            "type": "literal",
            "value": "3",
            "datatype": "http://www.w3.org/2001/XMLSchema#integer",
        },
    },
]
VARS = ["s", "l", "n"]


def parsed(body: bytes, fmt: ox.QueryResultsFormat):
    return list(ox.parse_query_results(body, format=fmt))


def test_json_round_trip():
    doc = json.loads(results.solutions_json(VARS, ROWS))
    assert doc["head"]["vars"] == VARS and doc["results"]["bindings"] == ROWS


def test_xml_csv_tsv_parse_back():
    for writer, fmt in (
        (results.solutions_xml, ox.QueryResultsFormat.XML),
        (results.solutions_tsv, ox.QueryResultsFormat.TSV),
    ):
        rows = parsed(writer(VARS, ROWS), fmt)
        assert rows[0]["l"] == ox.Literal('Pasal "1", ayat', language="id")
        assert rows[1]["n"] == ox.Literal("3", datatype=ox.NamedNode(ROWS[1]["n"]["datatype"]))
    csv = results.solutions_csv(VARS, ROWS).decode()
    assert csv == 's,l,n\r\nhttp://e/a,"Pasal ""1"", ayat",\r\n_:b0,,3\r\n'


def test_term_json():
    assert results.term_json(ox.Literal("x")) == {"type": "literal", "value": "x"}
    assert results.term_json(ox.Literal("x", language="id"))["xml:lang"] == "id"


def test_booleans():
    assert json.loads(results.boolean_json(True)) == {"head": {}, "boolean": True}
    assert (
        bool(ox.parse_query_results(results.boolean_xml(False), format=ox.QueryResultsFormat.XML))
        is False
    )
