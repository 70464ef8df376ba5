"""The title block: type, region, number, year and title, and the province of the region."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.doctypes import BY_CODE
from extract.model import DocType, Line

# Heads of the title, in capitals; letters may be split by a stray space ("T ENTANG").
_TITLE_TYPES = (
    ("perwal", r"PERATURAN\s+WALI\s?KOTA", "kota"),
    ("perbup", r"PERATURAN\s+BUPATI", "kab"),
    ("perdprd", r"PERATURAN\s+(?:DEWAN\s+PERWAKILAN\s+RAKYAT\s+DAERAH|DPRD)", None),
    ("perda", r"PERATURAN\s+DAERAH", None),
)
_TYPES_PATTERN = "|".join(f"(?P<t_{code}>{pattern})" for code, pattern, _ in _TITLE_TYPES)
_TITLE = re.compile(
    rf"(?P<type>{_TYPES_PATTERN})\s+(?:(?P<kind>KOTA|KABUPATEN)\s+)?(?P<region>[A-Z][A-Z .'-]*?)\s+"
    r"NOMOR\s*:?\s*(?P<number>\d+)\s+TAHUN\s*:?\s*(?P<year>\d{4})\s+"
    r"T\s?E\s?N\s?T\s?A\s?N\s?G\s+(?P<title>.+?)\s+(?:DENGAN\s+RAHMAT|$)"
)
_PROVINCE = re.compile(r"\bPROVINSI\s+(?P<province>[A-Z][A-Z ]*[A-Z])\s*$")

#: Words kept in lower case inside a title-cased title (Indonesian function words).
_LOWER_WORDS = frozenset(
    "dan atau di ke dari untuk pada dalam yang tentang serta atas oleh dengan bagi antara "
    "terhadap sebagai melalui".split()
)
#: Words kept in capitals (acronyms commonly written in titles).
_UPPER_WORDS = frozenset(
    ["ASN", "PNS", "PPPK", "SPBE", "DPRD", "APBD", "SOP", "RI", "TNI", "POLRI", "UMKM"]
)


class TitleError(ValueError):
    """The title block does not name a regulation."""


@dataclass(frozen=True)
class TitleBlock:
    doctype: DocType
    region_kind: str  # "kota" or "kab"
    region: str  # "Padang Panjang"
    number: int
    year: int
    title: str  # "Sistem Kerja di Lingkungan Pemerintah Daerah"
    province: str | None  # "Sumatera Barat"


def title_case(text: str) -> str:
    """``"SISTEM KERJA DI LINGKUNGAN"`` -> ``"Sistem Kerja di Lingkungan"``."""
    words = []
    for index, word in enumerate(text.split()):
        bare = word.strip(",.;:()")
        if bare.upper() in _UPPER_WORDS:
            words.append(word.upper())
        elif index > 0 and bare.lower() in _LOWER_WORDS:
            words.append(word.lower())
        else:
            words.append("-".join(part.capitalize() for part in word.lower().split("-")))
    return " ".join(words)


def parse_title_block(title_lines: list[Line], preamble_lines: list[Line]) -> TitleBlock:
    """Read the title block; ``preamble_lines`` is searched for the province letterhead."""
    joined = " ".join(line.text for line in title_lines)
    match = _TITLE.search(" ".join(joined.split()))
    if not match:
        raise TitleError(
            "judul tidak dikenali: diharapkan 'PERATURAN WALI KOTA/BUPATI/DAERAH … NOMOR … "
            "TAHUN … TENTANG …'"
        )
    code, _, region_kind = next(t for t in _TITLE_TYPES if match[f"t_{t[0]}"])
    if region_kind is None:
        region_kind = "kab" if match["kind"] == "KABUPATEN" else "kota"
    return TitleBlock(
        doctype=BY_CODE[code],
        region_kind=region_kind,
        region=title_case(match["region"]),
        number=int(match["number"]),
        year=int(match["year"]),
        title=title_case(match["title"]),
        province=_find_province(preamble_lines),
    )


def _find_province(lines: list[Line]) -> str | None:
    for line in lines:
        match = _PROVINCE.search(line.text)
        if match:
            return title_case(match["province"])
    return None
