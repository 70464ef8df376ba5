"""SPARQL results written in the four standard formats, from one neutral form.

Solutions are rows of SPARQL-JSON term objects (``{"type": "uri", "value": ...}``), the
form a remote server's JSON answer already has and :func:`term_json` makes from pyoxigraph
terms, so both backends share these writers. Each writer is a pure function
``(variables, rows) -> bytes``; booleans have their own.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

JSON = "application/sparql-results+json"
TURTLE = "text/turtle"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

Term = dict
Row = dict[str, Term]


def term_json(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Term:
    """A pyoxigraph term as a SPARQL-JSON term object."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": term_json(term.subject),
            "predicate": term_json(term.predicate),
            "object": term_json(term.object),
        },
    }


def solutions_json(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    doc = {"head": {"vars": list(variables)}, "results": {"bindings": list(rows)}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def solutions_xml(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    out = [
        '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>',
        *(f"<variable name={quoteattr(v)}/>" for v in variables),
        "</head><results>",
    ]
    for row in rows:
        out.append("<result>")
        for name, term in row.items():
            out.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        out.append("</result>")
    out.append("</results></sparql>")
    return "".join(out).encode()


def _xml_term(term: Term) -> str:
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return f"<uri>{escape(value)}</uri>"
    if kind == "bnode":
        return f"<bnode>{escape(value)}</bnode>"
    if kind == "triple":
        parts = "".join(f"<{k}>{_xml_term(v)}</{k}>" for k, v in value.items())
        return f"<triple>{parts}</triple>"
    if "xml:lang" in term:
        return f"<literal xml:lang={quoteattr(term['xml:lang'])}>{escape(value)}</literal>"
    if "datatype" in term:
        return f"<literal datatype={quoteattr(term['datatype'])}>{escape(value)}</literal>"
    return f"<literal>{escape(value)}</literal>"


def solutions_csv(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    lines = [",".join(_csv_field(v) for v in variables)]
    for row in rows:
        lines.append(",".join(_csv_field(_csv_value(row.get(v))) for v in variables))
    return ("\r\n".join(lines) + "\r\n").encode()


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if term["type"] == "bnode":
        return "_:" + term["value"]
    if term["type"] == "triple":
        return _nt(term)
    return term["value"]


def _csv_field(text: str) -> str:
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def solutions_tsv(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    lines = ["\t".join("?" + v for v in variables)]
    for row in rows:
        lines.append("\t".join(_nt(row[v]) if v in row else "" for v in variables))
    return ("\n".join(lines) + "\n").encode()


def _nt(term: Term) -> str:
    """A term in N-Triples syntax (TSV cells)."""
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return "_:" + value
    if kind == "triple":
        return "<< " + " ".join(_nt(value[k]) for k in ("subject", "predicate", "object")) + " >>"
    text = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    if "xml:lang" in term:
        return f'"{text}"@{term["xml:lang"]}'
    if "datatype" in term and term["datatype"] != XSD_STRING:
        return f'"{text}"^^<{term["datatype"]}>'
    return f'"{text}"'


def boolean_json(value: bool) -> bytes:
    return json.dumps({"head": {}, "boolean": bool(value)}).encode()


def boolean_xml(value: bool) -> bytes:
    return (
        '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
        f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>"
    ).encode()


#: Writers by media type; :mod:`server.negotiation` decides which media types exist.
SOLUTION_WRITERS: dict[str, Callable[[Sequence[str], Sequence[Row]], bytes]] = {
    "application/sparql-results+json": solutions_json,
    "application/sparql-results+xml": solutions_xml,
    "text/csv": solutions_csv,
    "text/tab-separated-values": solutions_tsv,
}
BOOLEAN_WRITERS: dict[str, Callable[[bool], bytes]] = {
    "application/sparql-results+json": boolean_json,
    "application/sparql-results+xml": boolean_xml,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


def write_graph(triples: Sequence[ox.Triple], media_type: str, prefixes: dict[str, str]) -> bytes:
    """CONSTRUCT/DESCRIBE results in ``media_type``; Turtle uses ``prefixes``."""
    fmt = GRAPH_FORMATS[media_type]
    used = prefixes if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return ox.serialize(triples, format=fmt, prefixes=used)
