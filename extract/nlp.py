"""The rule-based spaCy pipeline every semantic stage shares, built once and cached.

``get_nlp()`` returns ``spacy.blank("id")`` with these components, in order:

``role_ruler`` (EntityRuler)
    One phrase pattern per role label and alternative label of ``ontology.roles``,
    matched on lower-cased tokens; the entity label is ``ROLE`` and its ``ent_id_`` the
    role id. Overlaps resolve to the longest match ("Pejabat Fungsional Hasil Penyetaraan
    Jabatan" beats "Pejabat Fungsional"; "tim koordinasi SPBE Pemerintah Daerah" beats
    "Pemerintah Daerah").
``role_context`` (Matcher + token rules)
    Corrections that need context, each documented in :mod:`extract.roles`.
``norm_cues`` (PhraseMatcher)
    The deontic cue words and phrases, kept in ``doc.spans["norm_cues"]`` with the cue
    kind as label (table ``NORM_CUES``); :mod:`extract.norms` reads them.
``topic_matcher`` (PhraseMatcher)
    Topic labels and alternative labels of ``ontology.topics`` on lower-cased tokens, kept
    in ``doc.spans["topics"]`` (label = topic id), overlaps resolved to the longest.

The pipeline has no statistical component, so its memory grows linearly with the text and
``nlp.max_length`` (spaCy's guard of 1,000,000 characters, error E088) is raised to
:data:`MAX_TEXT_LENGTH`, past the largest file a build reads: a provision of any length
that the build accepts goes through.

The tokenizer is the Indonesian one (same prefix, suffix and infix rules) without the
~16,000 hyphenated-word exceptions spaCy ships for Indonesian: loading those takes ~3 s,
more than all extraction together. A ``token_match`` keeps hyphenated words
("sewaktu-waktu", "perundang-undangan") whole instead, and "/" splits off as prefix and
suffix ("Jabatan/ Pejabat Fungsional lainnya/ Pelaksana").

>>> doc = get_nlp()("Ketua Tim Kerja melaporkan kepada Pimpinan Unit Organisasi.")
>>> [(ent.text, ent.ent_id_) for ent in doc.ents]
[('Ketua Tim Kerja', 'ketua-tim'), ('Pimpinan Unit Organisasi', 'pimpinan-unit-organisasi')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product
from typing import Final

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    filter_spans,
    registry,
)

from ontology.roles import ROLES
from ontology.topics import TOPICS

ROLE_LABEL: Final = "ROLE"
NORM_CUES_KEY: Final = "norm_cues"
TOPICS_KEY: Final = "topics"

#: Longest text the pipeline takes (characters); above ``DEFAULT_MAX_FILE_BYTES``.
MAX_TEXT_LENGTH: Final = 64 * 1024 * 1024

_HYPHENATED = re.compile(r"^[A-Za-z]+(?:-[A-Za-z]+)+$")

#: Deontic cues: kind -> token patterns. Kinds are read by extract.norms.
NORM_CUES: Final[dict[str, list[list[dict]]]] = {
    "prohibition": [[{"LOWER": "dilarang"}]],
    "power": [[{"LOWER": "berwenang"}]],
    "preference": [[{"LOWER": "diutamakan"}]],
    "qualification": [[{"LOWER": "paling"}, {"LOWER": "rendah"}]],
    "obligation": [[{"LOWER": {"IN": ["wajib", "harus"]}}]],
    "accountable": [[{"LOWER": "bertanggung"}, {"LOWER": "jawab"}]],
    "permission": [[{"LOWER": "dapat"}]],
    # an agent after the cue holds the power
    "power-agent": [
        [{"LOWER": "ditetapkan"}, {"LOWER": "oleh"}],
        [{"LOWER": "ditetapkan"}, {"LOWER": "dengan"}, {"LOWER": "keputusan"}],
        [{"LOWER": "berdasarkan"}, {"LOWER": "persetujuan"}],
    ],
    # "penetapan surat perintah … dari X": X issues the order
    "power-issuer": [[{"LOWER": "penetapan"}, {"LOWER": "surat"}, {"LOWER": "perintah"}]],
    # a passive with an agent: the agent is obliged to do it
    "obligation-agent": [
        [{"LOWER": {"IN": ["dikoordinasikan", "dilaksanakan", "dilakukan"]}}, {"LOWER": "oleh"}]
    ],
    # a "Tanggung jawab X … meliputi:" chapeau
    "responsibility-list": [[{"LOWER": "tanggung"}, {"LOWER": "jawab"}]],
}


@registry.tokenizers("perwali.id_tokenizer.v1")
def _create_tokenizer():
    def create(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        prefixes = [*defaults.prefixes, "/"]
        suffixes = [*defaults.suffixes, "/"]
        return Tokenizer(
            nlp.vocab,
            rules={},
            prefix_search=compile_prefix_regex(prefixes).search,
            suffix_search=compile_suffix_regex(suffixes).search,
            infix_finditer=compile_infix_regex(defaults.infixes).finditer,
            token_match=_HYPHENATED.match,
            url_match=defaults.url_match,
        )

    return create


@Language.factory("perwali_role_context")
def _role_context(nlp: Language, name: str):
    from extract.roles import RoleContext  # the rules live with the role stage

    return RoleContext(nlp, name)


@Language.factory("perwali_norm_cues")
def _norm_cues(nlp: Language, name: str):
    return NormCues(nlp, name)


@Language.factory("perwali_topic_matcher")
def _topic_matcher(nlp: Language, name: str):
    return TopicMatcher(nlp, name)


class NormCues:
    """Finds the cue phrases of ``NORM_CUES``; ``doc.spans["norm_cues"]``, in text order.

    The patterns name lower-cased words only, so they are matched as the phrases they
    spell out (:func:`cue_phrases`) by a PhraseMatcher, which finds the same matches as a
    token Matcher at a fraction of its cost.
    """

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind, patterns in NORM_CUES.items():
            phrases = [phrase for pattern in patterns for phrase in cue_phrases(pattern)]
            self.matcher.add(kind, [nlp.make_doc(phrase) for phrase in phrases])

    def __call__(self, doc: Doc) -> Doc:
        spans = [
            Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)
        ]
        doc.spans[NORM_CUES_KEY] = sorted(spans, key=lambda span: (span.start, -span.end))
        return doc


def cue_phrases(pattern: list[dict]) -> list[str]:
    """The phrases a ``NORM_CUES`` pattern matches: each token is ``{"LOWER": word}`` or
    ``{"LOWER": {"IN": [words]}}``.

    >>> cue_phrases([{"LOWER": {"IN": ["dikoordinasikan", "dilakukan"]}}, {"LOWER": "oleh"}])
    ['dikoordinasikan oleh', 'dilakukan oleh']
    """
    choices = []
    for token in pattern:
        if set(token) != {"LOWER"}:
            raise ValueError(f"a cue pattern token names only LOWER: {token}")
        value = token["LOWER"]
        choices.append(value["IN"] if isinstance(value, dict) else [value])
    return [" ".join(words) for words in product(*choices)]


class TopicMatcher:
    """Topic surface forms -> ``doc.spans["topics"]`` (label = topic id), longest first."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for topic in TOPICS:
            forms = {form.lower(): form for form in (topic.label_id, *topic.alt_labels)}
            self.matcher.add(topic.id, [nlp.make_doc(form) for form in forms.values()])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=match_id) for match_id, s, e in self.matcher(doc)]
        doc.spans[TOPICS_KEY] = filter_spans(spans)
        return doc


def role_patterns() -> list[dict]:
    """EntityRuler patterns from ``ontology.roles``: one per distinct lower-cased label.

    Raises ``ValueError`` if two roles share a surface form once lower-cased.
    """
    owner: dict[str, str] = {}
    patterns = []
    for role in ROLES:
        for label in (role.label_id, *role.alt_labels):
            key = label.lower()
            if key in owner:
                if owner[key] != role.id:
                    raise ValueError(f"{label!r} names both {owner[key]} and {role.id}")
                continue
            owner[key] = role.id
            patterns.append({"label": ROLE_LABEL, "pattern": label, "id": role.id})
    return patterns


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline, built on first use and cached for the process."""
    tokenizer = {"@tokenizers": "perwali.id_tokenizer.v1"}
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": tokenizer}})
    nlp.max_length = MAX_TEXT_LENGTH
    ruler = nlp.add_pipe("entity_ruler", name="role_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(role_patterns())
    nlp.add_pipe("perwali_role_context", name="role_context")
    nlp.add_pipe("perwali_norm_cues", name="norm_cues")
    nlp.add_pipe("perwali_topic_matcher", name="topic_matcher")
    return nlp
