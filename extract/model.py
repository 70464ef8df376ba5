"""The typed model every extraction stage shares.

Identity values (a span, an instrument, a warning) are frozen; the unit tree is built
incrementally by the structural parser and is plain mutable data. Every extracted thing
keeps ``start``/``end`` offsets into its source file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from extract.iri import Iri, Work


@dataclass(frozen=True)
class Span:
    """Where a thing stands in its source: file name and character offsets [start, end)."""

    file: str
    start: int
    end: int


@dataclass(frozen=True)
class Line:
    """One cleaned line: its text without PDF decoration, and where it stands in the source."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ParseWarning:
    """Something the parser noticed and worked around, in the user's terms."""

    code: str  # stable machine id, e.g. "pasal-heading-inferred"
    message: str  # Indonesian, names the unit
    span: Span | None = None
    unit: Iri | None = None  # the unit concerned, when there is one

    def as_json(self) -> dict:
        out: dict = {"code": self.code, "message": self.message}
        if self.unit is not None:
            out["iri"] = str(self.unit)
        if self.span is not None:
            out["start"], out["end"] = self.span.start, self.span.end
        return out


@dataclass(frozen=True)
class DocType:
    """A kind of legal instrument, as data: its code in IRIs and its name in citations."""

    code: str  # "perwal", "uu", "permenpanrb", ...
    label: str  # "Peraturan Wali Kota", "Undang-Undang", ...
    concept: str  # the resource-type concept it belongs to ("perwal", "uu", "permen", ...)


@dataclass(frozen=True)
class Instrument:
    """A legal instrument cited by a regulation (Mengingat, Menimbang or body)."""

    work: Work
    doctype: DocType
    title: str | None  # "Pemerintahan Daerah", without "tentang"
    region: str | None = None  # "Kota Padang Panjang" for a regional instrument

    @property
    def label(self) -> str:
        """Its citation: "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"."""
        parts = [self.doctype.label]
        if self.region:
            parts.append(self.region)
        if self.work.number is not None:
            number = " ".join(part.capitalize() for part in self.work.number.split("-"))
            parts.append(f"Nomor {number}")
        parts.append(f"Tahun {self.work.year}")
        if self.title:
            parts.append(f"tentang {self.title}")
        return " ".join(parts)


@dataclass
class Unit:
    """A node of the body or the Lampiran: BAB, Bagian, Paragraf, Pasal, ayat, huruf, angka.

    ``text`` is the unit's own text (a chapeau "… terdiri atas:" without its list items);
    ``children`` are its direct sub-units in document order.
    """

    kind: str  # one of extract.iri.SEGMENT_KINDS, or "bagian-lampiran"
    number: str  # "IV", "2", "21", "4", "a", "aa", "3a", "15A"
    iri: Iri
    start: int
    end: int
    heading: str = ""
    text: str = ""
    children: list[Unit] = field(default_factory=list)
    inferred: bool = False  # the heading was lost in the source and rebuilt
    marker: str = ""  # how the number was printed: "a.", "1)", "(3a)"

    def walk(self):
        """This unit and all below it, depth first in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Explanation:
    """A part of the Penjelasan: the general part ("I. UMUM") or the entry that explains
    one provision ("Pasal 5 / Ayat (1) / Huruf a … Cukup jelas.").

    ``iri`` is ``…/penjelasan/umum`` or ``…/penjelasan/pasal/5/ayat/1``; ``explains`` is the
    provision's IRI (None for the general part, or when no such provision exists).
    """

    iri: Iri
    label: str  # "Umum", "Pasal 5", "Ayat (1)", "Huruf a"
    text: str
    start: int
    end: int
    explains: Iri | None = None
    children: list[Explanation] = field(default_factory=list)

    def walk(self):
        """This part and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Item:
    """A Menimbang or Mengingat item."""

    number: str  # "a" for Menimbang, "1" for Mengingat
    text: str
    start: int
    end: int
    instrument: Instrument | None = None  # the instrument it rests on (Mengingat)
    pinpoint: str | None = None  # "Pasal 18 ayat (6)" of that instrument
    cites: tuple[Instrument, ...] = ()  # every instrument it names, amendments included


@dataclass(frozen=True)
class Definition:
    """A term defined in Pasal 1 (Ketentuan Umum)."""

    term: str
    abbreviation: str | None
    text: str
    angka: str
    start: int
    end: int


@dataclass(frozen=True)
class Closing:
    """The closing formula: who signed, who promulgated, where, when, and the gazette."""

    enacted_place: str | None = None
    enacted_date: date | None = None
    signatory_name: str | None = None
    signatory_office: str | None = None  # as printed, e.g. "Pj. Wali Kota Padang Panjang"
    signatory_acting: bool = False
    promulgated_place: str | None = None
    promulgated_date: date | None = None
    promulgator_name: str | None = None
    promulgator_office: str | None = None
    gazette_year: int | None = None
    gazette_number: str | None = None
    gazette_name: str | None = None  # "Lembaran Negara Republik Indonesia", as printed
    supplement_number: str | None = None  # Tambahan Lembaran Negara/Daerah Nomor …


@dataclass
class Regulation:
    """One parsed regulation: title block, preamble, body, closing, Lampiran, warnings."""

    id: str
    work: Work
    doctype: DocType
    region_kind: str  # "kota" or "kab"
    region: str  # "Palu"
    province: str | None
    title: str
    source_file: str
    menimbang: list[Item] = field(default_factory=list)
    mengingat: list[Item] = field(default_factory=list)
    body: list[Unit] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    closing: Closing = field(default_factory=Closing)
    lampiran: list[Unit] = field(default_factory=list)
    penjelasan: list[Explanation] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)

    @property
    def region_label(self) -> str:
        """ "Kota Palu", "Kabupaten Donggala", "Provinsi Jawa Timur" or "Republik Indonesia"."""
        if self.region_kind == "nasional":
            return "Republik Indonesia"
        if self.region_kind == "prov":
            return "Provinsi " + self.region
        return ("Kota " if self.region_kind == "kota" else "Kabupaten ") + self.region

    @property
    def citation(self) -> str:
        """ "Peraturan Wali Kota Palu Nomor 28 Tahun 2023", "Undang-Undang Nomor 5 Tahun 2014"."""
        number = f"Nomor {self.work.number} Tahun {self.work.year}"
        if self.region_kind == "nasional":
            return f"{self.doctype.label} {number}"
        own = ("perwal", "perbup", "pergub")
        region = self.region if self.doctype.code in own else self.region_label
        return f"{self.doctype.label} {region} {number}"

    def units(self):
        """Every unit of the body, depth first."""
        for unit in self.body:
            yield from unit.walk()


# --- semantic layer: what the rule-based extractors find in a provision -----------------
# Offsets (start, end) are into the provision's own text (its pw:text, whitespace
# normalised); the provision's span locates that text in the source file.


@dataclass(frozen=True)
class RoleMention:
    """A role named in a provision, linked to a role individual of the ontology."""

    provision: Iri
    role: str  # role id, e.g. "ketua-tim" (ontology.roles)
    text: str  # the words as written, e.g. "Ketua Tim Kerja"
    start: int
    end: int
    component: str  # the pipeline component that found it


@dataclass(frozen=True)
class Reference:
    """A cross-reference: internal (another provision), external (an instrument) or to a
    Lampiran. ``target`` is None when the reference could not be resolved."""

    source: Iri  # the citing provision
    target: Iri | Work | None
    text: str  # the phrase as written, e.g. "Pasal 12 sampai dengan Pasal 28"
    kind: str  # "internal", "external" or "lampiran"
    start: int
    end: int
    component: str


@dataclass(frozen=True)
class Norm:
    """A deontic statement of a provision: who must/may/has power to do what."""

    provision: Iri
    modality: (
        str  # obligation, responsibility, permission, power, prohibition, preference, qualification
    )
    bearers: tuple[str, ...]  # role ids
    counterparties: tuple[str, ...]  # role ids
    action: str  # the verb phrase, e.g. "melaporkan pelaksanaan tugas tim kerja"
    object: str | None
    condition: str | None
    text: str  # the provision text the norm was read from
    start: int
    end: int
    component: str


@dataclass(frozen=True)
class TopicTag:
    """A SKOS topic of a Pasal or ayat."""

    provision: Iri
    topic: str  # topic id, e.g. "tim-lintas-perangkat-daerah" (ontology.topics)
    component: str
