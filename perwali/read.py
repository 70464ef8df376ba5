"""Read a build back from the store: the summary of ``perwali stats`` and the units of
``perwali show``. Everything comes from the graph through SPARQL, so what the commands
print is what an analyst querying the endpoint sees."""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, replace

import pyoxigraph as ox

from extract import vocab
from extract.citation import provision_label
from extract.doctypes import RULES
from extract.iri import Iri, IriError, work_from_regulation_id
from perwali.messages import text as message
from perwali.messages import translate_error

PREFIXES = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in vocab.PREFIXES.items())
COUNTED = {
    "bab": "Bab",
    "bagian": "Bagian",
    "paragraf": "Paragraf",
    "pasal": "Pasal",
    "ayat": "Ayat",
    "huruf": "Huruf",
    "angka": "Angka",
    "menimbang": "Menimbang",
    "mengingat": "Mengingat",
    "definitions": "Definisi",
    "lampiran_sections": "BagianLampiran",
}
KIND_OF_CLASS = {iri: kind for kind, iri in vocab.UNIT_CLASSES.items()}
TYPE_LABELS = {vocab.DOCTYPE + rule.doctype.concept: rule.doctype.label for rule in RULES}


class NotFound(LookupError):
    """A regulation or unit that the build does not have; the message names it."""


def select(store: ox.Store, query: str) -> list[dict[str, str]]:
    """Run a SELECT over the union of all graphs; rows of plain values."""
    solutions = store.query(PREFIXES + query, use_default_graph_as_union=True)
    names = [variable.value for variable in solutions.variables]
    return [{name: row[name].value for name in names if row[name] is not None} for row in solutions]


def regulation_summaries(store: ox.Store) -> list[dict]:
    """One ``perwali stats`` record per regulation, sorted by id."""
    rows = select(
        store,
        """SELECT DISTINCT ?reg ?id ?type ?number ?year ?title ?place ?province ?enacted
                  ?promulgated
                  ?signatory ?gyear ?gnumber WHERE {
             ?reg a pw:ProdukHukumDaerah ; pw:regulationId ?id ; eli:type_document ?type ;
                  eli:number ?number ; pw:year ?year ; eli:title ?title ;
                  eli:jurisdiction ?jur .
             ?jur skos:prefLabel ?place .
             OPTIONAL { ?jur pw:province ?province }
             OPTIONAL { ?reg eli:date_document ?enacted }
             OPTIONAL { ?reg eli:date_publication ?promulgated }
             OPTIONAL { ?reg pw:signatoryName ?signatory }
             OPTIONAL { ?reg pw:beritaDaerahYear ?gyear }
             OPTIONAL { ?reg pw:beritaDaerahNumber ?gnumber }
           } ORDER BY ?id""",
    )
    counts = _counts(store)
    warnings = _warnings(store)
    return [
        {
            "id": row["id"],
            "type": TYPE_LABELS.get(row["type"], row["type"]),
            "jurisdiction": row["place"]
            + (f", Provinsi {row['province']}" if "province" in row else ""),
            "number": _number(row["number"]),
            "year": int(row["year"]),
            "title": row["title"],
            "ditetapkan": row.get("enacted"),
            "diundangkan": row.get("promulgated"),
            "signatory": row.get("signatory"),
            "berita_daerah": {
                "year": int(row["gyear"]) if "gyear" in row else None,
                "number": _number(row["gnumber"]) if "gnumber" in row else None,
            },
            "counts": {key: counts[row["reg"]].get(key, 0) for key in COUNTED},
            "warnings": warnings.get(row["reg"], []),
        }
        for row in rows
    ]


def regulation_citations(store: ox.Store) -> dict[str, str]:
    """Regulation id -> the standard citation of the work (its ``rdfs:label``, e.g.
    "Peraturan Wali Kota Cilegon Nomor 17 Tahun 2023", "Undang-Undang Nomor 5 Tahun 2014")."""
    rows = select(
        store,
        """SELECT ?id (SAMPLE(?label) AS ?citation) WHERE {
             ?reg pw:regulationId ?id ; rdfs:label ?label } GROUP BY ?id""",
    )
    return {row["id"]: row["citation"] for row in rows if "citation" in row}


def regulation_ids(store: ox.Store) -> list[str]:
    """Every regulation id of the build, sorted."""
    rows = select(store, "SELECT DISTINCT ?id WHERE { ?r pw:regulationId ?id } ORDER BY ?id")
    return [row["id"] for row in rows]


def resolve_id(store: ox.Store, reg_id: str) -> str:
    """The id of the build that ``reg_id`` names, in any case ("Palu-28-2023"); else
    :class:`NotFound` naming the problem and suggesting the ids that match ("palu")."""
    known = regulation_ids(store)
    wanted = reg_id.lower()
    if wanted in known:
        return wanted
    hints = suggest(wanted, known)
    hint = f"; {message('did_you_mean', ids=', '.join(hints))}" if hints else ""
    try:
        work = work_from_regulation_id(wanted)
    except IriError as error:
        raise NotFound(translate_error(str(error)) + hint) from error
    if _exists(store, Iri(work)):  # a graph without pw:regulationId (made by hand)
        return wanted
    listed = message("unknown_regulation", reg=reg_id, known=", ".join(known))
    raise NotFound(listed + hint)


def suggest(wanted: str, known: list[str], limit: int = 5) -> list[str]:
    """The ids that ``wanted`` may mean: those it starts or is contained in, else the
    closest by spelling (difflib)."""
    if not wanted.strip():
        return []
    prefix = [k for k in known if k.startswith(wanted)]
    inside = [k for k in known if wanted in k and k not in prefix]
    found = prefix + inside
    if not found:
        head = [
            k for k in known if wanted.split("-")[0] and k.split("-")[0] == wanted.split("-")[0]
        ]
        found = head or difflib.get_close_matches(wanted, known, n=limit, cutoff=0.6)
    return found[:limit]


def _number(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def _counts(store: ox.Store) -> dict[str, dict[str, int]]:
    """Units per regulation and kind: body units (not those quoted by an amending article,
    not those of a Lampiran), preamble items, definitions and Lampiran sections."""
    values = " ".join(f'(pw:{cls} "{key}")' for key, cls in COUNTED.items())
    rows = select(
        store,
        f"""SELECT ?reg ?key (COUNT(DISTINCT ?unit) AS ?n) WHERE {{
              VALUES (?class ?key) {{ {values} }}
              ?unit a ?class ; pw:regulation ?reg .
              FILTER NOT EXISTS {{ ?unit eli:is_part_of+ ?annex . ?annex a pw:Lampiran }}
              FILTER (?key != "pasal" ||
                      NOT EXISTS {{ ?unit eli:is_part_of+ ?outer . ?outer a pw:Pasal }})
            }} GROUP BY ?reg ?key""",
    )
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        counts[row["reg"]][row["key"]] = int(row["n"])
    lampiran_rows = select(
        store,
        """SELECT ?reg (COUNT(?s) AS ?n) WHERE {
             ?s a pw:BagianLampiran ; pw:regulation ?reg } GROUP BY ?reg""",
    )
    for row in lampiran_rows:
        counts[row["reg"]]["lampiran_sections"] = int(row["n"])
    return counts


def _warnings(store: ox.Store) -> dict[str, list[dict]]:
    rows = select(
        store,
        """SELECT ?reg ?code ?message ?unit ?start WHERE {
             ?reg pw:hasWarning ?w . ?w pw:warningCode ?code ; pw:message ?message .
             OPTIONAL { ?w pw:concerns ?unit } OPTIONAL { ?w pw:startOffset ?start }
           } ORDER BY ?reg ?start ?code""",
    )
    out: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        record = {"code": row["code"], "message": row["message"]}
        if "unit" in row:
            record["iri"] = row["unit"]
        out[row["reg"]].append(record)
    return out


# --- show --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Address:
    """What ``perwali show`` was asked for."""

    regulation: str
    pasal: str | None = None
    ayat: str | None = None
    huruf: str | None = None
    angka: str | None = None
    #: a unit outside the Pasal numbering, as IRI levels: (("lampiran", "I"), ("huruf",
    #: "B")), (("menimbang", "a"),), (("bab", "II"),); the Pasal levels follow it
    section: tuple[tuple[str, str], ...] = ()

    def iri(self) -> Iri:
        iri = Iri(work_from_regulation_id(self.regulation))
        levels = [*self.section] + [
            (kind, getattr(self, kind)) for kind in ("pasal", "ayat", "huruf", "angka")
        ]
        for kind, value in levels:
            if value is not None:
                try:
                    iri = iri.child(kind, value)
                except IriError as error:
                    raise NotFound(message("bad_number", kind=kind, value=value)) from error
        return iri


def show(store: ox.Store, address: Address) -> dict:
    """The unit at ``address`` with its sub-units, or :class:`NotFound` naming the first
    level that does not exist. Sub-units come in document order (by source offset).
    A huruf or angka carries ``chapeau``: the citation and own text of the unit it
    completes ("Pegawai ASN berfungsi sebagai:"), or None."""
    address = replace(address, regulation=resolve_id(store, address.regulation))
    target = address.iri()
    rows = select(
        store,
        f"""SELECT ?unit ?parent ?label ?text ?heading ?number ?position ?start ?class
            WHERE {{
              ?unit eli:is_part_of* <{target}> ; rdfs:label ?label .
              FILTER NOT EXISTS {{ ?unit a pw:Definisi }}
              FILTER NOT EXISTS {{ ?unit a pw:Penjelasan }}
              OPTIONAL {{ ?unit eli:is_part_of ?parent }}
              OPTIONAL {{ ?unit pw:text ?text }} OPTIONAL {{ ?unit pw:heading ?heading }}
              OPTIONAL {{ ?unit eli:number ?number }} OPTIONAL {{ ?unit pw:position ?position }}
              OPTIONAL {{ ?unit pw:startOffset ?start }}
              OPTIONAL {{ ?unit a ?class . FILTER (STRSTARTS(STR(?class), STR(pw:))) }}
            }}""",
    )
    if not any(row["unit"] == str(target) for row in rows):
        raise NotFound(_missing_message(store, target))
    by_parent: dict[str, list[dict]] = defaultdict(list)
    nodes: dict[str, dict] = {}
    for row in rows:
        nodes.setdefault(row["unit"], row)
    for unit, row in nodes.items():
        if unit != str(target) and "parent" in row:
            by_parent[row["parent"]].append(row)
    record = _tree(nodes[str(target)], by_parent, address.regulation)
    record["children"].extend(_penjelasan(store, target, address.regulation))
    if target.path and target.path[-1][0] in ("huruf", "angka"):
        record["chapeau"] = _chapeau(store, target)
    return record


def _chapeau(store: ox.Store, target: Iri) -> dict | None:
    """The citation and own text of the unit ``target`` completes, if it has text."""
    rows = select(
        store,
        f"""SELECT ?label ?text WHERE {{ <{target}> eli:is_part_of ?parent .
              ?parent rdfs:label ?label ; pw:text ?text . FILTER (STRLEN(?text) > 0) }}
            LIMIT 1""",
    )
    return {"citation": rows[0]["label"], "text": rows[0]["text"]} if rows else None


def _penjelasan(store: ox.Store, target: Iri, regulation: str) -> list[dict]:
    """The Penjelasan of ``target`` (of the whole regulation for a work), in document
    order, as records of kind "penjelasan" that follow its sub-units."""
    if target.path:
        scope = f"<{target}> pw:explainedBy ?root . ?unit eli:is_part_of* ?root ."
    else:
        scope = f"?unit a pw:Penjelasan ; pw:regulation <{target}> ."
    rows = select(
        store,
        f"""SELECT DISTINCT ?unit ?label ?text ?start WHERE {{
              {scope} ?unit rdfs:label ?label ; pw:text ?text ; pw:startOffset ?start .
            }}""",
    )
    records = []
    for row in sorted(rows, key=lambda row: (int(row["start"]), row["unit"])):
        record = _record(row, regulation)
        path = Iri.parse(row["unit"]).path[1:]
        record.update(kind="penjelasan", number=provision_label(path) or "Umum")
        records.append(record)
    return records


#: The deepest unit tree ``show`` prints: real regulations go about ten levels deep; the
#: bound keeps the output (and its JSON encoding, which recurses) small and safe.
MAX_SHOW_DEPTH = 1000


class TooDeep(ValueError):
    """A unit tree deeper than :data:`MAX_SHOW_DEPTH`; the message names the unit."""


def _tree(root: dict, by_parent: dict[str, list[dict]], regulation: str) -> dict:
    """The nested record of ``root`` and its sub-units, built without recursion; a unit
    reached twice (a cycle or a second parent in a hand-made graph) is listed once."""
    top = _record(root, regulation)
    pending = [(root, top, 0)]
    seen = {root["unit"]}
    while pending:
        row, record, depth = pending.pop()
        children = sorted(by_parent.get(row["unit"], []), key=_document_order)
        if children and depth >= MAX_SHOW_DEPTH:
            raise TooDeep(
                f"{root['label']} bersarang lebih dari {MAX_SHOW_DEPTH} tingkat; "
                "tampilkan bagian yang lebih dalam"
            )
        for child in children:
            if child["unit"] in seen:
                continue
            seen.add(child["unit"])
            child_record = _record(child, regulation)
            record["children"].append(child_record)
            pending.append((child, child_record, depth + 1))
    return top


def _document_order(row: dict) -> tuple[int, int, int]:
    """Where a unit stands in the text: its source offset; a unit without one (a
    hand-made graph) after those with one, by its position among its kind."""
    start, position = row.get("start", ""), row.get("position", "0")
    if start.isdigit():
        return (0, int(start), 0)
    return (1, 0, int(position) if position.lstrip("-").isdigit() else 0)


def _record(row: dict, regulation: str) -> dict:
    iri = Iri.parse(row["unit"])
    levels = dict(iri.path)
    return {
        "regulation": regulation,
        "pasal": levels.get("pasal"),
        "ayat": levels.get("ayat"),
        "huruf": levels.get("huruf"),
        "angka": levels.get("angka"),
        "kind": KIND_OF_CLASS.get(row.get("class", ""), "peraturan"),
        "number": row.get("number"),
        "heading": row.get("heading"),
        "citation": row["label"],
        "iri": row["unit"],
        "text": row.get("text", ""),
        "children": [],
    }


def tree_depth(unit: dict) -> int:
    """How many levels a ``show`` record has below it (0 for a leaf)."""
    deepest, pending = 0, [(unit, 0)]
    while pending:
        node, depth = pending.pop()
        deepest = max(deepest, depth)
        pending.extend((child, depth + 1) for child in node["children"])
    return deepest


def _missing_message(store: ox.Store, target: Iri) -> str:
    """Name the first level of ``target`` that the graph lacks, and what exists there."""
    work = Iri(target.work)
    if not _exists(store, work):
        known = ", ".join(regulation_ids(store))
        return message("unknown_regulation", reg=work.work.regulation_id(), known=known)
    probe = work
    for kind, value in target.path:
        parent, probe = probe, probe.child(kind, value)
        if not _exists(store, probe):
            siblings = select(
                store,
                f"""SELECT ?number WHERE {{ ?u pw:regulation <{work}> ; eli:number ?number ;
                      pw:startOffset ?start .
                      FILTER (REGEX(STR(?u), "^{parent}/{kind}/[^/]+$")) }} ORDER BY ?start""",
            )
            where = _label(store, parent)
            available = _compact([row["number"] for row in siblings]) or message("none")
            return message("missing_unit", kind=kind, value=value, where=where, available=available)
    return f"{target} tidak ada"


def _compact(numbers: list[str]) -> str:
    """``["1", "2", "3", "5"]`` -> ``"1–3, 5"``: runs of consecutive numbers as ranges."""
    runs: list[list[str]] = []
    for number in numbers:
        if (
            runs
            and number.isdigit()
            and runs[-1][-1].isdigit()
            and int(number) == int(runs[-1][-1]) + 1
        ):
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(run[0] if len(run) < 3 else f"{run[0]}–{run[-1]}" for run in runs)


def _exists(store: ox.Store, iri: Iri) -> bool:
    return bool(select(store, f"SELECT ?l WHERE {{ <{iri}> rdfs:label ?l }} LIMIT 1"))


def _label(store: ox.Store, iri: Iri) -> str:
    rows = select(store, f"SELECT ?l WHERE {{ <{iri}> rdfs:label ?l }} LIMIT 1")
    return rows[0]["l"] if rows else str(iri)


# --- semantic views -----------------------------------------------------------------------
def _regulation_iri(store: ox.Store, reg_id: str) -> str:
    """The work IRI of ``reg_id`` (any case); :class:`NotFound` when the build does not
    have it, suggesting the ids that match."""
    return str(work_from_regulation_id(resolve_id(store, reg_id)))


def definitions(store: ox.Store, reg_id: str) -> list[dict]:
    """``perwali definitions``: the terms of the definitions article, in order."""
    work = _regulation_iri(store, reg_id)
    rows = select(
        store,
        f"""SELECT ?term ?abbreviation ?text ?angka WHERE {{
              ?d a pw:Definisi ; pw:regulation <{work}> ; pw:term ?term ;
                 skos:definition ?text ; pw:position ?position ; eli:is_part_of ?item .
              ?item eli:number ?angka .
              OPTIONAL {{ ?d pw:abbreviation ?abbreviation }}
            }} ORDER BY ?position""",
    )
    return [
        {
            "term": row["term"],
            "abbreviation": row.get("abbreviation"),
            "text": row["text"],
            "angka": row["angka"],
        }
        for row in rows
    ]


def refs(store: ox.Store, reg_id: str) -> list[dict]:
    """``perwali refs``: every reference the regulation makes, read back from the graph
    (one row per target; a range keeps its phrase on every row)."""
    from extract.model import Reference
    from extract.refs import reference_row

    reg_id = resolve_id(store, reg_id)
    work = _regulation_iri(store, reg_id)
    rows = select(
        store,
        f"""SELECT ?source ?target ?text ?kind ?start ?end ?component WHERE {{
              ?r a pw:Reference ; pw:regulation <{work}> ; pw:source ?source ;
                 pw:referenceText ?text ; pw:referenceKind ?kind ; pw:startOffset ?start ;
                 pw:endOffset ?end ; prov:wasGeneratedBy ?component ;
                 pw:statedIn ?source .
              ?source pw:startOffset ?at .
              OPTIONAL {{ ?r pw:target ?target }}
            }} ORDER BY ?at ?start xsd:integer(REPLACE(STR(?r), "^.*/", ""))""",
    )
    references = []
    for row in rows:
        target = Iri.parse(row["target"]) if "target" in row else None
        if target is not None and not target.path:
            target = target.work  # an instrument, not a provision
        reference = Reference(
            Iri.parse(row["source"]),
            target,
            row["text"],
            row["kind"],
            int(row["start"]),
            int(row["end"]),
            row["component"].rsplit("/", 1)[-1],
        )
        references.append(reference_row(reg_id, reference))
    return references


def norms(store: ox.Store, reg_id: str) -> list[dict]:
    """``perwali norms``: every norm of the regulation, read back from the graph, in the
    order of the provisions that state them."""
    from extract.provisions import address

    work = _regulation_iri(store, reg_id)
    rows = select(
        store,
        f"""SELECT ?norm ?provision ?modality ?action ?text
                   (GROUP_CONCAT(DISTINCT STR(?bearer); separator=" ") AS ?bearers)
                   (GROUP_CONCAT(DISTINCT STR(?counterparty); separator=" ") AS ?counterparties)
            WHERE {{
              ?norm a pw:Norm ; pw:regulation <{work}> ; pw:statedIn ?provision ;
                    pw:modality ?modality ; pw:action ?action .
              ?provision pw:text ?text ; pw:startOffset ?at .
              OPTIONAL {{ ?norm pw:bearer ?bearer }}
              OPTIONAL {{ ?norm pw:counterparty ?counterparty }}
            }} GROUP BY ?norm ?provision ?modality ?action ?text ?at
              ORDER BY ?at xsd:integer(REPLACE(STR(?norm), "^.*/", ""))""",
    )
    return [
        {
            "provision": address(Iri.parse(row["provision"])),
            "modality": row["modality"],
            "bearer": sorted(_role_ids(row.get("bearers", ""))),
            "counterparty": sorted(_role_ids(row.get("counterparties", ""))),
            "action": row["action"],
            "text": row["text"],
        }
        for row in rows
    ]


def _role_ids(iris: str) -> list[str]:
    return [iri.rsplit("/", 1)[-1] for iri in iris.split()]
