"""Position levels (jenjang jabatan) and their order, as data.

Levels are ordered only within a ladder: the structural ladder (Jabatan Pimpinan Tinggi
and Jabatan Administrasi) and the two Jabatan Fungsional ladders (keahlian, keterampilan).
The regulations do not rank a functional level against a structural one; where they
place one under the other (the Kedudukan articles) the cities disagree, e.g. JF ahli
madya sits under JPT Pratama in Palu but under an Administrator in Semarang. So ``rank``
compares levels of the same ladder only.

>>> [level.id for level in LEVELS if level.ladder == "struktural" and level.rank >= 3]
['pimpinan-tinggi-madya', 'pimpinan-tinggi-pratama', 'administrator']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

#: Ladders in which levels are ordered: local name of the OWL class -> labels.
LADDERS: Final[dict[str, tuple[str, str, str]]] = {
    "struktural": ("JenjangStruktural", "jenjang jabatan struktural", "structural level"),
    "keahlian": ("JenjangKeahlian", "jenjang Jabatan Fungsional keahlian", "expert level"),
    "keterampilan": (
        "JenjangKeterampilan",
        "jenjang Jabatan Fungsional keterampilan",
        "skilled level",
    ),
}


@dataclass(frozen=True)
class Level:
    """One level of a ladder; a higher ``rank`` is a higher level of the same ladder."""

    id: str  # "administrator"
    label_id: str
    label_en: str
    ladder: str  # a key of LADDERS
    rank: int  # 1 = lowest of its ladder
    jabatan: str  # local name of the class of posts at this level

    @property
    def local_name(self) -> str:
        """Local name of the level individual in the pw: namespace: ``jenjangAdministrator``."""
        return "jenjang" + "".join(part.capitalize() for part in self.id.split("-"))


#: Every level, highest first within each ladder.
LEVELS: Final[tuple[Level, ...]] = (
    Level(
        "pimpinan-tinggi-madya",
        "Pimpinan Tinggi Madya",
        "senior executive, madya",
        "struktural",
        5,
        "JabatanPimpinanTinggiMadya",
    ),
    Level(
        "pimpinan-tinggi-pratama",
        "Pimpinan Tinggi Pratama",
        "senior executive, pratama",
        "struktural",
        4,
        "JabatanPimpinanTinggiPratama",
    ),
    Level(
        "administrator", "Administrator", "administrator", "struktural", 3, "JabatanAdministrator"
    ),
    Level("pengawas", "Pengawas", "supervisor", "struktural", 2, "JabatanPengawas"),
    Level("pelaksana", "Pelaksana", "executor", "struktural", 1, "JabatanPelaksana"),
    Level(
        "ahli-utama", "ahli utama", "principal expert", "keahlian", 4, "JabatanFungsionalKeahlian"
    ),
    Level("ahli-madya", "ahli madya", "senior expert", "keahlian", 3, "JabatanFungsionalKeahlian"),
    Level("ahli-muda", "ahli muda", "junior expert", "keahlian", 2, "JabatanFungsionalKeahlian"),
    Level(
        "ahli-pertama", "ahli pertama", "entry expert", "keahlian", 1, "JabatanFungsionalKeahlian"
    ),
    Level(
        "penyelia",
        "penyelia",
        "supervising technician",
        "keterampilan",
        4,
        "JabatanFungsionalKeterampilan",
    ),
    Level(
        "mahir", "mahir", "advanced technician", "keterampilan", 3, "JabatanFungsionalKeterampilan"
    ),
    Level("terampil", "terampil", "technician", "keterampilan", 2, "JabatanFungsionalKeterampilan"),
    Level(
        "pemula", "pemula", "entry technician", "keterampilan", 1, "JabatanFungsionalKeterampilan"
    ),
)

LEVEL_BY_ID: Final[dict[str, Level]] = {level.id: level for level in LEVELS}


def at_or_above(level_id: str) -> tuple[Level, ...]:
    """The levels of ``level_id``'s ladder ranked at or above it ("Administrator or higher").

    >>> [level.id for level in at_or_above("pengawas")][-1]
    'pengawas'
    """
    floor = LEVEL_BY_ID[level_id]
    return tuple(
        level for level in LEVELS if level.ladder == floor.ladder and level.rank >= floor.rank
    )
