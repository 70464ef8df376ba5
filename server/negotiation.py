"""Content negotiation: a table of media types per kind of result, and one pure function.

>>> negotiate("text/csv, */*;q=0.1", "tabular")
'text/csv'
>>> negotiate("application/xml", "graph")
'application/rdf+xml'
"""

from __future__ import annotations

#: Media types each kind of result can be written in; the first one is the default.
#: Aliases map the names clients send (``application/json``) onto what we write.
MEDIA_TYPES: dict[str, tuple[str, ...]] = {
    "tabular": (  # SELECT
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ),
    "boolean": (  # ASK
        "application/sparql-results+json",
        "application/sparql-results+xml",
    ),
    "graph": (  # CONSTRUCT, DESCRIBE, the service description
        "text/turtle",
        "application/ld+json",
        "application/n-triples",
        "application/rdf+xml",
    ),
}
ALIASES: dict[str, str] = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "text/tsv": "text/tab-separated-values",
    "application/x-turtle": "text/turtle",
    "text/plain": "application/n-triples",
    "application/json+ld": "application/ld+json",
}
#: For graphs, XML and JSON mean RDF/XML and JSON-LD.
GRAPH_ALIASES: dict[str, str] = {
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
    "application/json": "application/ld+json",
}
#: The ``format=`` request parameter some clients send instead of an Accept header.
FORMAT_NAMES: dict[str, str] = {
    "json": "application/json",
    "xml": "application/xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "json-ld": "application/ld+json",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
}

KIND_OF_FORM = {"SELECT": "tabular", "ASK": "boolean", "CONSTRUCT": "graph", "DESCRIBE": "graph"}


def _parse_accept(header: str) -> list[tuple[float, int, str]]:
    ranges = []
    for index, item in enumerate(header.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        if not media:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((quality, index, media.lower()))
    return ranges


def negotiate(
    accept: str | None,
    kind: str,
    format_param: str | None = None,
    offered: tuple[str, ...] | None = None,
) -> str | None:
    """The media type to answer in, or None if the client accepts none we can write.

    ``kind`` is ``tabular``, ``boolean`` or ``graph``. ``format_param`` (``json``,
    ``csv``, a media type, ...) overrides the Accept header when it names a usable type.
    Among equally preferred ranges the client's order wins, then our table's order.
    ``offered`` narrows the kind's media types (in their order).
    """
    offered = offered or MEDIA_TYPES[kind]
    if format_param:
        name = format_param.strip().lower()
        wanted = _canonical(FORMAT_NAMES.get(name, name), kind)
        if wanted in offered:
            return wanted
    if not accept or not accept.strip():
        return offered[0]
    best: tuple[float, int, int] | None = None
    choice = None
    for quality, index, media in _parse_accept(accept):
        if quality <= 0:
            continue
        for rank, candidate in enumerate(offered):
            if _matches(media, candidate, kind):
                key = (-quality, index, rank)
                if best is None or key < best:
                    best, choice = key, candidate
    return choice


def _canonical(media: str, kind: str) -> str:
    if kind == "graph" and media in GRAPH_ALIASES:
        return GRAPH_ALIASES[media]
    return ALIASES.get(media, media)


def _matches(media_range: str, candidate: str, kind: str) -> bool:
    if media_range == "*/*":
        return True
    if media_range.endswith("/*"):
        return candidate.startswith(media_range[:-1])
    return _canonical(media_range, kind) == candidate
