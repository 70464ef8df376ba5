"""Topic tags: SKOS topics (``ontology.topics``) of every Pasal and every ayat.

``tag_topics(regulation)`` returns :class:`~extract.model.TopicTag` objects, one per
(provision, topic), for every Pasal and every ayat of the body; each gets at least one.
The ``component`` of a tag says which rule gave it:

``topic_heading``
    The innermost BAB / Bagian / Paragraf heading above the Pasal that names a topic
    ("Bagian Ketiga — Penugasan" → penugasan, "BAB V — PROSES BISNIS" → proses-bisnis,
    "Pertanggungjawaban Pelaksanaan Tugas" → pertanggungjawaban, longest label first); a
    heading such as "Umum" that names none passes to the next heading out. The heading
    tags the Pasal and each of its ayat. "KETENTUAN UMUM" (→ definisi) tags only the
    definitions article, not the other Pasal a BAB I may hold.
``topic_matcher``
    Topic labels and alternative labels found in the provision's text and in the text of
    its items (huruf, angka) — an ayat's scope is itself and its items; a Pasal's scope is
    all its text. Generic single words listed in ``WEAK`` ("tim", "kinerja", "jabatan",
    "evaluasi", "kompetensi" …) occur in nearly every provision, so they count only in
    headings. Matches strictly inside a role mention are ignored ("Pejabat Penilai Kinerja" is
    not about performance management, "tim koordinasi SPBE" is no work team); a mention
    of the team roles themselves ("tim kerja", "ketua tim") does signal tim-kerja, and
    a mention of tim-koordinasi-spbe signals spbe (``ROLE_TOPICS``).
    The cross-team topics (tim-lintas-unit, tim-lintas-perangkat-daerah,
    tim-lintas-instansi) need a team in the same scope (a mention of tim kerja, ketua
    tim or anggota tim): "penugasan individu lintas Perangkat Daerah" is an individual
    assignment, not a cross-agency team.
    The definitions article gets only ``definisi`` and a closing article only
    ``ketentuan-penutup``: the terms a definition mentions are not its topic.
``topic_fallback``
    A Pasal or ayat left with no topic gets ``sistem-kerja``, the subject of the five
    regulations (e.g. Palu Pasal 2, "Pegawai ASN terdiri atas: …").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from spacy.tokens import Doc

from extract.model import Regulation, TopicTag, Unit
from extract.nlp import ROLE_LABEL, TOPICS_KEY, get_nlp
from extract.provisions import (
    Part,
    Provision,
    ProvisionDocs,
    is_closing,
    is_definitions,
    provision_docs,
    provisions,
)

#: Surface forms too generic to signal a topic in body text (they still count in headings).
WEAK: Final = frozenset(
    {
        "tim",
        "kinerja",
        "jabatan",
        "evaluasi",
        "kompetensi",
        "profesionalisme",
        "kolaborasi",
        "laporan",
        "jenjang jabatan",
    }
)
CROSS_TEAM: Final = frozenset(
    {"tim-lintas-unit", "tim-lintas-perangkat-daerah", "tim-lintas-instansi"}
)
TEAM_ROLES: Final = frozenset({"tim-kerja", "ketua-tim", "anggota-tim"})
#: Roles whose mention signals a topic the role's own words hide from the matcher.
ROLE_TOPICS: Final = {"tim-koordinasi-spbe": "spbe"}
FALLBACK: Final = "sistem-kerja"


def _heading_topics(doc: Doc) -> list[str]:
    return list(dict.fromkeys(span.label_ for span in doc.spans[TOPICS_KEY]))


def _inside_role(span, role_at: dict) -> bool:
    """Strictly inside a role mention: "Kinerja" of "Pejabat Penilai Kinerja".

    ``role_at`` maps a token index to the role mention covering it (mentions never
    overlap), so a long provision costs linear, not quadratic, time.
    """
    ent = role_at.get(span.start)
    return ent is not None and span.end <= ent.end and len(span) < len(ent)


def _text_topics(docs: Iterable[Doc]) -> list[str]:
    """Topics signalled by the texts of one scope, with the cross-team condition."""
    topics: dict[str, None] = {}
    team = False
    for doc in docs:
        roles = [ent for ent in doc.ents if ent.label_ == ROLE_LABEL]
        role_at = {index: ent for ent in roles for index in range(ent.start, ent.end)}
        team = team or any(ent.ent_id_ in TEAM_ROLES for ent in roles)
        for ent in roles:
            if ent.ent_id_ in ROLE_TOPICS:
                topics[ROLE_TOPICS[ent.ent_id_]] = None
        for span in doc.spans[TOPICS_KEY]:
            if span.text.lower() in WEAK or _inside_role(span, role_at):
                continue
            topics[span.label_] = None
    return [topic for topic in topics if team or topic not in CROSS_TEAM]


def tag_topics(
    regulation: Regulation, docs: ProvisionDocs | None = None, part: Part | None = None
) -> list[TopicTag]:
    """The topic tags of every Pasal and ayat (of ``part`` only, if given), in document
    order.

    ``docs`` are the provisions already run through the pipeline, when the caller has them.
    """
    pairs = docs if docs is not None else provision_docs(regulation, part)
    doc_of = {id(p.unit): doc for p, doc in pairs}
    nlp = get_nlp()
    heading_docs: dict[int, Doc] = {}
    tags: list[TopicTag] = []
    for provision in provisions(regulation, part):
        if provision.unit.kind in ("pasal", "ayat"):
            tags.extend(_tags(provision, doc_of, heading_docs, nlp))
    return tags


def _scope(unit: Unit, doc_of: dict[int, Doc]) -> list[Doc]:
    return [doc_of[id(u)] for u in unit.walk() if id(u) in doc_of]


def _tags(provision: Provision, doc_of, heading_docs, nlp) -> list[TopicTag]:
    unit, pasal = provision.unit, provision.pasal
    chosen: dict[str, str] = {}  # topic -> component
    if is_definitions(pasal):
        chosen["definisi"] = "topic_matcher"
    elif is_closing(pasal):
        chosen["ketentuan-penutup"] = "topic_matcher"
    else:
        for group in reversed(provision.groups):
            key = id(group)
            if key not in heading_docs:
                heading_docs[key] = nlp(group.heading)
            found = [t for t in _heading_topics(heading_docs[key]) if t != "definisi"]
            if found:
                for topic in found:
                    chosen.setdefault(topic, "topic_heading")
                break
        for topic in _text_topics(_scope(unit, doc_of)):
            chosen.setdefault(topic, "topic_matcher")
    if not chosen:
        chosen[FALLBACK] = "topic_fallback"
    return [TopicTag(unit.iri, topic, component) for topic, component in chosen.items()]
