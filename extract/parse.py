"""One text in, one :class:`~extract.model.Regulation` out: the structural pipeline.

clean -> segment -> title block -> preamble -> body -> definitions -> closing -> Lampiran.
"""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

from extract.clean import clean
from extract.closing import parse_closing
from extract.definitions import parse_definitions
from extract.iri import Iri
from extract.lampiran import parse_lampiran
from extract.lists import ListTooDeep
from extract.metadata import Override, apply_overrides
from extract.model import ParseWarning, Regulation
from extract.ocr import recovery_warnings, repair_lines
from extract.penjelasan import parse_penjelasan
from extract.preamble import link_instruments, parse_items
from extract.segment import SegmentError, segment
from extract.structure import parse_body
from extract.titleblock import TitleError, parse_title_block


class ParseError(ValueError):
    """A text that is not a regulation this parser can read; the message says why."""


#: Largest text file read by default (bytes): a hundred times the longest regulation in
#: the corpus; ``perwali build --max-file-bytes`` changes it.
DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024


def parse_file(
    path: Path, override: Override | None = None, *, max_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> Regulation:
    """Parse a regulation text file; raise :class:`ParseError` naming the file and problem."""
    path = Path(path)
    raw = read_source(path, max_bytes)
    if b"\x00" in raw[:4096]:
        raise ParseError(f"{path.name}: berkas biner, bukan teks")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ParseError(
            f"{path.name}: bukan teks UTF-8 (bita tidak sah pada posisi {error.start})"
        ) from error
    return parse_text(text, path.name, override)


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path`` if it is a regular file (after symlinks) of at most
    ``max_bytes``; :class:`ParseError` otherwise. A FIFO, device or folder is refused
    before it is read, and the open never blocks (``O_NONBLOCK``)."""
    try:
        _check_regular(path, os.stat(path), max_bytes)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise ParseError(f"{path.name}: tidak dapat dibaca ({error.strerror})") from error
    try:
        _check_regular(path, os.fstat(fd), max_bytes)  # the file opened is the one checked
        with os.fdopen(fd, "rb", closefd=False) as stream:
            raw = stream.read(max_bytes + 1)
    except OSError as error:
        raise ParseError(f"{path.name}: tidak dapat dibaca ({error.strerror})") from error
    finally:
        os.close(fd)
    if len(raw) > max_bytes:
        raise ParseError(_too_big(path, len(raw), max_bytes))
    return raw


def _check_regular(path: Path, info: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise ParseError(f"{path.name}: bukan berkas biasa ({_file_kind(info.st_mode)})")
    if info.st_size > max_bytes:
        raise ParseError(_too_big(path, info.st_size, max_bytes))


def _too_big(path: Path, size: int, max_bytes: int) -> str:
    return (
        f"{path.name}: berkas terlalu besar ({size} bita; batasnya {max_bytes} bita, "
        "ubah dengan --max-file-bytes)"
    )


def _file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "folder"),
        (stat.S_ISFIFO, "FIFO/pipa bernama"),
        (stat.S_ISCHR, "perangkat karakter"),
        (stat.S_ISBLK, "perangkat blok"),
        (stat.S_ISSOCK, "soket"),
    )
    return next((name for test, name in kinds if test(mode)), "jenis berkas lain")


def parse_text(text: str, source_file: str, override: Override | None = None) -> Regulation:
    """Parse the text of one regulation; ``source_file`` names it in spans and messages."""
    try:
        return _parse_text(text, source_file, override)
    except (SegmentError, TitleError, ListTooDeep) as error:
        raise ParseError(f"{source_file}: {error}") from error


def _parse_text(text: str, source_file: str, override: Override | None) -> Regulation:
    lines, recovered = repair_lines(clean(text))
    zones = segment(lines)
    echoes = zones.penjelasan[:1] + [part[0] for part in zones.lampiran]
    title = parse_title_block(zones.title, zones.title + zones.menimbang + zones.mengingat, echoes)
    warnings: list[ParseWarning] = list(title.warnings)
    if override is not None:
        title, override_warnings = apply_overrides(title, override)
        warnings.extend(override_warnings)
    work = title.work_of()
    root = Iri(work)
    own_region = title.region_label
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
    penjelasan, penjelasan_warnings, supplement = parse_penjelasan(
        zones.penjelasan, root, body, source_file
    )
    if supplement and not closing.supplement_number:
        closing = replace(closing, supplement_number=supplement)
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
        penjelasan=penjelasan,
        warnings=warnings
        + recovery_warnings(recovered, body, root, source_file)
        + body_warnings
        + mengingat_warnings
        + definition_warnings
        + penjelasan_warnings,
    )
    return regulation
