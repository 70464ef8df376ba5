"""The semantic layer as RDF: norms, references, role mentions and topic tags.

Norms and references get IRIs under the provision that states them
(``…/pasal/28/ayat/2/norma/1``, ``…/pasal/31/ayat/2/rujukan/1``) so they can be cited and
dereferenced; role mentions and topic tags are blank nodes. Every extracted statement
carries its provenance: the provision (``pw:statedIn``) and the pipeline component that
produced it (``prov:wasGeneratedBy``). Shortcut triples (``pw:mentionsRole``,
``pw:refersTo``, ``dcterms:subject``) make the common questions one-hop queries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from extract import vocab as v
from extract.citation import cite
from extract.iri import Iri
from extract.model import Norm, Reference, Regulation, RoleMention, TopicTag
from extract.to_rdf import blank_node, predicate_node

_XSD_INT = NamedNode(v.XSD + "integer")
_XSD_BOOL = NamedNode(v.XSD + "boolean")
_GENERATED_BY = v.PROV + "wasGeneratedBy"
MODALITY_LABELS = {
    "obligation": "kewajiban",
    "responsibility": "tanggung jawab",
    "permission": "kebolehan",
    "power": "kewenangan",
    "prohibition": "larangan",
    "preference": "pengutamaan",
    "qualification": "persyaratan kualifikasi",
}


class _Out:
    def __init__(self, regulation: Regulation):
        self.regulation = regulation
        self.graph = NamedNode(str(regulation.work))
        self.work = NamedNode(str(regulation.work))
        self.quads: list[Quad] = []

    def add(self, subject, predicate: str, obj) -> None:
        self.quads.append(Quad(subject, predicate_node(predicate), obj, self.graph))

    def provenance(self, subject, provision: Iri, component: str) -> None:
        self.add(subject, v.STATED_IN, NamedNode(str(provision)))
        self.add(subject, _GENERATED_BY, NamedNode(v.COMPONENT + component))
        self.add(subject, v.REGULATION, self.work)


def _text(value: str) -> Literal:
    return Literal(value, language="id")


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=_XSD_INT)


def _numbered(items: Iterable, provision_of, kind: str) -> list[tuple[object, Iri]]:
    """Each item with an IRI ``<provision>/<kind>/<n>``, n counting per provision."""
    seen: Counter[Iri] = Counter()
    out = []
    for item in items:
        provision = provision_of(item)
        seen[provision] += 1
        out.append((item, provision.child(kind, str(seen[provision]))))
    return out


def semantic_quads(
    regulation: Regulation,
    norms: Iterable[Norm] = (),
    references: Iterable[Reference] = (),
    roles: Iterable[RoleMention] = (),
    topics: Iterable[TopicTag] = (),
) -> list[Quad]:
    """All quads of the semantic layer of one regulation, in its named graph."""
    out = _Out(regulation)
    for norm, iri in _numbered(norms, lambda n: n.provision, "norma"):
        _norm(out, norm, iri)
    for reference, iri in _numbered(references, lambda r: r.source, "rujukan"):
        _reference(out, reference, iri)
    for mention in roles:
        _role(out, mention)
    for tag in topics:
        _topic(out, tag)
    return out.quads


def _norm(out: _Out, norm: Norm, iri: Iri) -> None:
    subject = NamedNode(str(iri))
    out.add(subject, v.RDF + "type", NamedNode(v.NORM_CLASS))
    out.add(subject, v.RDF + "type", NamedNode(v.MODALITY_CLASSES[norm.modality]))
    out.add(subject, v.MODALITY, Literal(norm.modality))
    where = cite(norm.provision.path, out.regulation.citation)
    out.add(
        subject,
        v.RDFS + "label",
        _text(f"{MODALITY_LABELS[norm.modality].capitalize()} dalam {where}"),
    )
    for role in norm.bearers:
        out.add(subject, v.BEARER, NamedNode(v.ROLE + role))
    for role in norm.counterparties:
        out.add(subject, v.COUNTERPARTY, NamedNode(v.ROLE + role))
    out.add(subject, v.ACTION, _text(norm.action))
    if norm.object:
        out.add(subject, v.OBJECT, _text(norm.object))
    if norm.condition:
        out.add(subject, v.CONDITION, _text(norm.condition))
    out.add(subject, v.START_OFFSET, _int(norm.start))
    out.add(subject, v.END_OFFSET, _int(norm.end))
    out.provenance(subject, norm.provision, norm.component)


def _reference(out: _Out, reference: Reference, iri: Iri) -> None:
    subject = NamedNode(str(iri))
    source = NamedNode(str(reference.source))
    out.add(subject, v.RDF + "type", NamedNode(v.REFERENCE_CLASS))
    out.add(subject, v.REF_SOURCE, source)
    out.add(subject, v.REF_TEXT, _text(reference.text))
    out.add(subject, v.REF_KIND, Literal(reference.kind))
    resolved = reference.target is not None
    out.add(subject, v.RESOLVED, Literal("true" if resolved else "false", datatype=_XSD_BOOL))
    if resolved:
        target = NamedNode(str(reference.target))
        out.add(subject, v.REF_TARGET, target)
        out.add(source, v.REFERS_TO, target)
    out.add(subject, v.START_OFFSET, _int(reference.start))
    out.add(subject, v.END_OFFSET, _int(reference.end))
    out.provenance(subject, reference.source, reference.component)


def _role(out: _Out, mention: RoleMention) -> None:
    subject = blank_node()
    role = NamedNode(v.ROLE + mention.role)
    out.add(subject, v.RDF + "type", NamedNode(v.ROLE_MENTION_CLASS))
    out.add(subject, v.ROLE_PROP, role)
    out.add(subject, v.RDFS + "label", _text(mention.text))  # the words as written
    out.add(subject, v.START_OFFSET, _int(mention.start))
    out.add(subject, v.END_OFFSET, _int(mention.end))
    out.provenance(subject, mention.provision, mention.component)
    out.add(NamedNode(str(mention.provision)), v.MENTIONS_ROLE, role)


def _topic(out: _Out, tag: TopicTag) -> None:
    subject = blank_node()
    topic = NamedNode(v.TOPIC + tag.topic)
    out.add(subject, v.RDF + "type", NamedNode(v.TOPIC_TAG_CLASS))
    out.add(subject, v.TOPIC_PROP, topic)
    out.provenance(subject, tag.provision, tag.component)
    out.add(NamedNode(str(tag.provision)), v.DCTERMS + "subject", topic)
