"""Finding reference chains: one table per token rule and per grouping rule."""

from __future__ import annotations

import pytest

from extract.refs_find import find_chains


def _chains(text: str) -> list[tuple[str, tuple, tuple]]:
    return [(c.text, c.addresses, c.links) for c in find_chains([text])[0]]


P, A, H, N, L = "pasal", "ayat", "huruf", "angka", "lampiran"

ATOMS = [
    ("dimaksud dalam Pasal 12, dilakukan", [("Pasal 12", (((P, "12"),),), ())]),
    ("dimaksud pasal 7 tercantum", [("pasal 7", (((P, "7"),),), ())]),
    ("dalam Pasal 15A.", [("Pasal 15A", (((P, "15A"),),), ())]),
    ("pada ayat (1) dilaksanakan", [("ayat (1)", (((A, "1"),),), ())]),
    ("pada ayat (3a) dilaksanakan", [("ayat (3a)", (((A, "3a"),),), ())]),
    ("dalam huruf b.", [("huruf b", (((H, "b"),),), ())]),
    ("dalam angka 2 dan", [("angka 2", (((N, "2"),),), ())]),
    ("tercantum dalam Lampiran II yang", [("Lampiran II", (((L, "II"),),), ())]),
    ("tercantum dalam Lampiran yang merupakan", [("Lampiran", (((L, ""),),), ())]),
    ("dalam lampiran surat ini", []),  # lower case: a common noun
    ("dengan melampirkan lampiran surat permohonan", []),
    # lower case in a drafting formula or with a number: the annex
    ("tercantum dalam lampiran II yang", [("lampiran II", (((L, "II"),),), ())]),
    ("tercantum dalam lampiran yang merupakan", [("lampiran", (((L, ""),),), ())]),
    ("sebagaimana dimaksud dalam lampiran huruf", [("lampiran", (((L, ""),),), ())]),
    ("tercantum pada lampiran Peraturan Wali Kota ini", [("lampiran", (((L, ""),),), ())]),
    ("Pasal ini dan ayat tersebut", []),
]

GROUPING = [
    # one address: levels only go deeper
    (
        "sebagaimana dimaksud dalam Pasal 17 ayat (1) huruf a, merupakan",
        [("Pasal 17 ayat (1) huruf a", (((P, "17"), (A, "1"), (H, "a")),), ())],
    ),
    (
        "pada Pasal 9 ayat (2) huruf a, melaksanakan",
        [("Pasal 9 ayat (2) huruf a", (((P, "9"), (A, "2"), (H, "a")),), ())],
    ),
    ("pada ayat (1) huruf a", [("ayat (1) huruf a", (((A, "1"), (H, "a")),), ())]),
    # connectors
    (
        "dalam huruf a, huruf b, dan huruf c, perlu",
        [
            (
                "huruf a, huruf b, dan huruf c",
                (((H, "a"),), ((H, "b"),), ((H, "c"),)),
                ("and", "and"),
            )
        ],
    ),
    ("huruf a dan huruf b", [("huruf a dan huruf b", (((H, "a"),), ((H, "b"),)), ("and",))]),
    (
        "pada ayat (1), ayat(2) dan ayat (3) dilaksanakan",
        [
            (
                "ayat (1), ayat(2) dan ayat (3)",
                (((A, "1"),), ((A, "2"),), ((A, "3"),)),
                ("and", "and"),
            )
        ],
    ),
    (
        "pada ayat (1) sampai dengan ayat (2), dengan",
        [("ayat (1) sampai dengan ayat (2)", (((A, "1"),), ((A, "2"),)), ("range",))],
    ),
    (
        "dalam Pasal 12 sampai dengan Pasal 28, Pemerintah",
        [("Pasal 12 sampai dengan Pasal 28", (((P, "12"),), ((P, "28"),)), ("range",))],
    ),
    (
        "Pasal 12 s.d. Pasal 14",
        [("Pasal 12 s.d. Pasal 14", (((P, "12"),), ((P, "14"),)), ("range",))],
    ),
    (
        "Pasal 7 dan pasal 8 tercantum",
        [("Pasal 7 dan pasal 8", (((P, "7"),), ((P, "8"),)), ("and",))],
    ),
    (
        "Pasal 8 ayat (1) huruf a dan huruf b, ditetapkan",
        [
            (
                "Pasal 8 ayat (1) huruf a dan huruf b",
                (((P, "8"), (A, "1"), (H, "a")), ((H, "b"),)),
                ("and",),
            )
        ],
    ),
    (
        "huruf a dan/atau huruf b",
        [("huruf a dan/atau huruf b", (((H, "a"),), ((H, "b"),)), ("and",))],
    ),
    # a trailing connector is not part of the chain; separate phrases are separate chains
    (
        "pada ayat (2) tercantum dalam Lampiran I yang",
        [("ayat (2)", (((A, "2"),),), ()), ("Lampiran I", (((L, "I"),),), ())],
    ),
    # a Lampiran never joins a chain of provisions
    (
        "Pasal 5 dan Lampiran I",
        [("Pasal 5", (((P, "5"),),), ()), ("Lampiran I", (((L, "I"),),), ())],
    ),
    # reverse order: a higher level after a lower one heads the same address, and the
    # whole list it closes
    ("ayat (2) Pasal 7", [("ayat (2) Pasal 7", (((P, "7"), (A, "2")),), ())]),
    (
        "dimaksud pada huruf a ayat (1) Pasal 8 dilaksanakan",
        [("huruf a ayat (1) Pasal 8", (((P, "8"), (A, "1"), (H, "a")),), ())],
    ),
    (
        "Ketentuan ayat (2) sampai dengan ayat (6) Pasal 94 diubah",
        [
            (
                "ayat (2) sampai dengan ayat (6) Pasal 94",
                (((P, "94"), (A, "2")), ((P, "94"), (A, "6"))),
                ("range",),
            )
        ],
    ),
    (
        "angka 1, angka 6, dan angka 7 huruf c ayat (1) diubah",
        [
            (
                "angka 1, angka 6, dan angka 7 huruf c ayat (1)",
                tuple(((A, "1"), (H, "c"), (N, n)) for n in "167"),
                ("and", "and"),
            )
        ],
    ),
    # an address that already names its Pasal is not re-homed
    (
        "Pasal 5 ayat (1) dan ayat (2) Pasal 7",
        [
            (
                "Pasal 5 ayat (1) dan ayat (2) Pasal 7",
                (((P, "5"), (A, "1")), ((P, "7"), (A, "2"))),
                ("and",),
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ATOMS + GROUPING)
def test_chains(text, expected):
    assert _chains(text) == expected


def test_address_starts_point_at_each_address():
    text = "dalam Pasal 5, Pasal 6, dan ayat (2) Pasal 7 Undang-Undang"
    chain = find_chains([text])[0][0]
    assert [text[i : i + 5] for i in chain.address_starts] == ["Pasal", "Pasal", "ayat "]


def test_offsets_point_into_the_text():
    text = "Tata cara sebagaimana dimaksud pada ayat (1), ayat(2) dan ayat (3) dilaksanakan."
    (chain,) = find_chains([text])[0]
    assert text[chain.start : chain.end] == chain.text == "ayat (1), ayat(2) dan ayat (3)"
