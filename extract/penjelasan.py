"""The Penjelasan (elucidation) as nodes that explain the provisions of the body.

UU 12/2011 Lampiran II [174]–[191]: "PENJELASAN ATAS <judul>", "I. UMUM" (general part),
"II. PASAL DEMI PASAL" with one entry per Pasal ("Pasal 5 Cukup jelas."), and inside an
entry "Ayat (1)", "Huruf a", "Angka 2", each with its explanation or "Cukup jelas.".

The text is read as one stream, not by line starts: national texts put a whole Penjelasan
on a few long lines. A label opens an entry only where a label can stand (at the start,
after the end of a sentence, or right after another label), when it is followed by the
explanation (a capital or another label, not "ayat (2)" of a reference), and — for Pasal —
when the body has that Pasal. Each entry explains the unit with the same path in the body
(``…/penjelasan/pasal/5/ayat/1`` explains ``…/pasal/5/ayat/1``); an entry whose unit the
body lacks is kept, unlinked, with a warning. An amending regulation's Penjelasan ("Pasal I
/ Angka 1 / Pasal 11 …") nests the quoted Pasal under the instruction, as the body does.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from extract.closing import SUPPLEMENT
from extract.iri import Iri
from extract.model import Explanation, Line, ParseWarning, Span, Unit

_UMUM = re.compile(r"\bI\s*\.\s*U\s?M\s?U\s?M\b")
_PASAL_DEMI_PASAL = re.compile(r"\bII\s*\.\s*PASAL\s+DEMI\s+PASAL\b")
_LABEL = re.compile(
    r"(?<![\w(])(?P<kind>Pasal|Ayat|Huruf|Angka)\s+"
    r"(?P<num>\(\d+[a-z]?\)|\d+[A-Z]?|[IVX]+|[a-z]{1,2})(?=\s|$)"
)
#: What may follow a label: the explanation (a capital, a quote) or another label.
_AFTER_LABEL = re.compile(r"\s*(?:$|[A-Z\"“”'‘(]|Huruf\b|Ayat\b|Angka\b)")
_RANK = {"pasal": 0, "ayat": 1, "huruf": 2, "angka": 3}


@dataclass
class _Text:
    """The Penjelasan lines joined into one string, with a map back to source offsets."""

    text: str
    starts: list[int]  # position in ``text`` where each line begins
    sources: list[int]  # source offset of each line's first character

    def source(self, position: int) -> int:
        index = bisect.bisect_right(self.starts, position) - 1
        return self.sources[index] + position - self.starts[index]


def _join(lines: list[Line]) -> _Text:
    parts, starts, sources, position = [], [], [], 0
    for line in lines:
        starts.append(position)
        sources.append(line.start)
        parts.append(line.text)
        position += len(line.text) + 1
    return _Text(" ".join(parts), starts, sources)


@dataclass
class _Parser:
    root: Iri
    provisions: set[Iri]
    source_file: str
    stream: _Text
    entries: list[Explanation] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    used: set[Iri] = field(default_factory=set)

    def parse(self, begin: int, end: int, umum: tuple[int, int] | None) -> list[Explanation]:
        labels = self._labels(begin, end)
        if umum is not None:
            umum_end = umum[1] if umum[1] > umum[0] else (labels[0][0] if labels else end)
            self.entries.append(self._umum(umum[0], umum_end))
        stack: list[Explanation] = []
        for index, (start, text_start, kind, number) in enumerate(labels):
            text_end = labels[index + 1][0] if index + 1 < len(labels) else end
            parent = self._parent(stack, kind)
            entry = self._entry(parent, kind, number, start, text_start, text_end)
            (parent.children if parent else self.entries).append(entry)
            stack.append(entry)
        return self.entries

    def _labels(self, begin: int, end: int) -> list[tuple[int, int, str, str]]:
        """Accepted labels: (start, start of the text after it, kind, number)."""
        text, out, last_end = self.stream.text, [], None
        for match in _LABEL.finditer(text, begin, end):
            before = text[begin : match.start()].rstrip()
            at_boundary = not before or before[-1] in '.;:"”…' or last_end == len(before) + begin
            if not at_boundary or not _AFTER_LABEL.match(text, match.end()):
                continue
            kind, number = match["kind"].lower(), match["num"].strip("()")
            if kind == "pasal" and not self._known_pasal(number, out):
                continue
            out.append((match.start(), match.end(), kind, number))
            last_end = match.end()
        return out

    def _known_pasal(self, number: str, labels: list) -> bool:
        if self.root.child("pasal", number) in self.provisions:
            return True
        return any(iri.path[-1] == ("pasal", number) for iri in self.provisions) and any(
            kind == "angka" for _, _, kind, _ in labels
        )

    def _parent(self, stack: list[Explanation], kind: str) -> Explanation | None:
        while stack:
            top = stack[-1]
            top_kind = top.iri.path[-1][0]
            if _roman_root(stack):  # amending: Pasal I / Angka 1 (instruction) / Pasal 11
                if kind == "pasal" and top_kind == "angka" and len(stack) == 2:
                    return top  # a Pasal quoted by the instruction
                if kind == "angka" and len(stack) == 1:
                    return top  # the next instruction

            if _RANK[top_kind] < _RANK[kind]:
                return top
            stack.pop()
        return None

    def _entry(self, parent, kind, number, start, text_start, text_end) -> Explanation:
        base = parent.iri if parent else Iri(self.root.work, (("penjelasan", ""),))
        iri = self._unique(Iri(base.work, (*base.path, (kind, number))))
        explains = Iri(self.root.work, iri.path[1:])
        body = " ".join(self.stream.text[text_start:text_end].split())
        label = f"Ayat ({number})" if kind == "ayat" else f"{kind.capitalize()} {number}"
        span = (self.stream.source(start), self.stream.source(max(start, text_end - 1)) + 1)
        if explains not in self.provisions:
            self.warnings.append(
                ParseWarning(
                    "penjelasan-unlinked",
                    f"Penjelasan {label} tidak menunjuk unit yang ada dalam batang tubuh "
                    f"({'/'.join(v for _, v in explains.path)}).",
                    Span(self.source_file, *span),
                    iri,
                )
            )
            explains = None
        return Explanation(iri, label, body, span[0], span[1], explains)

    def _umum(self, begin: int, end: int) -> Explanation:
        body = " ".join(self.stream.text[begin:end].split())
        iri = Iri(self.root.work, (("penjelasan", "umum"),))
        self.used.add(iri)
        start = self.stream.source(begin)
        return Explanation(iri, "Umum", body, start, self.stream.source(max(begin, end - 1)) + 1)

    def _unique(self, iri: Iri) -> Iri:
        candidate, suffix = iri, 2
        while candidate in self.used:
            kind, value = iri.path[-1]
            candidate = Iri(iri.work, (*iri.path[:-1], (kind, f"{value}-{suffix}")))
            suffix += 1
        self.used.add(candidate)
        return candidate


def _roman_root(stack: list[Explanation]) -> bool:
    number = stack[0].iri.path[-1][1]
    return stack[0].iri.path[-1][0] == "pasal" and not number[0].isdigit()


def parse_penjelasan(
    lines: list[Line], root: Iri, body: list[Unit], source_file: str
) -> tuple[list[Explanation], list[ParseWarning], str | None]:
    """The Penjelasan lines as explanation nodes, the warnings raised, and the number of
    the Tambahan Lembaran Negara/Daerah printed at its end (None when absent)."""
    if not lines:
        return [], [], None
    stream = _join(lines)
    end = len(stream.text)
    supplement = SUPPLEMENT.search(stream.text)
    if supplement:
        end = supplement.start()
    umum = _UMUM.search(stream.text, 0, end)
    demi = _PASAL_DEMI_PASAL.search(stream.text, umum.end() if umum else 0, end)
    begin = demi.end() if demi else (umum.end() if umum else 0)
    umum_span = (umum.end(), demi.start() if demi else umum.end()) if umum else None
    provisions = {unit.iri for top in body for unit in top.walk()}
    parser = _Parser(root, provisions, source_file, stream)
    entries = parser.parse(begin, end, umum_span)
    return entries, parser.warnings, supplement["number"] if supplement else None
