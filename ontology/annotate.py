"""Helpers the authoring modules share: namespaces, declarations and annotations.

Every declaration goes through :func:`new_class` / :func:`new_property` with its labels
in Indonesian and English and an English comment, so no term can be declared unlabelled.
"""

from __future__ import annotations

import types
from dataclasses import dataclass

import owlready2 as ow

from extract.vocab import DOCTYPE, ELI, ORG, PW, ROLE, SKOS, TOPIC

LRML = "http://docs.oasis-open.org/legalruleml/ns/v1.0/metamodel#"
ODRL = "http://www.w3.org/ns/odrl/2/"
LKIF_NORM = "http://www.estrellaproject.org/lkif-core/norm.owl#"
AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0/"


@dataclass(frozen=True)
class Namespaces:
    """The owlready2 namespaces of one ontology under construction."""

    onto: ow.Ontology
    eli: ow.Namespace
    org: ow.Namespace
    skos: ow.Namespace
    role: ow.Namespace
    topic: ow.Namespace
    doctype: ow.Namespace

    @property
    def pw(self) -> ow.Ontology:
        return self.onto


def open_namespaces(onto: ow.Ontology) -> Namespaces:
    """Namespaces for ``onto`` (whose base IRI must be ``pw:``)."""
    if onto.base_iri != PW:
        raise ValueError(f"the ontology's base IRI must be {PW}, not {onto.base_iri}")
    return Namespaces(
        onto=onto,
        eli=onto.get_namespace(ELI),
        org=onto.get_namespace(ORG),
        skos=onto.get_namespace(SKOS),
        role=onto.get_namespace(ROLE),
        topic=onto.get_namespace(TOPIC),
        doctype=onto.get_namespace(DOCTYPE),
    )


def describe(entity, label_id: str, label_en: str, comment: str) -> None:
    """Give ``entity`` its ``rdfs:label`` @id and @en and its ``rdfs:comment`` @en."""
    entity.label = [ow.locstr(label_id, "id"), ow.locstr(label_en, "en")]
    entity.comment = [ow.locstr(comment, "en")]


def new_class(
    namespace: ow.Namespace,
    name: str,
    parents: tuple | list,
    label_id: str,
    label_en: str,
    comment: str,
):
    """Declare the class ``namespace:name`` under ``parents``, labelled and commented."""
    cls = types.new_class(name, tuple(parents), {}, lambda body: body.update(namespace=namespace))
    describe(cls, label_id, label_en, comment)
    return cls


def new_property(
    namespace: ow.Namespace,
    name: str,
    kinds: tuple,
    label_id: str,
    label_en: str,
    comment: str,
    *,
    domain: list | None = None,
    range_: list | None = None,
):
    """Declare the property ``namespace:name`` of the given kinds, labelled and commented.

    ``kinds`` is e.g. ``(ow.ObjectProperty, ow.TransitiveProperty)``.
    """
    prop = types.new_class(name, kinds, {}, lambda body: body.update(namespace=namespace))
    describe(prop, label_id, label_en, comment)
    if domain:
        prop.domain = domain
    if range_:
        prop.range = range_
    return prop


def declare_properties(namespace: ow.Namespace, kind, rows, close=None) -> None:
    """Declare one property of ``kind`` per row ``(name, label_id, label_en, comment,
    domain, range[, close_match_iri])``; a None domain or range is left open, and a
    close match is linked with ``close`` (``skos:closeMatch``)."""
    for name, label_id, label_en, comment, domain, range_, *match in rows:
        prop = new_property(
            namespace,
            name,
            (kind,),
            label_id,
            label_en,
            comment,
            domain=[domain] if domain else None,
            range_=[range_] if range_ else None,
        )
        if match and match[0]:
            link_iri(prop, close, match[0])


def link_iri(entity, prop, iri: str) -> None:
    """Annotate ``entity`` with ``prop`` pointing at ``iri``, without declaring ``iri``.

    Used for ``skos:closeMatch`` to external vocabularies: an annotation with an IRI
    value keeps the ontology OWL 2 DL and imports nothing.
    """
    onto = entity.namespace.ontology
    onto._add_obj_triple_spo(entity.storid, prop.storid, onto.world._abbreviate(iri))
