"""What the graph says about one IRI: ``describe(source, iri) -> Description | None``.

The description of a resource is its triples as subject (with the blank nodes they lead
to, one level), the labels of the IRIs it links to, and a short list of the triples that
point at it (subject and predicate). The terms keep their kind (IRI, blank node, literal
with its language or datatype), so the server can write Turtle, JSON-LD or N-Triples and
the HTML page alike. Used by ``server/linked_data.py`` (IRI dereferencing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from capabilities.source import GraphSource, cached

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
#: Characters an IRI may not hold (RFC 3987), which could also break out of ``<…>``.
UNSAFE_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
MAX_INCOMING = 50


@dataclass(frozen=True)
class Term:
    value: str
    kind: str  # "iri", "bnode" or "literal"
    lang: str | None = None
    datatype: str | None = None


@dataclass
class Description:
    """The triples about ``iri`` and around it."""

    iri: str
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)
    incoming: list[tuple[str, str]] = field(default_factory=list)  # (subject, predicate)
    more_incoming: bool = False  # the incoming list was cut at MAX_INCOMING
    labels: dict[str, str] = field(default_factory=dict)  # linked IRI -> its label
    #: every rdfs:label of the linked IRIs, with its language tag as in the store
    label_terms: dict[str, list[Term]] = field(default_factory=dict)

    @property
    def exists(self) -> bool:
        return bool(self.triples or self.incoming)

    def values(self, predicate: str) -> list[Term]:
        """The objects of ``predicate`` on the resource itself."""
        return [o for s, p, o in self.triples if s.value == self.iri and p.value == predicate]

    def label(self) -> str | None:
        """Its rdfs:label, Indonesian (or untagged) first."""
        labels = self.values(RDFS_LABEL)
        labels.sort(key=lambda term: term.lang not in (None, "", "id"))
        return labels[0].value if labels else None

    def all_triples(self) -> list[tuple[Term, Term, Term]]:
        """Its triples, those pointing at it, and the labels of the IRIs around it."""
        out = list(self.triples)
        me = Term(self.iri, "iri")
        out += [(Term(s, "iri"), Term(p, "iri"), me) for s, p in self.incoming]
        label = Term(RDFS_LABEL, "iri")
        for iri, text in self.labels.items():
            terms = self.label_terms.get(iri) or [Term(text, "literal")]
            out += [(Term(iri, "iri"), label, term) for term in terms]
        return out


def describe(source: GraphSource, iri: str, max_incoming: int = MAX_INCOMING) -> Description:
    """The description of ``iri`` (``exists`` is False when the graph never names it)."""
    _check_iri(iri)
    description = Description(iri)
    description.triples = [_triple(row) for row in source.select(_OUTGOING.format(iri=iri))]
    rows = source.select(_INCOMING.format(iri=iri, limit=max_incoming + 1))
    description.more_incoming = len(rows) > max_incoming
    description.incoming = [(row["s"], row["p"]) for row in rows[:max_incoming]]
    linked = {o.value for _, _, o in description.triples if o.kind == "iri"}
    linked |= {subject for subject, _ in description.incoming}
    if linked:
        values = " ".join(f"<{_check_iri(other)}>" for other in sorted(linked))
        rows = source.select(_LABELS.format(values=values))
        description.labels = _labels(rows)
        description.label_terms = _label_terms(rows)
    return description


def describe_graph(source: GraphSource, graph: str, keep_prefix: str | None = None) -> Description:
    """Every triple of the named graph ``graph`` (those about IRIs under ``keep_prefix`` and
    blank nodes only, when given), as the description of ``graph``."""
    _check_iri(graph)
    keep = "" if keep_prefix is None else (
        f'FILTER (isBlank(?s) || STRSTARTS(STR(?s), "{_check_iri(keep_prefix)}"))'
    )  # fmt: skip
    rows = source.select(_GRAPH.format(graph=graph, keep=keep))
    return Description(graph, [_triple(row) for row in rows])


def describe_hash_members(source: GraphSource, iri: str) -> Description:
    """The document ``iri`` of hash IRIs (``iri#…``): their triples, with blank nodes two
    levels deep (a SHACL property shape, an OWL restriction and its list head)."""
    members = hash_documents(source).get(iri, [])
    if not members:
        return Description(iri)
    values = " ".join(f"<{_check_iri(member)}>" for member in members)
    return Description(iri, [_triple(row) for row in source.select(_HASH.format(values=values))])


def hash_documents(source: GraphSource) -> dict[str, list[str]]:
    """Every document of hash IRIs the graph uses, with its members."""
    documents: dict[str, list[str]] = {}
    for iri in subject_iris(source):
        if "#" in iri:
            documents.setdefault(iri.split("#", 1)[0], []).append(iri)
    return documents


def subject_iris(source: GraphSource) -> list[str]:
    """Every IRI the graph uses as a subject, sorted (read once per build)."""
    return cached(source, "subject-iris", _read_subject_iris)


def _read_subject_iris(source: GraphSource) -> list[str]:
    rows = source.select("SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER (isIRI(?s)) }")
    return sorted(row["s"] for row in rows)


def count_graph(source: GraphSource, graph: str) -> int:
    """How many triples the named graph holds (0 when there is no such graph)."""
    rows = source.select(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{_check_iri(graph)}> {{ ?s ?p ?o }} }}"
    )
    return int(rows[0]["n"]) if rows else 0


def iris_under(source: GraphSource, prefix: str) -> list[str]:
    """Every IRI the graph uses as a subject under ``prefix`` (for suggestions)."""
    return [iri for iri in subject_iris(source) if iri.startswith(prefix)]


def is_iri(text: str) -> bool:
    """Whether ``text`` is a valid absolute IRI (RFC 3987), safe inside ``<…>``."""
    if UNSAFE_IRI.search(text) or not text.startswith(("http://", "https://")):
        return False
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


def _check_iri(iri: str) -> str:
    """Refuse anything that is not an IRI (it could break out of ``<…>`` in a query)."""
    if not is_iri(iri):
        raise ValueError(f"not an IRI this module can look up: {iri!r}")
    return iri


def _triple(row: dict[str, str]) -> tuple[Term, Term, Term]:
    subject = Term(row["s"], "bnode" if row.get("sb") == "true" else "iri")
    if row.get("oi") == "true":
        obj = Term(row["o"], "iri")
    elif row.get("ob") == "true":
        obj = Term(row["o"], "bnode")
    else:
        obj = Term(row["o"], "literal", row.get("ol") or None, row.get("od"))
    return subject, Term(row["p"], "iri"), obj


def _label_terms(rows: list[dict[str, str]]) -> dict[str, list[Term]]:
    """Every label per IRI as a literal with its language tag (none when untagged)."""
    terms: dict[str, list[Term]] = {}
    for row in rows:
        term = Term(row["label"], "literal", lang=row.get("lang") or None)
        terms.setdefault(row["o"], []).append(term)
    return terms


def _labels(rows: list[dict[str, str]]) -> dict[str, str]:
    """One label per IRI, Indonesian (or untagged) before English."""
    ranked = sorted(rows, key=lambda row: row.get("lang", "") not in ("", "id"))
    labels: dict[str, str] = {}
    for row in ranked:
        labels.setdefault(row["o"], row["label"])
    return labels


_TERM_COLUMNS = """BIND (isBlank(?s) AS ?sb) BIND (isIRI(?o) AS ?oi) BIND (isBlank(?o) AS ?ob)
  BIND (LANG(?o) AS ?ol) BIND (DATATYPE(?o) AS ?od)"""

_OUTGOING = (
    """SELECT DISTINCT ?s ?sb ?p ?o ?oi ?ob ?ol ?od WHERE {{
  {{ <{iri}> ?p ?o . BIND (<{iri}> AS ?s) }}
  UNION
  {{ <{iri}> ?x ?s . FILTER (isBlank(?s)) ?s ?p ?o }}
  """
    + _TERM_COLUMNS.replace("{", "{{").replace("}", "}}")
    + "\n}}"
)

_HASH = (
    """SELECT DISTINCT ?s ?sb ?p ?o ?oi ?ob ?ol ?od WHERE {{
  VALUES ?t {{ {values} }}
  {{ ?t ?p ?o BIND (?t AS ?s) }}
  UNION
  {{ ?t ?x ?s . FILTER (isBlank(?s)) ?s ?p ?o }}
  UNION
  {{ ?t ?x ?b . FILTER (isBlank(?b)) ?b ?y ?s . FILTER (isBlank(?s)) ?s ?p ?o }}
  """
    + _TERM_COLUMNS.replace("{", "{{").replace("}", "}}")
    + "\n}}"
)

_INCOMING = """SELECT DISTINCT ?s ?p WHERE {{
  ?s ?p <{iri}> . FILTER (isIRI(?s))
}} ORDER BY ?p ?s LIMIT {limit}"""

_LABELS = """SELECT DISTINCT ?o ?label (LANG(?label) AS ?lang) WHERE {{
  VALUES ?o {{ {values} }} ?o rdfs:label ?label .
}}"""

_GRAPH = (
    """SELECT ?s ?sb ?p ?o ?oi ?ob ?ol ?od WHERE {{
  GRAPH <{graph}> {{ ?s ?p ?o }} {keep}
  """
    + _TERM_COLUMNS.replace("{", "{{").replace("}", "}}")
    + "\n}}"
)
