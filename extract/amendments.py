"""Amendment items run into the text around them, as OCR'd amending regulations print them.

In an amending regulation (DRAFTING.md §8) Pasal I lists numbered amendment items, each
an instruction ("Ketentuan Pasal 21 diubah, sehingga berbunyi sebagai berikut:", "Di
antara Pasal 11 dan Pasal 12 disisipkan 3 (tiga) pasal, yakni …, yang berbunyi sebagai
berikut:") followed by the articles it quotes. OCR'd texts lose the item numbers ("4 Di
antara", "\\4. Ketentuan", none at all), run an item into the last sentence of the article
quoted before it, and print the quoted labels through noise ("Pasal 1 ^1", "Pasal 2 18").

:func:`cut_amendments` cuts a line of Pasal I so the body parser sees each piece as what
it is: an instruction becomes its own numbered item (its number the printed one when it
reads as a later number, else the next one, reported), and a quoted article's label its
own line, read only when the reading is confirmed — the first after "berikut:" must be an
article the instruction names, a later one the next of the quoted sequence (11A → 11B).
"""

from __future__ import annotations

import re

from extract.lists import read_marker
from extract.model import Line
from extract.numbering import follows
from extract.ocr import Recovery, keyword_confidence, number_readings
from extract.segment import Place

_S = r"[ \t]"
#: An instruction: optional (damaged) item number, then "Ketentuan …"/"Di antara …" (OCR:
#: "Di ar-rta.ra ketentuan") with an amending verb, up to "berbunyi sebagai berikut:".
_INSTRUCTION = re.compile(
    rf"(?P<lead>\\?[0-9lI](?:{_S}?[0-9lI])?\.?{_S}+)?"
    rf"(?P<body>(?:Ketentuan|Di{_S}?antara|Di{_S}+[^\s:]{{5,10}}{_S}+ketentuan)\b[^:]{{0,400}}?"
    rf"\b(?:diubah|disisipkan|ditambahkan?)\b[^:]{{0,300}}?"
    rf"\bberbuny\w{_S}+\^?sebagai{_S}+\^?ber[^\s:]{{3,6}}{_S}*:)"  # "berilrut:"
)
#: A quoted article's label as OCR prints it: "Pasal 11A", "Pasal 1 ^1", "Pasai 2lB" (a
#: lower-case "pasal" only where an instruction names articles).
_LABEL = re.compile(
    rf"(?<![^\s^])(?P<word>[Pp][a-z][A-Za-z1|!]{{3}}){_S}*"
    rf"(?P<num>\^?[0-9lIi|!](?:{_S}?\^?[0-9lIi|!]){{0,2}}[A-Z8]?)(?=[\s'(,.;]|$)"
)
#: Where a piece may end before a run-on item or label: a sentence end (OCR prints "'"
#: for a full stop).
_SENTENCE_END = re.compile(r"[.;:']\s*$")
_INSERTED = re.compile(r"\b(?:disisipkan|ditambahkan?)\b")
#: What a quoted article begins with: a sentence, its ayat, or its label printed again.
_QUOTED_START = re.compile(r"[A-Z(]")
#: Ayat (1) printed with a letter for the digit ("(i) Direktur"), read only after a label.
_OCR_AYAT_ONE = re.compile(r"\([iIl|!]\)(?=\s+[A-Z])")
_LABEL_CONFIDENCE = 0.9
_SPACE = re.compile(r"\s*")
_SUFFIX_READINGS = {"8": "B"}  # an inserted article's letter printed as a digit


def article_readings(token: str) -> set[str]:
    """Every article number ``token`` can stand for: "1 ^1" -> {"11"}, "1 18" -> {"118",
    "11B"}, "2lA" -> {"21A"}."""
    token = re.sub(r"[\s^'\\,.]", "", token)
    if not token:
        return set()
    readings = set(number_readings(token))
    head, last = token[:-1], token[-1]
    suffix = last if last.isupper() and last.isalpha() else _SUFFIX_READINGS.get(last)
    if head and suffix:
        readings |= {number + suffix for number in number_readings(head)}
    return readings


def announced(instruction: str) -> set[str]:
    """The article numbers an instruction quotes, each through its OCR readings: those it
    names, or for an insertion those named after "disisipkan" ("Di antara Pasal 11 dan
    Pasal 12 disisipkan 3 (tiga) pasal, yakni Pasal 11A, Pasal 11El, dan Pasal 1IC")."""
    inserted = _INSERTED.search(instruction)
    numbers: set[str] = set()
    for match in _LABEL.finditer(instruction, inserted.end() if inserted else 0):
        if keyword_confidence(match["word"].capitalize(), "Pasal") >= _LABEL_CONFIDENCE:
            numbers |= article_readings(match["num"])
    return numbers


def cut_amendments(line: Line, at: Place) -> tuple[list[Line], list[Recovery]]:
    """The pieces of a line of Pasal I (module docstring) and what was read on the way."""
    cutter = _Cutter(line, at)
    cutter.run()
    return cutter.pieces or [line], cutter.found


class _Cutter:
    def __init__(self, line: Line, at: Place):
        self.line, self.text = line, line.text
        self.instruction = at.instruction
        self.quoted = at.quoted
        self.names: set[str] = set()  # the articles the open instruction names
        self.line_start = at.line_start
        self.marker = read_marker(line.text)  # the item number the line starts with, if any
        self.cuts: list[tuple[int, int, str | None]] = []  # (start, end, rewritten text)
        self.pieces: list[Line] = []
        self.found: list[Recovery] = []

    def run(self) -> None:
        position = 0
        while position < len(self.text):
            position = self._next(position)
        if self.cuts:
            self._emit()

    def _next(self, position: int) -> int:
        """Find the next instruction or quoted label from ``position``; return where to go on."""
        instruction = _INSTRUCTION.search(self.text, position)
        label = self._label(position, instruction.start() if instruction else len(self.text))
        if label is not None:
            return label
        if instruction is None:
            return len(self.text)
        self._instruction(instruction)
        return instruction.end()

    def _instruction(self, match: re.Match) -> None:
        begin = match.start("lead") if match["lead"] else match.start("body")
        self.names = announced(match["body"])
        self.quoted = None
        if self._opens_line_item(begin):  # "5. Ketentuan …": an item already
            self.instruction = max(self.instruction, int(self.marker.value))
            self._quoted_after(match.end())
            return
        if not self._may_start(begin):
            return  # not where an item can start
        number = self._item_number(match["lead"] or "")
        self.instruction = number
        rewritten = f"{number}. {match['body']}"
        self.cuts.append((begin, match.end(), rewritten))
        printed = (match["lead"] or "").strip()
        if printed != f"{number}.":
            start, end = self.line.start + begin, self.line.start + match.end()
            self.found.append(Recovery("instruction", printed, f"{number}.", start, end, 0.8))
        self._quoted_after(match.end())

    def _opens_line_item(self, begin: int) -> bool:
        """Whether the instruction at ``begin`` is the first sentence of the numbered item
        the line starts with ("1. Ketcntuan 1 Ketentuan ayat (5) Pasal 11 diubah …")."""
        marker = self.marker
        if marker is None or marker.style != "angka":
            return False
        return not re.search(r"[.;:']\s", self.text[marker.offset : max(begin, marker.offset)])

    def _item_number(self, lead: str) -> int:
        readings = number_readings(re.sub(r"[\s.\\]", "", lead)) if lead.strip() else set()
        later = sorted(int(r) for r in readings if int(r) > self.instruction)
        return later[0] if len(readings) == 1 and later else self.instruction + 1

    def _quoted_after(self, end: int) -> None:
        match = _LABEL.match(self.text, self._after_space(end))
        if match is None:
            return
        readings = article_readings(match["num"]) & self.names
        if len(readings) == 1:
            self._take_label(match, readings.pop())

    def _label(self, position: int, limit: int) -> int | None:
        """A quoted label after a sentence end, the next of the quoted sequence; the position
        after it, or None."""
        if self.quoted is None:
            return None
        for match in _LABEL.finditer(self.text, position, limit):
            start = match.start()
            if not self._may_start(start):
                continue
            rest = self.text[match.end() :].lstrip()
            if rest and not _QUOTED_START.match(rest):
                continue  # "Pasal 21B ayat (1)": a reference
            readings = {r for r in article_readings(match["num"]) if follows(self.quoted, r)}
            if len(readings) == 1:
                return self._take_label(match, readings.pop())
        return None

    def _take_label(self, match: re.Match, number: str) -> int:
        confidence = keyword_confidence(match["word"], "Pasal")
        if confidence < _LABEL_CONFIDENCE or match["word"][0] != "P":
            return match.end()
        end = match.end()
        again = _LABEL.match(self.text, self._after_space(end))
        if again and number in article_readings(again["num"]):
            end = again.end()  # the label printed twice ("Pasal i 1C Pasal 1 1C")
        read = f"Pasal {number}"
        self.cuts.append((match.start(), end, read))
        printed = " ".join(self.text[match.start() : end].split())
        if printed != read:
            start, stop = self.line.start + match.start(), self.line.start + end
            self.found.append(Recovery("pasal", printed, read, start, stop, 0.8))
        self.quoted = number
        return self._first_ayat(end)

    def _first_ayat(self, end: int) -> int:
        """Read "(i)"/"(l)" right after a quoted label as ayat (1), the only number an
        article's first ayat can have; the position after it."""
        position = self._after_space(end)
        match = _OCR_AYAT_ONE.match(self.text, position)
        if match is None:
            return end
        self.cuts.append((match.start(), match.end(), "(1)"))
        start, stop = self.line.start + match.start(), self.line.start + match.end()
        self.found.append(Recovery("ayat", match[0], "(1)", start, stop, 0.8))
        return match.end()

    def _may_start(self, position: int) -> bool:
        """Whether an item or a label may begin at ``position``: after a sentence end, or
        at the line start where a unit may begin."""
        if position:
            return _SENTENCE_END.search(self.text, 0, position) is not None
        return self.line_start

    def _after_space(self, position: int) -> int:
        """Where the text goes on after any white space at ``position``."""
        return _SPACE.match(self.text, position).end()

    def _emit(self) -> None:
        position = 0
        for start, end, rewritten in self.cuts:
            self._text(position, start)
            self.pieces.append(Line(rewritten, self.line.start + start, self.line.start + end))
            position = end
        self._text(position, len(self.text))

    def _text(self, begin: int, end: int) -> None:
        chunk = self.text[begin:end]
        if not chunk.strip():
            return
        begin += len(chunk) - len(chunk.lstrip())
        end = begin + len(chunk.strip())
        start = self.line.start
        self.pieces.append(Line(self.text[begin:end], start + begin, start + end))
