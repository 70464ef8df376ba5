"""Numbering systems of Indonesian drafting: roman BAB numbers, Bagian ordinals, letters.

Also the "what comes next" rules that let the parser tell a real item "(4)" from a
wrapped line that happens to start with "(4)".
"""

from __future__ import annotations

import re

_ROMAN_VALUES = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")

_ORDINAL_UNITS = {
    "satu": 1,
    "pertama": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
}
_UNIT_WORDS = {value: word for word, value in _ORDINAL_UNITS.items() if word != "pertama"}

#: A Bagian ordinal: "Kesatu", "Pertama", "Kedua", "Kesebelas", "Kedua Belas", "Kedua Puluh Satu".
ORDINAL_PATTERN = (
    r"(?:Pertama|Ke(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)"
    r"(?:\s+(?:Belas|Puluh(?:\s+(?:Satu|Dua|Tiga|Empat|Lima|Enam|Tujuh|Delapan|Sembilan))?))?)"
)


def roman_to_int(text: str) -> int:
    """``"XIV"`` -> 14; raise ValueError for anything that is not a roman numeral."""
    text = text.upper()
    if not text or not ROMAN.match(text):
        raise ValueError(f"not a roman numeral: {text!r}")
    total, rest = 0, text
    for value, symbol in _ROMAN_VALUES:
        while rest.startswith(symbol):
            total, rest = total + value, rest[len(symbol) :]
    return total


def int_to_roman(number: int) -> str:
    out = []
    for value, symbol in _ROMAN_VALUES:
        count, number = divmod(number, value)
        out.append(symbol * count)
    return "".join(out)


def ordinal_to_int(text: str) -> int:
    """``"Kedua Belas"`` -> 12; raise ValueError for anything else."""
    words = text.lower().split()
    if not words:
        raise ValueError("empty ordinal")
    head = words[0]
    if head == "pertama":
        base = 1
    elif head.startswith("ke") and head[2:] in _ORDINAL_UNITS:
        base = _ORDINAL_UNITS[head[2:]]
    else:
        raise ValueError(f"not an ordinal: {text!r}")
    if len(words) == 1:
        return base
    if words[1] == "belas":
        return 10 + base
    if words[1] == "puluh":
        return base * 10 + (_ORDINAL_UNITS[words[2]] if len(words) > 2 else 0)
    raise ValueError(f"not an ordinal: {text!r}")


def int_to_ordinal(number: int) -> str:
    """14 -> ``"Keempat Belas"``, 1 -> ``"Kesatu"``."""
    if number <= 11:
        return "Ke" + _UNIT_WORDS[number]
    if number < 20:
        return f"Ke{_UNIT_WORDS[number - 10]} Belas"
    tens, units = divmod(number, 10)
    tail = f" {_UNIT_WORDS[units].capitalize()}" if units else ""
    return f"Ke{_UNIT_WORDS[tens]} Puluh{tail}"


def next_letter(letter: str) -> str:
    """The huruf after ``letter``: a -> b, z -> aa, aa -> bb (case kept)."""
    if letter[-1] in "zZ":
        return ("a" if letter.islower() else "A") * (len(letter) + 1)
    return chr(ord(letter[0]) + 1) * len(letter)


def split_number(number: str) -> tuple[int, str]:
    """``"15A"`` -> (15, "A"); ``"3a"`` -> (3, "a"); ``"7"`` -> (7, "")."""
    match = re.match(r"^(\d+)([A-Za-z]*)$", number)
    if not match:
        raise ValueError(f"not an article or ayat number: {number!r}")
    return int(match[1]), match[2]


def follows(previous: str | None, candidate: str) -> bool:
    """Whether ``candidate`` may come right after ``previous`` in a numbered sequence.

    Handles plain succession (3 -> 4), inserted numbers (15 -> 15A -> 15B -> 16,
    (3) -> (3a) -> (4)) and the start of a sequence (None -> 1).
    """
    try:
        cand_n, cand_s = split_number(candidate)
    except ValueError:
        return False
    if previous is None:
        return cand_n == 1 and not cand_s
    prev_n, prev_s = split_number(previous)
    if cand_n == prev_n + 1 and not cand_s:
        return True
    if cand_n != prev_n or not cand_s:
        return False
    expected = "a" if not prev_s else next_letter(prev_s.lower())
    return cand_s.lower() == expected
