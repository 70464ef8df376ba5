"""``perwali template FILE.xlsx``: write the XLSX template HR staff fill in.

The workbook has the sheet ``Petunjuk`` (every column and value explained, Indonesian
and English) and one sheet per file of the template with example rows and drop-downs
(:mod:`capabilities.validate.template`); ``perwali validate FILE.xlsx`` reads it back.
Exit codes: 0 written; 2 the file cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def add_parser(commands, data_option) -> None:
    """Register ``template`` (``data_option`` is unused: the template needs no build)."""
    parser = commands.add_parser(
        "template",
        help="write the XLSX template of an organisation structure (for perwali validate)",
        description="Example: perwali template templat-organisasi.xlsx",
    )
    parser.add_argument("file", type=Path, metavar="FILE.xlsx", help="where to write it")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.add_argument("--lang", choices=("id", "en"), default="id", help="message language")
    parser.set_defaults(handler=run_template)


def run_template(args: argparse.Namespace) -> int:
    from capabilities.validate.template import template_xlsx

    english = args.lang == "en"
    path: Path = args.file
    if path.suffix.lower() != ".xlsx":
        message = "the file name must end in .xlsx" if english else "nama berkas harus .xlsx"
        print(f"perwali template: {message}: {path}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if path.exists() and not args.force:
        message = (
            "exists; use --force to overwrite"
            if english
            else "sudah ada; pakai --force untuk menimpa"
        )
        print(f"perwali template: {path} {message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        path.write_bytes(template_xlsx())
    except OSError as error:
        what = "cannot write" if english else "tidak dapat menulis"
        print(f"perwali template: {what} {path}: {error.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"{'written' if english else 'ditulis'}: {path}")
    return EXIT_OK
