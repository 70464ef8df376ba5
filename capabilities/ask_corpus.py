"""The provisions a question is answered from, read from the graph by SPARQL.

A *provision* is a Pasal that has no ayat, or an ayat: the unit an answer cites. Each
carries its text (with its huruf and angka), its SKOS topics and the roles it mentions
(``dcterms:subject``, ``pw:mentionsRole``), the bearers and actions of the norms it
states, and the terms it defines (the ``pw:Definisi`` of Pasal 1, or the subject of an
"X merupakan …" sentence).

An *item* is a part of a Lampiran (every entry, at every depth), scored on its own. It
answers as the provision
that refers to the Lampiran (a ``pw:Reference`` of kind ``lampiran``) and whose wording
best matches the part's heading — so Cilegon's "C. PELAKSANAAN TUGAS" answers through
Pasal 10 ("Ketentuan rinci mengenai tata cara pelaksanaan tugas … tercantum dalam
Lampiran").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from capabilities.source import GraphSource

TOPIC_BASE = "https://w3id.org/perwali-kg/topic/"
ROLE_BASE = "https://w3id.org/perwali-kg/role/"
#: "X sebagaimana dimaksud … merupakan/adalah …": X is what the sentence defines.
SUBJECT = re.compile(r"^(.{3,120}?)\s+(?:merupakan|adalah|yaitu)\b", re.I)
REFERENCE_CLAUSE = re.compile(r"\s*,?\s*sebagaimana dimaksud.*$", re.I)


@dataclass(frozen=True)
class RawProvision:
    """A provision as the graph states it (before tokenising)."""

    regulation: str
    pasal: str
    ayat: str | None
    citation: str
    iri: str
    own_text: str
    text: str
    topics: frozenset[str]
    roles: frozenset[str]
    bearers: frozenset[str]
    actions: str
    subjects: tuple[str, ...]
    order: int
    context: str  # headings of its BAB, Bagian, Paragraf
    cited: str = ""  # own texts of the units it refers to ("sebagaimana dimaksud dalam …")
    #: its norms addressed to someone (with a counterparty): (bearers, action)
    addressed: tuple[tuple[frozenset[str], str], ...] = ()
    #: the objects of its power norms that name who holds the power ("Susunan tim kerja
    #: ditetapkan oleh Kepala Perangkat Daerah": "Susunan tim kerja")
    empowered: tuple[str, ...] = ()
    #: the actions of its norms that name who acts (a bearer): what it says who does
    agents: tuple[str, ...] = ()


@dataclass(frozen=True)
class RawItem:
    """A Lampiran part, and the provision it counts for."""

    owner: int  # index of the provision
    iri: str
    label: str
    text: str
    top: bool  # a part directly under its Lampiran section (its text holds the rest)


_UNITS = """
SELECT ?u ?kind ?regId ?pasal ?ayat ?label ?start WHERE {
  { ?u a pw:Ayat ; eli:is_part_of ?p ; eli:number ?ayat . ?p a pw:Pasal ; eli:number ?pasal .
    BIND("ayat" AS ?kind) }
  UNION
  { ?u a pw:Pasal ; eli:number ?pasal . FILTER NOT EXISTS { ?a eli:is_part_of ?u ; a pw:Ayat }
    BIND("pasal" AS ?kind) }
  ?u pw:regulation ?reg ; rdfs:label ?label ; pw:startOffset ?start .
  ?reg pw:regulationId ?regId .
  FILTER NOT EXISTS { ?u eli:is_part_of+ ?annex . ?annex a pw:Lampiran }
}"""

_TEXTS = """
SELECT ?u ?text ?number ?kind ?start ?label ?parent WHERE {
  ?u pw:text ?text ; pw:startOffset ?start .
  OPTIONAL { ?u rdfs:label ?label }
  OPTIONAL { ?u eli:number ?number }
  OPTIONAL { ?u eli:is_part_of ?parent }
  OPTIONAL { ?u a ?kind . VALUES ?kind { pw:Pasal pw:Ayat pw:Huruf pw:Angka pw:BagianLampiran } }
}"""

_ANCESTORS = """SELECT ?d ?u WHERE { ?d pw:text ?t ; eli:is_part_of+ ?u }"""

_HEADINGS = """
SELECT ?u ?heading WHERE { ?u a pw:Pasal ; eli:is_part_of+ ?c . ?c pw:heading ?heading }"""

_TAGS = """
SELECT ?u ?topic ?role WHERE {
  { ?u dcterms:subject ?topic } UNION { ?u pw:mentionsRole ?role } }"""

_NORMS = """
SELECT ?u ?action ?object ?bearer WHERE {
  ?n a pw:Norm ; pw:statedIn ?u . OPTIONAL { ?n pw:action ?action }
  OPTIONAL { ?n pw:object ?object } OPTIONAL { ?n pw:bearer ?bearer } }"""

_ADDRESSED = """
SELECT ?n ?u ?action ?bearer WHERE {
  ?n a pw:Norm ; pw:statedIn ?u ; pw:counterparty ?counterparty .
  OPTIONAL { ?n pw:action ?action } OPTIONAL { ?n pw:bearer ?bearer } }"""

_POWERS = """
SELECT DISTINCT ?u ?object WHERE {
  ?n a pw:Power ; pw:statedIn ?u ; pw:object ?object ; pw:bearer ?bearer }"""

_TERMS = """
SELECT ?u ?term WHERE {
  ?d a pw:Definisi ; eli:is_part_of+ ?u . ?u a pw:Pasal .
  { ?d pw:term ?term } UNION { ?d pw:abbreviation ?term } }"""

_SECTIONS = """
SELECT ?s ?heading ?label ?regId WHERE {
  ?s a pw:BagianLampiran ; rdfs:label ?label ; pw:regulation ?reg .
  ?reg pw:regulationId ?regId . OPTIONAL { ?s pw:heading ?heading } }"""

_INTERNAL_REFS = """
SELECT ?from ?target ?text WHERE {
  ?ref pw:referenceKind "internal" ; pw:source ?from ; pw:target ?target ;
       pw:referenceText ?text }"""

_LAMPIRAN_REFS = """
SELECT ?from ?target WHERE {
  ?ref pw:referenceKind "lampiran" ; pw:source ?from ; pw:target ?target }"""


def read_provisions(
    source: GraphSource, regulations: set[str]
) -> tuple[list[RawProvision], list[RawItem]]:
    """Every provision of the regulations' bodies, and their items (see module docstring)."""
    texts = {row["u"]: row for row in source.select(_TEXTS)}
    below: dict[str, list[str]] = defaultdict(list)
    for row in source.select(_ANCESTORS):
        below[row["u"]].append(row["d"])
    children: dict[str, list[str]] = defaultdict(list)
    for unit, row in texts.items():
        if "parent" in row:
            children[row["parent"]].append(unit)

    def full_text(unit: str) -> str:
        parts = [texts[unit]["text"]] if unit in texts else []
        for d in sorted((d for d in below.get(unit, ()) if d in texts), key=_start(texts)):
            parts.append(f"{_marker(texts[d])} {texts[d]['text']}".strip())
        return " ".join(parts)

    provisions = _provision_rows(source, regulations, texts, below, full_text)
    position = {p.iri: i for i, p in enumerate(provisions)}
    provisions = _with_cited(source, provisions, position, texts)
    items = _lampiran_items(source, provisions, position, texts, children, full_text)
    return provisions, items


def _provision_rows(source, regulations, texts, below, full_text) -> list[RawProvision]:
    units = [row for row in source.select(_UNITS) if row["regId"] in regulations]
    headings: dict[str, list[str]] = defaultdict(list)
    for row in source.select(_HEADINGS):
        headings[row["u"]].append(row["heading"])
    topics, roles = _tags(source)
    actions: dict[str, list[str]] = defaultdict(list)
    bearers: dict[str, set[str]] = defaultdict(set)
    agents: dict[str, set[str]] = defaultdict(set)
    for row in source.select(_NORMS):
        action = f"{row.get('action', '')} {row.get('object', '')}"
        actions[row["u"]].append(action)
        if "bearer" in row:
            bearers[row["u"]].add(row["bearer"].removeprefix(ROLE_BASE))
            agents[row["u"]].add(action)
    addressed = _addressed(source)
    powers: dict[str, set[str]] = defaultdict(set)
    for row in source.select(_POWERS):
        powers[row["u"]].add(row["object"])
    terms: dict[str, list[str]] = defaultdict(list)
    for row in source.select(_TERMS):
        terms[row["u"]].append(row["term"])
    out = []
    for row in sorted(units, key=lambda r: (r["regId"], int(r["start"]))):
        unit = row["u"]
        under = [unit, *below.get(unit, ())]
        own = texts[unit]["text"] if unit in texts else ""
        out.append(
            RawProvision(
                regulation=row["regId"],
                pasal=row["pasal"],
                ayat=row.get("ayat") if row["kind"] == "ayat" else None,
                citation=row["label"],
                iri=unit,
                own_text=own,
                text=full_text(unit),
                topics=frozenset(t for u in under for t in topics.get(u, ())),
                roles=frozenset(r for u in under for r in roles.get(u, ())),
                bearers=frozenset(b for u in under for b in bearers.get(u, ())),
                actions=" ".join(a for u in under for a in actions.get(u, ())),
                subjects=(*terms.get(unit, ()), *([subject_of(own)] if subject_of(own) else [])),
                order=int(row["start"]),
                context=" ".join(headings.get(unit.split("/ayat/")[0], ())),
                addressed=tuple(n for u in under for n in addressed.get(u, ())),
                empowered=tuple(sorted(a for u in under for a in powers.get(u, ()))),
                agents=tuple(sorted(a for u in under for a in agents.get(u, ()))),
            )
        )
    return out


def _addressed(source: GraphSource) -> dict[str, list[tuple[frozenset[str], str]]]:
    """Per unit, the norms it states that have a counterparty ("melaporkan … kepada Ketua
    Tim"): their bearers and action."""
    norms: dict[str, dict] = {}
    for row in source.select(_ADDRESSED):
        norm = norms.setdefault(row["n"], {"u": row["u"], "action": "", "bearers": set()})
        norm["action"] = row.get("action", norm["action"])
        if "bearer" in row:
            norm["bearers"].add(row["bearer"].removeprefix(ROLE_BASE))
    out: dict[str, list[tuple[frozenset[str], str]]] = defaultdict(list)
    for norm in norms.values():
        out[norm["u"]].append((frozenset(norm["bearers"]), norm["action"]))
    return out


def _with_cited(source, provisions, position, texts) -> list[RawProvision]:
    """Each provision with the own texts of the units it refers to: "Penugasan sebagaimana
    dimaksud dalam Pasal 5 ayat (1)" is the penugasan of the Pejabat Fungsional and
    Pelaksana that Pasal 5 ayat (1) names. A range ("Pasal 12 sampai dengan Pasal 28")
    names no one unit and is left out."""
    targets: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in source.select(_INTERNAL_REFS):
        targets[(row["from"], row["text"])].add(row["target"])
    cited: dict[int, list[str]] = defaultdict(list)
    for (unit, _), found in sorted(targets.items()):
        if len(found) != 1:
            continue
        target = next(iter(found))
        owner = _owner(unit, position)
        if owner is not None and target in texts:
            cited[owner].append(texts[target]["text"])
    return [
        replace(p, cited=" ".join(cited[i])) if i in cited else p for i, p in enumerate(provisions)
    ]


def _tags(source: GraphSource) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    topics: dict[str, set[str]] = defaultdict(set)
    roles: dict[str, set[str]] = defaultdict(set)
    for row in source.select(_TAGS):
        if "topic" in row:
            topics[row["u"]].add(row["topic"].removeprefix(TOPIC_BASE))
        else:
            roles[row["u"]].add(row["role"].removeprefix(ROLE_BASE))
    return topics, roles


def subject_of(text: str) -> str | None:
    """What an "X (sebagaimana dimaksud …) merupakan …" sentence defines: X."""
    match = SUBJECT.match(text)
    return REFERENCE_CLAUSE.sub("", match.group(1)).strip(" ,") if match else None


def _lampiran_items(source, provisions, position, texts, children, full_text) -> list[RawItem]:
    """Each part of a Lampiran (its entries, or itself when it has none), for the provision
    that refers to the Lampiran and shares most words with the part's heading."""
    from capabilities.retrieval import content_stems  # tokenising lives with the index

    referring: dict[str, list[int]] = defaultdict(list)
    for row in source.select(_LAMPIRAN_REFS):
        owner = _owner(row["from"], position)
        if owner is not None:
            referring[row["target"]].append(owner)
    items = []
    for section in source.select(_SECTIONS):
        candidates = sorted(
            {
                i
                for target, owners in referring.items()
                if section["s"].startswith(target)
                for i in owners
            }
        )
        if not candidates:
            continue
        heading = set(content_stems(section.get("heading", "")))
        owner = max(
            candidates,
            key=lambda i: (len(heading & set(content_stems(provisions[i].own_text))), -i),
        )
        parts = _descendants(section["s"], children)
        entries = sorted(parts, key=_start(texts)) or [section["s"]]
        for entry in entries:
            label = (
                texts[entry].get("label", section["label"]) if entry in texts else section["label"]
            )
            text = f"{section.get('heading', '')} {full_text(entry)}".strip()
            top = entry == section["s"] or texts[entry].get("parent") == section["s"]
            items.append(RawItem(owner, entry, label, text, top))
    return items


def _descendants(unit: str, children: dict[str, list[str]]) -> list[str]:
    out, stack = [], list(children.get(unit, ()))
    while stack:
        child = stack.pop()
        out.append(child)
        stack.extend(children.get(child, ()))
    return out


def _owner(unit: str, position: dict[str, int]) -> int | None:
    """The provision a unit is (or is part of), by IRI prefix."""
    while unit:
        if unit in position:
            return position[unit]
        unit = unit.rsplit("/", 2)[0] if unit.count("/") > 8 else ""
    return None


def _start(texts: dict):
    return lambda unit: int(texts[unit]["start"]) if unit in texts else 0


def _marker(row: dict[str, str]) -> str:
    number, kind = row.get("number", ""), row.get("kind", "")
    if kind.endswith("#Ayat"):
        return f"({number})"
    if kind.endswith("#Huruf") or kind.endswith("#Angka"):
        return f"{number}."
    return ""
