"""Norms, references and role mentions: the semantic layer over the provisions.

A light pattern rather than an imported rule language: a ``pw:Norm`` is a node with a
``pw:modality`` (also its subclass), a ``pw:bearer`` and ``pw:counterparty`` (roles),
an ``pw:action``, ``pw:object`` and ``pw:condition`` (Indonesian text), and the provision
that states it (``pw:statedIn``). It is what rule-based extraction can fill reliably and
SPARQL can query directly. Each term is mapped with ``skos:closeMatch`` (an annotation:
no import, the ontology stays OWL 2 DL) to the nearest term of LegalRuleML (prescriptive
statements and their deontic specifications), ODRL (rules: duty, permission, prohibition,
with assignee, action, target, constraint) and LKIF Core (norms).
"""

from __future__ import annotations

import owlready2 as ow

from extract.vocab import DCTERMS, PROV
from ontology.annotate import (
    LKIF_NORM,
    LRML,
    ODRL,
    Namespaces,
    declare_properties,
    link_iri,
    new_class,
    new_property,
)

#: Modality subclasses: name -> (parent, label @id, label @en, comment, closeMatch IRIs).
MODALITIES: dict[str, tuple[str, str, str, str, tuple[str, ...]]] = {
    "Obligation": (
        "Norm",
        "kewajiban",
        "obligation",
        "The bearer must perform the action: an indicative statement addressed to a role "
        "('... melaporkan ... kepada ...'). modality 'obligation'.",
        (LRML + "Obligation", ODRL + "Duty", LKIF_NORM + "Obligation"),
    ),
    "Responsibility": (
        "Obligation",
        "tanggung jawab",
        "responsibility",
        "An obligation listed among the responsibilities of a role ('tanggung jawab ... "
        "meliputi:'). modality 'responsibility'.",
        (LRML + "Obligation", ODRL + "Duty"),
    ),
    "Permission": (
        "Norm",
        "kebolehan",
        "permission",
        "The bearer may perform the action ('dapat'). modality 'permission'.",
        (LRML + "Permission", ODRL + "Permission", LKIF_NORM + "Permission"),
    ),
    "Power": (
        "Norm",
        "kewenangan",
        "power",
        "The bearer has the legal power to do or establish something ('berwenang', "
        "'ditetapkan oleh X', 'ditetapkan dengan Keputusan X'). modality 'power'. A "
        "Hohfeldian power; LegalRuleML's Right is the nearest term.",
        (LRML + "Right",),
    ),
    "Prohibition": (
        "Norm",
        "larangan",
        "prohibition",
        "The bearer must not perform the action ('dilarang', 'tidak boleh'). modality "
        "'prohibition'.",
        (LRML + "Prohibition", ODRL + "Prohibition", LKIF_NORM + "Prohibition"),
    ),
    "Preference": (
        "Norm",
        "pengutamaan",
        "preference",
        "A choice the norm gives priority to ('diutamakan'), e.g. a team leader preferably "
        "from a given post. modality 'preference'.",
        (),
    ),
    "QualificationRequirement": (
        "Norm",
        "persyaratan kualifikasi",
        "qualification requirement",
        "A minimum qualification for playing a role ('paling rendah Pejabat Pengawas'); the "
        "level is comparable through pw:rank/pw:higherThan. modality 'qualification'.",
        (),
    ),
}


def declare(ns: Namespaces) -> None:
    """Declare norms, their modalities and parts, references and role mentions."""
    pw, skos = ns.pw, ns.skos
    close = skos.closeMatch
    provision = ns.eli.LegalResource
    role = pw.Role
    norm = new_class(
        pw,
        "Norm",
        [ow.Thing],
        "norma",
        "norm",
        "A normative statement of a provision: who (bearer) must/may/can do what (action, "
        "object) towards whom (counterparty) under which condition.",
    )
    for iri in (LRML + "PrescriptiveStatement", ODRL + "Rule", LKIF_NORM + "Norm"):
        link_iri(norm, close, iri)
    for name, (parent, label_id, label_en, comment, matches) in MODALITIES.items():
        cls = new_class(pw, name, [getattr(pw, parent)], label_id, label_en, comment)
        for iri in matches:
            link_iri(cls, close, iri)

    reference = new_class(
        pw,
        "Reference",
        [ow.Thing],
        "rujukan",
        "reference",
        "A cross-reference phrase in a provision ('sebagaimana dimaksud dalam Pasal 17 ayat "
        "(1)'), with its target when resolved; a range yields one per target.",
    )
    mention = new_class(
        pw,
        "RoleMention",
        [ow.Thing],
        "penyebutan peran",
        "role mention",
        "An occurrence of a role's name in a provision, with its offsets.",
    )
    ow.AllDisjoint([provision, norm, reference, mention, pw.ParseWarning, role, pw.JenjangJabatan])

    object_properties = (
        (
            "bearer",
            "pengemban",
            "bearer",
            "A norm -> the role it addresses (LegalRuleML bearer).",
            norm,
            role,
            ODRL + "assignee",
        ),
        (
            "counterparty",
            "pihak lawan",
            "counterparty",
            "A norm -> the role towards whom it is owed (reported to, asked of); LegalRuleML's "
            "auxiliary party.",
            norm,
            role,
            None,
        ),
        (
            "statedIn",
            "dinyatakan dalam",
            "stated in",
            "A norm, reference or role mention -> the provision that states it.",
            None,
            provision,
            None,
        ),
        (
            "mentionsRole",
            "menyebut peran",
            "mentions role",
            "A provision -> a role named in it (shortcut of a pw:RoleMention).",
            provision,
            role,
            None,
        ),
        ("role", "peran", "role", "A role mention -> the role it names.", mention, role, None),
        (
            "refersTo",
            "merujuk",
            "refers to",
            "A provision -> the provision, instrument or Lampiran it refers to (shortcut of a "
            "resolved pw:Reference).",
            provision,
            provision,
            None,
        ),
        (
            "source",
            "sumber rujukan",
            "source",
            "A reference -> the citing provision.",
            reference,
            provision,
            None,
        ),
        (
            "target",
            "sasaran rujukan",
            "target",
            "A reference -> its target; absent when unresolved.",
            reference,
            provision,
            None,
        ),
    )
    declare_properties(pw, ow.ObjectProperty, object_properties, close)

    data_properties = (
        (
            "modality",
            "modalitas",
            "modality",
            "The modality as a plain string ('obligation', 'responsibility', 'permission', "
            "'power', 'prohibition', 'preference', 'qualification').",
            norm,
            None,
            None,
        ),
        (
            "action",
            "tindakan",
            "action",
            "The norm's verb phrase, @id.",
            norm,
            ow.locstr,
            ODRL + "action",
        ),
        (
            "object",
            "objek",
            "object",
            "What the action is about, @id.",
            norm,
            ow.locstr,
            ODRL + "target",
        ),
        (
            "condition",
            "syarat",
            "condition",
            "When the norm applies ('dalam hal ...'), @id.",
            norm,
            ow.locstr,
            ODRL + "constraint",
        ),
        (
            "referenceText",
            "teks rujukan",
            "reference text",
            "The reference phrase as written.",
            reference,
            None,
            None,
        ),
        (
            "referenceKind",
            "jenis rujukan",
            "reference kind",
            "'internal', 'external' or 'lampiran'.",
            reference,
            None,
            None,
        ),
        (
            "resolved",
            "terselesaikan",
            "resolved",
            "True when the reference's target was found.",
            reference,
            bool,
            None,
        ),
    )
    declare_properties(pw, ow.DataProperty, data_properties, close)
    _declare_provenance(ns, provision)


def _declare_provenance(ns: Namespaces, provision) -> None:
    """Topic tags, and the provenance every extracted statement carries: the pipeline
    component that produced it (PROV-O, declared locally) and the topic shortcut
    (``dcterms:subject``)."""
    pw, skos = ns.pw, ns.skos
    prov = ns.onto.get_namespace(PROV)
    dcterms = ns.onto.get_namespace(DCTERMS)
    activity = new_class(
        prov,
        "Activity",
        [ow.Thing],
        "aktivitas",
        "activity",
        "PROV-O's activity, declared locally: here, a component of the extraction pipeline.",
    )
    component = new_class(
        pw,
        "ExtractionComponent",
        [activity],
        "komponen ekstraksi",
        "extraction component",
        "A rule component of the extraction pipeline (e.g. component/norms); the object of "
        "prov:wasGeneratedBy on every extracted statement.",
    )
    tag = new_class(
        pw,
        "TopicTag",
        [ow.Thing],
        "penandaan topik",
        "topic tag",
        "The assignment of a topic to a Pasal or ayat, with its provenance; "
        "dcterms:subject is its one-hop shortcut.",
    )
    new_property(
        pw,
        "topic",
        (ow.ObjectProperty,),
        "topik",
        "topic",
        "A topic tag -> the skos:Concept of the topic scheme it assigns.",
        domain=[tag],
        range_=[skos.Concept],
    )
    new_property(
        prov,
        "wasGeneratedBy",
        (ow.ObjectProperty,),
        "dihasilkan oleh",
        "was generated by",
        "PROV-O, declared locally: an extracted statement -> the component that produced it.",
        range_=[component],
    )
    new_property(
        dcterms,
        "subject",
        (ow.ObjectProperty,),
        "subjek",
        "subject",
        "Dublin Core, declared locally: a provision -> a topic of the topic scheme.",
        domain=[provision],
        range_=[skos.Concept],
    )
