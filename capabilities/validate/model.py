"""The data model of an uploaded organisation: W3C ORG, the project ontology, ``pwv:``.

Every input (CSV folder, XLSX workbook, RDF) is read into an :class:`Organisation` (plain
records) and written by :func:`to_graph` into one rdflib graph the shapes check. Base
facts use ORG and the ontology (``org:subOrganizationOf``, ``org:memberOf``,
``org:reportsTo``, ``org:headOf``, ``org:Membership``, ``pw:PerangkatDaerah``,
``pw:UnitKerjaMandiri``, ``pw:TimKerja``, ``pw:pemilikKinerja``, ``pw:level``, the role
individuals); the terms the ontology lacks (golongan, penilai kinerja, how a team was set
up ...) are in the validation vocabulary ``pwv:`` (``shapes/vocabulary.ttl``).

Derived facts are computed here, once, so the shapes stay SHACL Core and cheap:
``pwv:rank`` (structural rank from ``ontology.levels``), ``pwv:golonganRank``, a class per
jabatan and per JF jenjang, ``pwv:pengawasCount`` and ``pwv:diSekretariatDaerah`` per unit,
``pwv:ketua``/``pwv:anggota`` shortcuts per team, a class per lingkup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final
from urllib.parse import quote

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

from extract import vocab
from ontology.levels import LEVELS

PWV: Final = Namespace(vocab.BASE + "validate#")
PW: Final = Namespace(vocab.PW)
ORG: Final = Namespace(vocab.ORG)
ROLE: Final = Namespace(vocab.ROLE)
#: Base of the IRIs given to the rows of a CSV/XLSX upload.
UPLOAD: Final = "urn:perwali-upload:"

UNIT_CLASSES: Final = {
    "perangkat_daerah": PW.PerangkatDaerah,
    "unit_organisasi": PW.UnitOrganisasi,
    "unit_kerja_mandiri": PW.UnitKerjaMandiri,
}
#: jabatan value -> (post class of the ontology, class of its holders in pwv:, level id)
JABATAN: Final = {
    "jpt_pratama": (PW.JabatanPimpinanTinggiPratama, PWV.PejabatPimpinanTinggiPratama),
    "administrator": (PW.JabatanAdministrator, PWV.PejabatAdministrator),
    "pengawas": (PW.JabatanPengawas, PWV.PejabatPengawas),
    "pelaksana": (PW.JabatanPelaksana, PWV.PejabatPelaksana),
    "fungsional": (PW.JabatanFungsional, PWV.PejabatFungsional),
}
_LEVEL_OF_JABATAN: Final = {
    "jpt_pratama": "pimpinan-tinggi-pratama",
    "administrator": "administrator",
    "pengawas": "pengawas",
    "pelaksana": "pelaksana",
}
_LEVELS: Final = {level.id: level for level in LEVELS}
#: jenjang value (Jabatan Fungsional only) -> class of its holders in pwv:
JENJANG_CLASS: Final = {
    "ahli_utama": PWV.JFAhliUtama,
    "ahli_madya": PWV.JFAhliMadya,
    "ahli_muda": PWV.JFAhliMuda,
    "ahli_pertama": PWV.JFAhliPertama,
    "penyelia": PWV.JFKeterampilan,
    "mahir": PWV.JFKeterampilan,
    "terampil": PWV.JFKeterampilan,
    "pemula": PWV.JFKeterampilan,
}
LINGKUP: Final = {
    "unit": PWV.LingkupUnit,
    "lintas_unit": PWV.LingkupLintasUnit,
    "lintas_pd": PWV.LingkupLintasPD,
    "lintas_instansi": PWV.LingkupLintasInstansi,
}
TIM_CLASS: Final = {
    "unit": PWV.TimUnit,
    "lintas_unit": PWV.TimLintasUnit,
    "lintas_pd": PWV.TimLintasPD,
    "lintas_instansi": PWV.TimLintasInstansi,
}
PENUGASAN_CLASS: Final = {
    "unit": PWV.PenugasanUnit,
    "lintas_unit": PWV.PenugasanLintasUnit,
    "lintas_pd": PWV.PenugasanLintasPD,
    "lintas_instansi": PWV.PenugasanLintasInstansi,
}
DASAR: Final = {"surat_perintah": PWV.SuratPerintah, "keputusan": PWV.Keputusan}
PENETAP: Final = {
    "wali_kota": ROLE["wali-kota"],
    "sekretaris_daerah": ROLE["sekretaris-daerah"],
    "kepala_perangkat_daerah": ROLE["kepala-perangkat-daerah"],
    "pimpinan_unit": ROLE["pimpinan-unit-organisasi"],
    "pejabat_penilai_kinerja": ROLE["pejabat-penilai-kinerja"],
}
MUATAN: Final = {
    "maksud_tujuan": PWV.MaksudTujuan,
    "kompetensi": PWV.Kompetensi,
    "target_kinerja": PWV.TargetKinerja,
    "durasi": PWV.Durasi,
    "pengaturan_lain": PWV.PengaturanLain,
}
CARA: Final = {"penunjukan": PWV.Penunjukan, "pengajuan_sukarela": PWV.PengajuanSukarela}
PERAN: Final = {"ketua": ROLE["ketua-tim"], "anggota": ROLE["anggota-tim"]}
GOLONGAN_RUANG: Final = {"I": "abcd", "II": "abcd", "III": "abcd", "IV": "abcde"}

#: every IRI that stands for a value of the template -> that value (to show it back)
VALUE_OF_IRI: Final[dict[str, str]] = {
    str(iri): value
    for table in (UNIT_CLASSES, LINGKUP, DASAR, PENETAP, MUATAN, CARA, PERAN)
    for value, iri in table.items()
} | {str(iri): value for value, pair in JABATAN.items() for iri in pair}

TRUE, FALSE = Literal(True), Literal(False)


def golongan_rank(golongan: str) -> int | None:
    """``"III/a"`` -> 9 (I/a = 1 … IV/e = 17); None when it is not a PNS golongan."""
    text = golongan.strip().upper().replace(" ", "")
    if "/" not in text and text[-1:].isalpha() and text[:-1] in GOLONGAN_RUANG:
        text = f"{text[:-1]}/{text[-1]}"
    group, _, ruang = text.partition("/")
    letters = GOLONGAN_RUANG.get(group)
    if letters is None or len(ruang) != 1 or ruang.lower() not in letters:
        return None
    base = {"I": 0, "II": 4, "III": 8, "IV": 12}[group]
    return base + letters.index(ruang.lower()) + 1


@dataclass
class Origin:
    """Where a record came from: a file and row (CSV/XLSX) or a subject IRI (RDF)."""

    file: str
    row: int | None = None
    subject: str | None = None


@dataclass
class Unit:
    code: str
    name: str
    jenis: str
    induk: str | None
    origin: Origin


@dataclass
class Pegawai:
    nip: str
    name: str
    unit: str
    jabatan: str
    jenjang: str | None
    golongan: str | None
    atasan: str | None
    penilai: str | None
    pimpinan_unit: str | None
    hasil_penyetaraan: bool
    delegasi_penilai: bool
    origin: Origin


@dataclass
class Tim:
    code: str
    name: str
    lingkup: str
    pemilik: str | None
    dasar: str | None
    penetap: str | None
    memuat: tuple[str, ...]
    origin: Origin


@dataclass
class Anggota:
    tim: str
    nip: str
    peran: str
    origin: Origin


@dataclass
class Penugasan:
    code: str
    nip: str
    cara: str | None
    lingkup: str | None
    unit_tujuan: str | None
    dasar: str | None
    penetap: str | None
    memuat: tuple[str, ...]
    disetujui_atasan: bool | None
    origin: Origin


@dataclass
class Organisation:
    """The records of one upload, keyed by code; ``iris`` overrides minted IRIs (RDF)."""

    units: dict[str, Unit] = field(default_factory=dict)
    pegawai: dict[str, Pegawai] = field(default_factory=dict)
    tim: dict[str, Tim] = field(default_factory=dict)
    anggota: list[Anggota] = field(default_factory=list)
    penugasan: dict[str, Penugasan] = field(default_factory=dict)
    iris: dict[tuple[str, str], str] = field(default_factory=dict)
    duplicates: list = field(default_factory=list)  # records whose key was taken already

    def iri(self, kind: str, code: str) -> URIRef:
        """The node of a record: its own IRI (RDF input) or ``urn:perwali-upload:kind:code``."""
        own = self.iris.get((kind, code))
        return URIRef(own if own else f"{UPLOAD}{kind}:{quote(code, safe='')}")


@dataclass
class DataGraph:
    """An upload as RDF, ready to validate; ``labels`` maps node IRIs to what users see."""

    graph: Graph
    labels: dict[str, str]
    organisation: Organisation
    source_name: str
    kind: str  # "csv" (also XLSX) or "rdf"

    def label(self, node: str) -> str:
        """The nip / kode of a node (CSV), the IRI (RDF), or the template value of a term."""
        return self.labels.get(node) or VALUE_OF_IRI.get(node) or node


def to_graph(org: Organisation, source_name: str, kind: str) -> DataGraph:
    """Write the facts the shapes read, base and derived, into a new graph.

    The graph is lean on purpose (it is what pyshacl walks): per person only the class of
    their jabatan and jenjang, org:memberOf, org:reportsTo, org:headOf, the ranks, the
    classes that place them, and the flags that are true. Names stay in ``organisation``.
    """
    graph = Graph()
    add = graph.add
    labels: dict[str, str] = {}
    _add_units(org, add, labels)
    _add_pegawai(org, add, labels)
    _add_tim(org, add, labels)
    _add_penugasan(org, add, labels)
    if kind == "rdf":
        labels = {iri: iri for iri in labels}
    return DataGraph(graph, labels, org, source_name, kind)


def _add_units(org: Organisation, add, labels: dict[str, str]) -> None:
    setda = _in_sekretariat_daerah(org)
    for unit in org.units.values():
        node = org.iri("unit", unit.code)
        labels[str(node)] = unit.code
        add((node, RDF.type, UNIT_CLASSES[unit.jenis]))
        add((node, RDFS.label, Literal(unit.name)))
        if unit.induk:
            add((node, ORG.subOrganizationOf, org.iri("unit", unit.induk)))
        add((node, PWV.diSekretariatDaerah, TRUE if setda[unit.code] else FALSE))


def _ancestors(org: Organisation, code: str) -> list[str]:
    """``code`` and every unit above it (the input has no cycles by then)."""
    chain = []
    while code and code in org.units and code not in chain:
        chain.append(code)
        code = org.units[code].induk or ""
    return chain


def _units_with_pengawas(org: Organisation) -> set[str]:
    """Units that hold a Pengawas, themselves or in a unit below them."""
    found: set[str] = set()
    for person in org.pegawai.values():
        if person.jabatan == "pengawas":
            found.update(_ancestors(org, person.unit))
    return found


def _in_sekretariat_daerah(org: Organisation) -> dict[str, bool]:
    """Whether a unit is (in) a Perangkat Daerah named Sekretariat Daerah."""
    result = {}
    for code in org.units:
        top = org.units[_ancestors(org, code)[-1]]
        result[code] = "sekretariat daerah" in " ".join(top.name.lower().split())
    return result


def structural_rank(person: Pegawai) -> int | None:
    """The rank of a structural post (JPT Pratama 4 … Pelaksana 1); None for a JF."""
    level = _LEVEL_OF_JABATAN.get(person.jabatan)
    return _LEVELS[level].rank if level else None


_TYPE, _MEMBER_OF, _REPORTS_TO, _HEAD_OF = RDF.type, ORG.memberOf, ORG.reportsTo, ORG.headOf
_RANK, _ATASAN_RANK, _GOLONGAN_RANK = PWV.rank, PWV.atasanRank, PWV.golonganRank
_RANK_LITERAL = {rank: Literal(rank) for rank in range(1, 18)}
_PELAKSANA_CLASS = {True: PWV.PelaksanaDiUnitBerpengawas, False: PWV.PelaksanaDiUnitTanpaPengawas}
_DINILAI_CLASS = {
    "fungsional": PWV.JFDinilaiTanpaDelegasi,
    "pelaksana": PWV.PelaksanaDinilaiTanpaDelegasi,
}
#: the lowest structural rank that may appraise (Pejabat Penilai Kinerja: paling rendah Pengawas)
_PENGAWAS_RANK: Final = _LEVELS[_LEVEL_OF_JABATAN["pengawas"]].rank


@dataclass
class _Context:
    """What writing one person needs to know about the whole organisation."""

    ranks: dict[str, int | None]
    nodes: dict[str, URIRef]
    units: dict[str, URIRef]
    with_pengawas: set[str]
    appraisers: set[str]
    superiors: set[str]
    delegated: set[str]
    in_teams: set[str]

    @classmethod
    def of(cls, org: Organisation) -> _Context:
        people = org.pegawai.values()
        return cls(
            ranks={nip: structural_rank(person) for nip, person in org.pegawai.items()},
            nodes={nip: org.iri("pegawai", nip) for nip in org.pegawai},
            units={code: org.iri("unit", code) for code in org.units},
            with_pengawas=_units_with_pengawas(org),
            appraisers={person.penilai for person in people if person.penilai},
            superiors={person.atasan for person in people if person.atasan},
            delegated={person.nip for person in people if person.delegasi_penilai},
            in_teams={member.nip for member in org.anggota},
        )


def _add_pegawai(org: Organisation, add, labels: dict[str, str]) -> None:
    """Per person only what the shapes read (the graph is what pyshacl walks).

    The appraiser relation is written as the class ``pwv:PenilaiTanpaDelegasi`` of the
    appraiser (and as ``pwv:penilaiKinerja`` only for the people
    ``_appraised_without_delegation``), and ``pwv:golonganRank`` only for team members
    (the ketua rules read it).
    """
    context = _Context.of(org)
    for nip, person in org.pegawai.items():
        labels[str(context.nodes[nip])] = nip
        _write_person(org, person, context, add)


def _write_person(org: Organisation, person: Pegawai, context: _Context, add) -> None:
    node, ranks, nip = context.nodes[person.nip], context.ranks, person.nip
    add((node, _TYPE, JABATAN[person.jabatan][1]))
    add((node, _MEMBER_OF, context.units[person.unit]))
    if ranks[nip]:
        add((node, _RANK, _RANK_LITERAL[ranks[nip]]))
    if person.jenjang in JENJANG_CLASS:
        add((node, _TYPE, JENJANG_CLASS[person.jenjang]))
    if person.golongan and nip in context.in_teams:
        rank = golongan_rank(person.golongan)
        if rank is not None:
            add((node, _GOLONGAN_RANK, _RANK_LITERAL[rank]))
    if person.atasan:
        add((node, _REPORTS_TO, context.nodes[person.atasan]))
        if ranks[person.atasan]:
            add((node, _ATASAN_RANK, _RANK_LITERAL[ranks[person.atasan]]))
    if person.pimpinan_unit:
        add((node, _HEAD_OF, context.units[person.pimpinan_unit]))
    if _appraised_without_delegation(person, context):
        add((node, _TYPE, _DINILAI_CLASS[person.jabatan]))
        add((node, PWV.penilaiKinerja, context.nodes[person.penilai]))  # the finding's value
        add((node, PWV.atasanDanPenilai, context.nodes[person.penilai]))
        add((node, PWV.atasanDanPenilai, context.nodes[person.atasan]))
    for cls in _person_classes(org, person, context.appraisers, context.superiors):
        add((node, _TYPE, cls))
    if person.jabatan == "pelaksana":
        add((node, _TYPE, _PELAKSANA_CLASS[person.unit in context.with_pengawas]))
    if person.hasil_penyetaraan:
        add((node, PWV.hasilPenyetaraan, TRUE))
    if person.delegasi_penilai:
        add((node, PWV.delegasiPenilai, TRUE))


def _appraised_without_delegation(person: Pegawai, context: _Context) -> bool:
    """A JF or Pelaksana with a superior who could appraise them (a structural post of
    Pengawas or above) and an appraiser who holds no delegation.

    Only these people get ``pwv:penilaiKinerja`` and ``pwv:atasanDanPenilai`` (superior
    and appraiser: one value when they are the same person; the shape allows one, a
    simple path being much cheaper in pyshacl than ``sh:equals`` or an alternative path).
    A superior below Pengawas, or a JF superior, cannot be the appraiser by the definition
    of Pejabat Penilai Kinerja: other rules report that.
    """
    if person.jabatan not in _DINILAI_CLASS or not (person.atasan and person.penilai):
        return False
    rank = context.ranks[person.atasan]
    return rank is not None and rank >= _PENGAWAS_RANK and person.penilai not in context.delegated


def update_people(data: DataGraph, changed: list[Pegawai]) -> list[URIRef]:
    """Replace people's records (by nip) and rewrite the triples that depend on them.

    For re-validating one changed unit without reading the upload again: returns the
    focus nodes to validate (``validate_graph(..., focus_nodes=...)``): the changed people,
    their old and new superiors and appraisers (whose classes may change), the people
    under them (whose superior's rank is copied onto them) or appraised by them (whose
    appraiser's delegation places them), the Pelaksana
    whose unit gained or lost a Pengawas, and the teams and assignments they are in.
    References are not checked here: the caller changes records of people that exist,
    pointing at people and units that exist.
    """
    org = data.organisation
    affected: set[str] = set()
    pengawas_moved = False
    for person in changed:
        old = org.pegawai.get(person.nip)
        for record in (old, person):
            if record is not None:
                affected.update(n for n in (record.nip, record.atasan, record.penilai) if n)
                pengawas_moved |= record.jabatan == "pengawas"
        org.pegawai[person.nip] = person
    changed_nips = {person.nip for person in changed}
    affected.update(
        nip
        for nip, p in org.pegawai.items()
        if p.atasan in changed_nips or p.penilai in changed_nips
    )
    if pengawas_moved:
        affected.update(nip for nip, p in org.pegawai.items() if p.jabatan == "pelaksana")
    context = _Context.of(org)
    for nip in sorted(affected):
        data.graph.remove((context.nodes[nip], None, None))
        data.labels[str(context.nodes[nip])] = (
            nip if data.kind != "rdf" else str(context.nodes[nip])
        )
        _write_person(org, org.pegawai[nip], context, data.graph.add)
    teams = sorted({m.tim for m in org.anggota if m.nip in affected})
    with_penyetaraan = _teams_with_penyetaraan(org)
    for code in teams:
        node = org.iri("tim", code)
        data.graph.remove((node, _TYPE, PWV.TimDenganHasilPenyetaraan))
        if code in with_penyetaraan:
            data.graph.add((node, _TYPE, PWV.TimDenganHasilPenyetaraan))
    tasks = sorted(code for code, item in org.penugasan.items() if item.nip in affected)
    return (
        [context.nodes[nip] for nip in sorted(affected)]
        + [org.iri("tim", code) for code in teams]
        + [org.iri("penugasan", code) for code in tasks]
    )


def _person_classes(org: Organisation, person: Pegawai, appraisers, superiors) -> list:
    """Classes that sort people by their place in the structure (so targets stay narrow)."""
    classes = []
    if person.nip in appraisers and not person.delegasi_penilai:
        classes.append(PWV.PenilaiTanpaDelegasi)
    if person.jabatan == "fungsional":
        if person.pimpinan_unit:
            classes.append(PWV.PemimpinFungsional)
            if org.units[person.pimpinan_unit].jenis == "unit_kerja_mandiri":
                classes.append(PWV.PemimpinUnitKerjaMandiri)
        if person.nip in superiors:
            classes.append(PWV.AtasanFungsional)
    return classes


def _add_tim(org: Organisation, add, labels: dict[str, str]) -> None:
    setda = _in_sekretariat_daerah(org)
    for team in org.tim.values():
        node = org.iri("tim", team.code)
        labels[str(node)] = team.code
        add((node, RDF.type, PW.TimKerja))
        add((node, RDF.type, TIM_CLASS[team.lingkup]))
        if team.lingkup == "lintas_instansi":
            add((node, RDF.type, PW.TimKerjaLintasInstansi))
        add((node, ORG.identifier, Literal(team.code)))
        if team.name:
            add((node, RDFS.label, Literal(team.name)))
        _add_setting(org, add, node, team.lingkup, team.dasar, team.penetap, team.memuat)
        if team.pemilik:
            add((node, PW.pemilikKinerja, org.iri("unit", team.pemilik)))
        if team.lingkup == "unit" and team.dasar == "surat_perintah":
            add((node, RDF.type, PWV.TimUnitSuratPerintah))
        in_setda = bool(team.pemilik) and setda[team.pemilik]
        add(
            (node, RDF.type, PWV.TimSekretariatDaerah if in_setda else PWV.TimLuarSekretariatDaerah)
        )
    for code in _teams_with_penyetaraan(org):
        add((org.iri("tim", code), RDF.type, PWV.TimDenganHasilPenyetaraan))
    for member in org.anggota:
        team, person = org.iri("tim", member.tim), org.iri("pegawai", member.nip)
        membership = URIRef(f"{team}/anggota/{quote(member.nip, safe='')}")
        add((membership, RDF.type, ORG.Membership))
        add((membership, ORG.member, person))
        add((membership, ORG.organization, team))
        add((membership, ORG.role, PERAN[member.peran]))
        add((team, PWV.ketua if member.peran == "ketua" else PWV.anggota, person))


def _teams_with_penyetaraan(org: Organisation) -> set[str]:
    """Teams with a JF hasil penyetaraan as anggota (the ketua rules read this class)."""
    penyetaraan = {nip for nip, person in org.pegawai.items() if person.hasil_penyetaraan}
    return {m.tim for m in org.anggota if m.peran == "anggota" and m.nip in penyetaraan}


def _add_setting(org, add, node, lingkup, dasar, penetap, memuat) -> None:
    if lingkup:
        add((node, PWV.lingkup, LINGKUP[lingkup]))
    if dasar:
        add((node, PWV.dasarPenetapan, DASAR[dasar]))
    if penetap:
        add((node, PWV.ditetapkanOleh, PENETAP[penetap]))
    for item in memuat:
        add((node, PWV.memuat, MUATAN[item]))


def _add_penugasan(org: Organisation, add, labels: dict[str, str]) -> None:
    setda = _in_sekretariat_daerah(org)
    for item in org.penugasan.values():
        node = org.iri("penugasan", item.code)
        labels[str(node)] = item.code
        add((node, RDF.type, PWV.Penugasan))
        if item.lingkup:
            add((node, RDF.type, PENUGASAN_CLASS[item.lingkup]))
        add((node, ORG.identifier, Literal(item.code)))
        add((node, PWV.pegawai, org.iri("pegawai", item.nip)))
        if item.cara:
            add((node, PWV.cara, CARA[item.cara]))
        if item.unit_tujuan:
            add((node, PWV.unitTujuan, org.iri("unit", item.unit_tujuan)))
        _add_setting(org, add, node, item.lingkup, item.dasar, item.penetap, item.memuat)
        if item.lingkup == "unit" and item.dasar == "surat_perintah":
            add((node, RDF.type, PWV.PenugasanUnitSuratPerintah))
        person = org.pegawai.get(item.nip)
        in_setda = person is not None and setda.get(person.unit, False)
        add(
            (
                node,
                RDF.type,
                PWV.PenugasanSekretariatDaerah if in_setda else PWV.PenugasanLuarSekretariatDaerah,
            )
        )
        if item.disetujui_atasan is not None:
            add((node, PWV.disetujuiAtasan, TRUE if item.disetujui_atasan else FALSE))
