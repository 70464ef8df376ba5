"""Checks across records, before validation: duplicates, dangling references, cycles.

Shared by every input format (the records carry their :class:`~model.Origin`).
"""

from __future__ import annotations

from capabilities.validate.errors import ErrorList
from capabilities.validate.model import Organisation, Origin, Pegawai, Unit


def check_references(org: Organisation, errors: ErrorList) -> None:
    """Every nip and kode a record names exists; no unit is led by two people.

    The references of a duplicate row (``org.duplicates``) are checked too, so that its
    other mistakes are not hidden behind the duplicate."""
    for unit in org.units.values():
        _exists(errors, unit.origin, "induk", unit.induk, org.units, "unit")
    leaders: dict[str, str] = {}
    for person in org.duplicates:
        if isinstance(person, Pegawai):
            _person_references(errors, person, org)
        elif isinstance(person, Unit):
            _exists(errors, person.origin, "induk", person.induk, org.units, "unit")
    for person in org.pegawai.values():
        _person_references(errors, person, org)
        if person.atasan == person.nip:
            _add(
                errors,
                person.origin,
                "atasan_nip",
                person.atasan,
                "pegawai tidak dapat menjadi atasan dirinya sendiri",
                "a person cannot be their own superior",
            )
        if person.pimpinan_unit:
            other = leaders.get(person.pimpinan_unit)
            if other is not None:
                _add(
                    errors,
                    person.origin,
                    "pimpinan_unit",
                    person.pimpinan_unit,
                    f"unit ini sudah dipimpin oleh NIP {other}",
                    f"this unit is already led by NIP {other}",
                )
            leaders.setdefault(person.pimpinan_unit, person.nip)
    for team in org.tim.values():
        _exists(errors, team.origin, "unit_pemilik_kinerja", team.pemilik, org.units, "unit")
    seen: set[tuple[str, str]] = set()
    for member in org.anggota:
        _exists(errors, member.origin, "kode_tim", member.tim, org.tim, "tim")
        _exists(errors, member.origin, "nip", member.nip, org.pegawai, "pegawai")
        if (member.tim, member.nip) in seen:
            _add(
                errors,
                member.origin,
                "nip",
                member.nip,
                "pegawai ini sudah tercatat dalam tim yang sama",
                "this person is already listed in the same team",
            )
        seen.add((member.tim, member.nip))
    for item in org.penugasan.values():
        _exists(errors, item.origin, "nip", item.nip, org.pegawai, "pegawai", "pwv:pegawai")
        _exists(errors, item.origin, "unit_tujuan", item.unit_tujuan, org.units, "unit")


def _person_references(errors: ErrorList, person: Pegawai, org: Organisation) -> None:
    _exists(errors, person.origin, "kode_unit", person.unit, org.units, "unit")
    _exists(errors, person.origin, "atasan_nip", person.atasan, org.pegawai, "pegawai")
    _exists(errors, person.origin, "penilai_kinerja_nip", person.penilai, org.pegawai, "pegawai")
    _exists(errors, person.origin, "pimpinan_unit", person.pimpinan_unit, org.units, "unit")


def check_cycles(org: Organisation, errors: ErrorList) -> None:
    """No unit is its own ancestor (induk) and no one is their own superior (atasan)."""
    units = {code: unit.induk for code, unit in org.units.items()}
    for code in _cycle_members(units):
        unit = org.units[code]
        _add(
            errors,
            unit.origin,
            "induk",
            unit.induk,
            "rantai induk unit membentuk lingkaran (unit menjadi induk dirinya sendiri)",
            "the chain of parent units is a cycle (a unit is its own ancestor)",
        )
    people = {nip: person.atasan for nip, person in org.pegawai.items()}
    for nip in _cycle_members(people):
        person = org.pegawai[nip]
        if person.atasan == nip:
            continue  # reported as its own superior already
        _add(
            errors,
            person.origin,
            "atasan_nip",
            person.atasan,
            "rantai atasan membentuk lingkaran (pegawai menjadi atasan dirinya sendiri)",
            "the chain of superiors is a cycle (a person is their own superior)",
        )


def _cycle_members(parent: dict[str, str | None]) -> list[str]:
    """Keys that lie on a cycle of ``parent`` links, in input order."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    on_cycle: set[str] = set()
    for start in parent:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = parent[node]
        if node is not None and state.get(node) == 1:
            on_cycle.update(path[path.index(node) :])
        for item in path:
            state[item] = 2
    return [key for key in parent if key in on_cycle]


def _exists(errors, origin: Origin, column, value, table, kind, rdf_column=None) -> None:
    if value and value not in table:
        if origin.subject is not None and rdf_column:
            column = rdf_column
        what = {"unit": "kode_unit", "pegawai": "nip", "tim": "kode_tim"}[kind]
        _add(
            errors,
            origin,
            column,
            value,
            f"{what} {value!r} tidak ada dalam data yang diunggah",
            f"{what} {value!r} does not exist in the uploaded data",
        )


#: template column -> the RDF property that holds it (for errors in RDF input)
RDF_PROPERTY = {
    "induk": "org:subOrganizationOf",
    "kode_unit": "org:memberOf",
    "atasan_nip": "org:reportsTo",
    "penilai_kinerja_nip": "pwv:penilaiKinerja",
    "pimpinan_unit": "org:headOf",
    "unit_pemilik_kinerja": "pw:pemilikKinerja",
    "kode_tim": "org:organization",
    "nip": "org:member",
    "unit_tujuan": "pwv:unitTujuan",
}


def _add(errors: ErrorList, origin: Origin, column, value, message_id, message_en) -> None:
    if origin.subject is not None:
        column = RDF_PROPERTY.get(column, column)
    errors.add(origin.file, origin.row, column, value, message_id, message_en, origin.subject)
