"""One text in, one :class:`~extract.model.Regulation` out: the structural pipeline.

clean -> segment -> title block -> preamble -> body -> definitions -> closing -> Lampiran.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from extract.clean import clean
from extract.closing import parse_closing
from extract.definitions import parse_definitions
from extract.instruments import jurisdiction_of
from extract.iri import Iri, Work
from extract.lampiran import parse_lampiran
from extract.metadata import Override, apply_overrides
from extract.model import ParseWarning, Regulation
from extract.preamble import link_instruments, parse_items
from extract.segment import SegmentError, segment
from extract.structure import parse_body
from extract.titleblock import TitleBlock, TitleError, parse_title_block


class ParseError(ValueError):
    """A text that is not a regulation this parser can read; the message says why."""


def parse_file(path: Path, override: Override | None = None) -> Regulation:
    """Parse a regulation text file; raise :class:`ParseError` naming the file and problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ParseError(f"{path.name}: tidak dapat dibaca ({error.strerror})") from error
    if b"\x00" in raw[:4096]:
        raise ParseError(f"{path.name}: berkas biner, bukan teks")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ParseError(
            f"{path.name}: bukan teks UTF-8 (bita tidak sah pada posisi {error.start})"
        ) from error
    return parse_text(text, path.name, override)


def parse_text(text: str, source_file: str, override: Override | None = None) -> Regulation:
    """Parse the text of one regulation; ``source_file`` names it in spans and messages."""
    try:
        lines = clean(text)
        zones = segment(lines)
        title = parse_title_block(zones.title, zones.title + zones.menimbang + zones.mengingat)
    except (SegmentError, TitleError) as error:
        raise ParseError(f"{source_file}: {error}") from error
    warnings: list[ParseWarning] = []
    if override is not None:
        title, override_warnings = apply_overrides(title, override)
        warnings.extend(override_warnings)
    work = _work_of(title)
    root = Iri(work)
    own_region = ("Kota " if title.region_kind == "kota" else "Kabupaten ") + title.region
    body, body_warnings = parse_body(zones.body, root, source_file)
    if not any(unit.kind == "pasal" for top in body for unit in top.walk()):
        raise ParseError(f"{source_file}: tidak ada Pasal yang dapat dibaca dalam batang tubuh")
    mengingat, mengingat_warnings = link_instruments(
        parse_items(zones.mengingat, "angka"),
        work.jurisdiction,
        own_region,
        source_file,
        "mengingat",
    )
    menimbang, _ = link_instruments(
        parse_items(zones.menimbang, "huruf"),
        work.jurisdiction,
        own_region,
        source_file,
        "menimbang",
    )
    definitions, definition_warnings = parse_definitions(body, source_file)
    closing = parse_closing(zones.closing, zones.title)
    if override is not None:
        closing = replace(closing, **override.closing_fields())
    regulation = Regulation(
        id=work.regulation_id(),
        work=work,
        doctype=title.doctype,
        region_kind=title.region_kind,
        region=title.region,
        province=title.province,
        title=title.title,
        source_file=source_file,
        menimbang=menimbang,
        mengingat=mengingat,
        body=body,
        definitions=definitions,
        closing=closing,
        lampiran=parse_lampiran(zones.lampiran, root),
        warnings=warnings + body_warnings + mengingat_warnings + definition_warnings,
    )
    return regulation


def _work_of(title: TitleBlock) -> Work:
    place = jurisdiction_of(title.region_kind, title.region)
    return Work(place, title.doctype.code, title.year, str(title.number))
