"""Fact questions about one named regulation, answered by SPARQL over the store.

A fact question asks for a regulation's metadata, structure or text rather than "which
article governs X": who signed it, when it was set (ditetapkan) or promulgated
(diundangkan) and by whom, how many Pasal or BAB it has, the BAB of a Pasal, the wording
of a unit ("Bagaimana bunyi Pasal 10 ayat (6) …"), its legal basis (Mengingat), its
considerations (Menimbang), its Berita Daerah number, its title. Each field is a row of
:data:`FIELDS`: the phrases (Indonesian and English regular expressions) that ask for it
and the SPARQL query that answers it. The query that answered is returned with the value,
so an analyst can run it on ``/sparql`` as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from capabilities.retrieval import Regulation
from capabilities.source import GraphSource
from extract.citation import provision_label

MONTHS = {
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November "
    "Desember".split(),
    "en": "January February March April May June July August September October November "
    "December".split(),
}


@dataclass(frozen=True)
class UnitRef:
    """A unit named in a question: Pasal, and optionally ayat and huruf."""

    pasal: str
    ayat: str | None = None
    huruf: str | None = None

    def levels(self) -> tuple[tuple[str, str], ...]:
        """The unit's path of (kind, number), as extract/ names units."""
        named = (("pasal", self.pasal), ("ayat", self.ayat), ("huruf", self.huruf))
        return tuple((kind, value) for kind, value in named if value)

    def citation(self) -> str:
        """The unit as a citation writes it: "Pasal 10 ayat (6) huruf a"."""
        return provision_label(self.levels())

    def path(self) -> str:
        """The IRI path below the regulation (see extract/iri.py)."""
        return "".join(f"/{kind}/{value}" for kind, value in self.levels())


@dataclass(frozen=True)
class Fact:
    """The answer to a fact question: the value and where it comes from."""

    regulation: str
    field: str
    value: str | None
    source: str  # IRI of the node that holds the value
    citation: str  # its citation (the regulation's, or the unit's)

    def to_json(self) -> dict:
        return {
            "regulation": self.regulation,
            "field": self.field,
            "value": self.value,
            "source": self.source,
            "citation": self.citation,
        }


@dataclass(frozen=True)
class FactAnswer:
    fact: Fact
    sparql: str
    message: str | None = None  # why there is no value, when there is none


@dataclass(frozen=True)
class Field:
    """A kind of fact: the phrases that ask for it and how to answer it."""

    name: str
    asks: re.Pattern
    answer: Callable[[GraphSource, Regulation, UnitRef | None, str], FactAnswer]
    needs_unit: bool = False


# --- reading the question -----------------------------------------------------------

_PASAL = re.compile(r"\b(?:pasal|psl|article|art\.?)\s*(\d+[a-z]?)\b", re.I)
_AYAT = re.compile(
    r"(?:\b(?:ayat|paragraph|para\.?)\s*\(?\s*(\d+[a-z]?)\s*\)?"
    r"|^\s*\(\s*(\d+[a-z]?)\s*\))",
    re.I,
)
_HURUF = re.compile(r"\b(?:huruf|point|letter|item)\s*\(?([a-z]{1,2})\)?(?![a-z])", re.I)


def unit_ref(question: str) -> UnitRef | None:
    """The Pasal (ayat, huruf) a question names, if any: "Pasal 10 ayat (6)", "Article 10(6)"."""
    match = _PASAL.search(question)
    if not match:
        return None
    rest = question[match.end() :]
    ayat = _AYAT.search(rest)
    huruf = _HURUF.search(rest)
    ayat_number = (ayat.group(1) or ayat.group(2)) if ayat else None
    return UnitRef(
        match.group(1).lower(),
        ayat_number.lower() if ayat_number else None,
        huruf.group(1).lower() if huruf else None,
    )


def answer_fact(
    source: GraphSource, regulation: Regulation, question: str, lang: str
) -> FactAnswer | None:
    """The fact the question asks about ``regulation``, or None if it asks none."""
    unit = unit_ref(question)
    for field in FIELDS:
        if field.asks.search(question) and (unit or not field.needs_unit):
            return field.answer(source, regulation, unit, lang)
    return None


# --- answering ----------------------------------------------------------------------


def _run(source: GraphSource, query: str) -> list[dict[str, str]]:
    return source.select(query)


def _date(value: str | None, lang: str) -> str | None:
    if not value:
        return None
    year, month, day = value.split("-")
    return f"{int(day)} {MONTHS[lang][int(month) - 1]} {year} ({value})"


def _metadata(predicates: dict[str, str], reg: Regulation) -> str:
    optional = " ".join(
        f"OPTIONAL {{ <{reg.iri}> {predicate} ?{name} }}" for name, predicate in predicates.items()
    )
    names = " ".join(f"?{name}" for name in predicates)
    return f"SELECT {names} WHERE {{ {optional} }}"


#: The predicates of a regulation's metadata, by the names the composers read.
_WHEN_ENACTED = {"date": "eli:date_document", "place": "pw:placeEnacted"}
_WHEN_PROMULGATED = {"date": "eli:date_publication", "place": "pw:placePromulgated"}
_SIGNATORY = {"name": "pw:signatoryName", "office": "pw:signatoryOffice"}
_PROMULGATOR = {"name": "pw:promulgatorName", "office": "pw:promulgatorOffice"}
_GAZETTE = {"year": "pw:beritaDaerahYear", "number": "pw:beritaDaerahNumber"}

Compose = Callable[[dict, str, Regulation], str | None]


def _simple(field: str, predicates: dict[str, str], compose: Compose):
    """The answer of a metadata field: one row of ``predicates`` of the regulation, put
    into words by ``compose``."""

    def answer(source, reg, unit, lang):
        query = _metadata(predicates, reg)
        rows = _run(source, query)
        value = compose(rows[0] if rows else {}, lang, reg)
        return FactAnswer(Fact(reg.id, field, value, reg.iri, reg.citation), query)

    return answer


def _person(row: dict, lang: str, reg: Regulation | None = None) -> str | None:
    if "name" not in row:
        return None
    return f"{row['name']}, {row['office']}" if "office" in row else row["name"]


def _dated(row: dict, lang: str, reg: Regulation | None = None) -> str | None:
    date = _date(row.get("date"), lang)
    if date and "place" in row:
        return f"{date}, {'di' if lang == 'id' else 'in'} {row['place']}"
    return date


def _dated_by(row: dict, lang: str, reg: Regulation | None = None) -> str | None:
    """When and by whom: "27 Desember 2024 (2024-12-27), di Padang Panjang, oleh SONNY
    BUDAYA PUTRA, …" (either half alone when the other is missing)."""
    dated, person = _dated(row, lang), _person(row, lang)
    if dated and person:
        return f"{dated}, {'oleh' if lang == 'id' else 'by'} {person}"
    return dated or person


def _gazette(row: dict, lang: str, reg: Regulation) -> str | None:
    if "number" not in row:
        return None
    return f"Berita Daerah {reg.place} Tahun {row.get('year', '?')} Nomor {row['number']}"


_signatory = _simple("signatory", _SIGNATORY, _person)
_promulgator = _simple("promulgator", _PROMULGATOR, _person)
_enacted = _simple("ditetapkan", _WHEN_ENACTED, _dated)
_promulgated = _simple("diundangkan", _WHEN_PROMULGATED, _dated)
_enacted_by = _simple("ditetapkan", {**_WHEN_ENACTED, **_SIGNATORY}, _dated_by)
_promulgated_by = _simple("diundangkan", {**_WHEN_PROMULGATED, **_PROMULGATOR}, _dated_by)
_berita_daerah = _simple("berita_daerah", _GAZETTE, _gazette)
_title = _simple("title", {"title": "eli:title"}, lambda row, lang, reg: row.get("title"))


def _pasal_count(source, reg, unit, lang):
    query = f"""SELECT (COUNT(DISTINCT ?pasal) AS ?n) WHERE {{
  ?pasal a pw:Pasal ; pw:regulation <{reg.iri}> .
  FILTER NOT EXISTS {{ ?pasal eli:is_part_of+ ?outer . ?outer a pw:Pasal }}
  FILTER NOT EXISTS {{ ?pasal eli:is_part_of+ ?annex . ?annex a pw:Lampiran }}
}}"""
    rows = _run(source, query)
    value = f"{rows[0]['n']} Pasal" if rows else None
    return FactAnswer(Fact(reg.id, "pasal_count", value, reg.iri, reg.citation), query)


def _ayat_count(source, reg, unit, lang):
    iri = reg.iri + f"/pasal/{unit.pasal}"
    query = f"""SELECT ?label (COUNT(?ayat) AS ?n) WHERE {{
  <{iri}> rdfs:label ?label .
  OPTIONAL {{ ?ayat eli:is_part_of <{iri}> ; a pw:Ayat }}
}} GROUP BY ?label"""
    rows = _run(source, query)
    if not rows:
        return _missing(source, reg, UnitRef(unit.pasal), "ayat_count", query, lang)
    value = f"{rows[0]['n']} ayat"
    return FactAnswer(Fact(reg.id, "ayat_count", value, iri, rows[0]["label"]), query)


def _bab(source, reg, unit, lang):
    if unit is not None:
        iri = reg.iri + f"/pasal/{unit.pasal}"
        query = f"""SELECT ?bab ?number ?heading ?label WHERE {{
  <{iri}> eli:is_part_of+ ?bab . ?bab a pw:Bab ; eli:number ?number ; rdfs:label ?label .
  OPTIONAL {{ ?bab pw:heading ?heading }}
}}"""
        rows = _run(source, query)
        if not rows:
            return _missing(source, reg, UnitRef(unit.pasal), "bab", query, lang)
        row = rows[0]
        value = f"BAB {row['number']} {row.get('heading', '')}".strip()
        return FactAnswer(Fact(reg.id, "bab", value, row["bab"], row["label"]), query)
    query = f"""SELECT ?bab ?number ?heading WHERE {{
  ?bab a pw:Bab ; pw:regulation <{reg.iri}> ; eli:number ?number ; pw:position ?position .
  OPTIONAL {{ ?bab pw:heading ?heading }}
  FILTER NOT EXISTS {{ ?bab eli:is_part_of+ ?annex . ?annex a pw:Lampiran }}
}} ORDER BY ?position"""
    rows = _run(source, query)
    listed = "; ".join(f"BAB {r['number']} {r.get('heading', '')}".strip() for r in rows)
    value = f"{len(rows)} BAB: {listed}" if rows else None
    return FactAnswer(Fact(reg.id, "bab", value, reg.iri, reg.citation), query)


def _listing(field: str, cls: str):
    def answer(source, reg, unit, lang):
        query = f"""SELECT ?item ?number ?text WHERE {{
  ?item a pw:{cls} ; pw:regulation <{reg.iri}> ; eli:number ?number ; pw:text ?text ;
        pw:position ?position .
}} ORDER BY ?position"""
        rows = _run(source, query)
        value = " ".join(f"{r['number']}. {r['text']}" for r in rows) or None
        return FactAnswer(Fact(reg.id, field, value, reg.iri, reg.citation), query)

    return answer


def _wording(source, reg, unit, lang):
    iri = reg.iri + unit.path()
    query = f"""SELECT ?label ?text ?part ?number ?partText ?start WHERE {{
  <{iri}> rdfs:label ?label .
  OPTIONAL {{ <{iri}> pw:text ?text }}
  OPTIONAL {{ ?part eli:is_part_of+ <{iri}> ; pw:text ?partText ; eli:number ?number ;
                    pw:startOffset ?start }}
}} ORDER BY ?start"""
    rows = _run(source, query)
    if not rows:
        return _missing(source, reg, unit, "text", query, lang)
    parts = [rows[0]["text"]] if "text" in rows[0] else []
    for row in rows:
        if "part" in row:
            marker = f"({row['number']})" if "/ayat/" in row["part"].removeprefix(iri) else ""
            parts.append(f"{marker or row['number'] + '.'} {row['partText']}")
    value = " ".join(parts)
    return FactAnswer(Fact(reg.id, "text", value, iri, rows[0]["label"]), query)


def _missing(
    source: GraphSource, reg: Regulation, unit: UnitRef, field: str, query: str, lang: str
) -> FactAnswer:
    """A unit the question names that the regulation does not have: no value, the
    regulation as the source (the unit has no IRI to give), and the message ``cite`` gives
    for it, naming what exists ("ayat (6) tidak ada; Pasal 10 tidak memiliki ayat")."""
    from capabilities.cite import resolve  # cite reads the graph's index; only needed here

    found = resolve(source, f"{unit.citation()} {reg.citation}", lang=lang)
    return FactAnswer(Fact(reg.id, field, None, reg.iri, reg.citation), query, found.message)


_WHEN = r"\b(kapan|tanggal|tgl|when|date|what\s+day)\b"
_WHO = r"\b(siapa|who|whom)\b"
_ENACTED = r"(ditetapkan|penetapan|enacted|adopted|signed|\bset\b|made|issued|established)"
_PROMULGATED = r"(diundangkan|pengundangan|promulgat|published)"


def _asks(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


def _all_of(*patterns: str) -> re.Pattern:
    """A question holding every one of ``patterns``, in any order ("kapan dan oleh siapa …
    ditetapkan", "who promulgated it and when")."""
    return re.compile("".join(f"(?=.*(?:{p}))" for p in patterns), re.I | re.S)


#: Fields in the order they are tried (the first whose phrases match answers).
FIELDS: tuple[Field, ...] = (
    Field(
        "text",
        _asks(
            r"\bbunyi\b",
            r"\bberbunyi\b",
            r"\bisi\b",
            r"\bteks\b",
            r"\bwording\b",
            r"\btext\b",
            r"what does .* (say|provide|state|stipulate)",
            r"\bsays?\b",
            r"\bread\b",
        ),
        _wording,
        needs_unit=True,
    ),
    Field("bab", _asks(r"\bbab\b", r"\bchapters?\b"), _bab),
    Field(
        "ayat_count",
        _asks(r"(berapa|jumlah|how many|number of)\s+(banyak\s+)?(ayat|paragraphs)"),
        _ayat_count,
        needs_unit=True,
    ),
    Field(
        "pasal_count",
        _asks(r"(berapa|jumlah|how many|number of)\s+(banyak\s+)?(pasal|articles)"),
        _pasal_count,
    ),
    Field("diundangkan", _all_of(_WHEN, _WHO, _PROMULGATED + "|mengundangkan"), _promulgated_by),
    Field("ditetapkan", _all_of(_WHEN, _WHO, _ENACTED + "|menetapkan"), _enacted_by),
    Field(
        "promulgator",
        _asks(r"(siapa|who).*(mengundangkan|diundangkan|promulgat)"),
        _promulgator,
    ),
    Field(
        "signatory",
        _asks(
            r"(siapa|who).*(tanda\s*tangan|menandatangani|ditandatangani|\bsign)",
            r"siapa\s+yang\s+menetapkan\s+(perwali|peraturan)",
            r"penandatangan",
            r"signatory",
        ),
        _signatory,
    ),
    Field(
        "diundangkan",
        _asks(
            rf"{_WHEN}.*{_PROMULGATED}",
            rf"{_PROMULGATED}.*{_WHEN}",
        ),
        _promulgated,
    ),
    Field(
        "ditetapkan",
        _asks(rf"{_WHEN}.*{_ENACTED}", rf"{_ENACTED}.*{_WHEN}"),
        _enacted,
    ),
    Field(
        "berita_daerah",
        _asks(r"berita\s+daerah", r"gazette"),
        _berita_daerah,
    ),
    Field(
        "mengingat",
        _asks(
            r"mengingat",
            r"dasar\s+hukum",
            r"landasan\s+hukum",
            r"legal\s+basis",
            r"legal\s+grounds?",
            r"what\s+.*\b(rest|is|are)\s+(it\s+)?based\s+on",
        ),
        _listing("mengingat", "Mengingat"),
    ),
    Field(
        "menimbang",
        _asks(r"\bmenimbang\b", r"konsiderans", r"\bconsiderations\b"),
        _listing("menimbang", "Menimbang"),
    ),
    Field(
        "title",
        _asks(r"\bjudul", r"tentang apa", r"\btitle\b", r"what is .* about"),
        _title,
    ),
)
