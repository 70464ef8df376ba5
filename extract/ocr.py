"""OCR-aware reading of the words and numbers that carry a regulation's structure.

Texts scanned and OCR'd without correction print "NOMOR l3", "Paaal 1", "Pasa.119",
"BABm", "(ll Setiap", "Nornor", "21September 2021", lose the "Menimbang"/"Mengingat"
labels and the item letters, glue page numbers to headings ("-3MEMUTUSKAN", "- 12 Pasal
37") and leave dates that cannot be read ("pada tanggal, z s ~ I •").

:func:`repair_lines` runs between cleaning and segmentation. It rewrites only lines that
do *not* already read cleanly, and only when one reading remains:

* a number is read through the usual letter/digit confusions (:func:`number_readings`);
  a letter with two digit readings ("t": 1 or 7) leaves two readings, and two readings
  are never guessed between;
* a Pasal, BAB or ayat number is accepted only when it is the next one of its sequence
  (Pasal 18 → 19, ayat (1) after a Pasal heading), so "Pasa.119" is Pasal 19, never 119;
* a keyword is matched after folding the confusions both ways (:func:`keyword_confidence`).

Every rewrite is a :class:`Recovery` (what was printed, what was read, where); each
becomes an ``ocr-recovered`` warning naming the unit (:func:`recovery_warnings`), and the
unit gets ``pw:ocrRecovered true``. A closing date that cannot be read is left empty with
an ``ocr-date-illegible`` warning. Offsets never move: a repaired line is still a view
onto the same source span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import product

from extract.closing import MONTHS
from extract.iri import Iri
from extract.model import Line, ParseWarning, Span, Unit
from extract.numbering import ROMAN, int_to_roman, roman_to_int

RECOVERED = "ocr-recovered"
DATE_ILLEGIBLE = "ocr-date-illegible"

#: Digit readings of the characters OCR prints for digits. One reading: certain;
#: two ("t" is 1 or 7): ambiguous, decided only by the sequence a number must follow.
_DIGITS: dict[str, str] = {
    **{d: d for d in "0123456789"},
    **dict.fromkeys("OoDQ", "0"),
    **dict.fromkeys("lIiJ|!][", "1"),
    **dict.fromkeys("Zz", "2"),
    **dict.fromkeys("Ss", "5"),
    "G": "6",
    "b": "6",
    "T": "7",
    "B": "8",
    "q": "9",
    "g": "9",
    "t": "17",
}
#: Roman digits as OCR prints them ("l" and "1" for I, "m" for III, "n"/"U" for II).
_ROMAN_GLYPHS = {"l": "I", "1": "I", "|": "I", "!": "I", "i": "I", "m": "III", "n": "II"}
#: Confusions folded away before two words are compared (applied to both).
_FOLD_PAIRS = (("rn", "m"), ("cl", "d"), ("vv", "w"), ("ii", "u"))
_FOLD_CHARS = str.maketrans("1!|ij0c5", "llllloes", ".,_'`:;-")

_MONTHS = tuple(MONTHS)  # "januari" … "desember"
_PROVINCES = (
    "ACEH|SUMATERA UTARA|SUMATERA BARAT|RIAU|KEPULAUAN RIAU|JAMBI|SUMATERA SELATAN|"
    "KEPULAUAN BANGKA BELITUNG|BENGKULU|LAMPUNG|BANTEN|JAWA BARAT|JAWA TENGAH|JAWA TIMUR|"
    "DAERAH ISTIMEWA YOGYAKARTA|DAERAH KHUSUS IBUKOTA JAKARTA|BALI|NUSA TENGGARA BARAT|"
    "NUSA TENGGARA TIMUR|KALIMANTAN BARAT|KALIMANTAN TENGAH|KALIMANTAN SELATAN|"
    "KALIMANTAN TIMUR|KALIMANTAN UTARA|SULAWESI UTARA|SULAWESI TENGAH|SULAWESI SELATAN|"
    "SULAWESI TENGGARA|GORONTALO|SULAWESI BARAT|MALUKU|MALUKU UTARA|PAPUA|PAPUA BARAT"
).split("|")
_GLUED_PROVINCE = {"PROVINSI" + name.replace(" ", ""): "PROVINSI " + name for name in _PROVINCES}

#: A cheap gate: lines that may need a look (most clean lines fail every test fast).
_PASAL_CLEAN = re.compile(r"^Pasal\s+(\d+)(?P<suffix>[A-Z]?)\s*$")
_BAB_CLEAN = re.compile(r"^BAB\s+([IVXLC]+)[A-Z]?\b")
_AYAT_CLEAN = re.compile(r"^\((\d+)\)\s")
_BAB_LIKE = re.compile(
    r"^[B8R]\s?A\s?B\s*(?P<num>[IVXLlmn1|!i]{1,6})(?:\s+(?P<rest>[A-Z][A-Z ,/&-]+))?\s*$"
)
_HEADING_LIKE = re.compile(r"^(?P<word>[A-Za-z][A-Za-z.,_!'`]{1,7})\s*(?P<num>[\w|!\[\]. ]{1,6})$")
_AYAT_LIKE = re.compile(r"^\(\s*(?P<tok>[0-9lIiJ|!\]OoZSBG]{1,3})\s*\)?\s+(?=[A-Z])")
_PAGE_GLUE = re.compile(
    r"^(?:[-•.·]\s*)?\d{1,3}\s*[-•.·]?\s*(?=Pasal\s+\S+\s*$|MEMUTUSKAN\b|"
    r"LAMPI\S*\s+(?:PERATURAN|[IVX]+\b)|BAB\s+[IVX]+\s*$)"
)
_DATE_LINE = re.compile(r"^(?P<lead>pada\s+tanggal)\s*,?\s*(?P<date>.*)$")
_SIGNING = re.compile(r"^(?:Ditetapkan|Disahkan|Diundangkan)\b")
_SIGNING_NO_DI = re.compile(
    r"^(?P<verb>Ditetapkan|Disahkan|Diundangkan)\s+(?P<place>[A-Z][\w .'-]*)$"
)
_INLINE_DATE = re.compile(
    r"(?:Ditetapkan|Disahkan|Diundangkan)\s+di\s+[A-Z][\w.' -]{0,40}?\s+pada\s+tanggal\b"
    r"(?P<rest>[^\n]{0,30})"
)
_DATE_HEAD = re.compile(r"\s*,?\s*(?P<date>\S{1,3}?\s*[A-Za-z]{3,10},?\s+\^?\S{4})")
_DATE_PARTS = re.compile(r"^(?P<day>\S{1,2}?)\s*(?P<month>[A-Za-z]{3,10})\s*,?\s*(?P<year>\S{4})$")
_CLEAN_DATE = re.compile(
    r"^(?:pada\s+tanggal\s+)?\d{1,2}\s+(?:" + "|".join(_MONTHS) + r")\s+\d{4}\b", re.I
)
_STRAY = re.compile(r"^[•·'\"#~*^.,{}<>|\\!]{1,3}$")
_PASAL_ROMAN = re.compile(r"^Pasal\s+[IVXL]+\s*$")
#: An all-capitals word with OCR "l" for "I" ("ORGANlSASl", "KENDARl").
_CAPS_WITH_L = re.compile(r"\b(?=[A-Z]*l)(?=\w*[A-Z]{2})[A-Zl]{3,}\b")
_LABEL_WORDS = ("LAMPIRAN", "MEMUTUSKAN", "Menimbang", "Mengingat", "Menetapkan")
_CITATION_WORDS = frozenset(
    "Nomor Tahun tentang Undang-Undang Peraturan Pemerintah Menteri Dalam Negeri Daerah "
    "Presiden Lembaran Berita Negara Republik Indonesia Tambahan Kota Kabupaten "
    "Pendayagunaan Aparatur".split()
)
_JABATAN = re.compile(r"^[A-Z][A-Za-z .]+,\s*$")
_CITATION_HEAD = re.compile(r"^(?:Pasal\b|Undang|Unda|Peraturan|Keputusan|Instruksi)")
_ORPHAN_NUMBER = re.compile(r"^\d{1,2}\.$")
_LABELS = {"MEMUTUSKAN": "MEMUTUSKAN", "Menimbang": "Menimbang", "Mengingat": "Mengingat"}


@dataclass(frozen=True)
class Recovery:
    """One reading made through OCR noise (or, for ``kind="date-illegible"``, refused)."""

    kind: str  # "pasal", "bab", "ayat", "title", "label", "item", "date", "date-illegible", …
    printed: str
    read: str
    start: int
    end: int
    confidence: float


def number_readings(token: str) -> set[str]:
    """Every digit string ``token`` can stand for (empty when a character is no digit).

    >>> sorted(number_readings("l3")), sorted(number_readings("202t"))
    (['13'], ['2021', '2027'])
    """
    token = token.replace(" ", "")
    if not token or len(token) > 6:
        return set()
    options = [_DIGITS.get(char) for char in token]
    if any(option is None for option in options):
        return set()
    return {"".join(choice) for choice in product(*options)}


def read_number(token: str, expected: str | None = None) -> str | None:
    """The one number ``token`` reads as, or None. With ``expected`` (the next number of a
    sequence) a token with several readings is read only as ``expected``; without it, only
    a token with a single reading is read."""
    readings = number_readings(token)
    if expected is not None:
        return expected if expected in readings else None
    return next(iter(readings)) if len(readings) == 1 else None


def fold(word: str) -> str:
    """The word with OCR confusions folded away (lower case, "rn"→"m", "1"→"l", no dots)."""
    word = word.lower().translate(_FOLD_CHARS)
    for pair, single in _FOLD_PAIRS:
        word = word.replace(pair, single)
    return word


_FOLDED_CITATION_WORDS = {fold(word): word for word in _CITATION_WORDS}
_CITATION_INITIALS = frozenset(word[0].lower() for word in _CITATION_WORDS) | {"l", "["}


def keyword_confidence(token: str, keyword: str) -> float:
    """How surely ``token`` is ``keyword`` as OCR printed it: 1.0 exact, 0.9 once the
    confusions are folded, 0.7 one letter wrong (words of five letters or more), else 0."""
    if token == keyword:
        return 1.0
    left, right = fold(token), fold(keyword)
    if left == right:
        return 0.9
    if len(right) >= 5 and len(left) == len(right) and _distance(left, right) <= 1:
        return 0.7
    return 0.0


def _distance(left: str, right: str) -> int:
    if abs(len(left) - len(right)) > 2:
        return 3
    previous = list(range(len(right) + 1))
    for i, a in enumerate(left, 1):
        current = [i]
        for j, b in enumerate(right, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


def roman_reading(token: str) -> int | None:
    """``"m"`` -> 3, ``"Il"`` -> 2, ``"V"`` -> 5; None when it is no roman numeral."""
    text = "".join(_ROMAN_GLYPHS.get(char, char) for char in token.replace(" ", ""))
    if not text or not ROMAN.match(text):
        return None
    return roman_to_int(text)


def read_date(text: str) -> date | None:
    """A date printed through OCR noise ("21September 2021", "2l Septernber 2O21"), or None
    when any part has no single reading."""
    match = _DATE_PARTS.match(" ".join(text.split()).rstrip("."))
    if not match:
        return None
    day, year = read_number(match["day"]), read_number(match["year"])
    months = [i for i, name in enumerate(_MONTHS, 1) if keyword_confidence(match["month"], name)]
    months = months or [
        i for i, name in enumerate(_MONTHS, 1) if fold(match["month"]) == fold(name)
    ]
    if day is None or year is None or len(months) != 1:
        return None
    try:
        return date(int(year), months[0], int(day))
    except ValueError:
        return None


# --- the line pass --------------------------------------------------------------------


class _Repairer:
    """One pass over the clean lines, tracking the numbering every heading must follow."""

    def __init__(self) -> None:
        self.out: list[Line] = []
        self.found: list[Recovery] = []
        self.last_pasal = 0
        self.last_bab = 0
        self.last_ayat = 0
        self.in_title = True
        self.in_body = False

    def run(self, lines: list[Line]) -> list[Line]:
        for line in lines:
            self.out.append(self.line(line))
        self.preamble_labels()
        return [line for line in self.out if line.text]

    def line(self, line: Line) -> Line:
        text = line.text.strip()
        first = text[:1]
        if self.in_body and first.islower() and first != "p":
            return line  # running text or a list item: never a heading (the fast path)
        if _STRAY.match(text):
            return Line("", line.start, line.end)  # a stray mark of the scan: no content
        if self.in_title and text.startswith(("DENGAN RAHMAT", "Menimbang")):
            self.in_title = False
        glue = _PAGE_GLUE.match(text) if first in "-•.·0123456789" else None
        if glue:
            text = text[glue.end() :]
            line, first = self.rewrite(line, text, "page-number", 0.9), text[:1]
        if not self.in_body:
            line = self.label(line, text) or line
            text = line.text
            if "MEMUTUSKAN" in text:  # also inside a run-on line: what follows is no preamble
                self.in_body = True
                return line
            return self.title(line, text) or self.date(line, text) or self.words(line, text)
        clean = _PASAL_CLEAN.match(text)
        if clean and clean["suffix"] and read_number(text[6:].strip(), str(self.last_pasal + 1)):
            clean = None  # "Pasal 1G" after Pasal 15 is Pasal 16, not an inserted 1G
        if clean:
            number = int(clean[1])
            if number > self.last_pasal or number == 1:  # not a wrapped backward reference
                self.last_pasal, self.last_ayat = number, 0
            return line
        if _PASAL_ROMAN.match(text):
            return line
        if _BAB_CLEAN.match(text) and ROMAN.match(_BAB_CLEAN.match(text)[1]):
            self.last_bab = roman_to_int(_BAB_CLEAN.match(text)[1])
            return line
        ayat = _AYAT_CLEAN.match(text)
        if ayat:
            if int(ayat[1]) == self.last_ayat + 1:
                self.last_ayat += 1
            return line
        if first == "L" and not text.startswith("LAMPIRAN"):
            return self.label(line, text) or line  # "LAMPI.RAN PERATURAN …"
        lost_di = _SIGNING_NO_DI.match(text)
        if lost_di:
            return self.rewrite(line, f"{lost_di['verb']} di {lost_di['place']}", "label", 0.8)
        return (
            self.heading(line, text)
            or self.ayat(line, text)
            or self.title(line, text)
            or self.date(line, text)
            or line
        )

    def rewrite(self, line: Line, text: str, kind: str, confidence: float) -> Line:
        if text == line.text.strip():
            return line
        self.found.append(Recovery(kind, line.text.strip(), text, line.start, line.end, confidence))
        return Line(text, line.start, line.end)

    # A label word printed with noise: "LAMPI.RAN", "Menirnbang", "MEMUTUSKAN".
    def label(self, line: Line, text: str) -> Line | None:
        if text[:1] not in "LM":
            return None
        head, _, rest = text.partition(" ")
        bare = head.rstrip(":")
        for word in _LABEL_WORDS:
            if bare != word and len(bare) >= 6 and keyword_confidence(bare, word) >= 0.9:
                fixed = f"{word}{head[len(bare) :]} {rest}".strip()
                return self.rewrite(line, fixed, "label", 0.9)
        return None

    # A heading line: "Paaal 1", "Pasa.119", "Pasal34", "Paw 24", "BABm", "BABII".
    def heading(self, line: Line, text: str) -> Line | None:
        bab = _BAB_LIKE.match(text) if text[:1] in "B8R" else None
        if bab:
            number = roman_reading(bab["num"])
            if number != self.last_bab + 1:
                return None
            self.last_bab = number
            fixed = f"BAB {int_to_roman(number)} {bab['rest'] or ''}".strip()
            return self.rewrite(line, fixed, "bab", 0.8)
        if len(text) > 14 or text[:1] != "P":
            return None
        squeezed = re.sub(r"[\s.,_]", "", text)
        if not 4 <= len(squeezed) <= 10:
            return None
        if not _HEADING_LIKE.match(text):
            return None
        if fold(squeezed) == "pasal":
            return None  # "Pasal" alone (its number on the next line) is no heading
        expected = str(self.last_pasal + 1)
        best = 0.0
        for cut in range(3, min(7, len(squeezed))):
            word, token = squeezed[:cut], squeezed[cut:]
            if read_number(token, expected) != expected:
                continue
            confidence = keyword_confidence(word, "Pasal")
            if not confidence and cut == 3 and word[:2] == "Pa":
                confidence = 0.6  # "Paw 24": only as the very next Pasal
            best = max(best, confidence)
        if best:
            self.last_pasal, self.last_ayat = int(expected), 0
            return self.rewrite(line, f"Pasal {expected}", "pasal", best)
        return None

    # An ayat marker: "(l) Bidang", "(J) Kelompok", "(ll Setiap", "( 1) Kepala".
    def ayat(self, line: Line, text: str) -> Line | None:
        match = _AYAT_LIKE.match(text)
        if not match or not self.last_pasal:
            return None
        expected = str(self.last_ayat + 1)
        token = match["tok"]
        readings = number_readings(token)
        if text[match.end("tok") :].lstrip()[:1] != ")" and len(token) > 1:
            readings |= number_readings(token[:-1])  # the ")" printed as "l"
        if readings == {"1"} and expected != "1":
            expected = "1"  # one reading only: a restart after a lost Pasal heading
        elif expected not in readings:
            return None
        self.last_ayat = int(expected)
        return self.rewrite(line, f"({expected}) {text[match.end() :]}", "ayat", 0.8)

    # The title block: "NOMOR l3", "Nornor 5", "TAHUN 2O22", "TENTANO", glued province.
    def title(self, line: Line, text: str) -> Line | None:
        if not self.in_title:
            return None
        if _CAPS_WITH_L.search(text):
            return self.rewrite(line, _CAPS_WITH_L.sub(_caps_l, text), "title", 0.9)
        if text.replace(" ", "") in _GLUED_PROVINCE:
            return self.rewrite(line, _GLUED_PROVINCE[text.replace(" ", "")], "title", 0.9)
        tokens = text.split(" ")
        changed = False
        for index, token in enumerate(tokens):
            keyword = _title_keyword(token)
            if keyword == "TENTANG" and index == 0 and token != keyword:
                tokens[index], changed = keyword, True
            elif keyword in ("NOMOR", "TAHUN") and index + 1 < len(tokens):
                number = tokens[index + 1].lstrip(":")
                read = number if number.isdigit() else read_number(number)
                if read is not None and (read != number or token.upper() != keyword):
                    tokens[index], tokens[index + 1], changed = keyword, read, True
        return self.rewrite(line, " ".join(tokens), "title", 0.9) if changed else None

    # Citation words in the preamble: "Nornor", "tcntang", "Dalarn", "Mcntcri".
    def words(self, line: Line, text: str) -> Line:
        words = text.split(" ")
        changed = False
        for index, word in enumerate(words):
            if not 4 <= len(word) <= 16 or word[:1].lower() not in _CITATION_INITIALS:
                continue
            bare = word.strip(",;:()[]").strip("-.")
            if bare in _CITATION_WORDS:
                continue
            folded = _FOLDED_CITATION_WORDS.get(fold(bare))
            if folded is not None and folded.lower() != bare.lower():
                words[index] = word.replace(bare, folded.upper() if bare.isupper() else folded)
                changed = True
        return self.rewrite(line, " ".join(words), "word", 0.9) if changed else line

    # A closing date: "pada tanggal 21September 2021" or one that cannot be read.
    def date(self, line: Line, text: str) -> Line | None:
        match = _DATE_LINE.match(text)
        if match is None and "tanggal" in text:
            return self.inline_dates(line, text)
        if not match or not self.out or not _SIGNING.match(self.out[-1].text.strip()):
            return None
        printed = match["date"]
        if _CLEAN_DATE.match(text[match.start("lead") :]):
            return None
        read = read_date(printed)
        if read is not None:
            month = _MONTHS[read.month - 1].capitalize()
            fixed = f"pada tanggal {read.day} {month} {read.year}"
            return None if fixed == text else self.rewrite(line, fixed, "date", 0.8)
        if not printed.strip() or _CLEAN_DATE.match(printed):
            return None  # the date is on the next line, or already clean
        self.found.append(Recovery("date-illegible", text, "", line.start, line.end, 0.0))
        return line

    # Dates after "Ditetapkan di X" on the same line, in a run-on closing or not.
    def inline_dates(self, line: Line, text: str) -> Line | None:
        fixed, illegible = text, False
        for match in reversed(list(_INLINE_DATE.finditer(text))):
            printed = _DATE_HEAD.match(match["rest"])
            if printed and _CLEAN_DATE.match(printed["date"]):
                continue
            read = read_date(printed["date"].replace("^", "")) if printed else None
            if read is None:
                illegible = illegible or bool(match["rest"].strip(" ,"))
                continue
            month = _MONTHS[read.month - 1].capitalize()
            start = match.start("rest") + printed.start("date")
            end = match.start("rest") + printed.end("date")
            fixed = f"{fixed[:start]}{read.day} {month} {read.year}{fixed[end:]}"
        if illegible:
            self.found.append(Recovery("date-illegible", text, "", line.start, line.end, 0.0))
        return self.rewrite(line, fixed, "date", 0.8) if fixed != text else None

    # Lost "Menimbang"/"Mengingat" labels and item letters and numbers.
    def preamble_labels(self) -> None:
        lines = self.out
        if any(line.text.lstrip().startswith(("Menimbang", "Mengingat")) for line in lines):
            return
        decide = next((i for i, ln in enumerate(lines) if ln.text.startswith("MEMUTUSKAN")), None)
        if decide is None:
            return
        jabatan = next(
            (
                i
                for i, ln in enumerate(lines[: decide - 1])
                if _JABATAN.match(ln.text.strip()) and lines[i + 1].text.startswith("bahwa")
            ),
            None,
        )
        if jabatan is None:
            return
        section, count = "Menimbang", 0
        for index in range(jabatan + 1, decide):
            line, previous = lines[index], lines[index - 1].text.rstrip()
            text = line.text.strip()
            if _ORPHAN_NUMBER.match(text):
                lines[index] = Line("", line.start, line.end)
                continue
            opens = index == jabatan + 1 or previous.endswith(";") or not previous
            if not opens:
                continue
            if section == "Menimbang" and _CITATION_HEAD.match(text):
                section, count = "Mengingat", 0
            starts_item = text.startswith("bahwa") or section == "Mengingat"
            if not starts_item or (section == "Mengingat" and not _CITATION_HEAD.match(text)):
                continue
            count += 1
            mark = chr(ord("a") + count - 1) if section == "Menimbang" else str(count)
            label = f"{section} : " if count == 1 else ""
            lines[index] = self.rewrite(line, f"{label}{mark}. {text}", "item", 0.7)


def _title_keyword(token: str) -> str | None:
    if not token[:1].isupper() or not 4 <= len(token) <= 7:
        return None
    return next((k for k in ("NOMOR", "TAHUN", "TENTANG") if keyword_confidence(token, k)), None)


def _caps_l(match: re.Match) -> str:
    return match[0].replace("l", "I")


def repair_lines(lines: list[Line]) -> tuple[list[Line], list[Recovery]]:
    """Read the OCR-noisy structural lines of a clean text (see the module docstring);
    return the lines (repaired ones rewritten, offsets kept) and what was recovered."""
    repairer = _Repairer()
    return repairer.run(lines), repairer.found


_WHAT = {
    "pasal": "judul Pasal",
    "bab": "judul BAB",
    "ayat": "nomor ayat",
    "title": "judul peraturan",
    "item": "label/nomor butir pembukaan yang hilang",
    "date": "tanggal",
    "page-number": "nomor halaman yang menempel",
    "word": "kata kunci rujukan",
    "label": "label",
    "instruction": "nomor butir perubahan",
}
_UNIT_KINDS = ("pasal", "bab", "ayat", "instruction")  # recoveries that open a unit


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def recovery_warnings(
    recoveries: list[Recovery], body: list[Unit], root: Iri, source_file: str
) -> list[ParseWarning]:
    """One warning per recovery, naming the unit it opened (or the regulation)."""
    by_start = {unit.start: unit.iri for top in body for unit in top.walk()}
    warnings = []
    for found in recoveries:
        span = Span(source_file, found.start, found.end)
        if found.kind == "date-illegible":
            warnings.append(
                ParseWarning(
                    DATE_ILLEGIBLE,
                    f"Tanggal tidak terbaca (OCR): {found.printed!r}; dibiarkan kosong.",
                    span,
                )
            )
            continue
        unit = by_start.get(found.start) if found.kind in _UNIT_KINDS else None
        warnings.append(
            ParseWarning(
                RECOVERED,
                f"Teks OCR {_short(found.printed)!r} dibaca sebagai {_short(found.read)!r} "
                f"({_WHAT.get(found.kind, found.kind)}, keyakinan {found.confidence:.1f}).",
                span,
                unit if unit is not None else (root if found.kind == "title" else None),
            )
        )
    return warnings
