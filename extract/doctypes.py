"""Kinds of legal instrument, as data: how each is named in a text and in an IRI.

Adding a kind of instrument is adding a row here, not another branch in the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import DocType


@dataclass(frozen=True)
class DocTypeRule:
    """A DocType with the pattern that names it in running text (Mengingat, body)."""

    doctype: DocType
    pattern: str  # regex in mixed case, matched case-insensitively
    regional: bool  # issued by a region: its jurisdiction is a Kota or Kabupaten


def _rule(code: str, label: str, concept: str, pattern: str, regional: bool = False):
    return DocTypeRule(DocType(code, label, concept), pattern, regional)


#: Longest names first, so "Peraturan Pemerintah Pengganti Undang-Undang" wins over
#: "Peraturan Pemerintah" and the UUD over "Undang-Undang".
RULES: tuple[DocTypeRule, ...] = (
    _rule(
        "uud",
        "Undang-Undang Dasar Negara Republik Indonesia",
        "uud",
        r"Undang-\s?Undang\s+Dasar(?:\s+Negara\s+Republik\s+Indonesia)?",
    ),
    _rule(
        "perppu",
        "Peraturan Pemerintah Pengganti Undang-Undang",
        "perppu",
        r"Peraturan\s+Pemerintah\s+Pengganti\s+Undang-\s?Undang",
    ),
    _rule("uu", "Undang-Undang", "uu", r"Undang-\s?Undang"),
    _rule("pp", "Peraturan Pemerintah", "pp", r"Peraturan\s+Pemerintah"),
    _rule("perpres", "Peraturan Presiden", "perpres", r"Peraturan\s+Presiden"),
    _rule(
        "permenpanrb",
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        "permen",
        r"Peraturan\s+Menteri\s+Pendayagunaan\s+Aparatur\s+Negara\s+dan\s+Reformasi\s+"
        r"Birokrasi(?:\s+Republik\s+Indonesia)?|PermenPAN\s?-?RB",
    ),
    _rule(
        "permendagri",
        "Peraturan Menteri Dalam Negeri",
        "permen",
        r"Peraturan\s+Menteri\s+Dalam\s+Negeri(?:\s+Republik\s+Indonesia)?|Permendagri",
    ),
    _rule("permen", "Peraturan Menteri", "permen", r"Peraturan\s+Menteri"),
    _rule("perban", "Peraturan Badan", "perban", r"Peraturan\s+(?:Kepala\s+)?Badan"),
    _rule("perlem", "Peraturan Lembaga", "perlem", r"Peraturan\s+(?:Kepala\s+)?Lembaga"),
    _rule("pergub", "Peraturan Gubernur", "pergub", r"Peraturan\s+Gubernur", regional=True),
    _rule(
        "perdprd",
        "Peraturan Dewan Perwakilan Rakyat Daerah",
        "perdprd",
        r"Peraturan\s+(?:Dewan\s+Perwakilan\s+Rakyat\s+Daerah|DPRD)",
        regional=True,
    ),
    _rule("perda", "Peraturan Daerah", "perda", r"Peraturan\s+Daerah", regional=True),
    _rule("perwal", "Peraturan Wali Kota", "perwal", r"Peraturan\s+Wali\s?[Kk]ota", regional=True),
    _rule("perbup", "Peraturan Bupati", "perbup", r"Peraturan\s+Bupati", regional=True),
)

BY_CODE: dict[str, DocType] = {rule.doctype.code: rule.doctype for rule in RULES}

#: Alternation of every rule's pattern, longest first, with one named group per code.
ANY_TYPE = "|".join(f"(?P<t_{rule.doctype.code}>{rule.pattern})" for rule in RULES)


def doctype_of(match: re.Match) -> DocTypeRule:
    """The rule whose named group ``t_<code>`` matched in a regex built from ANY_TYPE."""
    for rule in RULES:
        if match.group(f"t_{rule.doctype.code}"):
            return rule
    raise LookupError("no document type group matched")
