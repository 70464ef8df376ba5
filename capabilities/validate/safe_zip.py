"""Open an uploaded zip container (XLSX workbook or zipped CSV folder) safely.

Checked with :mod:`zipfile` *before* anything else reads the archive: the number of
entries, the total uncompressed size and each entry's compression ratio (zip bombs), and
entry names (absolute paths, ``..``). :mod:`zipfile` never produces more bytes than an
entry declares (a lying header ends in a CRC error), so the declared sizes are a bound.
Every refusal is an :class:`~capabilities.validate.errors.InputErrors` naming the problem.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Final

from capabilities.validate.errors import ErrorList, InputErrors

MAX_ENTRIES: Final = 1_000
MAX_TOTAL_UNCOMPRESSED: Final = 256 * 1024 * 1024
MAX_RATIO: Final = 100
#: Entries smaller than this may have any ratio (tiny files compress oddly).
RATIO_FLOOR: Final = 1024 * 1024
OLE2_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: What reading a damaged or encrypted entry raises.
READ_ERRORS: Final = (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, RuntimeError)


@dataclass(frozen=True)
class Limits:
    """The bounds an archive must keep (defaults: :data:`MAX_ENTRIES` ...)."""

    max_entries: int = MAX_ENTRIES
    max_total: int = MAX_TOTAL_UNCOMPRESSED
    max_ratio: int = MAX_RATIO


def fail(source: str, message_id: str, message_en: str) -> InputErrors:
    """One whole-file input error, ready to raise."""
    errors = ErrorList()
    errors.add(source, None, None, None, message_id, message_en)
    return InputErrors(errors.errors)


def read_bytes(data: bytes | str | Path) -> bytes:
    """The bytes of an upload given as bytes or as a path."""
    return data if isinstance(data, bytes) else Path(data).read_bytes()


def open_zip(data: bytes, source: str, kind: str, limits: Limits | None = None) -> zipfile.ZipFile:
    """The archive in ``data``, after every bomb check; ``kind`` names it in messages."""
    limits = limits or Limits(MAX_ENTRIES, MAX_TOTAL_UNCOMPRESSED, MAX_RATIO)
    if data.startswith(OLE2_MAGIC):
        raise fail(
            source,
            f"berkas ini bukan {kind} (format Excel lama .xls atau berkas terenkripsi); "
            "simpan ulang sebagai .xlsx tanpa kata sandi",
            f"this file is not a {kind} (old Excel .xls format or an encrypted file); "
            "save it again as .xlsx without a password",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise fail(
            source,
            f"berkas ini bukan {kind} yang sah (bukan arsip zip)",
            f"this file is not a valid {kind} (not a zip archive)",
        ) from None
    check_entries(infos, source, limits)
    return archive


def check_entries(infos: list[zipfile.ZipInfo], source: str, limits: Limits) -> None:
    """Refuse too many entries, too many bytes, a suspicious ratio, unsafe names."""
    if len(infos) > limits.max_entries:
        raise fail(
            source,
            f"arsip memuat {len(infos):,} entri; batasnya {limits.max_entries:,}",
            f"the archive holds {len(infos):,} entries; the limit is {limits.max_entries:,}",
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_total:
        raise fail(
            source,
            f"isi arsip bila diekstrak {_mb(total)}; batasnya {_mb(limits.max_total)} "
            "(kemungkinan bom zip)",
            f"the archive expands to {_mb(total)}; the limit is {_mb(limits.max_total)} "
            "(a possible zip bomb)",
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > limits.max_ratio:
            raise fail(
                source,
                f"entri {info.filename!r} memampat {ratio:,.0f}:1; batasnya "
                f"{limits.max_ratio}:1 (kemungkinan bom zip)",
                f"the entry {info.filename!r} is compressed {ratio:,.0f}:1; the limit is "
                f"{limits.max_ratio}:1 (a possible zip bomb)",
            )
        if not safe_name(info.filename):
            raise fail(
                source,
                f"nama entri {info.filename!r} tidak aman (jalur absolut atau '..')",
                f"the entry name {info.filename!r} is unsafe (an absolute path or '..')",
            )


def safe_name(name: str) -> bool:
    """Whether an entry name stays inside the archive (no ``/x``, ``C:``, ``..``)."""
    normal = name.replace("\\", "/")
    path = PurePosixPath(normal)
    drive = len(normal) > 1 and normal[1] == ":"
    return not (path.is_absolute() or drive or ".." in path.parts or "\x00" in name)


def read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    """An entry's bytes (bounded by its checked size); a damaged entry is an input error."""
    try:
        return archive.read(info)
    except READ_ERRORS as error:
        raise fail(
            source,
            f"entri {info.filename!r} rusak atau tidak dapat dibaca ({error})",
            f"the entry {info.filename!r} is damaged or unreadable ({error})",
        ) from None


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MB"
