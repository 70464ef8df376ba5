"""What a query asks for, read from its text before any store sees it; and what we refuse.

:func:`inspect_query` tokenises a SPARQL string just far enough to know its form
(``SELECT``/``ASK``/``CONSTRUCT``/``DESCRIBE`` or an update), whether it uses ``SERVICE``,
which graphs its ``FROM``/``FROM NAMED`` clauses name, and which prefixes it declares.
:func:`check_query` turns those facts into a refusal (:class:`Refusal`) or lets the query
through. Neither parses the whole grammar: the store's parser does that and reports syntax
errors. The tokeniser only has to agree with it on what is a string, an IRI or a comment,
so that a keyword hidden in one is not taken for a real one, and a real one is never
missed; ``\\u`` escapes are decoded first, as the SPARQL grammar does.

>>> facts = inspect_query("PREFIX ex: <http://e/> SELECT * FROM ex:g { ?s ?p ?o }")
>>> facts.form, facts.from_graphs
('SELECT', ('http://e/g',))
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from server.errors import ApiError

QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
UPDATE_FORMS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
               | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               | '(?:[^'\\\n\r]|\\.)*'
               | "(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<pname>(?:[^\W\d_](?:[\w.\-\u00b7]*[\w\-\u00b7])?)?   # prefix
               :(?:[\w\-:%\u00b7]|\\.|\.(?=[\w\-:%\\]))*)         # local part, \ escapes
    | (?P<var>[?$]\w+)
    | (?P<word>[^\W\d]\w*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class QueryFacts:
    """What :func:`inspect_query` found in a query string."""

    form: str | None  # "SELECT", "ASK", ..., an update keyword, or None if unrecognised
    uses_service: bool
    from_graphs: tuple[str, ...]  # FROM <g>, resolved to absolute IRIs where possible
    from_named_graphs: tuple[str, ...]
    prefixes: Mapping[str, str]  # declared in the prologue
    base: str | None

    @property
    def is_update(self) -> bool:
        return self.form in UPDATE_FORMS

    @property
    def has_dataset(self) -> bool:
        return bool(self.from_graphs or self.from_named_graphs)


class Refusal(ApiError):
    """A query the endpoint will not run (``status`` 400 or 403, a ``code``, a message)."""


def _tokens(text: str):
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind not in ("ws", "comment"):
            yield kind, match.group()


def inspect_query(text: str, predeclared: Mapping[str, str] | None = None) -> QueryFacts:
    """Read the facts :func:`check_query` needs from a SPARQL query or update string.

    ``predeclared`` prefixes resolve ``FROM ex:g`` when the query does not declare ``ex:``.
    """
    tokens = list(_tokens(text))
    prefixes: dict[str, str] = {}
    base: str | None = None
    form: str | None = None
    uses_service = False
    from_graphs: list[str] = []
    from_named: list[str] = []
    known = dict(predeclared or {})
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        upper = value.upper() if kind == "word" else ""
        if upper == "PREFIX" and i + 2 < len(tokens) and tokens[i + 1][0] == "pname":
            if tokens[i + 2][0] == "iri":
                prefix_iri = _resolve(tokens[i + 2][1][1:-1], base)
                prefixes[tokens[i + 1][1].rstrip(":")] = prefix_iri
                known[tokens[i + 1][1].rstrip(":")] = prefix_iri
                i += 3
                continue
        elif upper == "BASE" and i + 1 < len(tokens) and tokens[i + 1][0] == "iri":
            base = _resolve(tokens[i + 1][1][1:-1], base)
            i += 2
            continue
        elif upper == "SERVICE":
            uses_service = True
        elif upper == "FROM" and i + 1 < len(tokens):
            target = from_graphs
            j = i + 1
            if tokens[j][0] == "word" and tokens[j][1].upper() == "NAMED":
                target, j = from_named, j + 1
            if j < len(tokens):
                target.append(_graph_iri(tokens[j], known, base))
        if form is None and upper and upper not in ("PREFIX", "BASE"):
            form = upper if upper in QUERY_FORMS | UPDATE_FORMS else None
            if form is None:
                form = "?"
        i += 1
    return QueryFacts(
        form=None if form == "?" else form,
        uses_service=uses_service,
        from_graphs=tuple(from_graphs),
        from_named_graphs=tuple(from_named),
        prefixes=prefixes,
        base=base,
    )


def _resolve(iri: str, base: str | None) -> str:
    return urljoin(base, iri) if base and not urlsplit(iri).scheme else iri


def _graph_iri(token: tuple[str, str], prefixes: Mapping[str, str], base: str | None) -> str:
    kind, value = token
    if kind == "iri":
        return _resolve(value[1:-1], base)
    if kind == "pname":
        prefix, _, local = value.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return value  # not an IRI: the store's parser will reject the query


def check_query(facts: QueryFacts, known_graphs: Collection[str]) -> None:
    """Raise :class:`Refusal` if the query may not run here; return None if it may.

    Refused: updates (the endpoint is read-only), ``SERVICE`` (no outbound requests), and
    ``FROM``/``FROM NAMED`` naming a ``file:`` IRI or any graph that is not in the dataset
    (other engines would fetch it; this one never fetches, and says so rather than
    answering over an empty graph).
    """
    if facts.is_update:
        raise Refusal(
            403,
            "read-only",
            f"this endpoint is read-only: {facts.form} and other SPARQL updates are refused",
        )
    if facts.uses_service:
        raise Refusal(
            400,
            "service-refused",
            "SERVICE is not allowed: this endpoint never sends requests to other services",
        )
    for clause, graphs in (("FROM", facts.from_graphs), ("FROM NAMED", facts.from_named_graphs)):
        for graph in graphs:
            check_graph_iri(graph, known_graphs, clause)


def check_graph_iri(graph: str, known_graphs: Collection[str], where: str) -> None:
    """Refuse a dataset IRI that would have to be fetched: ``file:``, or unknown here."""
    if urlsplit(graph).scheme.lower() == "file":
        raise Refusal(
            400,
            "fetch-refused",
            f"{where} <{graph}>: file IRIs are never read; name one of the graphs of this dataset",
        )
    if where.startswith("FROM") and graph not in known_graphs:
        raise Refusal(
            400,
            "fetch-refused",
            f"{where} <{graph}> names no graph of this dataset, and this endpoint never "
            "fetches graphs from the web; the service description (GET /sparql) lists them",
        )
