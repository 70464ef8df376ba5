"""The rule catalogue: every rule id, what it checks in plain words, and where it is stated.

The shapes (``shapes/<regulation>.ttl``) say which regulation states which rule, with
which provision and severity; this module adds the plain-language description of each
rule and lists them (``perwali rules``, ``GET /api/rules``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from capabilities.validate import engine
from capabilities.validate.citations import Citations

#: rule id -> (what it checks, Indonesian; the same in English). Order = listing order.
RULES: Final[dict[str, tuple[str, str]]] = {
    "penilai-min-pengawas": (
        "Pejabat Penilai Kinerja paling rendah Pejabat Pengawas, kecuali diberi pendelegasian "
        "kewenangan.",
        "The Pejabat Penilai Kinerja is at least a Pengawas, unless authority was delegated.",
    ),
    "penilai-atasan-langsung": (
        "Pejabat Penilai Kinerja Pejabat Fungsional dan Pelaksana adalah atasan langsungnya, "
        "kecuali pejabat lain yang diberi pendelegasian kewenangan.",
        "The appraiser (Pejabat Penilai Kinerja) of a JF or Pelaksana is their direct superior, "
        "unless another official was given delegated authority.",
    ),
    "pimpinan-unit-jabatan": (
        "Jabatan yang dapat menjadi Pimpinan Unit Organisasi.",
        "Which posts may lead a Unit Organisasi (Pimpinan Unit Organisasi).",
    ),
    "pimpinan-unit-jf-mandiri": (
        "Pejabat Fungsional hanya memimpin unit kerja mandiri.",
        "A Pejabat Fungsional leads only a unit kerja mandiri.",
    ),
    "jf-kedudukan": (
        "Kedudukan Jabatan Fungsional menurut jenjangnya: jabatan atasan langsungnya.",
        "Where a Jabatan Fungsional sits by its jenjang: the post of its direct superior.",
    ),
    "jf-pelaksana-atasan": (
        "Pejabat Fungsional dan Pelaksana di bawah JPT Pratama, Administrator atau Pengawas.",
        "JF and Pelaksana report to a JPT Pratama, an Administrator or a Pengawas.",
    ),
    "pelaksana-kedudukan": (
        "Pelaksana di bawah Pengawas; di bawah Administrator hanya bila unitnya tidak mempunyai "
        "Pengawas.",
        "A Pelaksana reports to a Pengawas; to an Administrator only when the unit has no "
        "Pengawas.",
    ),
    "jf-mandiri-membawahi": (
        "Hanya Pejabat Fungsional yang memimpin unit kerja mandiri yang dapat membawahi Pejabat "
        "Fungsional dan Pelaksana.",
        "Only a JF appointed to lead a unit kerja mandiri may supervise JF and Pelaksana.",
    ),
    "tim-satu-ketua": (
        "Tim kerja mempunyai tepat satu ketua tim.",
        "A work team has exactly one ketua tim.",
    ),
    "tim-ada-anggota": (
        "Tim kerja mempunyai paling sedikit satu anggota tim.",
        "A work team has at least one member.",
    ),
    "ketua-jabatan": (
        "Jabatan yang dapat menjadi ketua tim kerja.",
        "Which posts may lead a work team.",
    ),
    "ketua-golongan": (
        "Ketua tim paling rendah golongan III/a.",
        "The team leader is at least golongan III/a.",
    ),
    "ketua-hasil-penyetaraan": (
        "Bila tim mempunyai Pejabat Fungsional hasil penyetaraan jabatan, ketua tim dijabat "
        "olehnya.",
        "Where the team has a JF from the equalisation of posts (hasil penyetaraan), one of them "
        "leads it.",
    ),
    "ketua-dari-pemilik": (
        "Ketua tim lintas unit diutamakan berasal dari unit pemilik kinerja.",
        "The leader of a cross-unit team preferably comes from the unit that owns the "
        "performance target.",
    ),
    "tim-penetapan": (
        "Siapa yang menetapkan pembentukan dan susunan tim kerja, dan dengan apa.",
        "Who sets up a work team, and by what instrument.",
    ),
    "tim-lintas-pd": (
        "Penetapan tim kerja lintas Perangkat Daerah (atau: peraturan tidak mengaturnya).",
        "How a cross-agency (lintas Perangkat Daerah) team is set up (or: the regulation does "
        "not provide for it).",
    ),
    "tim-lintas-instansi": (
        "Penetapan tim kerja lintas Instansi Pemerintah (atau: peraturan tidak mengaturnya).",
        "How a cross-institution team is set up (or: the regulation does not provide for it).",
    ),
    "penugasan-lintas-pd": (
        "Penugasan individu lintas Perangkat Daerah (peraturan tidak mengaturnya).",
        "An individual assignment across Perangkat Daerah "
        "(the regulation does not provide for it).",
    ),
    "sp-muatan": (
        "Surat perintah penugasan dalam satu unit mencantumkan maksud dan tujuan, target "
        "kinerja, dan durasi.",
        "A surat perintah within one unit states purpose, performance target and duration.",
    ),
    "permohonan-muatan": (
        "Permohonan penugasan lintas unit mencantumkan maksud dan tujuan, kompetensi, target "
        "kinerja, dan durasi.",
        "A cross-unit request states purpose, competence needed, performance target and duration.",
    ),
    "penugasan-penetapan": (
        "Siapa yang menetapkan penugasan individu.",
        "Who issues an individual assignment.",
    ),
    "sukarela-persetujuan": (
        "Pengajuan sukarela lintas unit memerlukan persetujuan atasan langsung/Pejabat Penilai "
        "Kinerja.",
        "A voluntary cross-unit application needs the approval of the direct superior / appraiser.",
    ),
}

#: What a finding shows as its value: rule -> predicate of the subject whose values the
#: report shows (``^p``: the subjects that have ``p`` pointing at it; ``rdf:type``: the
#: jabatan of the subject). Rules not listed show the value the shape reports.
VALUE_PATHS: Final[dict[str, str]] = {
    "penilai-min-pengawas": "rdf:type",
    "penilai-atasan-langsung": "https://w3id.org/perwali-kg/validate#penilaiKinerja",
    "pimpinan-unit-jabatan": "rdf:type",
    "pimpinan-unit-jf-mandiri": "http://www.w3.org/ns/org#headOf",
    "jf-mandiri-membawahi": "^http://www.w3.org/ns/org#reportsTo",
    "jf-kedudukan": "http://www.w3.org/ns/org#reportsTo",
    "jf-pelaksana-atasan": "http://www.w3.org/ns/org#reportsTo",
    "pelaksana-kedudukan": "http://www.w3.org/ns/org#reportsTo",
    "tim-penetapan": "https://w3id.org/perwali-kg/validate#ditetapkanOleh",
    "tim-lintas-pd": "https://w3id.org/perwali-kg/validate#ditetapkanOleh",
    "tim-lintas-instansi": "https://w3id.org/perwali-kg/validate#ditetapkanOleh",
    "penugasan-penetapan": "https://w3id.org/perwali-kg/validate#ditetapkanOleh",
    "sukarela-persetujuan": "https://w3id.org/perwali-kg/validate#cara",
}


@dataclass
class Provision:
    """One provision stating a rule in one regulation; ``note``: how the text was read."""

    regulation: str
    provision: str
    citation: str
    severity: str
    note: str = ""

    def to_json(self) -> dict:
        out = {
            "regulation": self.regulation,
            "provision": self.provision,
            "citation": self.citation,
            "severity": self.severity,
        }
        if self.note:
            out["note"] = self.note
        return out


@dataclass
class Rule:
    """One rule: id, severities, descriptions, the provisions (of every regulation) stating it."""

    id: str
    description_id: str
    description_en: str
    provisions: list[Provision] = field(default_factory=list)

    @property
    def severities(self) -> list[str]:
        order = ("Violation", "Warning", "Info")
        found = {p.severity for p in self.provisions}
        return [s for s in order if s in found]

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "severity": self.severities[0] if len(self.severities) == 1 else self.severities,
            "description": {"id": self.description_id, "en": self.description_en},
            "regulations": sorted({p.regulation for p in self.provisions}),
            "provisions": [p.to_json() for p in self.provisions],
        }


def catalogue(citations: Citations, regulation: str | None = None) -> list[Rule]:
    """Every rule (of one regulation, or of all), with the provisions that state it."""
    chosen = [engine.resolve(regulation)] if regulation else engine.regulations()
    rules = {rule_id: Rule(rule_id, *texts) for rule_id, texts in RULES.items()}
    for reg in chosen:
        seen = set()
        for info in sorted(engine.shape_infos(reg).values(), key=_provision_order):
            key = (info.rule, info.provision, info.severity)
            if key in seen:
                continue
            seen.add(key)
            rule = rules.setdefault(info.rule, Rule(info.rule, info.rule, info.rule))
            rule.provisions.append(
                Provision(
                    reg,
                    info.provision,
                    citations.citation(info.provision),
                    info.severity,
                    info.comment,
                )
            )
    return [rule for rule in rules.values() if rule.provisions]


def _provision_order(info: engine.ShapeInfo) -> tuple:
    """Pasal 1 angka 16 < Pasal 9 ayat (1) < Pasal 21 ayat (2) huruf a: numbers as numbers."""
    tail = info.provision.split("/pasal/", 1)[-1].split("/")
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in tail)


def rules_of(regulation: str) -> list[str]:
    """The rule ids a regulation's shapes check, in catalogue order."""
    ids = {info.rule for info in engine.shape_infos(regulation).values()}
    return [rule for rule in RULES if rule in ids] + sorted(ids - set(RULES))
