"""The vocabulary every stage shares: namespaces and the project's own terms.

The ontology (``ontology/``) declares every ``pw:`` term listed here, with labels in
Indonesian and English; ``tests/ontology`` checks that the graph uses no undeclared term.
Nothing else spells these IRIs out.
"""

from __future__ import annotations

from typing import Final

#: The fixed base of every IRI the project mints. It does not depend on the serving host:
#: w3id.org is a permanent-identifier redirect service, so the IRIs stay stable when the
#: deployment moves.
BASE: Final = "https://w3id.org/perwali-kg/"

PW: Final = BASE + "ontology#"
ROLE: Final = BASE + "role/"
TOPIC: Final = BASE + "topic/"
DOCTYPE: Final = BASE + "resource-type/"
JURISDICTION: Final = BASE + "jurisdiction/"
AGENT: Final = BASE + "agent/"
ONTOLOGY_GRAPH: Final = BASE + "graph/ontology"
SHAPES_GRAPH: Final = BASE + "graph/shapes"

ELI: Final = "http://data.europa.eu/eli/ontology#"
ORG: Final = "http://www.w3.org/ns/org#"
SKOS: Final = "http://www.w3.org/2004/02/skos/core#"
PROV: Final = "http://www.w3.org/ns/prov#"
RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS: Final = "http://www.w3.org/2000/01/rdf-schema#"
OWL: Final = "http://www.w3.org/2002/07/owl#"
XSD: Final = "http://www.w3.org/2001/XMLSchema#"
DCTERMS: Final = "http://purl.org/dc/terms/"
SH: Final = "http://www.w3.org/ns/shacl#"

#: Prefixes predeclared for SPARQL queries and used when serialising Turtle/TriG.
PREFIXES: Final[dict[str, str]] = {
    "pw": PW,
    "role": ROLE,
    "topic": TOPIC,
    "eli": ELI,
    "org": ORG,
    "skos": SKOS,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "dcterms": DCTERMS,
    "sh": SH,
}

# --- classes: legal structure (all subclasses of eli:LegalResourceSubdivision) -------
UNIT_CLASSES: Final[dict[str, str]] = {
    "bab": PW + "Bab",
    "bagian": PW + "Bagian",
    "paragraf": PW + "Paragraf",
    "pasal": PW + "Pasal",
    "ayat": PW + "Ayat",
    "huruf": PW + "Huruf",
    "angka": PW + "Angka",
    "menimbang": PW + "Menimbang",
    "mengingat": PW + "Mengingat",
    "definisi": PW + "Definisi",
    "lampiran": PW + "Lampiran",
    "bagian-lampiran": PW + "BagianLampiran",
}
REGULATION_CLASS: Final = (
    PW + "ProdukHukumDaerah"
)  # a regional regulation; subclass of eli:LegalResource
PENJELASAN_CLASS: Final = PW + "Penjelasan"  # a part of the Penjelasan (elucidation)
PENJELASAN_UMUM_CLASS: Final = PW + "PenjelasanUmum"  # "I. UMUM"
PENJELASAN_UNIT_CLASS: Final = PW + "PenjelasanUnit"  # the entry explaining one provision
EXPLAINS: Final = PW + "explains"  # Penjelasan entry -> the provision it explains
EXPLAINED_BY: Final = PW + "explainedBy"  # provision -> its Penjelasan entry (inverse)
GAZETTE_NAME: Final = PW + "gazetteName"  # "Lembaran Negara Republik Indonesia"
SUPPLEMENT_NUMBER: Final = PW + "tambahanNumber"  # Tambahan Lembaran Negara/Daerah Nomor
INSTRUMENT_CLASS: Final = PW + "Instrumen"  # an instrument cited by a regulation
WARNING_CLASS: Final = PW + "ParseWarning"

# --- properties ------------------------------------------------------------------------
TEXT: Final = PW + "text"  # the unit's own text, @id, whitespace-normalised
HEADING: Final = PW + "heading"  # heading of a BAB, Bagian, Paragraf or Lampiran section
POSITION: Final = PW + "position"  # 1-based order among the parent's parts
SOURCE_FILE: Final = PW + "sourceFile"
START_OFFSET: Final = PW + "startOffset"
END_OFFSET: Final = PW + "endOffset"
HEADING_INFERRED: Final = PW + "headingInferred"  # true when a lost Pasal heading was rebuilt
OCR_RECOVERED: Final = PW + "ocrRecovered"  # true when a heading/number was read through OCR noise
REGULATION_ID: Final = PW + "regulationId"  # e.g. "palu-28-2023"
YEAR: Final = PW + "year"
PROVINCE: Final = PW + "province"
TERM: Final = PW + "term"
ABBREVIATION: Final = PW + "abbreviation"
DEFINES: Final = PW + "defines"  # angka of Pasal 1 -> its Definisi
CITES: Final = PW + "cites"  # Mengingat item -> instrument
PINPOINT: Final = PW + "pinpoint"  # "Pasal 18 ayat (6)" of a cited instrument
PLACE_ENACTED: Final = PW + "placeEnacted"
PLACE_PROMULGATED: Final = PW + "placePromulgated"
SIGNATORY_NAME: Final = PW + "signatoryName"
SIGNATORY_OFFICE: Final = PW + "signatoryOffice"
SIGNATORY_ACTING: Final = PW + "signatoryActing"
PROMULGATOR_NAME: Final = PW + "promulgatorName"
PROMULGATOR_OFFICE: Final = PW + "promulgatorOffice"
GAZETTE_YEAR: Final = PW + "beritaDaerahYear"
GAZETTE_NUMBER: Final = PW + "beritaDaerahNumber"
HAS_WARNING: Final = PW + "hasWarning"
WARNING_CODE: Final = PW + "warningCode"
MESSAGE: Final = PW + "message"
REGULATION: Final = PW + "regulation"  # any unit -> the regulation it belongs to
CONCERNS: Final = PW + "concerns"  # a ParseWarning -> the unit it is about
EXPLAINS: Final = PW + "explains"  # a Penjelasan part -> the body unit it explains

# --- semantic layer (issue: ontology, norms, references) ------------------------------
NORM_CLASS: Final = PW + "Norm"
#: Norm subclasses by modality; "responsibility" is a kind of obligation.
MODALITY_CLASSES: Final[dict[str, str]] = {
    "obligation": PW + "Obligation",
    "responsibility": PW + "Responsibility",  # rdfs:subClassOf pw:Obligation
    "permission": PW + "Permission",
    "power": PW + "Power",
    "prohibition": PW + "Prohibition",
    "preference": PW + "Preference",
    "qualification": PW + "QualificationRequirement",
}
MODALITY: Final = PW + "modality"  # the modality as a plain string, for easy querying
BEARER: Final = PW + "bearer"  # Norm -> role individual
COUNTERPARTY: Final = PW + "counterparty"  # Norm -> role individual
ACTION: Final = PW + "action"  # Norm -> literal @id, the verb phrase
OBJECT: Final = PW + "object"  # Norm -> literal @id
CONDITION: Final = PW + "condition"  # Norm -> literal @id
STATED_IN: Final = PW + "statedIn"  # Norm / Reference / RoleMention -> provision
MENTIONS_ROLE: Final = PW + "mentionsRole"  # provision -> role individual (shortcut)
ROLE_MENTION_CLASS: Final = PW + "RoleMention"
ROLE_PROP: Final = PW + "role"  # RoleMention -> role individual
REFERENCE_CLASS: Final = PW + "Reference"
REFERS_TO: Final = PW + "refersTo"  # provision -> target provision / instrument / Lampiran
REF_SOURCE: Final = PW + "source"  # Reference -> citing provision
REF_TARGET: Final = PW + "target"  # Reference -> target (absent when unresolved)
REF_TEXT: Final = PW + "referenceText"  # the phrase as written
REF_KIND: Final = PW + "referenceKind"  # "internal", "external", "lampiran"
RESOLVED: Final = PW + "resolved"  # xsd:boolean
COMPONENT: Final = BASE + "component/"  # prov:wasGeneratedBy targets, e.g. component/norms
ROLE_CLASS: Final = PW + "Role"
TOPIC_SCHEME: Final = BASE + "topic/scheme"
TOPIC_TAG_CLASS: Final = PW + "TopicTag"  # a topic assigned to a provision, with provenance
TOPIC_PROP: Final = PW + "topic"  # TopicTag -> skos:Concept of the topic scheme
