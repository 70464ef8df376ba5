"""Role mentions: which roles each provision names, linked to the role individuals.

``find_roles(regulation)`` runs every provision text (Pasal, ayat, huruf, angka, the
definitions included) through :func:`extract.nlp.get_nlp` and returns one
:class:`~extract.model.RoleMention` per role entity.

Rules, in pipeline order:

1. ``role_ruler`` — the labels and alternative labels of ``ontology.roles``, matched on
   lower-cased tokens; the longest match wins. So "Pejabat Fungsional dan Pelaksana" is two
   mentions (pejabat-fungsional, pelaksana), "JF" is pejabat-fungsional, "Pejabat Penilai
   Kinerja/atasan langsung" is one mention of pejabat-penilai-kinerja (the table lists
   the pair as one label: the text names one official by two titles), "Ketua Tim Kerja"
   is ketua-tim, "tim koordinasi SPBE Pemerintah Daerah" is tim-koordinasi-spbe (not
   pemerintah-daerah).
2. ``role_context`` — corrections that need the neighbouring words:

   a. *elliptical head*: in "Pimpinan Unit Organisasi dan/atau Perangkat Daerah" the
      second conjunct shares the head "Pimpinan", so that "Perangkat Daerah" is the role
      kepala-perangkat-daerah, not the body perangkat-daerah (also after "dan", "atau");
   b. *ketua alone*: "yang berperan sebagai ketua" (no "tim" after it) is ketua-tim — the
      five texts use bare "ketua" only for a team leader;
   c. *pelaksana as a function, not a person*: a bare one-word "pelaksana" is dropped
      when it modifies a preceding role with no conjunction in between ("Instansi
      Pemerintah Pelaksana fungsi"), when a function object follows it ("pelaksana
      kebijakan publik", "pelaksana fungsi"), or when it is one of a list of functions
      ("perencana, pelaksana, dan pengawas").
   d. *body by function*: a body followed by a relative clause naming its function —
      "Perangkat Daerah yang menangani urusan kepegawaian dan sumber daya manusia",
      "Unit Organisasi yang menangani kelembagaan Perangkat Daerah dan tata laksana" — is
      the narrower role of ``ontology.roles`` whose ``broader`` is that body and one of
      whose ``functions`` the clause names (up to a stop, comma, cue or verb); the mention
      then spans the clause. A clause naming no listed function leaves the body as it is.

Decision on *Jabatan Pelaksana* (the post) vs *Pelaksana* (the person): both link to the
role ``pelaksana``, whose individual is defined as the holder of a Jabatan Pelaksana post.
The texts use the post for its holders ("Pejabat Fungsional dan Jabatan Pelaksana dapat
ditugaskan"), so a separate post link would lose those; the mention keeps the words as
written, so a consumer can still tell "Jabatan …" from "Pejabat …". The same holds for
"Jabatan Fungsional", "Jabatan Administrator", "Jabatan Pengawas".

>>> from extract.nlp import get_nlp
>>> doc = get_nlp()("Pimpinan Unit Organisasi dan/atau Perangkat Daerah pemohon")
>>> [ent.ent_id_ for ent in doc.ents]
['pimpinan-unit-organisasi', 'kepala-perangkat-daerah']
"""

from __future__ import annotations

import re
from typing import Final

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.model import Regulation, RoleMention
from extract.nlp import ROLE_LABEL
from extract.provisions import ProvisionDocs, provision_docs
from ontology.roles import ROLES

CONJUNCTIONS: Final = frozenset({"dan", "atau", "/", ",", "serta"})
#: Words after a bare "pelaksana" that make it a function ("pelaksana kebijakan").
FUNCTION_OBJECTS: Final = frozenset(
    {"kebijakan", "fungsi", "kegiatan", "urusan", "teknis", "program", "anggaran", "tugas"}
)
#: Agent nouns listed with "pelaksana" when the text enumerates functions, not posts.
FUNCTION_NOUNS: Final = frozenset({"perencana", "pengawas", "pelayan", "perekat", "penyelenggara"})

#: Verbs of "<body> yang <verb> [urusan] <function>" (rule 2d).
FUNCTION_VERBS: Final = frozenset(
    {"menangani", "membidangi", "menyelenggarakan", "melaksanakan", "mengelola"}
)
#: Body role id -> its narrower roles by function: ((function words, role id), ...).
BODIES_BY_FUNCTION: Final[dict[str, tuple[tuple[str, str], ...]]] = {}
for _role in ROLES:
    if _role.functions and _role.broader:
        BODIES_BY_FUNCTION[_role.broader] = (
            *BODIES_BY_FUNCTION.get(_role.broader, ()),
            *((words, _role.id) for words in _role.functions),
        )
_CLAUSE_STOPS: Final = frozenset({",", ";", ".", ":", "wajib", "harus", "dapat", "dilarang"})
_VERB = re.compile(r"^(?:me|ber|di)[a-z]{3,}$")  # the main clause's predicate ends the clause


def _ends_clause(word: str) -> bool:
    return word in _CLAUSE_STOPS or bool(_VERB.match(word))


COMPONENT_RULER: Final = "role_ruler"
COMPONENT_CONTEXT: Final = "role_context"


def _role_span(doc: Doc, start: int, end: int, role_id: str) -> Span:
    """A role entity made by a context rule; its ``kb_id_`` records the component."""
    return Span(doc, start, end, label=ROLE_LABEL, span_id=role_id, kb_id=COMPONENT_CONTEXT)


def _conjunction_between(doc: Doc, left: Span, right: Span) -> bool:
    between = doc[left.end : right.start]
    return len(between) > 0 and all(token.lower_ in CONJUNCTIONS for token in between)


def _is_function_pelaksana(doc: Doc, ent: Span, previous: Span | None) -> bool:
    if ent.ent_id_ != "pelaksana" or len(ent) != 1:
        return False
    if previous is not None and previous.end == ent.start:
        return True  # "Instansi Pemerintah Pelaksana": a modifier of the preceding role
    following = doc[ent.end] if ent.end < len(doc) else None
    if following is not None and following.lower_ in FUNCTION_OBJECTS:
        return True
    window = doc[max(ent.start - 3, 0) : min(ent.end + 3, len(doc))]
    return any(token.lower_ in FUNCTION_NOUNS and not token.ent_type_ for token in window)


def _body_by_function(doc: Doc, ent: Span) -> Span | None:
    """Rule 2d: the narrower role a functional relative clause after ``ent`` names."""
    functions = BODIES_BY_FUNCTION.get(ent.ent_id_)
    if not functions or ent.end + 1 >= len(doc):
        return None
    if doc[ent.end].lower_ != "yang" or doc[ent.end + 1].lower_ not in FUNCTION_VERBS:
        return None
    end = next((t.i for t in doc[ent.end + 2 :] if _ends_clause(t.lower_)), len(doc))
    clause = f" {doc[ent.end + 2 : end].text.lower()} "
    found = [(clause.find(f" {words} "), role) for words, role in functions]
    found = [(at, role) for at, role in found if at >= 0]
    if not found:
        return None
    return _role_span(doc, ent.start, end, min(found)[1])


class RoleContext:
    """The ``role_context`` component: rules 2a–2c of this module."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ents: list[Span] = []
        previous: Span | None = None
        covered = 0  # end of a span widened by rule 2d: role entities inside it are dropped
        for ent in doc.ents:
            if ent.label_ != ROLE_LABEL:
                ents.append(ent)
                continue
            if ent.start < covered:
                continue
            narrower = _body_by_function(doc, ent)
            if narrower is not None:
                ent, covered = narrower, narrower.end
            if _is_function_pelaksana(doc, ent, previous):
                previous = ent
                continue
            if (
                ent.ent_id_ == "perangkat-daerah"
                and previous is not None
                and previous.ent_id_ == "pimpinan-unit-organisasi"
                and _conjunction_between(doc, previous, ent)
            ):
                ent = _role_span(doc, ent.start, ent.end, "kepala-perangkat-daerah")
            ents.append(ent)
            previous = ent
        ents.extend(self._bare_ketua(doc, ents))
        doc.ents = sorted(ents, key=lambda span: span.start)
        return doc

    @staticmethod
    def _bare_ketua(doc: Doc, ents: list[Span]) -> list[Span]:
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        found = []
        for token in doc[1:]:
            if (
                token.lower_ == "ketua"
                and token.i not in taken
                and doc[token.i - 1].lower_ == "sebagai"
                and (token.i + 1 == len(doc) or doc[token.i + 1].lower_ != "tim")
            ):
                found.append(_role_span(doc, token.i, token.i + 1, "ketua-tim"))
        return found


def find_roles(regulation: Regulation, docs: ProvisionDocs | None = None) -> list[RoleMention]:
    """Every role mention in the body's provisions, in document order.

    ``docs`` are the provisions already run through the pipeline, when the caller has them.
    """
    mentions = []
    for provision, doc in docs if docs is not None else provision_docs(regulation):
        for ent in doc.ents:
            if ent.label_ == ROLE_LABEL:
                mentions.append(
                    RoleMention(
                        provision=provision.unit.iri,
                        role=ent.ent_id_,
                        text=ent.text,
                        start=ent.start_char,
                        end=ent.end_char,
                        component=ent.kb_id_ or COMPONENT_RULER,
                    )
                )
    return mentions
