"""Stage 3: the body as a tree — BAB, Bagian, Paragraf, Pasal, ayat, huruf, angka.

The parser reads one clean line at a time. What a line is depends on its shape *and* on
where the parser stands, because PDF text loses layout:

* a heading may run into the next ("Bagian Kesatu Kedudukan Pasal 6") and is split;
* a hard-wrapped line may begin with "(1)" or "Pasal 12" without being an ayat or a
  heading — it is one only if its number is the next expected one (or starts a sequence
  where one may start) and the previous line does not end inside a reference ("… ayat");
* a Pasal whose heading was lost (Padang Panjang 48/2024, Pasal 4, 13, 16, 17) is
  rebuilt when an ayat (1) restarts after a closed article, or when text or an ayat
  follows a BAB/Bagian heading directly; it is numbered from the previous article,
  marked ``inferred`` and reported;
* in an amending regulation (Pasal I, Pasal II) the articles quoted by each numbered
  instruction are parsed as units nested under that instruction, not as body articles;
  an instruction whose earlier numbers OCR lost is read from its wording, and items and
  labels run into the text are cut out first (:func:`extract.amendments.cut_amendments`);
* headings glued to each other and to their Pasal in one line ("Bagian Keempat BKN
  Paragraf 1 Fungsi dan Tugas PasaI 47 BKN memiliki fungsi:") are cut apart first
  (:func:`extract.segment.unglue`, from the numbers the parser stands at).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.amendments import cut_amendments
from extract.iri import Iri
from extract.lists import STYLES, ListStack, Marker, read_marker
from extract.model import Line, ParseWarning, Span, Unit
from extract.numbering import ORDINAL_PATTERN, ROMAN, follows, ordinal_to_int, roman_to_int
from extract.ocr import Recovery, recovery_warnings
from extract.segment import Place, may_unglue, starts_like_unit, unglue

BAB = re.compile(r"^BAB\s+(?P<num>[IVXLC]+[A-Z]?)\b\.?\s*(?P<rest>.*)$")
BAGIAN = re.compile(rf"^Bagian\s+(?P<ord>{ORDINAL_PATTERN})\b\s*(?P<rest>.*)$")
PARAGRAF = re.compile(r"^Paragraf\s+(?P<num>\d+[A-Z]?)\b\s*(?P<rest>.*)$")
PASAL = re.compile(r"^Pasal\s+(?P<num>\d+[A-Z]?|[IVX]+)\s*$")
TRAILING_PASAL = re.compile(r"^(?P<head>.*?)\s*\bPasal\s+(?P<num>\d+[A-Z]?)\s*$")
AYAT = re.compile(r"^\((?P<num>\d+[a-z]?)\)\s*(?P<rest>.*)$")
#: The previous line ends inside a reference, so this line's leading number belongs to it.
REFERENCE_TAIL = re.compile(r"\b(?:ayat|pasal|huruf|angka|Nomor|Tahun)$", re.I)
#: The previous line ends mid-phrase, so a "Pasal 12"/"BAB II" here is a wrapped reference.
WRAP_TAIL = re.compile(r"\b(?:dalam|pada|dan|atau|dengan|sampai|oleh|dimaksud|tentang)$", re.I)
#: How UU 12/2011 Lampiran II words an amending instruction ("1. Ketentuan Pasal 14 …").
AMENDING_INSTRUCTION = re.compile(
    r"^(?:Ketentuan|Di\s?antara|Pasal\s+\d+\w*\s+(?:dihapus|diubah)|Menambah|Mengubah|Judul|"
    r"Lampiran|Penjelasan|BAB\s+[IVXLC]+\w*\s+(?:dihapus|diubah))",
    re.I,
)
#: The wording only an amending instruction has: "… diubah sehingga berbunyi sebagai
#: berikut:", "… disisipkan 1 (satu) pasal … yang berbunyi …", "Pasal 9 dihapus."
AMENDING_WORDING = re.compile(
    r"\b(?:diubah|disisipkan|ditambahkan?)\b.*\bberbunyi\b|\bdihapus\s*\.?\s*$", re.I
)
_TERMINAL = (".", ";", ":")


def join_text(left: str, right: str) -> str:
    """Join two pieces of running text; a word split by a hyphen at a line end stays joined."""
    if not left:
        return right
    if left.endswith("-") or right.startswith("-"):
        return left + right
    return f"{left} {right}"


def normalise(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Article:
    """One open Pasal (body or quoted) with its open ayat and list levels."""

    pasal: Unit
    lists: ListStack
    ayat: Unit | None = None

    def container(self) -> Unit:
        return self.ayat or self.pasal


class BodyParser:
    """Build the unit tree of one regulation's body from its clean lines."""

    def __init__(self, work: Iri, source_file: str):
        self.work = work
        self.file = source_file
        self.top: list[Unit] = []
        self.warnings: list[ParseWarning] = []
        self.bab: Unit | None = None
        self.bagian: Unit | None = None
        self.paragraf: Unit | None = None
        self.articles: list[_Article] = []  # [body article, quoted article, …]
        self.heading: Unit | None = None  # a BAB/Bagian/Paragraf whose heading is being read
        self.last_pasal: str | None = None
        self.prev_text = ""
        self.prev_was_heading = False
        self.used_iris: set[Iri] = set()
        self.next_suffix: dict[Iri, int] = {}  # a repeated IRI -> its next free suffix
        self.recovered: list[Recovery] = []  # OCR'd Pasal labels read while ungluing

    # -- public ------------------------------------------------------------------------
    def parse(self, lines: list[Line]) -> list[Unit]:
        for line in lines:
            for piece in self._pieces(line):
                self.feed(piece)
        for unit in self.top:
            close_ends(unit)
        self.warnings.extend(recovery_warnings(self.recovered, self.top, self.work, self.file))
        return self.top

    def _pieces(self, line: Line) -> list[Line]:
        """``line`` cut where units were run or glued into it (amendment items, headings)."""
        if not self._amending() and not may_unglue(line.text):
            return [line]
        place = self._place(line.text)
        pieces, found = cut_amendments(line, place) if self._amending() else ([line], [])
        out = []
        for piece in pieces:
            more, more_found = unglue(piece, place)
            out.extend(more)
            found.extend(more_found)
        self.recovered.extend(found)
        return out

    def feed(self, line: Line) -> None:
        text = line.text.strip()
        handled = (
            self._heading_line(text, line)
            or self._pasal_line(text, line)
            or self._ayat_line(text, line)
            or self._list_line(text, line)
        )
        if not handled:
            self._text_line(text, line)
            self.prev_was_heading = False
        self.prev_text = text

    # -- line kinds --------------------------------------------------------------------
    def _heading_line(self, text: str, line: Line) -> bool:
        if self._in_quoted_article() or self._wrapped_reference():
            return False
        for pattern, kind in ((BAB, "bab"), (BAGIAN, "bagian"), (PARAGRAF, "paragraf")):
            match = pattern.match(text)
            if not match:
                continue
            if kind == "bab" and not ROMAN.match(match["num"].rstrip("ABCDEFGH")):
                return False
            rest, trailing_pasal = match["rest"], None
            split = TRAILING_PASAL.match(rest)
            if split:
                rest, trailing_pasal = split["head"], split["num"]
            self._open_container(kind, match, rest, line)
            if trailing_pasal:
                self._open_pasal(trailing_pasal, line, inferred=False)
            self.prev_was_heading = True
            return True
        return False

    def _pasal_line(self, text: str, line: Line) -> bool:
        match = PASAL.match(text)
        if not match or self._wrapped_reference():
            return False
        number = match["num"]
        if ROMAN.match(number) and not number.isdigit():
            self.articles = []
            self._open_pasal(number, line, inferred=False)
        elif self._amending() and self._repeated_label(number):
            self.articles[-1].pasal.end = max(self.articles[-1].pasal.end, line.end)
        elif self._amending() and self.articles[0].lists.levels:
            self._open_quoted_pasal(number, line)
        elif self._plausible_pasal(number):
            self._open_pasal(number, line, inferred=False)
        else:
            return False
        self.prev_was_heading = True
        return True

    def _ayat_line(self, text: str, line: Line) -> bool:
        match = AYAT.match(text)
        if not match or self._reference_continues():
            return False
        number, rest = match["num"], match["rest"]
        article = self._article_for_ayat(number, line)
        if article is None:
            return False
        self._add_ayat(article, number, rest, line, line.start + match.start("rest"))
        self.prev_was_heading = False
        return True

    def _article_for_ayat(self, number: str, line: Line) -> _Article | None:
        """The article an ayat numbered ``number`` belongs to (rebuilding a lost Pasal when
        the numbering restarts), or None when the line is not an ayat."""
        article = self.articles[-1] if self.articles else None
        if article is None:
            if number != "1" or self._heading_pending_text():
                return None
            return self._infer_pasal(line, "ayat (1) langsung sesudah judul BAB/Bagian")
        last_ayat = self._last_ayat(article)
        if last_ayat is not None and follows(last_ayat, number):
            return article
        if number != "1":
            return None
        if last_ayat is None and not _has_content(article.pasal):
            return article
        if self._sentence_open() or self._in_quoted_article() or self._amending():
            return None  # in Pasal I, an article whose label was lost is a quoted one
        return self._infer_pasal(line, "ayat (1) dimulai lagi sesudah Pasal yang selesai")

    def _list_line(self, text: str, line: Line) -> bool:
        marker = read_marker(text)
        if marker is None or not self.articles or self._reference_continues():
            return False
        instruction = self._amending() and self._is_instruction(marker)
        if instruction:
            del self.articles[1:]
        article = self.articles[-1]
        placement = article.lists.place(marker)
        if instruction and placement is None:  # numbers lost (OCR): the wording decided
            placement = article.pasal, 0
            self._warn_instruction_gap(article, marker, line)
        if placement is None:
            return False
        parent, level = placement
        self._add_item(article, parent, level, marker, line)
        self.prev_was_heading = False
        return True

    def _text_line(self, text: str, line: Line) -> None:
        if self.heading is not None and self._continues_heading(text):
            append_text(self.heading, text, line, heading=True)
            return
        self.heading = None
        if not self.articles:
            if self.bab is None and not self.top:
                return  # stray text before the first heading: not part of any unit
            self._infer_pasal(line, "teks tanpa judul Pasal sesudah judul BAB/Bagian")
        append_text(self.articles[-1].lists.deepest(), text, line)

    # -- building ------------------------------------------------------------------------
    def _open_container(self, kind: str, match: re.Match, rest: str, line: Line) -> None:
        self.articles = []
        if kind == "bab":
            number = match["num"]
            unit = self._new_unit(
                "bab", number, self._unique(self.work.child("bab", number), line), line
            )
            self.top.append(unit)
            self.bab, self.bagian, self.paragraf = unit, None, None
        elif kind == "bagian":
            number = str(ordinal_to_int(match["ord"]))
            parent = self.bab
            iri = self._unique((parent.iri if parent else self.work).child("bagian", number), line)
            unit = self._new_unit("bagian", number, iri, line)
            self._attach(unit, parent)
            self.bagian, self.paragraf = unit, None
        else:
            number = match["num"]
            parent = self.bagian or self.bab
            iri = self._unique(
                (parent.iri if parent else self.work).child("paragraf", number), line
            )
            unit = self._new_unit("paragraf", number, iri, line)
            self._attach(unit, parent)
            self.paragraf = unit
        unit.heading = normalise(rest)
        unit.marker = match[0][: match.start("rest")].strip()
        self.heading = unit

    def _open_pasal(self, number: str, line: Line, inferred: bool) -> _Article:
        self.heading = None
        iri = self._unique(self.work.child("pasal", number), line)
        pasal = self._new_unit("pasal", number, iri, line)
        pasal.inferred = inferred
        pasal.marker = f"Pasal {number}"
        self._attach(pasal, self.paragraf or self.bagian or self.bab)
        self._check_numbering(number, line)
        self.last_pasal = number
        article = _Article(pasal, ListStack(pasal))
        self.articles = [article]
        return article

    def _open_quoted_pasal(self, number: str, line: Line) -> None:
        """Open an article quoted by the open amendment item: it belongs to that item,
        even when a list (read before the quoted label) left a deeper item open."""
        del self.articles[1:]
        levels = self.articles[0].lists.levels
        instruction = levels[0].item if levels else self.articles[0].pasal
        iri = self._unique(instruction.iri.child("pasal", number), line)
        pasal = self._new_unit("pasal", number, iri, line)
        pasal.marker = f"Pasal {number}"
        instruction.children.append(pasal)
        self.articles.append(_Article(pasal, ListStack(pasal)))

    def _infer_pasal(self, line: Line, reason: str) -> _Article:
        number = str(_numeric(self.last_pasal) + 1) if self.last_pasal else "1"
        article = self._open_pasal(number, line, inferred=True)
        where = f" dalam {self.bab.marker} {self.bab.heading}".rstrip() if self.bab else ""
        self.warnings.append(
            ParseWarning(
                "pasal-heading-inferred",
                f"Judul Pasal {number} tidak ada dalam teks sumber{where}; dipulihkan dari "
                f"kesinambungan penomoran ({reason}).",
                Span(self.file, line.start, line.end),
                article.pasal.iri,
            )
        )
        return article

    def _add_ayat(self, article: _Article, number: str, rest: str, line: Line, offset: int):
        iri = self._unique(article.pasal.iri.child("ayat", number), line)
        ayat = self._new_unit("ayat", number, iri, line)
        ayat.marker = f"({number})"
        article.pasal.children.append(ayat)
        article.ayat = ayat
        article.lists = ListStack(ayat)
        if rest:
            append_text(ayat, rest, Line(rest, offset, line.end))

    def _add_item(self, article: _Article, parent: Unit, level: int, marker: Marker, line: Line):
        kind = STYLES[marker.style][0]
        iri = self._unique(parent.iri.child(kind, marker.value), line)
        item = self._new_unit(kind, marker.value, iri, line)
        item.marker = marker.printed
        parent.children.append(item)
        article.lists.push(level, marker.style, item, parent)
        start = line.start + len(line.text) - len(line.text.lstrip()) + marker.offset
        append_text(item, marker.rest, Line(marker.rest, start, line.end))

    def _new_unit(self, kind: str, number: str, iri: Iri, line: Line) -> Unit:
        return Unit(kind=kind, number=number, iri=iri, start=line.start, end=line.end)

    def _attach(self, unit: Unit, parent: Unit | None) -> None:
        (parent.children if parent else self.top).append(unit)

    def _unique(self, iri: Iri, line: Line) -> Iri:
        """``iri``, or when it is taken the first free ``-2``, ``-3``, … variant of its last
        value, with a warning. Linear however often a number repeats."""
        if iri not in self.used_iris:
            self.used_iris.add(iri)
            return iri
        kind, value = iri.path[-1]
        suffix = self.next_suffix.get(iri, 2)
        while (candidate := Iri(iri.work, (*iri.path[:-1], (kind, f"{value}-{suffix}")))) in (
            self.used_iris
        ):
            suffix += 1
        self.next_suffix[iri] = suffix + 1
        self.used_iris.add(candidate)
        times = "dua kali; yang kedua" if suffix == 2 else f"lagi; yang ke-{suffix}"
        self.warnings.append(
            ParseWarning(
                "duplicate-number",
                f"Nomor {kind} {value} muncul {times} diberi akhiran '-{suffix}'.",
                Span(self.file, line.start, line.end),
                iri,
            )
        )
        return candidate

    def _check_numbering(self, number: str, line: Line) -> None:
        previous = self.last_pasal
        if previous is None or not (number[0].isdigit() and previous[0].isdigit()):
            return  # the first Pasal, or Pasal I / II of an amending regulation
        if follows(previous, number):
            return
        self.warnings.append(
            ParseWarning(
                "pasal-numbering-gap",
                f"Penomoran Pasal melompat dari Pasal {self.last_pasal} ke Pasal {number}.",
                Span(self.file, line.start, line.end),
            )
        )

    # -- judgements ------------------------------------------------------------------------
    def _place(self, text: str) -> Place:
        """The numbers a heading glued into ``text`` (the next line) must continue."""
        line_start = (self._amending() or starts_like_unit(text)) and (
            not self._wrapped_reference() and (not self._sentence_open() or self.prev_was_heading)
        )
        return Place(
            bab=_bab_value(self.bab.number) if self.bab else 0,
            bagian=int(self.bagian.number) if self.bagian else 0,
            paragraf=_numeric(self.paragraf.number) if self.paragraf else 0,
            pasal=self.last_pasal,
            line_start=line_start,
            instruction=self._last_instruction() if self._amending() else 0,
            quoted=self.articles[-1].pasal.number if self._in_quoted_article() else None,
        )

    def _plausible_pasal(self, number: str) -> bool:
        if self.last_pasal is None or follows(self.last_pasal, number):
            return True
        return not self._sentence_open() or self.prev_was_heading

    def _sentence_open(self) -> bool:
        return bool(self.prev_text) and not self.prev_text.endswith(_TERMINAL)

    def _reference_continues(self) -> bool:
        return bool(REFERENCE_TAIL.search(self.prev_text)) and not self.prev_was_heading

    def _wrapped_reference(self) -> bool:
        tail = REFERENCE_TAIL.search(self.prev_text) or WRAP_TAIL.search(self.prev_text)
        return bool(tail) and not self.prev_was_heading

    def _heading_pending_text(self) -> bool:
        return self.heading is not None and not self.heading.heading

    def _continues_heading(self, text: str) -> bool:
        heading = self.heading
        if not heading.heading:
            return True
        if heading.kind == "bab":
            return text.isupper()
        return text[:1].islower()

    def _amending(self) -> bool:
        return bool(self.articles) and not self.articles[0].pasal.number[0].isdigit()

    def _in_quoted_article(self) -> bool:
        return len(self.articles) > 1

    def _repeated_label(self, number: str) -> bool:
        """A quoted label printed again right after itself ("Pasal 21C" twice at a page
        break): one article."""
        article = self.articles[-1] if self._in_quoted_article() else None
        if article is None or article.pasal.number != number:
            return False
        return not _has_content(article.pasal)

    def _is_instruction(self, marker: Marker) -> bool:
        """An amendment item of Pasal I: the next number, or a later one (numbers OCR
        lost) when its wording is an instruction's ("… diubah sehingga berbunyi …")."""
        if marker.style != "angka" or not AMENDING_INSTRUCTION.match(marker.rest):
            return False
        last = self._last_instruction()
        if int(marker.value) == last + 1:
            return True
        return int(marker.value) > last and bool(AMENDING_WORDING.search(marker.rest))

    def _last_instruction(self) -> int:
        levels = self.articles[0].lists.levels
        return int(levels[0].item.number) if levels and levels[0].style == "angka" else 0

    def _warn_instruction_gap(self, article: _Article, marker: Marker, line: Line) -> None:
        last = self._last_instruction()
        self.warnings.append(
            ParseWarning(
                "amendment-numbering-gap",
                f"Penomoran butir perubahan dalam {article.pasal.marker} melompat dari angka "
                f"{last} ke angka {marker.value}; butir di antaranya tidak terbaca.",
                Span(self.file, line.start, line.end),
            )
        )

    @staticmethod
    def _last_ayat(article: _Article) -> str | None:
        ayats = [child for child in article.pasal.children if child.kind == "ayat"]
        return ayats[-1].number if ayats else None


def _numeric(number: str) -> int:
    return int(re.match(r"\d+", number)[0]) if number[0].isdigit() else roman_to_int(number)


def _bab_value(number: str) -> int:
    """A BAB's number less its suffix letter ("IVA" -> 4); 0 when nothing is left ("BAB C",
    which the heading check lets through as a suffix alone)."""
    roman = number.rstrip("ABCDEFGH")
    return roman_to_int(roman) if roman else 0


def _has_content(unit: Unit) -> bool:
    return bool(unit.text or unit.children)


def append_text(unit: Unit, text: str, line: Line, heading: bool = False) -> None:
    """Add a line's text to ``unit``'s text (or heading) and stretch its end over it."""
    # Only the new piece needs normalising: the text so far already is.
    if heading:
        unit.heading = join_text(unit.heading, normalise(text))
    else:
        unit.text = join_text(unit.text, normalise(text))
    unit.end = max(unit.end, line.end)


def close_ends(unit: Unit) -> int:
    """Stretch each unit's end over its children, so a span covers the whole unit.

    Iterative (children before parents), so no input depth can exhaust the stack.
    """
    order, pending = [], [unit]
    while pending:
        node = pending.pop()
        order.append(node)
        pending.extend(node.children)
    for node in reversed(order):
        for child in node.children:
            node.end = max(node.end, child.end)
    return unit.end


def parse_body(
    lines: list[Line], work: Iri, source_file: str
) -> tuple[list[Unit], list[ParseWarning]]:
    """Parse the body lines of one regulation into its unit tree and the warnings raised."""
    parser = BodyParser(work, source_file)
    return parser.parse(lines), parser.warnings
