"""Stage 1: raw PDF-to-text -> clean lines that keep their offsets into the source.

Each noise rule is a named step in :data:`STEPS`; :func:`clean` runs the default ones in
order, or those named by the caller. Nothing is ever rewritten in the source: a cleaned
line is a view (text, start, end) onto it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from extract.model import Line

Step = Callable[[list[Line]], list[Line]]

_LEADING_DECORATION = re.compile(r"^(?:\s+|[-–•▪●]\s+|>\s*|\*\*)+")
_EMPHASIS = re.compile(r"(?<=\w)\*+|\*+(?=\w)")
_PAGE_HEADER = re.compile(r"^(?:-\s*\d{1,4}\s*-|\d{1,3}|Halaman\s+\d+(?:\s+dari\s+\d+)?)$", re.I)
#: A page-break continuation marker: the first words of the next page, then an ellipsis,
#: e.g. "3. Undang-Undang ...", "(4) Jenjang ...", "Pasal ...", "6. Penyesuaian...".
_CONTINUATION = re.compile(
    r"""^(?:\(\d+[a-z]?\)\s*|[a-z]{1,2}\.\s*|\d{1,3}\.\s*|[a-z]\)\s*|\d{1,2}\)\s*)?
        (?:[\w/-]+(?:\s+[\w/-]+){0,2})?\s*(?:\.{3,}|…)\s*$""",
    re.VERBOSE,
)
#: The same marker whose ellipsis OCR read as a lone dot ("10. Ketentuan .", "(2) Panitia
#: ."): a continuation marker only when the next line repeats it.
_DOT_ECHO = re.compile(
    r"^(?P<head>(?:\(\d+[a-z]?\)|[a-z]{1,2}\.|\d{1,3}\.)\s*[\w/-]+(?:\s+[\w/-]+){0,2})\s+\.$"
)
_FOOTER_MIN_LENGTH = 20
_FOOTER_WINDOW = 4  # lines either side of a page number that may hold the header/footer
_FOOTER_MIN_REPEATS = 3


def split_lines(raw: str) -> list[Line]:
    """Split on newlines and form feeds; every line keeps its offsets, blanks included."""
    lines, start = [], 0
    for match in re.finditer(r"[\n\f\r]", raw):
        lines.append(Line(raw[start : match.start()], start, match.start()))
        start = match.end()
    lines.append(Line(raw[start:], start, len(raw)))
    return lines


def strip_decoration(lines: list[Line]) -> list[Line]:
    """Drop PDF bullets, indentation, quote marks and bold/italic asterisks; drop blanks."""
    out = []
    for line in lines:
        lead = _LEADING_DECORATION.match(line.text)
        begin = lead.end() if lead else 0
        end = max(begin, len(line.text.rstrip().rstrip("*").rstrip()))
        text = _EMPHASIS.sub("", line.text[begin:end])
        if text.strip():
            out.append(Line(text, line.start + begin, line.start + end))
    return out


def drop_page_headers(lines: list[Line]) -> list[Line]:
    """Drop page numbers such as "- 2 -" or a bare "7" on its own line."""
    return [line for line in lines if not _PAGE_HEADER.match(line.text.strip())]


def drop_continuation_markers(lines: list[Line]) -> list[Line]:
    """Drop "3. Undang-Undang ..." markers that repeat the next page's first words, and
    "10. Ketentuan ." (the ellipsis OCR'd to a dot) when the next line begins with them."""
    out = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        if _CONTINUATION.match(text):
            continue
        echo = _DOT_ECHO.match(text) if text.endswith(" .") else None
        following = lines[index + 1].text.strip() if echo and index + 1 < len(lines) else ""
        if echo and following.startswith(echo["head"] + " "):
            continue
        out.append(line)
    return out


def drop_repeated_footers(lines: list[Line]) -> list[Line]:
    """Drop running headers/footers: long lines repeated on several pages, each time within
    a few lines of a page number ("- 2 -"). A line that merely recurs in the text (a title
    quoted in the preamble) is kept, because it does not sit at page breaks."""
    breaks = [i for i, line in enumerate(lines) if _PAGE_HEADER.match(line.text.strip())]
    near_break: Counter[str] = Counter()
    for index in breaks:
        window = lines[max(0, index - _FOOTER_WINDOW) : index + _FOOTER_WINDOW + 1]
        for folded in {_fold(line.text) for line in window}:
            near_break[folded] += 1
    running = {
        text
        for text, count in near_break.items()
        if count >= _FOOTER_MIN_REPEATS and len(text) >= _FOOTER_MIN_LENGTH
    }
    return [line for line in lines if _fold(line.text) not in running]


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()


#: Every cleaning step by name, in the order :func:`clean` runs them by default.
STEPS: dict[str, Step] = {
    "repeated-footers": drop_repeated_footers,
    "page-headers": drop_page_headers,
    "decoration": strip_decoration,
    "continuation-markers": drop_continuation_markers,
}


def clean(raw: str, steps: Sequence[str] | None = None) -> list[Line]:
    """Return the non-blank lines of ``raw`` with the noise removed.

    >>> [line.text for line in clean("Pasal 1\\n\\n3. Undang-Undang ...\\n- a. teks;")]
    ['Pasal 1', 'a. teks;']
    """
    names = list(STEPS) if steps is None else list(steps)
    unknown = [name for name in names if name not in STEPS]
    if unknown:
        raise ValueError(f"unknown cleaning step(s) {unknown}; valid steps: {sorted(STEPS)}")
    lines = split_lines(raw)
    for name in names:
        lines = STEPS[name](lines)
    return lines
