"""Input errors: every problem of an upload, with where it is, reported all at once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputError:
    """One problem of the input: file, row (1 = header row), column, the value, why."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    message_id: str
    message_en: str
    subject: str | None = None  # the IRI, for RDF input (no rows there)

    def to_json(self, lang: str = "id") -> dict:
        """``{"file","row","column","value","message"}`` (+ ``subject`` for RDF input)."""
        out = {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message_en if lang == "en" else self.message_id,
        }
        if self.subject is not None:
            out["subject"] = self.subject
        return out

    def describe(self, lang: str = "id") -> str:
        """One line for a terminal: ``pegawai.csv baris 4 kolom atasan_nip: …``."""
        row, column = ("row", "column") if lang == "en" else ("baris", "kolom")
        where = [self.file]
        if self.row is not None:
            where.append(f"{row} {self.row}")
        if self.column:
            where.append(f"{column} {self.column}")
        if self.subject:
            where.append(self.subject)
        message = self.message_en if lang == "en" else self.message_id
        return f"{' '.join(where)}: {message}"


class InputErrors(Exception):
    """Raised when an upload cannot be validated; holds every :class:`InputError` found."""

    def __init__(self, errors: list[InputError]):
        super().__init__(f"{len(errors)} input error(s)")
        self.errors = sorted(errors, key=_place)

    def to_json(self, lang: str = "id") -> list[dict]:
        return [error.to_json(lang) for error in self.errors]


def _place(error: InputError) -> tuple:
    """Sort key: file, then row (file-wide errors first), then column as in the template."""
    from capabilities.validate.input_csv import TABLES

    table = TABLES.get(error.file.removesuffix(".csv"))
    columns = table.columns if table else ()
    column = error.column or ""
    rank = columns.index(column) if column in columns else len(columns)
    return (error.file, error.row or 0, rank, column, error.subject or "")


class ErrorList:
    """Collects errors while reading, so that all of them are reported together."""

    def __init__(self) -> None:
        self.errors: list[InputError] = []

    def add(
        self,
        file: str,
        row: int | None,
        column: str | None,
        value: str | None,
        message_id: str,
        message_en: str,
        subject: str | None = None,
    ) -> None:
        self.errors.append(InputError(file, row, column, value, message_id, message_en, subject))

    def raise_if_any(self) -> None:
        if self.errors:
            raise InputErrors(self.errors)
