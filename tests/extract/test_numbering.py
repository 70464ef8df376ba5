from __future__ import annotations

import pytest

from extract.numbering import (
    follows,
    int_to_ordinal,
    int_to_roman,
    next_letter,
    ordinal_to_int,
    roman_to_int,
)


@pytest.mark.parametrize(
    ("roman", "value"), [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XIX", 19), ("XL", 40)]
)
def test_roman(roman, value):
    assert roman_to_int(roman) == value and int_to_roman(value) == roman


@pytest.mark.parametrize("text", ["", "IIII", "ABC", "VX"])
def test_not_roman(text):
    with pytest.raises(ValueError):
        roman_to_int(text)


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("Kesatu", 1),
        ("Pertama", 1),
        ("Kedua", 2),
        ("Kesepuluh", 10),
        ("Kesebelas", 11),
        ("Kedua Belas", 12),
        ("Kedua Puluh", 20),
        ("Kedua Puluh Satu", 21),
    ],
)
def test_ordinals(word, value):
    assert ordinal_to_int(word) == value
    if word != "Pertama":
        assert int_to_ordinal(value) == word


@pytest.mark.parametrize(
    ("letter", "after"), [("a", "b"), ("y", "z"), ("z", "aa"), ("aa", "bb"), ("A", "B")]
)
def test_next_letter(letter, after):
    assert next_letter(letter) == after


@pytest.mark.parametrize(
    ("previous", "candidate", "expected"),
    [
        (None, "1", True),
        (None, "2", False),
        ("3", "4", True),
        ("3", "5", False),
        ("15", "15A", True),
        ("15A", "15B", True),
        ("15B", "16", True),
        ("3", "3a", True),
        ("3a", "3b", True),
        ("3b", "4", True),
        ("3", "3b", False),
        ("3", "x", False),
    ],
)
def test_follows(previous, candidate, expected):
    assert follows(previous, candidate) is expected
