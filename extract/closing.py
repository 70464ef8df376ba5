"""The closing: where and when it was enacted and promulgated, by whom, and the gazette."""

from __future__ import annotations

import re
from datetime import date

from extract.model import Closing, Line
from extract.titleblock import title_case

_MONTH_NAMES = (
    "januari februari maret april mei juni juli agustus september oktober november desember"
)
MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES.split(), start=1)}
_DATE = re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\s+(?P<year>\d{4})")
_ENACTED = re.compile(
    r"(?:Ditetapkan|Disahkan)\s+di\s+(?P<place>[A-Z][\w .'-]*?)\s*(?:pada\s+tanggal|$)"
)
_PROMULGATED = re.compile(r"Diundangkan\s+di\s+(?P<place>[A-Z][\w .'-]*?)\s*(?:pada\s+tanggal|$)")
_ON_DATE = re.compile(r"pada\s+tanggal\s+(?P<date>.+)$")
_OFFICE = re.compile(
    r"^(?P<acting>(?:Pj\.?|Plt\.?|Plh\.?)\s+)?(?P<office>[A-Z][A-Z .]+?)(?P<comma>,)?\s*$"
)
#: A person's name as printed under a signature: capitals, two words or more, perhaps
#: with degrees ("Dr. H. ANDI PRATAMA, S.H., M.Si.").
_NAME = re.compile(r"^(?:[A-Z][A-Za-z.'-]*,?\s+)+[A-Z][A-Za-z.'-]*,?(?:\s+[A-Za-z.,]+)*$")
#: Words an office printed in a signature block starts with.
_OFFICE_WORDS = frozenset(
    "WALI WALIKOTA BUPATI SEKRETARIS KETUA PIMPINAN DEWAN KEPALA GUBERNUR PJ. PJ PLT. PLT "
    "PLH. PLH PRESIDEN MENTERI".split()
)
_SIGNATURE_NOISE = re.compile(r"^(?:ttd\.?|TTD\.?|CAP|\W+)$")
_GAZETTE = re.compile(
    r"(?:B\s?E\s?R\s?I\s?T\s?A|L\s?E\s?M\s?B\s?A\s?R\s?A\s?N)\s+DAERAH\s+"
    r"(?:KOTA|KABUPATEN|KAB\.?)\s+[A-Z' ]+?\s+"
    r"TAHUN\s*:?\s*(?P<year>\d{4})\s+NOMOR\s*:?\s*(?P<number>[0-9]+(?:/[A-Z0-9]+)?)",
    re.IGNORECASE,
)


#: The national and provincial gazettes: "LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2014
#: NOMOR 6", "BERITA NEGARA …", "LEMBARAN DAERAH PROVINSI JAWA TIMUR TAHUN … NOMOR …".
_STATE_GAZETTE = re.compile(
    r"(?P<name>(?:LEMBARAN|BERITA)\s+"
    r"(?:NEGARA\s+REPUBLIK\s+INDONESIA|DAERAH\s+PROVINSI\s+[A-Z ]+?))"
    r"\s+TAHUN\s*:?\s*(?P<year>\d{4})\s+NOMOR\s*:?\s*(?P<number>[0-9]+(?:/[A-Z0-9]+)?)"
)
#: "TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR 5494" (also ends a Penjelasan).
SUPPLEMENT = re.compile(
    r"TAMBAHAN\s+(?:LEMBARAN|BERITA)\s+(?:NEGARA|DAERAH)\b[A-Z ]*?\bNOMOR\s*:?\s*(?P<number>\d+)"
)


def parse_date(text: str) -> date | None:
    """``"27 September 2023"`` -> ``date(2023, 9, 27)``; None when there is no such date."""
    match = _DATE.search(text)
    if not match or match["month"].lower() not in MONTHS:
        return None
    try:
        return date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
    except ValueError:
        return None


def parse_closing(lines: list[Line], title_lines: list[Line]) -> Closing:
    """Read the closing lines; the gazette line may also head the document, above the
    title (as in Cilegon), so ``title_lines`` are searched when the closing lacks it —
    never the preamble, whose citations name other gazettes."""
    enacted = _place_and_date(lines, _ENACTED)
    promulgated = _place_and_date(lines, _PROMULGATED)
    signatory = _signature_after(lines, enacted[2])
    promulgator = _signature_after(lines, promulgated[2])
    if signatory[1] and not signatory[0]:  # the name printed out of reading order
        signatory = (_stray_name(lines, enacted[2], promulgator[0]), *signatory[1:])
    closing_text = " ".join(line.text for line in lines)
    gazette = (
        _GAZETTE.search(closing_text)
        or _GAZETTE.search(" ".join(line.text for line in title_lines))
        or _STATE_GAZETTE.search(closing_text)
    )
    supplement = SUPPLEMENT.search(closing_text)
    return Closing(
        enacted_place=enacted[0],
        enacted_date=enacted[1],
        signatory_name=signatory[0],
        signatory_office=signatory[1],
        signatory_acting=signatory[2],
        promulgated_place=promulgated[0],
        promulgated_date=promulgated[1],
        promulgator_name=promulgator[0],
        promulgator_office=promulgator[1],
        gazette_year=int(gazette["year"]) if gazette else None,
        gazette_number=gazette["number"] if gazette else None,
        gazette_name=title_case(gazette["name"])
        if gazette and "name" in gazette.re.groupindex
        else None,
        supplement_number=supplement["number"] if supplement else None,
    )


def _place_and_date(lines: list[Line], pattern: re.Pattern) -> tuple[str | None, date | None, int]:
    """Place and date of a "Ditetapkan di …"/"Diundangkan di …" statement and the index of
    the line after it (or -1 when absent)."""
    for index, line in enumerate(lines):
        match = pattern.search(line.text)
        if not match:
            continue
        place = match["place"].strip() or None
        for offset in (0, 1, 2):
            if index + offset < len(lines):
                on_date = _ON_DATE.search(lines[index + offset].text)
                if on_date:
                    return place, parse_date(on_date["date"]), index + offset + 1
        return place, None, index + 1
    return None, None, -1


def _rejoined(lines: list[Line], index: int, start: int) -> str:
    """The office line, with a word the PDF split across the line before it put back
    together ("SEKRETARI" + "S DAERAH KOTA SURABAYA," -> "SEKRETARIS DAERAH …")."""
    text = lines[index].text.strip()
    head = text.split(" ", 1)[0].rstrip(",")
    if index > start and head not in _OFFICE_WORDS:
        previous = lines[index - 1].text.strip()
        if previous.isalpha() and previous.isupper() and previous not in _OFFICE_WORDS:
            return previous + text
    return text


def _signature_after(lines: list[Line], start: int) -> tuple[str | None, str | None, bool]:
    """Name, office (as printed, title-cased) and acting flag of the signature block that
    follows line ``start``: "Pj. WALI KOTA PADANG PANJANG," then "ttd." then the name."""
    if start < 0:
        return None, None, False
    for index in range(start, min(start + 4, len(lines))):
        office = _OFFICE.match(_rejoined(lines, index, start))
        if not office or not (office["comma"] or _starts_with_office(office["office"])):
            continue
        for name_line in lines[index + 1 : index + 6]:
            text = name_line.text.strip()
            if _SIGNATURE_NOISE.match(text):
                continue
            if text.startswith(("Diundangkan", "BERITA", "LEMBARAN")):
                break
            acting = office["acting"].strip() + " " if office["acting"] else ""
            return text, acting + title_case(office["office"]), bool(office["acting"])
        return None, (office["acting"] or "") + title_case(office["office"]), bool(office["acting"])
    return None, None, False


def _starts_with_office(text: str) -> bool:
    """An office line printed without its comma still starts with an office word."""
    return text.split(" ", 1)[0].upper() in _OFFICE_WORDS


def _stray_name(lines: list[Line], start: int, promulgator: str | None) -> str | None:
    """The signatory's name when the PDF put it elsewhere in the closing (after the
    promulgation block, say): the one name-like line after the enactment statement that
    is not the promulgator's, an office, a date or the gazette; None unless exactly one."""
    names = set()
    for line in lines[max(start, 0) :]:
        text = line.text.strip()
        if text.startswith("Salinan"):
            break  # the certification of the copy names its own official
        person = text.split(",", 1)[0]  # degrees after the comma
        words = set(person.replace(".", " ").split())
        if (
            text != promulgator
            and _NAME.match(text)
            and person.isupper()
            and not words & (_OFFICE_WORDS | _NOT_NAME_WORDS)
        ):
            names.add(text)
    return names.pop() if len(names) == 1 else None


#: Words of a closing's capitalised lines that are not part of a name.
_NOT_NAME_WORDS = frozenset(
    "DAERAH KOTA KABUPATEN TAHUN NOMOR BERITA LEMBARAN NEGARA REPUBLIK INDONESIA TAMBAHAN "
    "TTD CAP".split()
)
