"""Compare the five regulations on one topic: a drafter's comparison matrix.

``compare(source, topic_or_question)`` reuses the ranking of :func:`capabilities.ask.rank`
(one code path: the same retrieval, topics and "not regulated" rule) and returns, per
regulation, the provisions that govern the topic with their text, plus the regulations
that do not regulate it with the evidence. :func:`to_csv` and :func:`to_xlsx` write the
matrix: one column per city (its header names the city and cites the regulation), one
row per rank, citations in the cells, then a row of their texts.

Exports neutralise formula injection: a cell that starts with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return) gets a leading apostrophe, so a spreadsheet shows
it as text and never evaluates it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from capabilities.ask import Answer, NotRegulated, check_question, detect_language, rank
from capabilities.retrieval import get_index
from capabilities.source import GraphSource

PER_REGULATION = 5
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    """One regulation of the comparison."""

    regulation: str
    place: str
    citation: str
    provisions: list[Answer]
    not_regulated: NotRegulated | None

    def to_json(self) -> dict:
        return {
            "regulation": self.regulation,
            "place": self.place,
            "citation": self.citation,
            "provisions": [answer.to_json() for answer in self.provisions],
            "not_regulated": self.not_regulated.to_json() if self.not_regulated else None,
        }


@dataclass
class Comparison:
    """The governing provisions of every regulation on one topic."""

    question: str
    lang: str
    topics: list[str]
    columns: list[Column]
    sparql: str

    @property
    def not_regulated(self) -> list[NotRegulated]:
        return [c.not_regulated for c in self.columns if c.not_regulated is not None]

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "lang": self.lang,
            "topics": self.topics,
            "regulations": [
                column.to_json() for column in self.columns if column.not_regulated is None
            ],
            "not_regulated": [item.to_json() for item in self.not_regulated],
            "columns": [column.regulation for column in self.columns],
            "sparql": self.sparql,
        }


def compare(source: GraphSource, topic_or_question: str, lang: str | None = None) -> Comparison:
    """Every regulation's provisions on a topic (or question), side by side."""
    question = check_question(topic_or_question)
    lang = lang or detect_language(question)
    index = get_index(source)
    ranking = rank(source, question, lang, per_regulation=PER_REGULATION)
    missing = {item.regulation: item for item in ranking.not_regulated}
    columns = [
        Column(
            reg_id,
            index.regulations[reg_id].place,
            index.regulations[reg_id].citation,
            ranking.by_regulation.get(reg_id, []),
            missing.get(reg_id),
        )
        for reg_id in sorted(index.regulations)
    ]
    return Comparison(question, lang, ranking.topics, columns, ranking.sparql)


# --- exports ------------------------------------------------------------------------


def matrix(comparison: Comparison) -> list[list[str]]:
    """The comparison as rows of cells: a header row, then per rank a citation row and a
    text row; a regulation that does not regulate the topic says so in its first rows."""
    words = _WORDS[comparison.lang]
    header = [words["topic"] + ": " + comparison.question]
    header += [f"{column.place} — {column.citation}" for column in comparison.columns]
    rows = [header]
    depth = max((len(column.provisions) for column in comparison.columns), default=0)
    for rank_ in range(max(depth, 1)):
        citations = [words["provision"].format(n=rank_ + 1)]
        texts = [words["text"].format(n=rank_ + 1)]
        for column in comparison.columns:
            if column.not_regulated is not None:
                first = rank_ == 0
                citations.append(words["not"] if first else "")
                texts.append(column.not_regulated.evidence if first else "")
            elif rank_ < len(column.provisions):
                citations.append(column.provisions[rank_].citation)
                texts.append(column.provisions[rank_].text)
            else:
                citations.append("")
                texts.append("")
        rows += [citations, texts]
    return [[safe_cell(cell) for cell in row] for row in rows]


def safe_cell(value: str) -> str:
    """The cell as text a spreadsheet will not evaluate (formula injection)."""
    return "'" + value if value.startswith(FORMULA_START) else value


def to_csv(comparison: Comparison) -> str:
    """The matrix as CSV (UTF-8 text, comma-separated, RFC 4180 quoting)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(matrix(comparison))
    return out.getvalue()


def to_xlsx(comparison: Comparison) -> bytes:
    """The matrix as an XLSX workbook (every cell a string; the header row in bold)."""
    book = Workbook()
    sheet = book.active
    sheet.title = _WORDS[comparison.lang]["sheet"]
    for row in matrix(comparison):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows():
        for cell in row:
            cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 18
    for letter in "BCDEFGHIJ"[: len(comparison.columns)]:
        sheet.column_dimensions[letter].width = 48
    sheet.freeze_panes = "B2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_WORDS = {
    "id": {
        "topic": "Topik",
        "provision": "Ketentuan {n}",
        "text": "Bunyi ketentuan {n}",
        "not": "Tidak diatur",
        "sheet": "Perbandingan",
    },
    "en": {
        "topic": "Topic",
        "provision": "Provision {n}",
        "text": "Text of provision {n}",
        "not": "Not regulated",
        "sheet": "Comparison",
    },
}
