"""The SPARQL 1.1 Service Description of the endpoint (answer to a GET without a query).

The endpoint names itself with its configured public URL (``PUBLIC_URL``) or, without
one, with the relative IRI ``<>``: the description is the document at the endpoint's own
URL, so ``<>`` resolves to it for every client, and nothing a client sends (the ``Host``
header) is written back into it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from server.results import write_graph

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
XSD_ANYURI = ox.NamedNode("http://www.w3.org/2001/XMLSchema#anyURI")

#: Stands for the endpoint until the description is written, then becomes ``<>``.
THIS_ENDPOINT = "urn:x-perwali-kg:this-endpoint"
#: Formats that can hold a relative IRI (N-Triples cannot).
RELATIVE_FORMATS = ("text/turtle", "application/ld+json", "application/rdf+xml")
DESCRIPTION_PREFIXES = {"sd": SD, "formats": FORMATS}

#: The W3C format IRIs of the result formats the endpoint writes.
RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "JSON-LD",
    "N-Triples",
    "RDF_XML",
)


def service_description(
    endpoint: str, graphs: Iterable[str], prefixes: Mapping[str, str]
) -> list[ox.Triple]:
    """The triples describing the endpoint at ``endpoint``, its dataset and prefixes.

    The default graph is described as the union of the named graphs (``sd:UnionDefaultGraph``);
    the predeclared prefixes are given as SHACL prefix declarations (``sh:declare``).
    """
    service = ox.NamedNode(endpoint)
    dataset, default = ox.BlankNode("dataset"), ox.BlankNode("default")

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(SD + name)

    triples = [
        ox.Triple(service, RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), service),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default),
        ox.Triple(default, RDF_TYPE, sd("Graph")),
        ox.Triple(
            default, RDFS_COMMENT, ox.Literal("the union of all named graphs", language="en")
        ),
    ]
    triples += [
        ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS + name))
        for name in RESULT_FORMATS
    ]
    for index, graph in enumerate(graphs):
        node = ox.BlankNode(f"graph{index}")
        triples += [
            ox.Triple(dataset, sd("namedGraph"), node),
            ox.Triple(node, RDF_TYPE, sd("NamedGraph")),
            ox.Triple(node, sd("name"), ox.NamedNode(graph)),
        ]
    for prefix, namespace in prefixes.items():
        node = ox.BlankNode(f"prefix-{prefix}")
        triples += [
            ox.Triple(service, ox.NamedNode(SH + "declare"), node),
            ox.Triple(node, ox.NamedNode(SH + "prefix"), ox.Literal(prefix)),
            ox.Triple(
                node, ox.NamedNode(SH + "namespace"), ox.Literal(namespace, datatype=XSD_ANYURI)
            ),
        ]
    return triples


def write_description(
    public_url: str | None, graphs: Iterable[str], prefixes: Mapping[str, str], media_type: str
) -> bytes:
    """The service description in ``media_type`` (Turtle, JSON-LD, RDF/XML, N-Triples).

    Without ``public_url`` the endpoint is ``<>`` and ``media_type`` must be one of
    :data:`RELATIVE_FORMATS`.
    """
    endpoint = public_url or THIS_ENDPOINT
    triples = service_description(endpoint, graphs, prefixes)
    body = write_graph(triples, media_type, {**DESCRIPTION_PREFIXES, **prefixes})
    return body if public_url else body.replace(THIS_ENDPOINT.encode(), b"")
