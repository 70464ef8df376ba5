"""Find citations of legal instruments in running text.

"Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
"Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara …)",
"Peraturan Daerah Nomor 3 Tahun 2016 tentang …" (of the citing region). Every citation of
the same instrument maps to the same :class:`~extract.iri.Work`, so all regulations link
to one shared node per instrument.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.doctypes import ANY_TYPE, doctype_of
from extract.iri import Work
from extract.model import DocType, Instrument

_CAP_WORDS = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*"
#: A ministry or agency name: capitalised words, "dan" between two of them
#: ("Hukum dan Hak Asasi Manusia").
_ISSUER_WORDS = r"[A-Z][a-z]+(?:\s+(?:dan\s+)?[A-Z][a-z]+)*"
#: Types named after their issuer: the issuer's name goes into the type code
#: ("Peraturan Menteri Keuangan" -> ``permenkeuangan``).
_BY_ISSUER = {
    "permen": "Peraturan Menteri",
    "perban": "Peraturan Badan",
    "perlem": "Peraturan Lembaga",
}
_CITATION = re.compile(
    rf"""
    (?:(?P<pinpoint>Pasal\s+\d+[A-Z]?(?:\s+ayat\s+\(\d+[a-z]?\))?(?:\s+huruf\s+[a-z])?)\s+)?
    (?:{ANY_TYPE})
    (?:\s+(?P<region_kind>Kota|Kabupaten|Provinsi)\s+(?P<region>{_CAP_WORDS}))?
    (?:\s+(?P<name>{_CAP_WORDS})(?:\s+(?P<issuer_tail>dan\s+{_ISSUER_WORDS}))?)?
    # a region ("Peraturan Wali Kota Palu") or a ministry ("Hukum dan Hak Asasi Manusia")
    (?:\s+Nomor\s+(?P<number>\d+(?:\s+Drt)?))?
    (?:\s+Tahun\s+(?P<year>\d{{4}}))?
    (?:\s+tentang\s+(?P<title>.+?))?
    (?=\s*\(|\s+sebagaimana\b|\s*;|\s*\.?\s*$|,\s+[a-z]
       |,\s+(?:[A-Z]\w*\s+){{0,3}}(?:perlu|harus|wajib|dapat|setiap|maka)\b)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Mention:
    """An instrument cited in a text, with where the citation stands in that text."""

    instrument: Instrument | None  # None when the citation lacks a year (no IRI possible)
    pinpoint: str | None
    start: int
    end: int
    text: str


def slug(name: str) -> str:
    """``"Padang Panjang"`` -> ``"padang-panjang"``."""
    return "-".join(re.findall(r"[a-z0-9]+", name.lower()))


def jurisdiction_of(region_kind: str, region: str) -> str:
    """The ELI jurisdiction segment of a region: ``id-palu``, ``id-kab-donggala``."""
    prefix = {"kota": "", "kab": "kab-", "kabupaten": "kab-", "provinsi": "prov-"}
    return f"id-{prefix[region_kind.lower()]}{slug(region)}"


def find_instruments(text: str, own_jurisdiction: str, own_region: str) -> list[Mention]:
    """Every instrument cited in ``text``.

    ``own_jurisdiction``/``own_region`` ("id-palu", "Kota Palu") stand for a regional
    instrument cited without its region ("Peraturan Daerah Nomor 3 Tahun 2016").
    """
    mentions = []
    for match in _CITATION.finditer(text):
        rule = doctype_of(match)
        doctype = rule.doctype
        instrument = None
        if match["year"]:
            if rule.regional:
                if match["region"]:
                    jurisdiction = jurisdiction_of(match["region_kind"], match["region"])
                    region = f"{match['region_kind']} {match['region']}"
                elif match["name"]:
                    kind = {"perbup": "kab", "pergub": "provinsi"}.get(doctype.code, "kota")
                    jurisdiction = jurisdiction_of(kind, match["name"])
                    region = match["name"]
                else:
                    jurisdiction, region = own_jurisdiction, own_region
                    if doctype.code in ("perwal", "perbup", "pergub"):
                        region = own_region.split(" ", 1)[1]
            else:
                jurisdiction, region = "id", None
                if doctype.code in _BY_ISSUER and match["name"]:
                    issuer = " ".join(filter(None, (match["name"], match["issuer_tail"])))
                    doctype = DocType(
                        doctype.code + slug(issuer).replace("-", ""),
                        f"{_BY_ISSUER[doctype.code]} {issuer}",
                        doctype.concept,
                    )
            number = match["number"]
            token = slug(number) if number else None
            title = _clean_title(match["title"])
            work = Work(jurisdiction, doctype.code, int(match["year"]), token)
            instrument = Instrument(work, doctype, title, region)
        mentions.append(
            Mention(instrument, match["pinpoint"], match.start(), match.end(), match[0])
        )
    return mentions


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    return " ".join(title.split()).rstrip(" ,.")
