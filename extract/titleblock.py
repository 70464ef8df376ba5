"""The title block: type, region, number, year and title, and the province of the region.

Regional titles ("PERATURAN WALI KOTA PALU NOMOR 28 TAHUN 2023 TENTANG …") and national
and provincial ones ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 5 TAHUN 2014 TENTANG …",
"PERATURAN MENTERI … REPUBLIK INDONESIA NOMOR …", "PERATURAN GUBERNUR JAWA TIMUR NOMOR …")
are read. A national or provincial instrument's type code and IRI come from the same
citation reader that links Mengingat items (:func:`extract.instruments.find_instruments`),
so an ingested PP 18/2016 *is* the node every "Peraturan Pemerintah Nomor 18 Tahun 2016"
cites. A number or year printed with OCR letters ("T2", "2Ol9") is read digit by digit
when each letter has one digit reading, confirmed by the Penjelasan or Lampiran heading
that restates the title when there is one, and reported as a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.doctypes import BY_CODE
from extract.instruments import find_instruments, jurisdiction_of
from extract.iri import Work
from extract.model import DocType, Line, ParseWarning

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
_UU = r"UNDANG\s*[-–]\s*UNDANG"
_REGION = r"[A-Z][A-Z .'-]*?"
#: National and provincial titles; the letterhead may repeat the type before the title.
_NATIONAL_TITLE = re.compile(
    rf"""(?P<head>
          (?P<perppu>PERATURAN\s+PEMERINTAH\s+PENGGANTI\s+{_UU})
        | (?P<uu>{_UU})
        | (?P<pp>PERATURAN\s+PEMERINTAH)
        | (?P<perpres>PERATURAN\s+PRESIDEN)
        | PERATURAN\s+(?:KEPALA\s+)?(?P<issuer_kind>MENTERI|BADAN|LEMBAGA)
          \s+(?P<issuer>[A-Z][A-Z ,/&-]*?)
        | PERATURAN\s+DAERAH\s+PROVINSI\s+(?P<perda_prov>{_REGION})
        | PERATURAN\s+GUBERNUR\s+(?:PROVINSI\s+)?(?P<pergub>{_REGION}))
    \s+(?:REPUBLIK\s+INDONESIA\s+)?NOMOR\s*:?\s*(?P<number>[0-9A-Za-z|]+?)\s*TAHUN\s*:?\s*
    (?P<year>[0-9A-Za-z]{{4}})\s+T\s?E\s?N\s?T\s?A\s?N\s?G\s+(?P<title>.+?)\s+(?:DENGAN\s+RAHMAT|$)""",
    re.VERBOSE,
)
#: OCR letters that stand for one digit only.
_OCR_DIGITS = str.maketrans("OoDlIi|ZzSsTBbGgq", "00011112255786699")
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
    work: Work | None = None  # set for national and provincial titles (shared instrument IRI)
    warnings: tuple[ParseWarning, ...] = ()

    @property
    def region_label(self) -> str:
        """ "Kota Palu", "Kabupaten Donggala", "Provinsi Jawa Timur", "Republik Indonesia"."""
        return {
            "kota": "Kota ",
            "kab": "Kabupaten ",
            "prov": "Provinsi ",
            "nasional": "",
        }[self.region_kind] + (self.region or "Republik Indonesia")

    def work_of(self) -> Work:
        """The title's work: the shared instrument IRI for national and provincial ones."""
        if self.work is not None:  # number and year may have been overridden
            return Work(self.work.jurisdiction, self.work.doctype, self.year, str(self.number))
        place = jurisdiction_of(self.region_kind, self.region)
        return Work(place, self.doctype.code, self.year, str(self.number))


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


def parse_title_block(
    title_lines: list[Line], preamble_lines: list[Line], echoes: list[Line] = ()
) -> TitleBlock:
    """Read the title block; ``preamble_lines`` is searched for the province letterhead,
    ``echoes`` (Penjelasan/Lampiran headings) confirm a national number read through OCR."""
    joined = " ".join(" ".join(line.text for line in title_lines).split())
    national = _NATIONAL_TITLE.search(joined)
    if national:
        return _national_title(national, echoes)
    match = _TITLE.search(joined)
    if not match:
        raise TitleError(
            "judul tidak dikenali: diharapkan 'UNDANG-UNDANG/PERATURAN PEMERINTAH/PRESIDEN/"
            "MENTERI/GUBERNUR/DAERAH/WALI KOTA/BUPATI … NOMOR … TAHUN … TENTANG …'"
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


def _national_title(match: re.Match, echoes: list[Line]) -> TitleBlock:
    number, year, warnings = _read_numbers(match, echoes)
    citation, region_kind, region = _citation_head(match)
    mentions = find_instruments(f"{citation} Nomor {number} Tahun {year}", "id", "")
    instrument = next((m.instrument for m in mentions if m.instrument), None)
    if instrument is None:
        raise TitleError(f"judul tidak dikenali: jenis peraturan {citation!r} tidak terbaca")
    return TitleBlock(
        doctype=instrument.doctype,
        region_kind=region_kind,
        region=region,
        number=number,
        year=year,
        title=title_case(match["title"]),
        province=None,  # a province's own name is its region, not a province above it
        work=instrument.work,
        warnings=tuple(warnings),
    )


def _citation_head(match: re.Match) -> tuple[str, str, str]:
    """The type as cited in running text ("Peraturan Menteri Keuangan"), the kind of region
    and the region ("" for a national instrument)."""
    for code in ("perppu", "uu", "pp", "perpres"):
        if match[code]:
            return BY_CODE[code].label, "nasional", ""
    if match["issuer_kind"]:
        issuer = _cited_name(match["issuer"])
        return f"Peraturan {match['issuer_kind'].capitalize()} {issuer}", "nasional", ""
    if match["perda_prov"]:
        region = title_case(match["perda_prov"])
        return f"Peraturan Daerah Provinsi {region}", "prov", region
    region = title_case(match["pergub"])
    return f"Peraturan Gubernur {region}", "prov", region


def _cited_name(text: str) -> str:
    """``"DALAM NEGERI"`` -> ``"Dalam Negeri"``: every word capitalised except "dan", as a
    ministry is named in a Mengingat citation."""
    return " ".join(w.lower() if w == "DAN" else w.capitalize() for w in text.split())


def _read_numbers(match: re.Match, echoes: list[Line]) -> tuple[int, int, list[ParseWarning]]:
    """Number and year of the title; OCR letters are read as digits, and a Penjelasan or
    Lampiran heading restating the title decides when it has them in clear digits."""
    number, year = match["number"], match["year"]
    if number.isdigit() and year.isdigit():
        return int(number), int(year), []
    echo = _echo(match, echoes)
    if echo is not None:
        read = echo
    else:
        read = tuple(token.translate(_OCR_DIGITS) for token in (number, year))
        if not all(token.isdigit() for token in read):
            raise TitleError(f"nomor atau tahun dalam judul tidak terbaca: {number!r}, {year!r}")
    warning = ParseWarning(
        "title-number-ocr",
        f"Nomor/tahun judul tercetak {number!r}/{year!r} (OCR); dibaca {read[0]}/{read[1]}"
        + (" sesuai judul pada Penjelasan/Lampiran." if echo else " dari bentuk hurufnya."),
    )
    return int(read[0]), int(read[1]), [warning]


def _echo(match: re.Match, echoes: list[Line]) -> tuple[str, str] | None:
    head = " ".join(match["head"].split())
    for line in echoes:
        again = _NATIONAL_TITLE.search(" ".join(line.text.split()))
        if again and " ".join(again["head"].split()) == head:
            number, year = again["number"], again["year"]
            if number.isdigit() and year.isdigit():
                return number, year
    return None
