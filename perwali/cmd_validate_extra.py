"""``perwali template FILE.xlsx`` and the report files of ``perwali validate``.

``perwali template FILE.xlsx`` writes the XLSX template HR staff fill in.

The workbook has the sheet ``Petunjuk`` (every column and value explained, Indonesian
and English) and one sheet per file of the template with example rows and drop-downs
(:mod:`capabilities.validate.template`); ``perwali validate FILE.xlsx`` reads it back.
Exit codes: 0 written; 2 the file cannot be written.

``perwali validate ... --format json|csv|xlsx|ttl|jsonld [--output FILE]`` writes the
report in that format (:mod:`capabilities.validate.exports`); without ``--format`` the
format follows the extension of ``--output``. ``perwali validate`` registers the options
with :func:`add_export_options` and writes with :func:`write_export`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from perwali.messages import text

EXIT_OK, EXIT_BAD_INPUT = 0, 2
FORMATS = ("json", "csv", "xlsx", "ttl", "jsonld")
_SUFFIXES = {".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".ttl": "ttl", ".jsonld": "jsonld"}


def add_parser(commands, data_option) -> None:
    """Register ``template`` (``data_option`` is unused: the template needs no build)."""
    parser = commands.add_parser(
        "template",
        help=text("help.template"),
        description=text("help.template.example"),
    )
    parser.add_argument("file", type=Path, metavar="FILE.xlsx", help=text("help.template.file"))
    parser.add_argument("--force", action="store_true", help=text("help.template.force"))
    parser.set_defaults(handler=run_template)


def run_template(args: argparse.Namespace) -> int:
    from capabilities.validate.template import template_xlsx

    path: Path = args.file
    if path.suffix.lower() != ".xlsx":
        print(f"perwali template: {text('template.not-xlsx', path=path)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if path.exists() and not args.force:
        print(f"perwali template: {text('template.exists', path=path)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        path.write_bytes(template_xlsx())
    except OSError as error:
        message = text("cannot-write", path=path, reason=error.strerror)
        print(f"perwali template: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(text("template.written", path=path))
    return EXIT_OK


def add_export_options(parser: argparse.ArgumentParser) -> None:
    """``--format`` and ``--output`` of ``perwali validate``."""
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help=text("help.validate.format"),
    )
    parser.add_argument("--output", type=Path, metavar="FILE", help=text("help.validate.output"))


def export_requested(args: argparse.Namespace) -> bool:
    """Whether ``--format`` or ``--output`` was given."""
    return bool(getattr(args, "format", None) or getattr(args, "output", None))


def write_export(report, args: argparse.Namespace) -> bool:
    """Write ``report`` as asked (file or stdout); False (message printed) if it cannot."""
    from capabilities.validate.exports import export

    output: Path | None = args.output
    fmt = args.format or (_SUFFIXES.get(output.suffix.lower()) if output else None) or "json"
    if fmt == "xlsx" and output is None:
        print(f"perwali validate: {text('validate.xlsx-needs-output')}", file=sys.stderr)
        return False
    body = export(report, fmt)
    if output is None:
        sys.stdout.buffer.write(body if body.endswith(b"\n") else body + b"\n")
        sys.stdout.flush()
        return True
    try:
        output.write_bytes(body)
    except OSError as error:
        message = text("cannot-write", path=output, reason=error.strerror)
        print(f"perwali validate: {message}", file=sys.stderr)
        return False
    return True
