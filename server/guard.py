"""What a query asks for, read from its text before any store sees it; and what we refuse.

:func:`inspect_query` reads a SPARQL string with :mod:`server.sparql_lexer` (linear time,
``<`` read as the grammar reads it at each place) far enough to know its form
(``SELECT``/``ASK``/``CONSTRUCT``/``DESCRIBE`` or an update), whether it uses ``SERVICE``,
which graphs its ``FROM``/``FROM NAMED`` clauses name, and which prefixes it declares; it
refuses first what a parser could not read safely (:mod:`server.guard_limits`).
:func:`check_query` turns the facts into a refusal (:class:`Refusal`) or lets the query
through. Neither parses the whole grammar: the store's parser does that and reports syntax
errors. The lexer only has to agree with every engine on what is a string, an IRI or a
comment, so that a keyword hidden in one is not taken for a real one, and a real one is
never missed. Where engines differ, the guard reads the query each way and refuses what
any reading would send out:

* ``\\u`` escapes are decoded before parsing by SPARQL 1.1 (rdflib, Jena), only inside
  strings and IRIs by oxigraph: a query with an escape is read both ways (and one with an
  escape right after a backslash, which Jena reads a third way, is refused);
* oxigraph matches keywords without a word boundary (``SERVICEsilent<…>`` is
  ``SERVICE SILENT <…>``, ``FROMNAMED<g>`` is ``FROM NAMED <g>``): any word or prefix
  name containing ``SERVICE`` counts as SERVICE, and one containing ``FROM`` as a FROM
  clause (its graph must then be one of ours);
* a ``<`` that may be less-than or open an IRI hiding ``'`` or ``#`` is refused
  (``query-ambiguous``).

>>> facts = inspect_query("PREFIX ex: <http://e/> SELECT * FROM ex:g { ?s ?p ?o }")
>>> facts.form, facts.from_graphs
('SELECT', ('http://e/g',))
"""

from __future__ import annotations

import re
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from server.guard_limits import DEFAULT_LIMITS, Limits, Refusal, refuse_shape
from server.sparql_lexer import IRI, PNAME, WORD, Scan, scan

__all__ = ["Limits", "QueryFacts", "Refusal", "check_graph_iri", "check_query", "inspect_query"]

QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
UPDATE_FORMS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
_FORMS = QUERY_FORMS | UPDATE_FORMS
_ESCAPED_ESCAPE = re.compile(r"\\\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")


@dataclass(frozen=True)
class QueryFacts:
    """What :func:`inspect_query` found in a query string."""

    form: str | None  # "SELECT", "ASK", ..., an update keyword, or None if unrecognised
    uses_service: bool
    from_graphs: tuple[str, ...]  # FROM <g>, resolved to absolute IRIs where possible
    from_named_graphs: tuple[str, ...]
    prefixes: Mapping[str, str]  # declared in the prologue
    base: str | None
    seconds: float = field(default=0.0, compare=False)  # time the guard took to read it

    @property
    def is_update(self) -> bool:
        return self.form in UPDATE_FORMS

    @property
    def has_dataset(self) -> bool:
        return bool(self.from_graphs or self.from_named_graphs)


def inspect_query(
    text: str, predeclared: Mapping[str, str] | None = None, limits: Limits | None = None
) -> QueryFacts:
    """Read the facts :func:`check_query` needs from a SPARQL query or update string.

    ``predeclared`` prefixes resolve ``FROM ex:g`` when the query does not declare ``ex:``.
    Raise :class:`Refusal` (400) for a query too complex to parse safely
    (``query-too-complex``, see ``limits``) or one engines may read two ways
    (``query-ambiguous``). ``facts.seconds`` is the time this took.
    """
    started = time.perf_counter()
    limits = limits or DEFAULT_LIMITS
    readings = [_read(text, True, limits)]
    if "\\u" in text or "\\U" in text:  # oxigraph leaves escapes outside strings and IRIs
        _refuse_escaped_escape(text)
        readings.append(_read(text, False, limits))
    facts = [_facts(reading.tokens, predeclared or {}) for reading in readings]
    return _merge(facts, time.perf_counter() - started)


def _refuse_escaped_escape(text: str) -> None:
    """Refuse ``\\\\u0027``: Jena leaves an escape after a backslash as it is (Java's
    rule), rdflib decodes it, oxigraph decodes it only in strings: three readings."""
    match = _ESCAPED_ESCAPE.search(text)
    if match:
        raise Refusal(
            400,
            "query-ambiguous",
            f"the \\u escape right after a backslash at offset {match.start()} is read "
            "differently by SPARQL engines; write the character itself",
        )


def _read(text: str, decode: bool, limits: Limits) -> Scan:
    reading = scan(text, decode=decode, limits=limits.as_shape())
    if reading.exceeded:
        measure = reading.exceeded
        refuse_shape(measure, getattr(reading.shape, measure), getattr(limits, measure))
    if reading.ambiguous is not None:
        raise Refusal(
            400,
            "query-ambiguous",
            f"'<' at offset {reading.ambiguous} may be read as less-than or as the start of "
            "an IRI, and engines differ; write '< ' (with a space) to compare",
        )
    return reading


def _merge(readings: list[QueryFacts], seconds: float) -> QueryFacts:
    """One set of facts: an update or SERVICE in any reading, every FROM graph of all."""
    first = readings[0]
    updates = [facts.form for facts in readings if facts.is_update]
    return QueryFacts(
        form=updates[0] if updates else first.form or readings[-1].form,
        uses_service=any(facts.uses_service for facts in readings),
        from_graphs=_union(facts.from_graphs for facts in readings),
        from_named_graphs=_union(facts.from_named_graphs for facts in readings),
        prefixes=first.prefixes,
        base=first.base,
        seconds=seconds,
    )


def _union(groups) -> tuple[str, ...]:
    return tuple(dict.fromkeys(graph for group in groups for graph in group))


def _facts(tokens: list[tuple[str, str]], predeclared: Mapping[str, str]) -> QueryFacts:
    prefixes: dict[str, str] = {}
    known = dict(predeclared)
    base: str | None = None
    form: str | None = None
    uses_service = False
    graphs: dict[bool, list[str]] = {False: [], True: []}  # named? -> graphs
    prologue = True
    skip = 0  # the prefix name of a PREFIX declaration is no keyword
    for i, (kind, value) in enumerate(tokens):
        if (kind != WORD and kind != PNAME) or i < skip:
            continue
        name = _keyword_part(kind, value)
        if (
            prologue
            and name == "PREFIX"
            and _at(tokens, i + 2)[0] == IRI
            and _at(tokens, i + 1)[0] == PNAME
        ):
            prefix = tokens[i + 1][1].rstrip(":")
            prefixes[prefix] = known[prefix] = _resolve(tokens[i + 2][1][1:-1], base)
            skip = i + 2
            continue
        if prologue and name == "BASE" and _at(tokens, i + 1)[0] == IRI:
            base = _resolve(tokens[i + 1][1][1:-1], base)
            continue
        if name and prologue and name not in ("PREFIX", "BASE"):
            prologue = False
            form = next((f for f in _FORMS if name.startswith(f)), None)
        if name and "SERVICE" in name:
            uses_service = True
        if name and "FROM" in name:
            named, graph = _from_clause(tokens, i, name, known, base)
            graphs[named].append(graph)
    return QueryFacts(
        form=form,
        uses_service=uses_service,
        from_graphs=tuple(graphs[False]),
        from_named_graphs=tuple(graphs[True]),
        prefixes=prefixes,
        base=base,
    )


def _keyword_part(kind: str, value: str) -> str | None:
    """The upper-cased text an engine may read as keywords: a word, or a prefix name."""
    if kind == WORD:
        return value.upper()
    if kind == PNAME:
        return value.partition(":")[0].upper() or None
    return None


def _at(tokens: list[tuple[str, str]], i: int) -> tuple[str, str]:
    return tokens[i] if i < len(tokens) else ("", "")


def _from_clause(tokens, i: int, name: str, known, base) -> tuple[bool, str]:
    """The graph of a FROM at ``tokens[i]``: (named?, IRI); anything odd is kept as is,
    so that :func:`check_query` refuses it as a graph we do not have."""
    kind, value = tokens[i]
    rest = name[name.index("FROM") + 4 :]
    named = rest == "NAMED"
    if kind == PNAME:  # FROM:g is FROM :g to oxigraph
        local = value.partition(":")[2]
        return named, _graph_iri((PNAME, ":" + local), known, base) if rest in (
            "",
            "NAMED",
        ) else value
    if rest == "" and _keyword_part(*_at(tokens, i + 1)) == "NAMED":
        named, i = True, i + 1
    if rest not in ("", "NAMED") or name.index("FROM") != 0:
        return named, value
    return named, _graph_iri(_at(tokens, i + 1), known, base)


def _resolve(iri: str, base: str | None) -> str:
    try:
        return urljoin(base, iri) if base and not urlsplit(iri).scheme else iri
    except ValueError:  # not an IRI urllib can split; the store's parser will say why
        return iri


def _graph_iri(token: tuple[str, str], prefixes: Mapping[str, str], base: str | None) -> str:
    kind, value = token
    if kind == IRI:
        return _resolve(value[1:-1], base)
    if kind == PNAME:
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
    try:
        scheme = urlsplit(graph).scheme.lower()
    except ValueError:
        scheme = "file"  # unreadable: refuse it as one
    if scheme == "file":
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
