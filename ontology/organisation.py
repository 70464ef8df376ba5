"""Organisation, aligned to the W3C Organization Ontology (ORG).

The ORG terms needed are declared locally with ORG's meaning (ORG's published file is
not imported): organisations and their units, posts, roles and memberships.
"""

from __future__ import annotations

import owlready2 as ow

from ontology.annotate import Namespaces, new_class, new_property


def declare(ns: Namespaces) -> None:
    """Declare the ORG terms used and the regional-government organisation classes."""
    org, pw = ns.org, ns.pw
    organization = new_class(
        org,
        "Organization",
        [ow.Thing],
        "organisasi",
        "organization",
        "ORG: a collection of people organised into a community or social structure.",
    )
    formal = new_class(
        org,
        "FormalOrganization",
        [organization],
        "organisasi formal",
        "formal organization",
        "ORG: an organisation recognised in the world at large, e.g. in law.",
    )
    unit = new_class(
        org,
        "OrganizationalUnit",
        [organization],
        "unit organisasi (ORG)",
        "organizational unit",
        "ORG: a part of a formal organisation without full recognition of its own.",
    )
    collaboration = new_class(
        org,
        "OrganizationalCollaboration",
        [organization],
        "kolaborasi organisasi",
        "organizational collaboration",
        "ORG: a collaboration between organisations, e.g. a cross-institution team.",
    )
    new_class(
        org,
        "Post",
        [ow.Thing],
        "jabatan (ORG)",
        "post",
        "ORG: a position in an organisation that exists independently of its holder.",
    )
    org_role = new_class(
        org,
        "Role",
        [ns.skos.Concept],
        "peran (ORG)",
        "role",
        "ORG: a role a person or post can play in an organisation; a skos:Concept.",
    )
    membership = new_class(
        org,
        "Membership",
        [ow.Thing],
        "keanggotaan",
        "membership",
        "ORG: an n-ary link between a member, an organisation and a role (e.g. ketua tim).",
    )
    sub_of = new_property(
        org,
        "subOrganizationOf",
        (ow.ObjectProperty,),
        "suborganisasi dari",
        "sub-organization of",
        "ORG: an organisation -> the organisation it is part of.",
        domain=[organization],
        range_=[organization],
    )
    has_sub = new_property(
        org,
        "hasSubOrganization",
        (ow.ObjectProperty,),
        "memiliki suborganisasi",
        "has sub-organization",
        "ORG: inverse of org:subOrganizationOf.",
        domain=[organization],
        range_=[organization],
    )
    has_sub.inverse_property = sub_of
    unit_of = new_property(
        org,
        "unitOf",
        (sub_of,),
        "unit dari",
        "unit of",
        "ORG: an organisational unit -> the formal organisation it belongs to.",
        domain=[unit],
        range_=[formal],
    )
    has_unit = new_property(
        org,
        "hasUnit",
        (has_sub,),
        "memiliki unit",
        "has unit",
        "ORG: inverse of org:unitOf.",
        domain=[formal],
        range_=[unit],
    )
    has_unit.inverse_property = unit_of
    post_in = new_property(
        org,
        "postIn",
        (ow.ObjectProperty,),
        "jabatan pada",
        "post in",
        "ORG: a post -> the organisation it exists in.",
        domain=[org.Post],
        range_=[organization],
    )
    has_post = new_property(
        org,
        "hasPost",
        (ow.ObjectProperty,),
        "memiliki jabatan",
        "has post",
        "ORG: inverse of org:postIn.",
        domain=[organization],
        range_=[org.Post],
    )
    has_post.inverse_property = post_in
    new_property(
        org,
        "role",
        (ow.ObjectProperty,),
        "peran",
        "role",
        "ORG: a post or membership -> the role it plays.",
        domain=[org.Post | membership],
        range_=[org_role],
    )
    new_property(
        org,
        "organization",
        (ow.ObjectProperty,),
        "organisasi",
        "organization",
        "ORG: a membership -> the organisation it is in.",
        domain=[membership],
        range_=[organization],
    )
    new_property(
        org,
        "reportsTo",
        (ow.ObjectProperty,),
        "melapor kepada",
        "reports to",
        "ORG: a post or person -> the post or person it reports to.",
    )

    instansi = new_class(
        pw,
        "InstansiPemerintah",
        [formal],
        "Instansi Pemerintah",
        "government institution",
        "A central (Instansi Pusat) or regional (Instansi Daerah) government institution.",
    )
    new_class(
        pw,
        "PemerintahDaerah",
        [instansi],
        "Pemerintah Daerah",
        "regional government",
        "The government of a city or regency, led by its Wali Kota or Bupati.",
    )
    unit_org = new_class(
        pw,
        "UnitOrganisasi",
        [unit],
        "Unit Organisasi",
        "organisational unit",
        "A part of the organisational structure led by a JPT Pratama, an Administrator, a "
        "Pengawas, or a JF appointed to lead a unit kerja mandiri (Pimpinan Unit Organisasi).",
    )
    new_class(
        pw,
        "PerangkatDaerah",
        [unit_org],
        "Perangkat Daerah",
        "regional agency",
        "A regional government agency (Dinas, Badan, Sekretariat, Kecamatan ...), assisting "
        "the regional head; org:unitOf its Pemerintah Daerah. As it is led by a JPT Pratama "
        "it is also a Unit Organisasi.",
    )
    new_class(
        pw,
        "UnitKerjaMandiri",
        [unit_org],
        "unit kerja mandiri",
        "independent work unit",
        "A Unit Organisasi a Pejabat Fungsional is appointed to lead.",
    )
    team = new_class(
        pw,
        "TimKerja",
        [organization],
        "tim kerja",
        "work team",
        "A work team of JF and Pelaksana under a Pimpinan Unit Organisasi, within a unit, "
        "across units, across Perangkat Daerah or across institutions; its ketua tim and "
        "anggota tim are org:Memberships with those roles.",
    )
    new_class(
        pw,
        "TimKerjaLintasInstansi",
        [team, collaboration],
        "tim kerja lintas instansi",
        "cross-institution work team",
        "A work team whose members come from more than one government institution.",
    )
    new_property(
        pw,
        "pemilikKinerja",
        (ow.ObjectProperty,),
        "pemilik kinerja",
        "performance owner",
        "A team or assignment -> the Unit Organisasi that owns the performance target it serves.",
        range_=[unit_org],
    )
    new_class(
        pw,
        "Role",
        [org_role],
        "peran",
        "role",
        "A role a provision addresses (bearer or counterparty of a norm): played by holders "
        "of a post (Pejabat Fungsional), by a team function (ketua tim) or by a body acting "
        "through its head (Perangkat Daerah). Individuals in https://w3id.org/perwali-kg/role/.",
    )
