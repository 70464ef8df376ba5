"""Resolving references (rules R1–R8 of extract.refs_resolve, E1–E4 of extract.refs) on a
small regulation built in the test, one table per rule: (citing provision, text, expected).

Expected rows are ``(kind, target)``: a path inside the regulation, an instrument id plus
pinpoint for an external reference, or None when unresolved.
"""

from __future__ import annotations

import pytest

from extract.doctypes import BY_CODE
from extract.iri import Iri, Work
from extract.model import Item, Regulation, Unit
from extract.refs import refs_json

WORK = Work("id-contoh", "perwal", 2024, "1")
ROOT = Iri(WORK)


def _unit(parent: Iri, kind: str, number: str, *children: Unit) -> Unit:
    return Unit(kind, number, parent.child(kind, number), 0, 0, children=list(children))


def _pasal(number: str, *ayat_spec) -> Unit:
    """``_pasal("2", ("1", "abc"), ("2", "a"))``: Pasal 2 with ayat (1) a–c and ayat (2) a."""
    pasal = _unit(ROOT, "pasal", number)
    for spec in ayat_spec:
        if spec[0] == "huruf":
            pasal.children += [_unit(pasal.iri, "huruf", letter) for letter in spec[1]]
            continue
        ayat = _unit(pasal.iri, "ayat", spec[0])
        ayat.children = [_unit(ayat.iri, "huruf", letter) for letter in spec[1]]
        pasal.children.append(ayat)
    return pasal


def _regulation(lampiran: tuple[str, ...] = ("I", "II")) -> Regulation:
    regulation = Regulation(
        "contoh-1-2024", WORK, BY_CODE["perwal"], "kota", "Contoh", None, "Sistem Kerja", "x.txt"
    )
    regulation.menimbang = [Item(letter, "", 0, 0) for letter in "abc"]
    regulation.mengingat = [Item(number, "", 0, 0) for number in "123"]
    regulation.body = [
        _pasal("1"),
        _pasal("2", ("1", "abc"), ("2", "ab"), ("3", "")),
        _pasal("3", ("huruf", "abc")),
        _pasal("4"),
        _pasal("4A"),
        _pasal("5"),
    ]
    pasal1 = regulation.body[0]
    pasal1.children = [_unit(pasal1.iri, "angka", n) for n in "123"]
    regulation.lampiran = [_unit(ROOT, "lampiran", n) for n in lampiran]
    return regulation


def _find(regulation: Regulation, source: str, text: str) -> list[tuple[str, str | None]]:
    parts = source.split("/")
    path = tuple(zip(parts[::2], parts[1::2], strict=True))
    if path[0][0] in ("menimbang", "mengingat"):
        items = getattr(regulation, path[0][0])
        index = next(i for i, item in enumerate(items) if item.number == path[0][1])
        items[index] = Item(path[0][1], text, 0, 0)
    else:
        unit = next(u for u in regulation.units() if u.iri.path == path)
        unit.text = text
    rows = [row for row in refs_json(regulation) if _key(row["from"]) == source]
    return [(row["kind"], _target(row)) for row in rows]


def _key(address: dict | None) -> str | None:
    if address is None:
        return None
    return "/".join(
        f"{k}/{v}" for k, v in address.items() if v is not None and k not in ("regulation", "iri")
    )


def _target(row: dict) -> str | None:
    to = row["to"]
    if to is None:
        return None
    if row["kind"] == "external":
        pinpoint = _key({k: to[k] for k in ("pasal", "ayat", "huruf")})
        return f"{to['regulation']} {pinpoint}".strip()
    return _key(to)


CASES = {
    "R1 absolute": [
        (
            "pasal/5",
            "sebagaimana dimaksud dalam Pasal 2 ayat (1) huruf a",
            [("internal", "pasal/2/ayat/1/huruf/a")],
        ),
        (
            "pasal/5",
            "sebagaimana dimaksud pada Pasal 2 ayat (2) huruf b,",
            [("internal", "pasal/2/ayat/2/huruf/b")],
        ),
        ("pasal/5", "sebagaimana dimaksud pasal 3 huruf c", [("internal", "pasal/3/huruf/c")]),
        ("pasal/5", "sebagaimana dimaksud dalam Pasal 4A", [("internal", "pasal/4A")]),
        ("pasal/2/ayat/2", "dimaksud dalam Pasal 1 angka 3", [("internal", "pasal/1/angka/3")]),
    ],
    "R2 relative to the citing provision": [
        ("pasal/2/ayat/3", "sebagaimana dimaksud pada ayat (1)", [("internal", "pasal/2/ayat/1")]),
        (
            "pasal/2/ayat/3",
            "sebagaimana dimaksud pada ayat (1) huruf c",
            [("internal", "pasal/2/ayat/1/huruf/c")],
        ),
        # from a list item: "ayat (1)" is an ayat of the enclosing Pasal
        (
            "pasal/2/ayat/2/huruf/b",
            "sebagaimana dimaksud pada ayat (1)",
            [("internal", "pasal/2/ayat/1")],
        ),
        # "huruf a" from an item is its sibling; from a Pasal without ayat, that Pasal's item
        ("pasal/2/ayat/2/huruf/b", "selain huruf a", [("internal", "pasal/2/ayat/2/huruf/a")]),
        ("pasal/3/huruf/c", "selain huruf a", [("internal", "pasal/3/huruf/a")]),
        (
            "pasal/1/angka/3",
            "sebagaimana dimaksud dalam angka 2",
            [("internal", "pasal/1/angka/2")],
        ),
    ],
    "R3 Menimbang and Mengingat": [
        (
            "menimbang/c",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu",
            [("internal", "menimbang/a"), ("internal", "menimbang/b")],
        ),
        (
            "menimbang/c",
            "dalam huruf a sampai dengan huruf b",
            [("internal", "menimbang/a"), ("internal", "menimbang/b")],
        ),
        ("menimbang/c", "sebagaimana dimaksud dalam ayat (1)", [("internal", None)]),
        ("menimbang/c", "sebagaimana dimaksud dalam Pasal 4", [("internal", "pasal/4")]),
        ("mengingat/3", "sebagaimana dimaksud dalam angka 1", [("internal", "mengingat/1")]),
    ],
    "R4 inheritance along a chain": [
        (
            "pasal/5",
            "dalam Pasal 2 ayat (1) huruf a dan huruf b",
            [("internal", "pasal/2/ayat/1/huruf/a"), ("internal", "pasal/2/ayat/1/huruf/b")],
        ),
        (
            "pasal/2/ayat/3",
            "pada ayat (1), ayat(2) dan ayat (3)",
            [
                ("internal", "pasal/2/ayat/1"),
                ("internal", "pasal/2/ayat/2"),
                ("internal", "pasal/2/ayat/3"),
            ],
        ),
        ("pasal/5", "Pasal 3 dan Pasal 4", [("internal", "pasal/3"), ("internal", "pasal/4")]),
        ("pasal/5", "Pasal 3 dan pasal 4", [("internal", "pasal/3"), ("internal", "pasal/4")]),
        (
            "pasal/5",
            "Pasal 2 ayat (2), Pasal 3",
            [("internal", "pasal/2/ayat/2"), ("internal", "pasal/3")],
        ),
    ],
    "R5 ranges": [
        (
            "pasal/2/ayat/3",
            "pada ayat (1) sampai dengan ayat (2)",
            [("internal", "pasal/2/ayat/1"), ("internal", "pasal/2/ayat/2")],
        ),
        (
            "pasal/5",
            "dalam Pasal 3 sampai dengan Pasal 5",  # document order: 4A is between 4 and 5
            [("internal", f"pasal/{n}") for n in ("3", "4", "4A", "5")],
        ),
        (
            "pasal/5",
            "dalam Pasal 4 sampai dengan Pasal 7",  # an end beyond the text: numbers, then R7
            [
                ("internal", "pasal/4"),
                ("internal", "pasal/5"),
                ("internal", None),
                ("internal", None),
            ],
        ),
        (
            "pasal/5",
            "Pasal 2 ayat (1) huruf a sampai dengan huruf c",
            [("internal", f"pasal/2/ayat/1/huruf/{x}") for x in "abc"],
        ),
    ],
    "R6 Lampiran": [
        ("pasal/4", "tercantum dalam Lampiran II yang merupakan", [("lampiran", "lampiran/II")]),
        ("pasal/4", "tercantum dalam Lampiran IV yang merupakan", [("lampiran", None)]),
        ("pasal/4", "tercantum dalam Lampiran yang merupakan", [("lampiran", None)]),  # two annexes
    ],
    "R1 reverse order": [
        (
            "pasal/5",
            "sebagaimana dimaksud dalam ayat (2) Pasal 2",
            [("internal", "pasal/2/ayat/2")],
        ),
        (
            "pasal/5",
            "sebagaimana dimaksud dalam huruf b ayat (1) Pasal 2,",
            [("internal", "pasal/2/ayat/1/huruf/b")],
        ),
        # the Pasal written last applies to the whole list it closes, not to the citing one
        (
            "pasal/2/ayat/3",
            "dimaksud pada ayat (1) dan ayat (2) Pasal 2",
            [("internal", "pasal/2/ayat/1"), ("internal", "pasal/2/ayat/2")],
        ),
        (
            "pasal/5",
            "Ketentuan huruf a sampai dengan huruf c Pasal 3 diubah",
            [("internal", f"pasal/3/huruf/{x}") for x in "abc"],
        ),
    ],
    "R6 lower-case lampiran": [
        (
            "pasal/4",
            "sebagaimana tercantum dalam lampiran yang merupakan bagian tidak terpisahkan",
            [("lampiran", None)],  # two annexes: an unnumbered one is ambiguous
        ),
        (
            "pasal/4",
            "tercantum dalam lampiran II Peraturan Wali Kota ini",
            [("lampiran", "lampiran/II")],
        ),
        ("pasal/4", "dimaksud dalam lampiran I", [("lampiran", "lampiran/I")]),
        ("pasal/4", "dengan melampirkan lampiran surat permohonan", []),  # a common noun
    ],
    "E4 several addresses in one external pinpoint": [
        (
            "pasal/5",
            "sebagaimana diatur dalam Pasal 5 dan Pasal 7 Undang-Undang Nomor 30 Tahun 2014 "
            "tentang Administrasi Pemerintahan",
            [("external", "id/uu/2014/30 pasal/5"), ("external", "id/uu/2014/30 pasal/7")],
        ),
        (
            "pasal/5",
            "sesuai dengan Pasal 5 ayat (1), Pasal 6, dan Pasal 7 ayat (2) huruf a Peraturan "
            "Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah",
            [
                ("external", "id/pp/2016/18 pasal/5/ayat/1"),
                ("external", "id/pp/2016/18 pasal/6"),
                ("external", "id/pp/2016/18 pasal/7/ayat/2/huruf/a"),
            ],
        ),
        (
            "pasal/5",
            "sebagaimana dimaksud dalam ayat (1) dan ayat (2) Pasal 7 Undang-Undang Nomor 5 "
            "Tahun 2014",
            [
                ("external", "id/uu/2014/5 pasal/7/ayat/1"),
                ("external", "id/uu/2014/5 pasal/7/ayat/2"),
            ],
        ),
        # an address that inherits its Pasal stays in the row of the address before it
        (
            "pasal/5",
            "dalam Pasal 5 ayat (1) dan ayat (2) Undang-Undang Nomor 30 Tahun 2014",
            [("external", "id/uu/2014/30 pasal/5/ayat/1")],
        ),
    ],
    "R7 unresolved": [
        ("pasal/5", "sebagaimana dimaksud dalam Pasal 9", [("internal", None)]),
        (
            "pasal/4",
            "sebagaimana dimaksud pada ayat (1)",
            [("internal", None)],
        ),  # Pasal 4 has no ayat
        ("pasal/5", "Pasal 2 ayat (1) huruf d", [("internal", None)]),
    ],
    "E1-E3 external": [
        (
            "menimbang/b",
            "bahwa berdasarkan ketentuan Pasal 25 Peraturan Menteri Pendayagunaan Aparatur Negara dan "
            "Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah untuk "
            "Penyederhanaan Birokrasi, setiap Instansi Pemerintah harus melakukan",
            [("external", "id/permenpanrb/2022/7 pasal/25")],
        ),
        (
            "mengingat/1",
            "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;",
            [("external", "id/uud/1945 pasal/18/ayat/6")],
        ),
        (
            "mengingat/2",
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik "
            "Indonesia Tahun 2014 Nomor 244), sebagaimana telah diubah terakhir dengan Undang-Undang "
            "Nomor 9 Tahun 2015 tentang Perubahan Kedua Atas Undang-Undang Nomor 23 Tahun 2014 tentang "
            "Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 58);",
            [("external", "id/uu/2014/23"), ("external", "id/uu/2015/9")],
        ),
        (
            "mengingat/3",
            "Peraturan Daerah Nomor 3 Tahun 2016 tentang Perangkat Daerah (Lembaran Daerah Kota Contoh);",
            [("external", "contoh-perda-3-2016")],
        ),
        (
            "pasal/5",
            "dilaksanakan sesuai dengan Pasal 25 Peraturan Menteri Pendayagunaan Aparatur Negara dan "
            "Reformasi Birokrasi Nomor 7 Tahun 2022.",
            [("external", "id/permenpanrb/2022/7 pasal/25")],
        ),
        # E2: a type of instrument, not an instrument
        ("menimbang/c", "perlu menetapkan Peraturan Wali Kota tentang Sistem Kerja;", []),
        ("pasal/5", "akan diatur lebih lanjut dalam Peraturan Wali Kota.", []),
        ("pasal/5", "sesuai dengan ketentuan peraturan perundang-undangan.", []),
        # E3: a chain right before a citation is its pinpoint, never internal
        (
            "pasal/5",
            "tercantum dalam Lampiran I Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi "
            "Birokrasi Nomor 7 Tahun 2022.",
            [("external", "id/permenpanrb/2022/7")],
        ),
        # the Peraturan Wali Kota itself ("… ini") is not an external instrument
        (
            "pasal/4",
            "tercantum dalam Lampiran II yang merupakan bagian dari Peraturan Wali Kota ini.",
            [("lampiran", "lampiran/II")],
        ),
    ],
}


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [case for cases in CASES.values() for case in cases],
    ids=[f"{rule}: {case[1][:40]}" for rule, cases in CASES.items() for case in cases],
)
def test_rule(source, text, expected):
    assert _find(_regulation(), source, text) == expected


def test_the_only_annex_answers_an_unnumbered_lampiran():
    regulation = _regulation(lampiran=("I",))
    assert _find(regulation, "pasal/4", "tercantum dalam Lampiran yang merupakan") == [
        ("lampiran", "lampiran/I")
    ]


def test_annex_absent_from_the_text_is_unresolved():
    regulation = _regulation(lampiran=())
    assert _find(regulation, "pasal/4", "tercantum dalam Lampiran I yang") == [("lampiran", None)]


def _annex_regulation() -> tuple[Regulation, Unit]:
    """Lampiran I with parts A (angka 1, 2) and B (angka 1 with huruf a, b)."""
    regulation = _regulation(lampiran=("I",))
    annex = regulation.lampiran[0]
    part_a = Unit("bagian-lampiran", "A", annex.iri.child("huruf", "A"), 0, 0)
    part_a.children = [_unit(part_a.iri, "angka", n) for n in "12"]
    part_b = Unit("bagian-lampiran", "B", annex.iri.child("huruf", "B"), 0, 0)
    item = _unit(part_b.iri, "angka", "1")
    item.children = [_unit(item.iri, "huruf", x) for x in "ab"]
    part_b.children = [item]
    annex.children = [part_a, part_b]
    return regulation, item


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # R8: the nearest "huruf a" / "angka 2" from the citing part outwards
        (
            "sebagaimana dimaksud pada huruf a",
            [("internal", "lampiran/I/bagian/huruf/B/angka/1/huruf/a")],
        ),
        ("sebagaimana dimaksud pada angka 2", [("internal", None)]),  # B has no angka 2
        ("sebagaimana dimaksud dalam Pasal 2 ayat (1)", [("internal", "pasal/2/ayat/1")]),
        (
            "sesuai Pasal 25 Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi "
            "Birokrasi Nomor 7 Tahun 2022",
            [("external", "id/permenpanrb/2022/7 pasal/25")],
        ),
    ],
)
def test_references_in_lampiran_text(text, expected):
    regulation, item = _annex_regulation()
    item.children[1].text = text  # Lampiran I, B.1.b
    rows = [r for r in refs_json(regulation) if r["from"].get("lampiran") == "I"]
    assert [r["from"]["bagian"] for r in rows] == ["huruf/B/angka/1/huruf/b"] * len(expected)
    assert [(r["kind"], _target(r)) for r in rows] == expected


def test_lampiran_reference_to_a_sibling_part():
    regulation, _ = _annex_regulation()
    part_a = regulation.lampiran[0].children[0]
    part_a.children[0].text = "dilanjutkan sesuai angka 2"  # Lampiran I, A.1
    rows = [r for r in refs_json(regulation) if r["from"].get("lampiran") == "I"]
    assert [(r["kind"], _target(r)) for r in rows] == [
        ("internal", "lampiran/I/bagian/huruf/A/angka/2")
    ]
