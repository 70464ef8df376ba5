"""What the citation capability knows, read from the graph once per build.

:func:`citation_index` reads the regulations (id, type, region, number, year), the cited
instruments, every structural unit (label, text, parent, position) and every reference by
SPARQL through a :class:`~capabilities.source.GraphSource`, and keeps them in plain
dictionaries (``cached`` per source generation). Nothing is written per city: a regulation
added to the corpus is citable after the next build.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from capabilities.source import GraphSource, cached
from extract.iri import Iri, IriError
from extract.vocab import UNIT_CLASSES

#: Unit kinds a citation can name, and the kinds that give a unit its context.
PROVISION_KINDS = ("pasal", "ayat", "huruf", "angka")
CONTEXT_KINDS = ("bab", "bagian", "paragraf")
_KIND_OF_CLASS = {iri: kind for kind, iri in UNIT_CLASSES.items() if kind != "definisi"}


@dataclass(frozen=True)
class Regulation:
    """A regulation whose text is in the graph, or an instrument it cites (no text)."""

    iri: str
    id: str | None  # None for a cited instrument
    doctype: str  # notation of the type concept: perwal, perbup, perda, uu, ...
    place: str | None  # jurisdiction slug ("palu", "kab-donggala"); None if national
    place_name: str | None  # "Palu", "Tebing Tinggi"
    number: str | None
    year: str
    citation: str  # rdfs:label


@dataclass
class Unit:
    """A structural unit (BAB … angka) of a regulation."""

    iri: str
    regulation: str  # the regulation's IRI
    kind: str
    label: str
    number: str | None
    parent: str | None
    position: int
    text: str = ""
    heading: str | None = None
    children: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Link:
    """One reference: the citing provision, the cited one (None if unresolved)."""

    source: str
    target: str | None
    text: str
    kind: str


@dataclass
class CitationIndex:
    regulations: list[Regulation]
    instruments: list[Regulation]
    units: dict[str, Unit]
    cites: dict[str, list[Link]]  # by source IRI
    cited_by: dict[str, list[Link]]  # by target IRI
    labels: dict[str, str]  # label of any IRI a reference points at
    doctype_names: dict[str, list[str]]  # notation -> names from the graph
    places: dict[str, str]  # slug -> place name
    #: notation -> language -> the type's skos:prefLabel ("perwal" -> "Peraturan Wali Kota")
    doctype_labels: dict[str, dict[str, str]] = field(default_factory=dict)

    def regulation(self, iri: str) -> Regulation | None:
        return next((r for r in self.regulations if r.iri == iri), None)


def citation_index(source: GraphSource) -> CitationIndex:
    """The index for ``source``'s current build (built once, then cached)."""
    return cached(source, "cite-index", _build)


def _build(source: GraphSource) -> CitationIndex:
    regulations = _unique(_regulation(row) for row in source.select(_REGULATIONS))
    instruments = _unique(_regulation(row) for row in source.select(_INSTRUMENTS))
    units = _units(source)
    cites: dict[str, list[Link]] = defaultdict(list)
    cited_by: dict[str, list[Link]] = defaultdict(list)
    labels: dict[str, str] = {}
    for row in source.select(_REFERENCES):
        link = Link(row["source"], row.get("target"), row["text"], row["kind"])
        cites[link.source].append(link)
        if link.target:
            cited_by[link.target].append(link)
            if "label" in row:
                labels[link.target] = row["label"]
    names: dict[str, list[str]] = defaultdict(list)
    for row in source.select(_DOCTYPE_NAMES):
        names[row["code"]].append(row["name"])
    places = {r.place: r.place_name for r in regulations + instruments if r.place}
    type_labels: dict[str, dict[str, str]] = defaultdict(dict)
    for row in source.select(_DOCTYPE_LABELS):
        type_labels[row["code"]].setdefault(row.get("lang") or "id", row["name"])
    return CitationIndex(
        regulations,
        instruments,
        units,
        dict(cites),
        dict(cited_by),
        labels,
        dict(names),
        places,
        dict(type_labels),
    )


def _unique(regulations) -> list[Regulation]:
    """One record per IRI (a jurisdiction described in two graphs must not double it)."""
    return list({reg.iri: reg for reg in regulations}.values())


def _regulation(row: dict[str, str]) -> Regulation:
    place = row.get("jur", "").rsplit("/", 1)[-1]
    place = place[3:] if place.startswith("id-") else None
    name = row.get("placeName")
    if name:
        name = name.split(" ", 1)[1] if name.split(" ", 1)[0] in ("Kota", "Kabupaten") else name
    return Regulation(
        iri=row["reg"],
        id=row.get("id"),
        doctype=row["code"],
        place=place,
        place_name=name,
        number=row.get("number"),
        year=row["year"],
        citation=row["label"],
    )


def _units(source: GraphSource) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for row in source.select(_UNITS):
        kind = _KIND_OF_CLASS.get(row["class"])
        if kind is None or row["u"] in units:
            continue
        units[row["u"]] = Unit(
            iri=row["u"],
            regulation=row["reg"],
            kind=kind,
            label=row["label"],
            number=row.get("number"),
            parent=row.get("parent"),
            position=int(row.get("position", 0)),
            text=row.get("text", ""),
            heading=row.get("heading"),
        )
    for unit in sorted(units.values(), key=lambda u: u.position):
        if unit.parent in units:
            units[unit.parent].children.append(unit.iri)
    return units


def parse_iri(iri: str) -> Iri | None:
    """The parsed IRI, or None when it is not one of the project's."""
    try:
        return Iri.parse(iri)
    except IriError:
        return None


_REGULATIONS = """
SELECT DISTINCT ?reg ?id ?code ?number ?year ?label ?jur ?placeName WHERE {
  ?reg a pw:ProdukHukumDaerah ; pw:regulationId ?id ; eli:type_document ?type ;
       pw:year ?year ; rdfs:label ?label ; eli:jurisdiction ?jur .
  ?type skos:notation ?code .
  OPTIONAL { ?reg eli:number ?number }
  OPTIONAL { ?jur skos:prefLabel ?placeName }
} ORDER BY ?id"""

_INSTRUMENTS = """
SELECT DISTINCT ?reg ?code ?number ?year ?label ?jur ?placeName WHERE {
  ?reg a pw:Instrumen ; eli:type_document ?type ; pw:year ?year ; rdfs:label ?label ;
       eli:jurisdiction ?jur .
  ?type skos:notation ?code .
  OPTIONAL { ?reg eli:number ?number }
  OPTIONAL { ?jur skos:prefLabel ?placeName }
  FILTER NOT EXISTS { ?reg a pw:ProdukHukumDaerah }
}"""

_UNITS = f"""
SELECT DISTINCT ?u ?reg ?class ?label ?number ?parent ?position ?text ?heading WHERE {{
  VALUES ?class {{ {" ".join(f"<{iri}>" for iri in _KIND_OF_CLASS)} }}
  ?u a ?class ; pw:regulation ?reg ; rdfs:label ?label .
  OPTIONAL {{ ?u eli:number ?number }}
  OPTIONAL {{ ?u eli:is_part_of ?parent }}
  OPTIONAL {{ ?u pw:position ?position }}
  OPTIONAL {{ ?u pw:text ?text }}
  OPTIONAL {{ ?u pw:heading ?heading }}
}}"""

_REFERENCES = """
SELECT DISTINCT ?source ?target ?text ?kind ?label WHERE {
  ?r a pw:Reference ; pw:source ?source ; pw:referenceText ?text ; pw:referenceKind ?kind .
  OPTIONAL { ?r pw:target ?target . OPTIONAL { ?target rdfs:label ?label } }
}"""

_DOCTYPE_NAMES = """
SELECT DISTINCT ?code ?name WHERE {
  ?type skos:notation ?code ; skos:inScheme ?scheme .
  FILTER (STRENDS(STR(?scheme), "/resource-type/scheme"))
  { ?type skos:prefLabel ?name } UNION { ?type skos:altLabel ?name }
  FILTER (LANG(?name) = "" || LANGMATCHES(LANG(?name), "id"))
}"""

_DOCTYPE_LABELS = """
SELECT DISTINCT ?code ?name (LANG(?name) AS ?lang) WHERE {
  ?type skos:notation ?code ; skos:inScheme ?scheme ; skos:prefLabel ?name .
  FILTER (STRENDS(STR(?scheme), "/resource-type/scheme"))
}"""
