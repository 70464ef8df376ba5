"""Read the template as a zip of its CSV folder (the web upload form sends one file).

Only the template's file names are read (``unit.csv`` ... ``penugasan.csv``, any case,
at the top or inside one folder); other ``.csv`` files are reported, anything else
(``__MACOSX/``, ``.DS_Store``, a README) is ignored. Nothing is written to disk: entries
are read into memory after :mod:`capabilities.validate.safe_zip` checked the archive
(entry count, total size, compression ratio, no absolute or ``..`` names).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from capabilities.validate.errors import ErrorList, InputErrors
from capabilities.validate.input_csv import (
    TABLES,
    check_file_names,
    read_csv_bytes,
    read_tables,
)
from capabilities.validate.model import DataGraph
from capabilities.validate.safe_zip import open_zip, read_bytes, read_entry

KIND = "berkas zip"


def read_zip(data: bytes | str | Path, source_name: str | None = None) -> DataGraph:
    """A zip of the CSV folder (bytes or path) -> a :class:`DataGraph`.

    Raises :class:`~capabilities.validate.errors.InputErrors` with every problem at once.
    """
    source = source_name or (Path(data).name if not isinstance(data, bytes) else "upload.zip")
    archive = open_zip(read_bytes(data), source, KIND)
    errors, unreadable = ErrorList(), ErrorList()
    tables, headers, places = {}, {}, {}
    with archive:
        for info in archive.infolist():
            path = PurePosixPath(info.filename.replace("\\", "/"))
            if info.is_dir() or _ignored(path):
                continue
            name = path.stem.lower()
            if name in places:
                errors.add(
                    path.name,
                    None,
                    None,
                    None,
                    f"berkas ini ada dua kali dalam arsip ({places[name]} dan {info.filename})",
                    f"this file is twice in the archive ({places[name]} and {info.filename})",
                )
                continue
            places[name] = info.filename
            if name not in TABLES:
                tables[name] = []  # reported by read_tables as an unknown file
                continue
            read = read_csv_bytes(f"{name}.csv", read_entry(archive, info, source), unreadable)
            if read is not None:
                headers[name], tables[name] = read
    if unreadable.errors:  # a file that failed to read: no cascading errors from the others
        check_file_names(tables, errors)
        raise InputErrors(errors.errors + unreadable.errors)
    try:
        graph = read_tables(tables, source, headers=headers)
    except InputErrors as caught:
        raise InputErrors(errors.errors + caught.errors) from None
    errors.raise_if_any()
    return graph


def read_zip_bytes(filename: str, data: bytes) -> DataGraph:
    """The reader :data:`capabilities.validate.upload.READERS` calls for ``.zip``."""
    return read_zip(data, filename)


def _ignored(path: PurePosixPath) -> bool:
    """Entries that are not the template's data: not CSV, hidden, macOS resource forks."""
    hidden = any(part.startswith((".", "__MACOSX")) for part in path.parts)
    return hidden or path.suffix.lower() != ".csv"


__all__ = ["read_zip", "read_zip_bytes"]
