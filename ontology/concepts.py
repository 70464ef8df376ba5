"""SKOS: the terms used, and the three concept schemes built from the data tables.

Topics (:mod:`ontology.topics`), resource types (:mod:`ontology.resource_types`) and
roles (:mod:`ontology.roles`) become SKOS concepts; roles are also ``pw:Role``
individuals (``pw:Role`` ⊑ ``org:Role`` ⊑ ``skos:Concept``). ``skos:closeMatch`` and the
label properties are annotation properties, so the ontology stays OWL 2 DL.
"""

from __future__ import annotations

import owlready2 as ow

from extract.vocab import DOCTYPE, ROLE, TOPIC_SCHEME
from ontology.annotate import Namespaces, link_iri, new_class, new_property
from ontology.levels import LEVEL_BY_ID
from ontology.resource_types import RESOURCE_TYPES
from ontology.roles import ROLES
from ontology.topics import TOPICS

RESOURCE_TYPE_SCHEME = DOCTYPE + "scheme"
ROLE_SCHEME = ROLE + "scheme"


def declare_skos(ns: Namespaces) -> None:
    """Declare the SKOS classes and properties the ontology uses."""
    skos = ns.skos
    concept = new_class(
        skos, "Concept", [ow.Thing], "konsep", "concept", "SKOS: a unit of thought in a scheme."
    )
    scheme = new_class(
        skos,
        "ConceptScheme",
        [ow.Thing],
        "skema konsep",
        "concept scheme",
        "SKOS: an aggregation of concepts (a thesaurus, a code list).",
    )
    ow.AllDisjoint([concept, scheme])
    for name, label_id, label_en, comment in (
        (
            "prefLabel",
            "label utama",
            "preferred label",
            "SKOS: the preferred label, one per language.",
        ),
        (
            "altLabel",
            "label alternatif",
            "alternative label",
            "SKOS: a synonym, variant or abbreviation.",
        ),
        ("hiddenLabel", "label tersembunyi", "hidden label", "SKOS: a label for matching only."),
        ("definition", "definisi", "definition", "SKOS: a statement of the concept's meaning."),
        ("scopeNote", "catatan cakupan", "scope note", "SKOS: what the concept covers."),
        ("notation", "notasi", "notation", "SKOS: a code for the concept."),
        (
            "closeMatch",
            "padanan dekat",
            "close match",
            "SKOS: a concept of another vocabulary close in meaning; here also on classes "
            "and properties.",
        ),
        (
            "exactMatch",
            "padanan persis",
            "exact match",
            "SKOS: a concept in another vocabulary with the same meaning.",
        ),
    ):
        new_property(skos, name, (ow.AnnotationProperty,), label_id, label_en, comment)
    in_scheme = new_property(
        skos,
        "inScheme",
        (ow.ObjectProperty,),
        "dalam skema",
        "in scheme",
        "SKOS: a concept -> a scheme it belongs to.",
        domain=[concept],
        range_=[scheme],
    )
    top_of = new_property(
        skos,
        "topConceptOf",
        (in_scheme,),
        "konsep puncak dari",
        "top concept of",
        "SKOS: a concept -> the scheme it heads.",
        domain=[concept],
        range_=[scheme],
    )
    has_top = new_property(
        skos,
        "hasTopConcept",
        (ow.ObjectProperty,),
        "memiliki konsep puncak",
        "has top concept",
        "SKOS: a scheme -> a concept at its top.",
        domain=[scheme],
        range_=[concept],
    )
    has_top.inverse_property = top_of
    broader = new_property(
        skos,
        "broader",
        (ow.ObjectProperty,),
        "lebih luas",
        "broader",
        "SKOS: a concept -> a more general concept.",
        domain=[concept],
        range_=[concept],
    )
    narrower = new_property(
        skos,
        "narrower",
        (ow.ObjectProperty,),
        "lebih sempit",
        "narrower",
        "SKOS: a concept -> a more specific concept.",
        domain=[concept],
        range_=[concept],
    )
    narrower.inverse_property = broader


def _labelled(cls, namespace, name: str, label_id: str, label_en: str, alt_labels=(), skos=None):
    individual = cls(name, namespace=namespace)
    labels = [ow.locstr(label_id, "id"), ow.locstr(label_en, "en")]
    individual.label = labels
    skos.prefLabel[individual] = labels
    skos.altLabel[individual] = [ow.locstr(alt, "id") for alt in alt_labels]
    return individual


def _scheme(ns: Namespaces, iri: str, label_id: str, label_en: str, note: str):
    namespace = ns.onto.get_namespace(iri.rsplit("/", 1)[0] + "/")
    scheme = _labelled(ns.skos.ConceptScheme, namespace, "scheme", label_id, label_en, skos=ns.skos)
    ns.skos.scopeNote[scheme] = [ow.locstr(note, "en")]
    return scheme


def _fill(ns: Namespaces, scheme, members: dict, broader: dict[str, str | None]) -> None:
    skos = ns.skos
    for key, individual in members.items():
        if skos.Concept not in individual.is_a:
            individual.is_a.append(skos.Concept)
        skos.inScheme[individual] = [scheme]
        parent = broader.get(key)
        if parent is None:
            skos.topConceptOf[individual] = [scheme]
        else:
            skos.broader[individual] = [members[parent]]


def declare_schemes(ns: Namespaces) -> None:
    """Create the topic, resource-type and role schemes and their concepts."""
    skos, pw = ns.skos, ns.pw
    if ns.topic.base_iri + "scheme" != TOPIC_SCHEME:
        raise ValueError(f"topic scheme {TOPIC_SCHEME} is not in {ns.topic.base_iri}")

    scheme = _scheme(
        ns,
        TOPIC_SCHEME,
        "topik sistem kerja",
        "work-system topics",
        "Topics of the work system of civil servants, tagged on Pasal and ayat.",
    )
    topics = {
        t.id: _labelled(skos.Concept, ns.topic, t.id, t.label_id, t.label_en, t.alt_labels, skos)
        for t in TOPICS
    }
    _fill(ns, scheme, topics, {t.id: t.broader for t in TOPICS})

    scheme = _scheme(
        ns,
        RESOURCE_TYPE_SCHEME,
        "jenis peraturan",
        "resource types",
        "Kinds of legal instrument, values of eli:type_document.",
    )
    types = {
        r.code: _labelled(
            skos.Concept, ns.doctype, r.code, r.label_id, r.label_en, r.alt_labels, skos
        )
        for r in RESOURCE_TYPES
    }
    _fill(ns, scheme, types, {})
    for code, individual in types.items():
        skos.notation[individual] = [code]

    scheme = _scheme(
        ns,
        ROLE_SCHEME,
        "peran",
        "roles",
        "Roles the regulations address, bearers and counterparties of norms.",
    )
    roles = {
        r.id: _labelled(pw.Role, ns.role, r.id, r.label_id, r.label_en, r.alt_labels, skos)
        for r in ROLES
    }
    _fill(ns, scheme, roles, {r.id: r.broader for r in ROLES})
    for item in ROLES:
        individual = roles[item.id]
        skos.scopeNote[individual] = [ow.locstr(item.note, "en")]
        if item.level is not None:
            pw.level[individual] = [getattr(pw, LEVEL_BY_ID[item.level].local_name)]
        if item.jabatan is not None:
            link_iri(individual, pw.jabatan, getattr(pw, item.jabatan).iri)
    ow.AllDifferent(list(roles.values()))


def declare_role_annotations(ns: Namespaces) -> None:
    """Declare ``pw:jabatan``, linking a role to the class of posts whose holders play it."""
    new_property(
        ns.pw,
        "jabatan",
        (ow.AnnotationProperty,),
        "jabatan",
        "post class",
        "A role -> the class of posts (pw:Jabatan...) whose holders play it; an annotation "
        "so that a class can be its value in OWL 2 DL.",
    )
