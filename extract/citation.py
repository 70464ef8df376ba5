"""Citations in the standard Indonesian form, rendered from a unit's IRI path.

``("pasal", "21"), ("ayat", "4")`` + "Peraturan Wali Kota Palu Nomor 28 Tahun 2023" ->
"Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023".
"""

from __future__ import annotations

from extract.numbering import int_to_ordinal

Path = tuple[tuple[str, str], ...]


def _piece(kind: str, value: str, single_lampiran: bool) -> str:
    if kind == "bab":
        return f"BAB {value}"
    if kind == "bagian":
        return f"Bagian {int_to_ordinal(int(value))}" if value.isdigit() else f"Bagian {value}"
    if kind == "ayat":
        return f"ayat ({value})"
    if kind == "menimbang":
        return f"Menimbang huruf {value}" if value.isalpha() else "Menimbang"
    if kind == "mengingat":
        return f"Mengingat angka {value}"
    if kind == "lampiran":
        return "Lampiran" if single_lampiran else f"Lampiran {value}"
    if kind == "definisi":
        return "definisi"
    return f"{kind.capitalize() if kind in ('pasal', 'paragraf') else kind} {value}"


def provision_label(path: Path, single_lampiran: bool = False) -> str:
    """The provision part of a citation: "Pasal 21 ayat (4) huruf a"."""
    return " ".join(_piece(kind, value, single_lampiran) for kind, value in path)


def cite(path: Path, regulation_citation: str, single_lampiran: bool = False) -> str:
    """The full citation of a unit, or of the regulation itself for an empty path."""
    provision = provision_label(path, single_lampiran)
    return f"{provision} {regulation_citation}" if provision else regulation_citation
