"""What the pages read from the graph that no capability returns as such: the
regulations' metadata, a provision's norms and topics, Penjelasan entries.

Plain SPARQL through :class:`capabilities.source.GraphSource` (the structure, texts,
citations and references come from the citation capability's index); the per-build
reads are ``cached`` like the capabilities' own indexes.
"""

from __future__ import annotations

from dataclasses import dataclass

from capabilities.cite_index import citation_index
from capabilities.source import GraphSource, cached
from extract.vocab import BASE

ROLE_PREFIX = BASE + "role/"


@dataclass(frozen=True)
class RegulationInfo:
    """One regulation as the home page lists it."""

    id: str
    iri: str
    citation: str
    title: str
    place: str
    enacted: str | None
    promulgated: str | None
    signatory: str | None
    pasal_count: int


def regulations(source: GraphSource) -> list[RegulationInfo]:
    """The regulations with their text in the graph, sorted by place."""
    return cached(source, "web-regulations", _read_regulations)


def _read_regulations(source: GraphSource) -> list[RegulationInfo]:
    index = citation_index(source)
    pasal_count: dict[str, int] = {}
    for unit in index.units.values():
        if unit.kind == "pasal":
            pasal_count[unit.regulation] = pasal_count.get(unit.regulation, 0) + 1
    rows = {row["reg"]: row for row in source.select(_REGULATIONS)}
    out = []
    for reg in index.regulations:
        row = rows.get(reg.iri, {})
        out.append(
            RegulationInfo(
                id=reg.id or "",
                iri=reg.iri,
                citation=reg.citation,
                title=row.get("title", reg.citation),
                place=reg.place_name or reg.place or "",
                enacted=row.get("enacted"),
                promulgated=row.get("promulgated"),
                signatory=row.get("signatory"),
                pasal_count=pasal_count.get(reg.iri, 0),
            )
        )
    return sorted(out, key=lambda info: info.place)


_REGULATIONS = """
SELECT ?reg (SAMPLE(?t) AS ?title) (SAMPLE(?e) AS ?enacted) (SAMPLE(?p) AS ?promulgated)
       (SAMPLE(?s) AS ?signatory) WHERE {
  ?reg a pw:ProdukHukumDaerah ; eli:title ?t .
  OPTIONAL { ?reg eli:date_document ?e }
  OPTIONAL { ?reg eli:date_publication ?p }
  OPTIONAL { ?reg pw:signatoryName ?s }
} GROUP BY ?reg"""


@dataclass(frozen=True)
class Norm:
    """A norm stated in a provision: modality, who, toward whom, what."""

    provision: str
    modality: str
    bearers: tuple[tuple[str, str], ...]  # (role IRI, label)
    counterparties: tuple[tuple[str, str], ...]
    action: str


def norms_within(source: GraphSource, iri: str) -> list[Norm]:
    """The norms stated in ``iri`` or any of its sub-units, in text order."""
    rows = source.select(_NORMS.format(iri=iri))
    labels = role_labels(source)
    merged: dict[str, dict] = {}
    for row in rows:
        entry = merged.setdefault(
            row["n"],
            {"row": row, "bearers": [], "counterparties": []},
        )
        for key, column in (("bearers", "bearer"), ("counterparties", "counterparty")):
            role = row.get(column)
            if role and role not in [iri for iri, _ in entry[key]]:
                entry[key].append((role, labels.get(role, role.removeprefix(ROLE_PREFIX))))
    return [
        Norm(
            provision=entry["row"]["u"],
            modality=entry["row"]["modality"],
            bearers=tuple(entry["bearers"]),
            counterparties=tuple(entry["counterparties"]),
            action=entry["row"].get("action", ""),
        )
        for entry in sorted(merged.values(), key=lambda e: (e["row"]["u"], e["row"]["n"]))
    ]


_NORMS = """
SELECT ?n ?u ?modality ?action ?bearer ?counterparty WHERE {{
  ?n a pw:Norm ; pw:statedIn ?u ; pw:modality ?modality .
  ?u eli:is_part_of* <{iri}> .
  OPTIONAL {{ ?n pw:action ?action }}
  OPTIONAL {{ ?n pw:bearer ?bearer }}
  OPTIONAL {{ ?n pw:counterparty ?counterparty }}
}}"""


def role_labels(source: GraphSource) -> dict[str, str]:
    """Role IRI -> its Indonesian label."""
    return cached(source, "web-role-labels", _read_role_labels)


def _read_role_labels(source: GraphSource) -> dict[str, str]:
    rows = source.select(
        f"""SELECT ?r ?label WHERE {{ ?r rdfs:label|skos:prefLabel ?label .
            FILTER (STRSTARTS(STR(?r), "{ROLE_PREFIX}") && LANG(?label) IN ("id", "")) }}"""
    )
    return {row["r"]: row["label"] for row in rows}


def topics_of(source: GraphSource, iri: str, lang: str) -> list[tuple[str, str]]:
    """The SKOS topics of a unit: (IRI, label in ``lang``), sorted by label."""
    labels = topic_labels(source)
    rows = source.select(f"SELECT DISTINCT ?t WHERE {{ <{iri}> dcterms:subject ?t }}")
    out = [(row["t"], labels.get((row["t"], lang)) or row["t"].rsplit("/", 1)[-1]) for row in rows]
    return sorted(out, key=lambda pair: pair[1].lower())


def topic_labels(source: GraphSource) -> dict[tuple[str, str], str]:
    """(topic IRI, language) -> prefLabel."""
    return cached(source, "web-topic-labels", _read_topic_labels)


def _read_topic_labels(source: GraphSource) -> dict[tuple[str, str], str]:
    rows = source.select(
        "SELECT ?t ?label (LANG(?label) AS ?lang) "
        "WHERE { ?t a skos:Concept ; skos:prefLabel ?label }"
    )
    return {(row["t"], row.get("lang") or "id"): row["label"] for row in rows}


def penjelasan(source: GraphSource, regulation_iri: str) -> list[dict]:
    """The Penjelasan of a regulation: [{"explains": IRI or None, "label", "text"}]."""
    rows = source.select(_PENJELASAN.format(reg=regulation_iri))
    return [
        {"explains": row.get("unit"), "label": row.get("label", ""), "text": row.get("text", "")}
        for row in sorted(rows, key=lambda row: int(row.get("position") or 0))
    ]


_PENJELASAN = """
SELECT ?p ?unit ?label ?text ?position WHERE {{
  ?p a pw:Penjelasan ; pw:regulation <{reg}> .
  OPTIONAL {{ ?p pw:explains ?unit }}
  OPTIONAL {{ ?p rdfs:label ?label }}
  OPTIONAL {{ ?p pw:text ?text }}
  OPTIONAL {{ ?p pw:position ?position }}
}}"""
