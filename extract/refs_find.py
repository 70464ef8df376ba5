"""Finding reference phrases with token rules over a blank Indonesian spaCy pipeline.

Two steps, both pure (no knowledge of the regulation being read):

1. the spaCy component ``reference_atoms`` (a :class:`~spacy.matcher.Matcher`) marks the
   *atoms* of a reference, one rule table per label (:data:`ATOM_RULES`): ``Pasal 12``,
   ``ayat (1)``, ``huruf a``, ``angka 3``, ``Lampiran II`` and the connectors ``,``,
   ``dan``, ``atau``, ``dan/atau`` (label ``and``) and ``sampai dengan`` (label ``range``);
2. :func:`read_chains` groups adjacent atoms into *addresses* (``Pasal 17 ayat (1) huruf a``)
   and addresses joined by connectors into a :class:`Chain` (``ayat (1), ayat(2) dan ayat
   (3)``). A trailing connector is not part of the chain; a Lampiran address never joins a
   chain of provisions. An address is stored highest level first: a higher level written
   after a lower one ("ayat (2) Pasal 7", "huruf a ayat (1) Pasal 8") is the reverse order
   of the same address, and it applies to every address of the parallel list it closes
   ("ayat (2) sampai dengan ayat (6) Pasal 94" is ayat 2 to 6 of Pasal 94).

"Lampiran" is matched capitalised; lower-case "lampiran" (a common noun: "lampiran surat")
only with a roman numeral ("lampiran II") or in the drafting formulas "tercantum dalam
lampiran", "dimaksud dalam lampiran", "lampiran yang merupakan bagian …", "lampiran
Peraturan …".

Resolving a chain against the citing provision is :mod:`extract.refs_resolve`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    filter_spans,
)

from extract.nlp import MAX_TEXT_LENGTH

#: Name of the spaCy component (and the provenance of internal and Lampiran references).
COMPONENT = "reference_atoms"

#: Provision levels, highest first; an address lists them in this order.
LEVELS = ("pasal", "ayat", "huruf", "angka")

_VALUE = {
    "pasal": r"^\d+[A-Z]?\.?$",  # 12, 15A
    "ayat": r"^\d+[a-z]?$",  # (1), (3a)
    "huruf": r"^[a-z]{1,2}\.?$",  # a, aa ("b." when a sentence ends on it)
    "angka": r"^\d+[a-z]?\.?$",
    "lampiran": r"^[IVXL]+\.?$",
}

#: The token rules, by label. Each is documented by the phrase it is written for.
ATOM_RULES: dict[str, list[list[dict]]] = {
    # "Pasal 12", "pasal 7" (lower case occurs: Padang Panjang Pasal 9)
    "pasal": [[{"LOWER": "pasal"}, {"TEXT": {"REGEX": _VALUE["pasal"]}}]],
    # "ayat (1)", and "ayat(2)" once the tokenizer splits the glued parenthesis
    "ayat": [
        [{"LOWER": "ayat"}, {"ORTH": "("}, {"TEXT": {"REGEX": _VALUE["ayat"]}}, {"ORTH": ")"}]
    ],
    # "huruf a"
    "huruf": [[{"LOWER": "huruf"}, {"TEXT": {"REGEX": _VALUE["huruf"]}}]],
    # "angka 3"
    "angka": [[{"LOWER": "angka"}, {"TEXT": {"REGEX": _VALUE["angka"]}}]],
    # "Lampiran I", "lampiran II", "Lampiran" (the only annex)
    "lampiran": [
        [
            {"ORTH": {"IN": ["Lampiran", "LAMPIRAN", "lampiran"]}},
            {"TEXT": {"REGEX": _VALUE["lampiran"]}},
        ],
        [{"ORTH": {"IN": ["Lampiran", "LAMPIRAN"]}}],
    ],
    # a bare lower-case "lampiran": kept only in a drafting formula (see _formula_lampiran)
    "lampiran-lower": [[{"ORTH": "lampiran"}]],
    # ", " / ", dan" / "dan" / "atau" / ", atau" / "dan/atau"
    "and": [
        [{"ORTH": ","}],
        [{"ORTH": ","}, {"LOWER": {"IN": ["dan", "atau"]}}],
        [{"LOWER": {"IN": ["dan", "atau", "serta"]}}],
        [{"LOWER": "dan"}, {"ORTH": "/"}, {"LOWER": "atau"}],
    ],
    # "sampai dengan", "s.d.", "s/d", "hingga"
    "range": [
        [{"LOWER": "sampai"}, {"LOWER": "dengan"}],
        [{"LOWER": {"IN": ["s.d", "s/d", "sd", "hingga"]}}, {"ORTH": ".", "OP": "?"}],
        [{"LOWER": "s"}, {"ORTH": "/"}, {"LOWER": "d"}],
    ],
}

_CONNECTORS = ("and", "range")
_TOKENIZER = "perwali_reference_tokenizer.v1"


@dataclass(frozen=True)
class Chain:
    """One reference phrase: its addresses, the links between them, where it stands.

    ``addresses[i]`` is a tuple of ``(level, value)`` pairs, e.g.
    ``(("pasal", "17"), ("ayat", "1"), ("huruf", "a"))`` or ``(("lampiran", "I"),)``
    (``""`` for an unnumbered "Lampiran"); ``links[i]`` ("and" or "range") joins
    ``addresses[i]`` and ``addresses[i + 1]``.
    """

    addresses: tuple[tuple[tuple[str, str], ...], ...]
    links: tuple[str, ...]
    start: int
    end: int
    text: str
    #: where each address starts in the text (character offset), in ``addresses`` order
    address_starts: tuple[int, ...] = ()

    @property
    def is_lampiran(self) -> bool:
        return self.addresses[0][0][0] == "lampiran"


@Language.factory(COMPONENT)
def _make_reference_atoms(nlp: Language, name: str) -> ReferenceAtoms:
    return ReferenceAtoms(nlp.vocab)


class ReferenceAtoms:
    """spaCy component: puts every atom of :data:`ATOM_RULES` in ``doc.spans[COMPONENT]``."""

    def __init__(self, vocab) -> None:
        self.matcher = Matcher(vocab)
        for label, patterns in ATOM_RULES.items():
            self.matcher.add(label, patterns)

    def __call__(self, doc: Doc) -> Doc:
        spans = [
            span if span.label_ != "lampiran-lower" else Span(doc, span.start, span.end, "lampiran")
            for span in self.matcher(doc, as_spans=True)
            if span.label_ != "lampiran-lower" or _formula_lampiran(doc, span.start)
        ]
        doc.spans[COMPONENT] = sorted(filter_spans(spans), key=lambda span: span.start)
        return doc


_FORMULA_BEFORE = frozenset({"tercantum", "dimaksud", "termuat", "terlampir", "sesuai"})
_FORMULA_AFTER = frozenset({"peraturan", "keputusan"})


def _formula_lampiran(doc: Doc, i: int) -> bool:
    """A lower-case "lampiran" at token ``i`` names the annex: "tercantum dalam lampiran",
    "lampiran yang merupakan bagian …", "lampiran Peraturan …"."""
    before = [t.lower_ for t in doc[max(i - 2, 0) : i]]
    after = [t.lower_ for t in doc[i + 1 : i + 3]]
    if len(before) == 2 and before[0] in _FORMULA_BEFORE and before[1] in {"dalam", "pada"}:
        return True
    return (
        after[:2] == ["yang", "merupakan"]
        or after[:1] == ["peraturan"]
        or (bool(after) and after[0] in _FORMULA_AFTER)
    )


@spacy.registry.tokenizers("perwali_reference_tokenizer.v1")
def _reference_tokenizer():
    """The Indonesian prefix/suffix/infix rules without spaCy's ~16,000 Indonesian
    tokenizer exceptions (loading them costs seconds; no reference rule needs them), plus
    an infix that splits the glued "ayat(2)" into ``ayat ( 2``."""

    def create(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        infixes = [*defaults.infixes, r"(?<=[A-Za-z])\((?=[0-9])"]
        return Tokenizer(
            nlp.vocab,
            rules={},
            prefix_search=compile_prefix_regex(defaults.prefixes).search,
            suffix_search=compile_suffix_regex(defaults.suffixes).search,
            infix_finditer=compile_infix_regex(infixes).finditer,
        )

    return create


@cache
def reference_pipeline() -> Language:
    """The pipeline, built once: ``spacy.blank("id")`` with the tokenizer above and the
    ``reference_atoms`` component."""
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": _TOKENIZER}}})
    nlp.max_length = MAX_TEXT_LENGTH  # rule-based only: no E088 on a long provision
    nlp.add_pipe(COMPONENT)
    return nlp


def find_chains(texts: list[str]) -> list[list[Chain]]:
    """The reference chains of each text, in order.

    >>> [c.text for c in find_chains(["dimaksud pada ayat (1) dan ayat (2), dilakukan"])[0]]
    ['ayat (1) dan ayat (2)']
    """
    cited = [i for i, text in enumerate(texts) if _LEVEL_WORD.search(text)]
    chains: list[list[Chain]] = [[] for _ in texts]
    for i, doc in zip(cited, reference_pipeline().pipe(texts[i] for i in cited), strict=True):
        chains[i] = read_chains(doc)
    return chains


#: Every atom starts with one of these words: a text without any has no chain (and is not
#: worth tokenising — most provisions cite nothing).
_LEVEL_WORD = re.compile(r"(?i)\b(?:pasal|ayat|huruf|angka|lampiran)\b")


def read_chains(doc: Doc) -> list[Chain]:
    """Group the atoms of ``doc`` into chains (see the module docstring)."""
    chains: list[Chain] = []
    current: _Open | None = None
    link: tuple[str, int] | None = None  # a connector right after the current chain
    for span in doc.spans[COMPONENT]:
        label = span.label_
        if label in _CONNECTORS:
            adjacent = current is not None and link is None and span.start == current.end_token
            link = (label, span.end) if adjacent else None
            if not adjacent and current is not None:
                chains.append(current.close(doc))
                current = None
            continue
        part = (label, _value(span))
        if current is not None and link is not None and span.start == link[1]:
            if current.is_lampiran == (label == "lampiran"):  # "dan huruf b", ", ayat (2)"
                current.addresses.append([part])
                current.starts.append(span.start)
                current.links.append(link[0])
                current.end_token = span.end
                link = None
                continue
        elif current is not None and link is None and span.start == current.end_token:
            if _deeper(current.addresses[-1], label):  # "Pasal 9" + "ayat (2)"
                current.addresses[-1].append(part)
                current.end_token = span.end
                continue
            if _higher(current.addresses[-1], label):  # "ayat (2)" + "Pasal 7"
                current.raise_last(part)
                current.end_token = span.end
                continue
        if current is not None:
            chains.append(current.close(doc))
        current = _Open(span.start, span.end, [[part]], [], label == "lampiran", [span.start])
        link = None
    if current is not None:
        chains.append(current.close(doc))
    return chains


@dataclass
class _Open:
    start_token: int
    end_token: int
    addresses: list[list[tuple[str, str]]]
    links: list[str]
    is_lampiran: bool
    starts: list[int]  # first token of each address

    def raise_last(self, part: tuple[str, str]) -> None:
        """Reverse order: put the higher ``part`` above the last address and above each
        address before it in the same list ("ayat (1) dan ayat (2) Pasal 7")."""
        top = self.addresses[-1][0][0]
        for address in reversed(self.addresses):
            if address[0][0] != top:
                break
            address.insert(0, part)

    def close(self, doc: Doc) -> Chain:
        span = doc[self.start_token : self.end_token]
        end = span.end_char
        if span[-1].text.endswith(".") and span[-1].text not in (".",):
            end -= 1  # "huruf b." at the end of a sentence: the period is not the reference
        return Chain(
            tuple(tuple(address) for address in self.addresses),
            tuple(self.links),
            span.start_char,
            end,
            doc.text[span.start_char : end],
            tuple(doc[i].idx for i in self.starts),
        )


def _value(span) -> str:
    if span.label_ == "ayat":
        return span[2].text
    if len(span) == 1:  # an unnumbered "Lampiran"
        return ""
    return span[-1].text.rstrip(".")


def _higher(address: list[tuple[str, str]], level: str) -> bool:
    """True if ``level`` is above the address's first level ("ayat (2)" + "Pasal 7")."""
    first = address[0][0]
    if first == "lampiran" or level == "lampiran":
        return False
    return LEVELS.index(level) < LEVELS.index(first)


def _deeper(address: list[tuple[str, str]], level: str) -> bool:
    """True if ``level`` may follow the address's last level ("Pasal 9" + "ayat (2)")."""
    last = address[-1][0]
    if last == "lampiran" or level == "lampiran":
        return False
    return LEVELS.index(level) > LEVELS.index(last)
