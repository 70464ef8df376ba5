"""Every citation in a pasted text: ``extract(source, text) -> list[Extracted]``.

Each citation found gets its span (character offsets into ``text``), its status and its
resolution (the same answer as :func:`capabilities.cite.resolve`). A bare "Pasal 12"
after a full citation resolves against the regulation last named; a bare "ayat (5)"
against that regulation and the Pasal last named (``relative`` says so).

>>> found = extract(source, "Pasal 21 Perwali Palu 28/2023 dan ayat (4)")  # doctest: +SKIP
>>> [e.status for e in found]  # doctest: +SKIP
['found', 'found']
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from capabilities.cite import HTTP_STATUS, lexicon, resolve_parsed
from capabilities.cite_index import citation_index
from capabilities.cite_parse import LEVELS, Parsed, scan
from capabilities.source import GraphSource

MAX_TEXT_CHARS = 64_000


class TextTooLong(ValueError):
    """A text over :data:`MAX_TEXT_CHARS` characters."""


@dataclass
class Extracted:
    start: int
    end: int
    text: str
    status: str
    relative: bool  # resolved against the regulation (and Pasal) named before it
    resolution: dict

    @property
    def http_status(self) -> int:
        return HTTP_STATUS[self.status]

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "status": self.status,
            "relative": self.relative,
            "resolution": self.resolution,
        }


#: The parts of a citation that name its regulation.
REGULATION_PARTS = ("regulation_id", "doctype", "region", "place", "place_text", "number", "year")


@dataclass
class _Context:
    """What the text named last: the regulation (as written) and the provision levels."""

    regulation: dict | None = None
    levels: dict | None = None


def extract(source: GraphSource, text: str, lang: str = "id") -> list[Extracted]:
    """Find and resolve every citation in ``text`` (at most 64,000 characters)."""
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLong(f"{len(text)} characters; the limit is {MAX_TEXT_CHARS:,}")
    index = citation_index(source)
    context = _Context()
    out = []
    for parsed in scan(text, lexicon(source)):
        relative = not parsed.has_regulation and context.regulation is not None
        complete = _complete(parsed, context) if relative else parsed
        result = resolve_parsed(index, complete, lang)
        _remember(complete, context)
        out.append(
            Extracted(
                parsed.start,
                parsed.end,
                text[parsed.start : parsed.end],
                result.status,
                relative,
                result.to_json(),
            )
        )
    return out


def _complete(parsed: Parsed, context: _Context) -> Parsed:
    """``parsed`` with the regulation, and the levels above its first, from the context."""
    filled = replace(parsed, extra=[], **context.regulation)
    top = LEVELS.index(parsed.top_level) if parsed.top_level else 0
    for level in LEVELS[:top]:
        setattr(filled, level, (context.levels or {}).get(level))
    return filled


def _remember(parsed: Parsed, context: _Context) -> None:
    if parsed.has_regulation:
        context.regulation = {part: getattr(parsed, part) for part in REGULATION_PARTS}
        context.levels = None
    if parsed.has_provision:
        context.levels = parsed.provision()
