"""Validate an uploaded organisation structure against a Perwali with SHACL (issue 9).

One verb, :func:`validate`: an upload (a CSV folder, RDF bytes or file) and a regulation
id -> a :class:`ValidationReport` whose every finding cites the provision it breaks.
Bad input raises :class:`InputErrors` (every problem, with file, row and column).
See ``capabilities/validate/README.md``.
"""

from __future__ import annotations

from pathlib import Path

from capabilities.source import GraphSource
from capabilities.validate import engine
from capabilities.validate.citations import load_citations
from capabilities.validate.errors import InputError, InputErrors
from capabilities.validate.model import DataGraph
from capabilities.validate.report import Finding, ValidationReport, make_findings
from capabilities.validate.rules import rules_of

#: Default upper bound of an upload (bytes); the API answers 413 above it.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def validate(
    source: GraphSource,
    data_path_or_bytes: Path | str | bytes | DataGraph,
    regulation: str,
    lang: str = "id",
    *,
    filename: str | None = None,
) -> ValidationReport:
    """Validate an upload against ``regulation`` (an id such as ``palu-28-2023``).

    ``data_path_or_bytes``: a CSV folder, an RDF file, RDF bytes (``filename`` names its
    format by extension, e.g. ``org.ttl``), or a :class:`DataGraph` already read (to
    validate one upload against several regulations). Raises :class:`InputErrors` for bad
    input and :class:`engine.UnknownRegulation` for an unknown regulation id.
    """
    data = load(data_path_or_bytes, filename)
    return validate_graph(source, data, regulation, lang)


def load(data_path_or_bytes: Path | str | bytes | DataGraph, filename: str | None = None):
    """Read an upload into a :class:`DataGraph` (raises :class:`InputErrors`)."""
    from capabilities.validate import input_csv, input_rdf, upload

    if isinstance(data_path_or_bytes, DataGraph):
        return data_path_or_bytes
    if isinstance(data_path_or_bytes, bytes):
        return input_rdf.read_rdf_bytes(data_path_or_bytes, filename or "upload.ttl")
    path = Path(data_path_or_bytes)
    if path.is_dir():
        return input_csv.read_folder(path)
    if path.suffix.lower() in upload.READERS:  # XLSX workbook, zipped CSV folder
        return upload.read_one(path.name, path.read_bytes())
    return input_rdf.read_rdf_file(path)


def validate_graph(
    source: GraphSource, data: DataGraph, regulation: str, lang: str = "id", focus_nodes=None
) -> ValidationReport:
    """Validate a :class:`DataGraph` (optionally only ``focus_nodes``) against a regulation
    (its id in any case)."""
    regulation = engine.resolve(regulation)
    conforms, results_graph, raw = engine.run(data.graph, regulation, focus_nodes)
    citations = load_citations(source)
    return ValidationReport(
        regulation=regulation,
        conforms=conforms,
        rules_checked=rules_of(regulation),
        findings=make_findings(raw, data, citations, lang),
        lang=lang,
        results_graph=results_graph,
        shapes_graph=engine.shapes_graph(regulation),
        data=data,
    )


__all__ = [
    "MAX_UPLOAD_BYTES",
    "DataGraph",
    "Finding",
    "InputError",
    "InputErrors",
    "ValidationReport",
    "load",
    "validate",
    "validate_graph",
]
