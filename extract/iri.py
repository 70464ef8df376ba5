"""The IRI grammar: the only place that builds or parses the project's IRIs.

Every regulation and every unit in it has an ELI-style IRI under the fixed base
(``extract.vocab.BASE``), with the jurisdiction in it::

    https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28
    https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28/pasal/21/ayat/4
    https://w3id.org/perwali-kg/eli/id/permenpanrb/2022/7

The path after the work is a chain of ``kind/value`` pairs, one per level, so an IRI can
be written by hand from a citation ("Pasal 21 ayat (4)" -> ``pasal/21/ayat/4``).

Regulation ids (``palu-28-2023``) map one to one onto work IRIs: the type is left out for
the regulation of the region's head (Peraturan Wali Kota in a Kota, Peraturan Bupati in a
Kabupaten) and written otherwise (``surabaya-perda-4-2025``); a Kabupaten's place starts
with ``kab-`` (``kab-donggala-24-2025``), a Provinsi's with ``prov-`` (Peraturan Gubernur
``prov-jawa-timur-12-2021``, Perda ``prov-jawa-timur-perda-3-2020``). A national
instrument's id is its type code, number and year (``uu-5-2014``, ``pp-18-2016``,
``permenpanrb-7-2022``), its work the shared instrument IRI (``…/eli/id/uu/2014/5``).

The Penjelasan of a unit has the unit's path after a valueless ``penjelasan`` segment
(``…/penjelasan/pasal/5/ayat/1``); its general part is ``…/penjelasan/umum``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.vocab import BASE

#: Kinds of path segment, in no particular order; values are free tokens.
SEGMENT_KINDS = (
    "bab",
    "bagian",
    "paragraf",
    "pasal",
    "ayat",
    "huruf",
    "angka",
    "menimbang",
    "mengingat",
    "definisi",
    "lampiran",
    "norma",  # a Norm read from the provision above it: …/pasal/28/ayat/2/norma/1
    "rujukan",  # a cross-reference made by the provision above it: …/pasal/31/ayat/2/rujukan/1
    "penjelasan",  # …/penjelasan/umum; …/penjelasan/pasal/5/ayat/1 (a valueless prefix)
)

#: Head-of-region regulation type for each kind of region: its ids omit the type.
HEAD_TYPE = {"kota": "perwal", "kab": "perbup", "prov": "pergub"}
#: Type codes of national instruments, which stand alone in an id: uu-5-2014, pp-18-2016,
#: permenpanrb-7-2022 (a Peraturan Menteri/Badan/Lembaga carries its issuer in the code).
_NATIONAL_TYPE = re.compile(r"uu|uudrt|perppu|pp|perpres|(?:permen|perban|perlem)[a-z]*")

_WORK_IRI = re.compile(
    r"""
    ^(?P<base>.*?)eli/
    (?P<jurisdiction>id(?:-[a-z0-9]+(?:-[a-z0-9]+)*)?)/   # id | id-palu | id-kab-donggala
    (?P<doctype>[a-z]+)/                                  # perwal, perbup, uu, pp, ...
    (?P<year>\d{{4}})                                     # year of the instrument
    (?:/(?P<number>(?!(?:{kinds})(?:/|\Z))[0-9a-z][0-9a-z-]*))?  # number; the UUD has none
    (?P<path>(?:/penjelasan(?=/pasal/))?                 # the Penjelasan of a provision
       (?:/[a-z]+/[0-9A-Za-z][0-9A-Za-z-]*)*)\Z         # kind/value pairs; \Z: no "\n" after
    """.format(kinds="|".join(SEGMENT_KINDS)),
    re.VERBOSE,
)
_TOKEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]*")  # used with fullmatch: "$" lets "21\n" in
_REG_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class IriError(ValueError):
    """An IRI or regulation id that does not follow the grammar."""


@dataclass(frozen=True, order=True)
class Work:
    """A legal instrument as a whole: where, what type, which year, which number."""

    jurisdiction: str  # "id" (national) or "id-palu", "id-kab-donggala"
    doctype: str  # "perwal", "perbup", "perda", "uu", "permenpanrb", ...
    year: int
    number: str | None  # None only for instruments without a number (UUD 1945)

    def __str__(self) -> str:
        tail = f"/{self.number}" if self.number is not None else ""
        return f"{BASE}eli/{self.jurisdiction}/{self.doctype}/{self.year}{tail}"

    @property
    def place(self) -> str | None:
        """The region slug ("palu", "kab-donggala"), or None for a national instrument."""
        return self.jurisdiction[3:] if self.jurisdiction != "id" else None

    def regulation_id(self) -> str:
        """The short id used on the command line, e.g. ``palu-28-2023``."""
        if self.number is None:
            raise IriError(f"{self} tidak bernomor sehingga tidak punya id peraturan")
        if self.place is None:
            return f"{self.doctype}-{self.number}-{self.year}"
        region_kind = self.place.split("-", 1)[0]
        region_kind = region_kind if region_kind in ("kab", "prov") else "kota"
        middle = "" if HEAD_TYPE[region_kind] == self.doctype else f"{self.doctype}-"
        return f"{self.place}-{middle}{self.number}-{self.year}"


@dataclass(frozen=True, order=True)
class Iri:
    """A work IRI plus a path of ``(kind, value)`` segments naming a unit inside it."""

    work: Work
    path: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, text: str, base: str = BASE) -> Iri:
        """Parse an IRI minted under ``base``; raise :class:`IriError` if it is not one."""
        match = _WORK_IRI.match(text)
        if not match or match["base"] != base:
            raise IriError(f"not a perwali-kg IRI: {text!r}")
        prefix, pairs = (), match["path"]
        if pairs.startswith("/penjelasan/pasal/"):
            prefix, pairs = (("penjelasan", ""),), pairs.removeprefix("/penjelasan")
        parts = pairs.split("/")[1:]
        path = prefix + tuple(zip(parts[::2], parts[1::2], strict=True))
        for kind, _ in path:
            if kind not in SEGMENT_KINDS:
                raise IriError(f"unknown segment {kind!r} in {text!r}")
        work = Work(match["jurisdiction"], match["doctype"], int(match["year"]), match["number"])
        return cls(work, path)

    def __str__(self) -> str:
        return str(self.work) + "".join(
            f"/{kind}/{value}" if value else f"/{kind}" for kind, value in self.path
        )

    def child(self, kind: str, value: str) -> Iri:
        """The IRI one level down, e.g. ``iri.child("ayat", "4")``."""
        if kind not in SEGMENT_KINDS:
            raise IriError(f"unknown segment kind {kind!r}; expected one of {SEGMENT_KINDS}")
        if not _TOKEN.fullmatch(value):
            raise IriError(f"segment value {value!r} is not a token of letters, digits and '-'")
        return Iri(self.work, (*self.path, (kind, value)))

    @property
    def parent(self) -> Iri | None:
        """The IRI one level up, or None for a work."""
        return Iri(self.work, self.path[:-1]) if self.path else None


def work_from_regulation_id(reg_id: str) -> Work:
    """Map ``palu-28-2023`` to its work; raise :class:`IriError` for a malformed id.

    >>> str(work_from_regulation_id("palu-28-2023"))
    'https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28'
    """
    if not _REG_ID.fullmatch(reg_id):
        raise IriError(
            f"id peraturan {reg_id!r} tidak berbentuk kota-nomor-tahun (mis. palu-28-2023)"
        )
    parts = reg_id.split("-")
    if len(parts) < 3 or not parts[-1].isdigit() or len(parts[-1]) != 4:
        raise IriError(f"id peraturan {reg_id!r} harus diakhiri -nomor-tahun (mis. palu-28-2023)")
    year, number, rest = int(parts[-1]), parts[-2], parts[:-2]
    if len(rest) == 1 and _NATIONAL_TYPE.fullmatch(rest[0]):
        return Work("id", rest[0], year, number)
    region_kind = rest[0] if rest[0] in ("kab", "prov") else "kota"
    doctype = HEAD_TYPE[region_kind]
    if len(rest) > 1 and rest[-1] in KNOWN_TYPES:
        doctype, rest = rest[-1], rest[:-1]
    if not rest or rest in (["kab"], ["prov"]):
        raise IriError(f"id peraturan {reg_id!r} tidak menyebut kota atau kabupaten")
    return Work("id-" + "-".join(rest), doctype, year, number)


#: Type codes of regional instruments that can appear in a regulation id.
KNOWN_TYPES = ("perwal", "perbup", "perda", "perdprd", "kepwal", "kepbup", "pergub")
