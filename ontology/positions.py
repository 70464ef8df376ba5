"""Civil-service posts (Jabatan ASN), their levels and the order of the levels.

Design: a level (jenjang) is a named individual of ``pw:JenjangJabatan`` with an integer
``pw:rank`` (1 = lowest of its ladder) and ``pw:higherThan`` links to every lower level
of the same ladder (transitive; the closure is asserted too, so a store without a
reasoner answers "Administrator or higher" directly). A class of posts is defined by its
level: ``pw:JabatanAdministrator ≡ pw:JabatanASN ⊓ ∃pw:level.{pw:jenjangAdministrator}``.
Levels of different ladders are not ordered (see :mod:`ontology.levels`).
"""

from __future__ import annotations

import owlready2 as ow

from ontology.annotate import Namespaces, new_class, new_property
from ontology.levels import LADDERS, LEVELS

#: Post classes: local name -> (parent, label @id, label @en, comment).
POSTS: dict[str, tuple[str, str, str, str]] = {
    "JabatanPimpinanTinggi": (
        "JabatanASN",
        "Jabatan Pimpinan Tinggi",
        "senior executive post",
        "A Jabatan Pimpinan Tinggi (JPT): the senior executive posts.",
    ),
    "JabatanPimpinanTinggiMadya": (
        "JabatanPimpinanTinggi",
        "Jabatan Pimpinan Tinggi Madya",
        "senior executive post (madya)",
        "A JPT Madya post, e.g. a provincial secretary.",
    ),
    "JabatanPimpinanTinggiPratama": (
        "JabatanPimpinanTinggi",
        "Jabatan Pimpinan Tinggi Pratama",
        "senior executive post (pratama)",
        "A JPT Pratama post; in a city, e.g. the Sekretaris Daerah or a head of agency.",
    ),
    "JabatanAdministrasi": (
        "JabatanASN",
        "Jabatan Administrasi",
        "administrative post",
        "A Jabatan Administrasi post: Administrator, Pengawas or Pelaksana.",
    ),
    "JabatanAdministrator": (
        "JabatanAdministrasi",
        "Jabatan Administrator",
        "administrator post",
        "An Administrator post, the highest administrative level.",
    ),
    "JabatanPengawas": (
        "JabatanAdministrasi",
        "Jabatan Pengawas",
        "supervisor post",
        "A Pengawas post; the lowest level that can be a Pejabat Penilai Kinerja by right.",
    ),
    "JabatanPelaksana": (
        "JabatanAdministrasi",
        "Jabatan Pelaksana",
        "executor post",
        "A Pelaksana post: public-service and administrative execution, the lowest level.",
    ),
    "JabatanFungsional": (
        "JabatanASN",
        "Jabatan Fungsional",
        "functional post",
        "A Jabatan Fungsional (JF) post, based on expertise or skill.",
    ),
    "JabatanFungsionalKeahlian": (
        "JabatanFungsional",
        "Jabatan Fungsional keahlian",
        "expert functional post",
        "A JF keahlian post: ahli utama, ahli madya, ahli muda or ahli pertama.",
    ),
    "JabatanFungsionalKeterampilan": (
        "JabatanFungsional",
        "Jabatan Fungsional keterampilan",
        "skilled functional post",
        "A JF keterampilan post: penyelia, mahir, terampil or pemula.",
    ),
}


def declare(ns: Namespaces) -> None:
    """Declare post classes, the level classes and individuals, and the order."""
    pw = ns.pw
    post = new_class(
        pw,
        "JabatanASN",
        [ns.org.Post],
        "Jabatan ASN",
        "civil-service post",
        "A post of the civil service (ASN) in a government institution: an org:Post that "
        "exists whether or not someone holds it.",
    )
    for name, (parent, label_id, label_en, comment) in POSTS.items():
        new_class(pw, name, [getattr(pw, parent)], label_id, label_en, comment)
    families = [pw.JabatanPimpinanTinggi, pw.JabatanAdministrasi, pw.JabatanFungsional]
    ow.AllDisjoint(families)

    level_class = new_class(
        pw,
        "JenjangJabatan",
        [ow.Thing],
        "jenjang jabatan",
        "position level",
        "A level of a ladder of posts (e.g. Administrator, ahli muda). Levels are ordered "
        "within their ladder by pw:rank and pw:higherThan.",
    )
    ladders = {}
    for key, (name, label_id, label_en) in LADDERS.items():
        ladders[key] = new_class(
            pw,
            name,
            [level_class],
            label_id,
            label_en,
            f"A level of the {label_en} ladder; its levels are totally ordered by pw:rank.",
        )
    ow.AllDisjoint(list(ladders.values()))

    level = new_property(
        pw,
        "level",
        (ow.ObjectProperty,),
        "jenjang",
        "level",
        "A post, or a role played by holders of posts of one level -> that level.",
        range_=[level_class],
    )
    rank = new_property(
        pw,
        "rank",
        (ow.DataProperty, ow.FunctionalProperty),
        "peringkat",
        "rank",
        "The level's rank within its ladder, 1 = lowest. Compare ranks only between levels "
        "of the same ladder: the regulations do not rank a JF level against a structural one.",
        domain=[level_class],
        range_=[int],
    )
    higher = new_property(
        pw,
        "higherThan",
        (ow.ObjectProperty, ow.TransitiveProperty),
        "lebih tinggi dari",
        "higher than",
        "A level -> each lower level of the same ladder. Transitive; 'X or higher' is "
        "?l = X or ?l pw:higherThan X.",
        domain=[level_class],
        range_=[level_class],
    )
    lower = new_property(
        pw,
        "lowerThan",
        (ow.ObjectProperty, ow.TransitiveProperty),
        "lebih rendah dari",
        "lower than",
        "A level -> each higher level of the same ladder; inverse of pw:higherThan.",
        domain=[level_class],
        range_=[level_class],
    )
    lower.inverse_property = higher

    individuals = {}
    for item in LEVELS:
        individual = ladders[item.ladder](item.local_name, namespace=pw)
        individual.label = [ow.locstr(item.label_id, "id"), ow.locstr(item.label_en, "en")]
        rank[individual] = [item.rank]
        individuals[item.id] = individual
    for item in LEVELS:
        higher[individuals[item.id]] = [
            individuals[other.id]
            for other in LEVELS
            if other.ladder == item.ladder and other.rank < item.rank
        ]
    ow.AllDifferent(list(individuals.values()))

    for item in LEVELS:
        cls = getattr(pw, item.jabatan)
        if sum(other.jabatan == item.jabatan for other in LEVELS) == 1:
            cls.equivalent_to.append(post & level.value(individuals[item.id]))
    for name, ladder in (
        ("JabatanFungsionalKeahlian", "keahlian"),
        ("JabatanFungsionalKeterampilan", "keterampilan"),
    ):
        getattr(pw, name).equivalent_to.append(post & level.some(ladders[ladder]))
