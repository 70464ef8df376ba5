"""An upload as it arrives (files or a raw body) -> a :class:`DataGraph`.

Dispatch by extension / media type: ``*.csv`` files (the template, one file per table),
one RDF file (``.ttl``, ``.jsonld``, ``.nt``, ``.rdf`` ...), and -- through
:data:`READERS`, which other modules extend -- an XLSX workbook or a zip. Size limits are
the caller's (the API checks them before reading).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from pathlib import PurePath

from capabilities.validate import input_csv, input_rdf
from capabilities.validate.errors import ErrorList, InputErrors
from capabilities.validate.model import DataGraph

#: Media types of a raw body -> the file name it is read as.
MEDIA_TYPES = {
    "text/turtle": "upload.ttl",
    "application/x-turtle": "upload.ttl",
    "application/ld+json": "upload.jsonld",
    "application/n-triples": "upload.nt",
    "application/rdf+xml": "upload.rdf",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "upload.xlsx",
    "application/zip": "upload.zip",
}
#: Extension -> ``module:function`` reading ``(filename, bytes) -> DataGraph``; optional
#: modules (XLSX, zip) are used only when present.
READERS: dict[str, str] = {
    ".xlsx": "capabilities.validate.xlsx_input:read_xlsx_bytes",
    ".zip": "capabilities.validate.zip_input:read_zip_bytes",
}


def read_files(files: list[tuple[str, bytes]]) -> DataGraph:
    """Read uploaded files: several ``*.csv`` of the template, or one RDF/XLSX/zip file."""
    if not files:
        _fail("upload", "tidak ada berkas yang diunggah", "no file was uploaded")
    names = [PurePath(name).name for name, _ in files]
    if all(name.lower().endswith(".csv") for name in names):
        return _read_csv_files(list(zip(names, (data for _, data in files), strict=True)))
    if len(files) > 1:
        _fail(
            "upload",
            "unggah beberapa berkas CSV templat, atau satu berkas RDF/XLSX",
            "upload several CSV files of the template, or one RDF/XLSX file",
        )
    return read_one(names[0], files[0][1])


def read_one(filename: str, data: bytes) -> DataGraph:
    """One file: RDF by its extension, or a reader from :data:`READERS`."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in READERS:
        reader = _reader(READERS[suffix])
        if reader is None:
            _fail(filename, f"berkas {suffix} belum didukung", f"{suffix} files are not supported")
        return reader(filename, data)
    return input_rdf.read_rdf_bytes(data, filename)


def read_body(media_type: str, data: bytes) -> DataGraph:
    """A raw request body of the given media type."""
    filename = MEDIA_TYPES.get(media_type)
    if filename is None:
        known = ", ".join(MEDIA_TYPES)
        _fail(
            "body",
            f"jenis media {media_type!r} tidak didukung; gunakan {known}",
            f"media type {media_type!r} is not supported; use {known}",
        )
    return read_one(filename, data)


def _read_csv_files(files: list[tuple[str, bytes]]) -> DataGraph:
    tables, headers = {}, {}
    errors = ErrorList()
    for name, data in files:
        read = input_csv.read_csv_bytes(name, data, errors)
        if read is not None:
            stem = PurePath(name).stem.lower()
            headers[stem], tables[stem] = read
    if errors.errors:  # a file that failed to read: no cascading errors from the others
        check = [PurePath(name).stem.lower() for name, _ in files]
        input_csv.check_file_names(check, errors)
    errors.raise_if_any()
    return input_csv.read_tables(tables, "upload", headers=headers)


def _reader(spec: str) -> Callable[[str, bytes], DataGraph] | None:
    module_name, _, function = spec.partition(":")
    if importlib.util.find_spec(module_name) is None:
        return None
    return getattr(importlib.import_module(module_name), function)


def _fail(file: str, message_id: str, message_en: str) -> None:
    errors = ErrorList()
    errors.add(file, None, None, None, message_id, message_en)
    raise InputErrors(errors.errors)
