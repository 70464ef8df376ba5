"""Every citation in a pasted text: ``extract(source, text) -> list[Extracted]``.

Each citation found gets its span (character offsets into ``text``), its status and its
resolution (the same answer as :func:`capabilities.cite.resolve`). A bare "Pasal 12"
after a full citation resolves against the regulation last named; a bare "ayat (5)"
against that regulation and the Pasal last named: ``relative`` says it was inferred and
``resolved_against`` names the regulation (its id). A citation naming a regulation the corpus
does not have ("Pasal 3 Perwali Bandung 12/2022") is read whole and is ``not_found``; a
regulation named without a provision (an instrument the graph cites) is reported too. In a list
("Pasal 5, Pasal 6 dan Pasal 7 Perwali Palu 28/2023") every item takes the regulation
named at its end.

>>> found = extract(source, "Pasal 21 Perwali Palu 28/2023 dan ayat (4)")  # doctest: +SKIP
>>> [e.status for e in found]  # doctest: +SKIP
['found', 'found']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from capabilities.cite import HTTP_STATUS, lexicon, resolve_parsed
from capabilities.cite_index import citation_index
from capabilities.cite_missing import describe_regulation, matching_regulations
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
    resolved_against: str | None = None  # for a relative one: the regulation it inferred

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
            "resolved_against": self.resolved_against,
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
    found = scan(text, lexicon(source))
    shared = _shared_regulations(text, found)
    for position, parsed in enumerate(found):
        if position in shared:  # "Pasal 5 dan Pasal 6 Perwali Palu …": Pasal 5 is Palu's too
            parsed = replace(parsed, **_regulation_of(found[shared[position]]))
        relative = not parsed.has_regulation and context.regulation is not None
        complete = _complete(parsed, context) if relative else parsed
        if not relative and _needs_upper_levels(complete, context):
            complete = _complete(complete, context, keep_regulation=True)
            relative = True
        result = resolve_parsed(index, complete, lang)
        _remember(complete, context)
        span = text[parsed.start : parsed.end]
        against = _against(index, complete) if relative else None
        out.append(
            Extracted(
                parsed.start, parsed.end, span, result.status, relative, result.to_json(), against
            )
        )
    return out


def _against(index, parsed: Parsed) -> str:
    """The regulation a relative citation was resolved against: its id, or as named."""
    regulations = matching_regulations(index, parsed)
    if len(regulations) == 1 and regulations[0].id:
        return regulations[0].id
    return describe_regulation(index, parsed)


#: What may stand between two citations of one list: "Pasal 5, Pasal 6 dan/atau Pasal 7".
_LIST_GLUE = re.compile(r"^\s*(?:,|;)?\s*(?:dan/atau|dan|atau|serta)?\s*$", re.IGNORECASE)


def _shared_regulations(text: str, found: list[Parsed]) -> dict[int, int]:
    """For a bare provision listed before one that names a regulation, that one's index."""
    shared: dict[int, int] = {}
    for i in range(len(found) - 2, -1, -1):
        here, after = found[i], found[i + 1]
        if here.has_regulation or not _LIST_GLUE.match(text[here.end : after.start]):
            continue
        source = shared.get(i + 1, i + 1)
        if found[source].has_regulation:
            shared[i] = source
    return shared


def _regulation_of(parsed: Parsed) -> dict:
    return {part: getattr(parsed, part) for part in REGULATION_PARTS}


def _needs_upper_levels(parsed: Parsed, context: _Context) -> bool:
    """A bare "ayat (5)" that names its regulation ("Pasal 21 ayat (4) dan ayat (5) Perwali
    Palu …"): the Pasal comes from the citation before it, if that was the same regulation."""
    return (
        parsed.has_provision
        and parsed.top_level != "pasal"
        and context.levels is not None
        and _same(context.regulation, _regulation_of(parsed))
    )


def _same(a: dict | None, b: dict | None) -> bool:
    """Two regulations as written name the same one ("Kota" or not)."""
    if a is None or b is None:
        return a is b
    return {k: v for k, v in a.items() if k != "region"} == {
        k: v for k, v in b.items() if k != "region"
    }


def _complete(parsed: Parsed, context: _Context, keep_regulation: bool = False) -> Parsed:
    """``parsed`` with the regulation, and the levels above its first, from the context."""
    regulation = {} if keep_regulation else context.regulation
    filled = replace(parsed, extra=[], **regulation)
    top = LEVELS.index(parsed.top_level) if parsed.top_level else 0
    for level in LEVELS[:top]:
        setattr(filled, level, (context.levels or {}).get(level))
    return filled


def _remember(parsed: Parsed, context: _Context) -> None:
    if parsed.has_regulation:
        regulation = _regulation_of(parsed)
        if not _same(regulation, context.regulation):
            context.regulation, context.levels = regulation, None
    if parsed.has_provision:
        context.levels = parsed.provision()
