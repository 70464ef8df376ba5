"""Stage 5: the meaning of each provision — roles, norms, references, topics.

One call per regulation runs every semantic extractor over its parsed structure; the
results go to :func:`extract.semantic_rdf.semantic_quads`.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import Norm, Reference, Regulation, RoleMention, TopicTag
from extract.norms import find_norms
from extract.provisions import Part, provision_docs
from extract.refs import find_references
from extract.roles import find_roles
from extract.topics import tag_topics


@dataclass(frozen=True)
class Semantics:
    """Everything the semantic extractors found in one regulation."""

    roles: list[RoleMention]
    norms: list[Norm]
    references: list[Reference]
    topics: list[TopicTag]


def analyse(regulation: Regulation, part: Part | None = None) -> Semantics:
    """Run every semantic extractor over ``regulation`` (over ``part`` of it only, if
    given: see :class:`~extract.provisions.Part`); the provisions go through the spaCy
    pipeline once, for roles, norms and topics alike."""
    docs = provision_docs(regulation, part)
    return Semantics(
        roles=find_roles(regulation, docs),
        norms=find_norms(regulation, docs),
        references=find_references(regulation, part),
        topics=tag_topics(regulation, docs, part),
    )
