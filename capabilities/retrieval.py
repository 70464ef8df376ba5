"""Lexical retrieval over the provisions of the graph: one BM25 index per build.

Every Pasal and ayat of the body (not the Lampiran) is a document: its own text with its
sub-units (huruf, angka), its SKOS topics, the roles it mentions and the actions of the
norms it states. The chapeau of a list counts :data:`HEAD_WEIGHT` times (a field weight:
it says what the list is about); a provision that opens by naming its own regulation
("Peraturan Wali Kota ini bermaksud …") is read with the regulation's title
(:func:`about_itself`). Its set of stems (what ``ask`` measures coverage on) also holds
the own text of each unit it refers to.

Text is lower-cased, split into words, stemmed with Sastrawi and stripped of stopwords
and of the phrase "Peraturan Wali Kota" (the regulation naming itself; "Wali Kota" alone,
the Mayor, is content); :mod:`bm25s` scores it. The whole Pasal (with the headings of its
BAB, Bagian and Paragraf) is indexed too, as the context of its ayat.

Questions are read into the same stems. English questions are first translated word by
word into the regulations' Indonesian (the English labels of the graph's topics and roles,
then :data:`capabilities.ask_lexicon.GLOSSARY_EN`), so one index serves both languages.
The index is built from the graph once per build (:func:`capabilities.source.cached`).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import bm25s
import numpy as np
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from capabilities.ask_corpus import RawItem, RawProvision, read_provisions, subject_of
from capabilities.ask_lexicon import (
    GLOSSARY_EN,
    STEM_OVERRIDES,
    STOP_PHRASES_ID,
    STOPWORDS_EN,
    STOPWORDS_ID,
)
from capabilities.source import GraphSource, cached

WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_STEMMER = StemmerFactory().create_stemmer()
#: Sastrawi's dictionary of Indonesian root words: tells a word from a string of letters.
_ROOT_WORDS = frozenset(StemmerFactory().get_words_from_file())
#: "Peraturan Wali Kota ini" (or Bupati, Daerah …) among a provision's first words.
SELF_REFERENCE = re.compile(
    r"^(?:\S+\s+){0,3}?peraturan\s+(?:wali\s*kota|bupati|daerah|gubernur)\s+ini\b", re.I
)
#: A provision with sub-units is indexed with its own text (the chapeau: "Tanggung jawab
#: Ketua Tim … meliputi:") counted this many times in all, its huruf and angka once, as a
#: field weight: the chapeau says what the provision is about, the items detail it, so a
#: word only in one item ("melaporkan hasil kerja kepada ketua tim" in the list of an
#: anggota tim's duties) weighs less than the same word in the chapeau.
HEAD_WEIGHT = 4
LEAD = 12  # content stems that say what a provision is about
#: A Lampiran part elaborates the body: where a body provision says as much, it ranks first.
LAMPIRAN_WEIGHT = 0.9
#: The definitions article (Pasal 1) names every term: it answers "what is X", and for
#: any other question weighs this much, so the provision that governs X ranks first.
DEFINITIONS_WEIGHT = 0.7
DEFINITIONS_TOPIC = "definisi"  # the SKOS topic of the definitions article


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Sastrawi stem of one lower-case word (hyphenated words stem part by part)."""
    if word.isdigit():
        return word
    if word in STEM_OVERRIDES:
        return STEM_OVERRIDES[word]
    return "-".join(_STEMMER.stem(part) or part for part in word.split("-"))


def is_word(token: str) -> bool:
    """Whether a stem is an Indonesian root word (or a number), not a string of letters."""
    return token.isdigit() or all(part in _ROOT_WORDS for part in token.split("-"))


def words(text: str) -> list[str]:
    """Lower-case word tokens ("dan/atau" is two words, "lintas-PD" one)."""
    return WORD.findall(text.lower())


def pad(text: str) -> str:
    """The text's words between single spaces, with one before and after: " a b ", where
    a phrase is found word for word as " phrase "."""
    return " " + " ".join(words(text)) + " "


def stems(text: str) -> list[str]:
    """Stems of every word, stopwords included (for phrase matching)."""
    return [stem(word) for word in words(text)]


def content_stems(text: str) -> list[str]:
    """Stems that carry content: what BM25 indexes and queries with."""
    out = []
    for word in _without_stop_phrases(words(text)):
        token = stem(word)
        if token not in STOPWORDS_ID and word not in STOPWORDS_ID and len(token) > 1:
            out.extend(token.split("-") if "-" in token else [token])
    return out


def _without_stop_phrases(tokens: list[str]) -> list[str]:
    """The tokens without the boilerplate phrases of :data:`STOP_PHRASES_ID`."""
    if "peraturan" not in tokens:
        return tokens
    out, i = [], 0
    while i < len(tokens):
        phrase = next((p for p in STOP_PHRASES_ID if tuple(tokens[i : i + len(p)]) == p), None)
        if phrase:
            i += len(phrase)
        else:
            out.append(tokens[i])
            i += 1
    return out


@dataclass(frozen=True)
class Provision:
    """A Pasal (when it has no ayat) or an ayat: the unit an answer cites."""

    regulation: str
    pasal: str
    ayat: str | None
    citation: str
    iri: str
    text: str
    topics: frozenset[str]  # tagged in the graph, and named in its Lampiran parts
    roles: frozenset[str]
    bearers: frozenset[str]  # bearers of the norms it states
    order: int  # position in the regulation, for stable ties
    lead: frozenset[str]  # the first content stems of its own text: what it is about
    pairs: frozenset[frozenset[str]]  # adjacent content stems, unordered
    subjects: tuple[frozenset[str], ...]  # stems of the terms it defines
    head: str = ""  # its own text when it has sub-units (the chapeau of a list)
    #: its norms addressed to someone: (bearers, stems of the action)
    addressed: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    #: stems of the objects of its power norms with a named holder ("susunan tim kerja"):
    #: what someone it names may set, form or approve
    empowered: tuple[frozenset[str], ...] = ()
    #: stems of the actions of its norms that name who acts (see RawProvision.agents)
    agents: frozenset[str] = frozenset()
    #: the terms it defines as written ("Pejabat Pembina Kepegawaian"), as ``subjects``
    subject_names: tuple[str, ...] = ()
    #: (role, stem) of a sentence opening with a role's name and a ber- verb: "Pegawai ASN
    #: berfungsi sebagai …" states the fungsi of the Pegawai ASN
    states: frozenset[tuple[str, str]] = frozenset()
    #: stems of the passive verbs whose agent it names ("ditetapkan oleh Pejabat Penilai
    #: Kinerja": "tetap"): the acts it says who performs
    agented: frozenset[str] = frozenset()
    means: frozenset[str] = frozenset()  # passive verbs it names the means of
    #: the items of its list that are names, not sentences ("a. ahli utama; b. ahli madya;
    #: …"), as stems: the members it enumerates
    members: frozenset[frozenset[str]] = frozenset()
    #: the roles it says are filled from named posts ("Ketua tim kerja … dapat berasal dari
    #: Jabatan Administrator, …", "Ketua Tim dijabat oleh …"), see :func:`posts_drawn`
    drawn: frozenset[str] = frozenset()
    #: the cases it provides for: the stems of each condition clause it states ("Dalam hal
    #: tidak ada Jabatan Pengawas …", "apabila …"), see :func:`cases_stated`
    cases: tuple[frozenset[str], ...] = ()
    via: str | None = None  # the Lampiran part this entry reads, for the provision citing it
    shown: str = ""  # the text an answer shows (the provision's, then the Lampiran part's)


@dataclass(frozen=True)
class Regulation:
    """A regulation of the build and the names a question may call it by."""

    id: str
    iri: str
    citation: str
    place: str  # "Kota Palu"
    number: str
    year: str
    title: str = ""  # "Penyesuaian Sistem Kerja untuk Penyederhanaan Birokrasi"


@dataclass(frozen=True)
class Concept:
    """A SKOS topic or role with its labels, as the graph states them."""

    id: str
    iri: str
    label_id: str
    label_en: str
    word_surfaces: tuple[tuple[str, ...], ...]  # Indonesian labels as words, for matching
    broader: str | None = None


@dataclass
class Index:
    """Everything a question is answered from, built once per build."""

    provisions: list[Provision]
    regulations: dict[str, Regulation]
    topics: dict[str, Concept]
    roles: dict[str, Concept]
    bm25: bm25s.BM25
    pasal_bm25: bm25s.BM25
    pasal_of: list[int]  # provision index → its Pasal document
    pasal_keys: list[tuple[str, str]]
    padded: list[str]  # " word word … ": each provision's words, for phrase matching
    postings: dict[str, dict[object, np.ndarray]]  # feature → item → provisions holding it
    nobody: np.ndarray  # no provision holds it
    discount: np.ndarray  # 1 for a provision, LAMPIRAN_WEIGHT for a Lampiran part
    definitions_weight: np.ndarray  # DEFINITIONS_WEIGHT for the definitions article
    stem_sets: list[frozenset[str]]  # each provision's content stems
    siblings: dict[int, list[int]]  # Pasal document → its body provisions (Pasal or ayat)
    listing: np.ndarray  # 1 for a provision with sub-units (a list), else 0
    doc_freq: dict[str, int]
    topic_idf: dict[str, float]
    #: stems of every term Pasal 1 defines: a question that names one and nothing else
    #: ("Siapa yang dapat memimpin unit organisasi?" is "Pimpinan Unit Organisasi") asks
    #: what it is
    defined_terms: frozenset[frozenset[str]] = frozenset()
    with_lampiran: frozenset[str] = frozenset()  # regulations with Lampiran parts indexed
    #: per regulation, the roles whose duties its Lampiran states in words (duties_named)
    lampiran_duties: dict[str, frozenset[str]] = field(default_factory=dict)
    #: per regulation, the headings of its BAB, Bagian and Paragraf as " word word "
    #: strings ("ketentuan umum"): the parts of its drafting structure
    headings: dict[str, frozenset[str]] = field(default_factory=dict)
    english: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    english_words: dict[str, str] = field(default_factory=dict)  # one-word entries

    def idf(self, token: str) -> float:
        """Inverse document frequency of a stem over the provisions."""
        df = self.doc_freq.get(token, 0)
        return math.log(1 + (len(self.provisions) - df + 0.5) / (df + 0.5))


def get_index(source: GraphSource) -> Index:
    """The index of the build ``source`` reads (built on first use, then cached)."""
    return cached(source, "ask-bm25", build_index)


def build_index(source: GraphSource) -> Index:
    """Read the provisions, topics and roles from the graph and index them."""
    regulations = _regulations(source)
    topics = _concepts(source, "skos:inScheme topic:scheme", with_broader=True)
    roles = _concepts(source, "a pw:Role", with_broader=True)
    raw, items = read_provisions(source, set(regulations))
    provisions = [_provision(p, regulations[p.regulation].title, roles) for p in raw]
    provisions += [_lampiran_entry(raw[item.owner], item, topics, roles) for item in items]
    pasal_keys = list(dict.fromkeys((p.regulation, p.pasal) for p in raw))
    pasal_pos = {key: i for i, key in enumerate(pasal_keys)}
    pasal_texts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p, provision in zip(raw, provisions, strict=False):
        key = (p.regulation, p.pasal)
        if not pasal_texts[key]:
            pasal_texts[key].append(p.context)
        pasal_texts[key].append(provision.text)
    for item in items:
        if item.top:
            owner = raw[item.owner]
            pasal_texts[(owner.regulation, owner.pasal)].append(item.text)
    actions = [p.actions for p in raw] + [""] * len(items)
    docs = [
        content_stems(" ".join([p.text, a, *[p.head] * (HEAD_WEIGHT - 1)])) or ["_"]
        for p, a in zip(provisions, actions, strict=True)
    ]
    pasal_docs = [content_stems(" ".join(pasal_texts[key])) or ["_"] for key in pasal_keys]
    doc_freq: dict[str, int] = defaultdict(int)
    for doc in docs:
        for token in set(doc):
            doc_freq[token] += 1
    tagged: dict[str, int] = defaultdict(int)
    for provision in provisions:
        for topic in provision.topics:
            tagged[topic] += 1
    n = len(provisions)
    english = _english_phrases(topics, roles)
    return Index(
        provisions=provisions,
        regulations=regulations,
        topics=topics,
        roles=roles,
        bm25=_bm25(docs),
        pasal_bm25=_bm25(pasal_docs),
        pasal_of=[pasal_pos[(p.regulation, p.pasal)] for p in provisions],
        pasal_keys=pasal_keys,
        padded=[pad(p.text) for p in provisions],
        postings={name: _postings(provisions, name) for name in POSTED},
        nobody=np.zeros(len(provisions)),
        discount=np.array([LAMPIRAN_WEIGHT if p.via else 1.0 for p in provisions]),
        definitions_weight=np.array(
            [DEFINITIONS_WEIGHT if DEFINITIONS_TOPIC in p.topics else 1.0 for p in provisions]
        ),
        stem_sets=_stem_sets(docs, raw),
        siblings=_siblings(provisions, pasal_pos),
        with_lampiran=frozenset(p.regulation for p in provisions if p.via),
        lampiran_duties=_lampiran_duties(items, raw, roles),
        headings=_headings(raw),
        listing=np.array([1.0 if p.head or enumerates(p.text) else 0.0 for p in provisions]),
        doc_freq=dict(doc_freq),
        topic_idf={t: math.log(1 + n / (1 + tagged.get(t, 0))) for t in topics},
        defined_terms=frozenset(
            term for p in provisions if DEFINITIONS_TOPIC in p.topics for term in p.subjects
        ),
        english=english,
        english_words={phrase[0]: text for phrase, text in english if len(phrase) == 1},
    )


def _lampiran_duties(
    items: list[RawItem], raw: list[RawProvision], roles: dict[str, Concept]
) -> dict[str, frozenset[str]]:
    """Per regulation, the roles whose duties some part of its Lampiran states in words."""
    out: dict[str, set[str]] = defaultdict(set)
    for item in items:
        out[raw[item.owner].regulation] |= duties_named(item.text, roles)
    return {reg_id: frozenset(found) for reg_id, found in out.items()}


def _headings(raw: list[RawProvision]) -> dict[str, frozenset[str]]:
    """Per regulation, the headings its Pasal stand under, padded (" ketentuan umum ")."""
    out: dict[str, set[str]] = defaultdict(set)
    for p in raw:
        if p.context.strip():
            out[p.regulation].add(pad(p.context))
    return {reg_id: frozenset(found) for reg_id, found in out.items()}


def _siblings(provisions: list[Provision], pasal_pos: dict) -> dict[int, list[int]]:
    """Each Pasal's body provisions (its ayat, or itself), by Pasal document."""
    out: dict[int, list[int]] = defaultdict(list)
    for i, p in enumerate(provisions):
        if not p.via:
            out[pasal_pos[(p.regulation, p.pasal)]].append(i)
    return dict(out)


def _stem_sets(docs: list[list[str]], raw: list[RawProvision]) -> list[frozenset[str]]:
    """Each provision's content stems, with those of the units it refers to."""
    cited = [frozenset(content_stems(p.cited)) for p in raw]
    cited += [frozenset()] * (len(docs) - len(raw))
    return [frozenset(doc) | more for doc, more in zip(docs, cited, strict=True)]


def _provision(raw: RawProvision, title: str, roles: dict[str, Concept]) -> Provision:
    text, own_text = about_itself(raw.text, title), about_itself(raw.own_text, title)
    return Provision(
        regulation=raw.regulation,
        pasal=raw.pasal,
        ayat=raw.ayat,
        citation=raw.citation,
        iri=raw.iri,
        text=text,
        topics=raw.topics,
        roles=raw.roles,
        bearers=raw.bearers,
        order=raw.order,
        lead=frozenset(content_stems(own_text)[:LEAD]),
        pairs=pairs(content_stems(text)),
        head=own_text if own_text != text else "",
        addressed=tuple(
            (bearers, frozenset(content_stems(action))) for bearers, action in raw.addressed
        ),
        subjects=tuple(frozenset(content_stems(s)) for s in raw.subjects if content_stems(s)),
        subject_names=tuple(s for s in raw.subjects if content_stems(s)),
        empowered=tuple(frozenset(content_stems(thing)) for thing in raw.empowered),
        agents=frozenset(t for action in raw.agents for t in content_stems(action)),
        states=attributes_stated(raw.own_text, roles),
        agented=agented_verbs(raw.own_text),
        means=means_verbs(raw.text),
        members=named_members(raw.text, raw.own_text),
        drawn=posts_drawn(raw.text, roles),
        cases=cases_stated(raw.text),
        shown=raw.text,
    )


#: A condition clause, as the drafting states a case (Lampiran II UU 12/2011: "Dalam hal
#: …, …"; "apabila …", "jika …", "bilamana …") or a question puts one ("Kalau …, siapa …",
#: "Bagaimana jika …?"), up to the next comma, semicolon, colon, full stop or "maka".
#: "Dalam hal apa …" asks for a case and states none.
CONDITION = re.compile(
    r"\b(?:dalam hal|apabila|jika|bilamana|bila|kalau|seandainya|manakala)\s+"
    r"(?!(?:apa|mana)\b)([^,;:.?]*?)(?=\s*(?:[,;:.?]|\bmaka\b|$))",
    re.I,
)
#: Words that negate a case ("dalam hal tidak ada Jabatan Pengawas"): the case stated
#: without them is the opposite one.
NEGATIONS = frozenset({"tidak", "belum", "tanpa", "bukan", "tiada"})
NEGATED = "~"  # the stem standing for a negation in a case


def cases_stated(text: str) -> tuple[frozenset[str], ...]:
    """The stems of each condition clause of a text (:data:`CONDITION`), a negated one
    holding :data:`NEGATED` as well: the cases the text provides for."""
    out = []
    for match in CONDITION.finditer(text):
        clause = match.group(1)
        negated = bool(NEGATIONS & set(words(clause)))
        held = set(content_stems(clause)) | ({NEGATED} if negated else set())
        if held:
            out.append(frozenset(held))
    return tuple(out)


#: A norm's modality after the role that bears it ("Ketua Tim bertanggung jawab …"), or its
#: noun before the role ("Tanggung jawab Ketua Tim meliputi: …"), in padded text.
DUTY_AFTER = re.compile(r"^(?:\w+ ){0,2}?(?:bertanggung jawab|berwenang|bertugas|wajib) ")
DUTY_BEFORE = re.compile(r" (?:tanggung jawab|wewenang|kewenangan|kewajiban) (?:\w+ )?$")


def duties_named(text: str, roles: dict[str, Concept]) -> frozenset[str]:
    """The roles whose duties, powers or responsibilities a text states in words: named
    just before "bertanggung jawab / berwenang / bertugas / wajib" or just after "tanggung
    jawab / wewenang / kewenangan / kewajiban" (what a Lampiran, whose norms are not
    extracted, says a role must do)."""
    padded = pad(text)
    out = set()
    for role in roles.values():
        for surface in (" " + " ".join(s) + " " for s in role.word_surfaces):
            at = padded.find(surface)
            while at >= 0:
                after, before = padded[at + len(surface) :], padded[: at + 1]
                if DUTY_AFTER.match(after) or DUTY_BEFORE.search(before):
                    out.add(role.id)
                    break
                at = padded.find(surface, at + 1)
    return frozenset(out)


#: "sebagaimana dimaksud pada ayat (1)," between a subject and its verb
CROSS_REFERENCE = re.compile(r"\s*sebagaimana dimaksud[^,]*,?", re.I)


def attributes_stated(text: str, roles: dict[str, Concept]) -> frozenset[tuple[str, str]]:
    """What a sentence opening with roles and a ber- verb states of them: "Pegawai ASN
    berfungsi sebagai …" → {("pegawai-asn", "fungsi")}; "Pejabat Fungsional dan Pelaksana
    berkedudukan di bawah …" → the kedudukan of both."""
    tokens = words(CROSS_REFERENCE.sub(" ", text))[:16]
    found: list[str] = []
    i = 0
    while i < len(tokens):
        match = _role_at(tokens, i, roles)
        if match is None:
            break
        found.append(match[0])
        i = match[1]
        if i < len(tokens) and tokens[i] in ("dan", "atau"):
            i += 1
            continue
        break
    if not found or i >= len(tokens) or not tokens[i].startswith("ber"):
        return frozenset()
    verb = content_stems(tokens[i])
    return frozenset((role, verb[0]) for role in found) if verb else frozenset()


#: a passive verb ("di…") followed by its agent ("oleh …")
PASSIVE_AGENT = re.compile(r"\b(di[a-z]+)\s+oleh\b", re.I)
#: a passive verb followed by the means it is done by ("dengan …", "melalui …")
PASSIVE_MEANS = re.compile(r"\b(di[a-z]+)\s+(?:\w+\s+){0,2}?(?:dengan|melalui)\s", re.I)


def agented_verbs(text: str) -> frozenset[str]:
    """Stems of the passive verbs a text names the agent of: "Penugasan … ditetapkan oleh
    Pejabat Penilai Kinerja dan diketahui oleh pimpinan unit organisasi" → {"tetap",
    "tahu"}. Such a sentence says *who* performs the act; one without "oleh" does not."""
    return _passive_verbs(PASSIVE_AGENT, text)


def means_verbs(text: str) -> frozenset[str]:
    """Stems of the passive verbs a text names the means of: "Tim Kerja … ditetapkan
    dengan Keputusan Wali Kota" → {"tetap"}. Such a sentence says *by what* it is done."""
    return _passive_verbs(PASSIVE_MEANS, text)


def _passive_verbs(pattern: re.Pattern[str], text: str) -> frozenset[str]:
    return frozenset(token for verb in pattern.findall(text) for token in content_stems(verb)[:1])


def _role_at(tokens: list[str], i: int, roles: dict[str, Concept]) -> tuple[str, int] | None:
    """The role whose name starts at ``tokens[i]`` (the longest), and where it ends."""
    best: tuple[str, int] | None = None
    for role in roles.values():
        for surface in role.word_surfaces:
            if tuple(tokens[i : i + len(surface)]) == surface and (
                best is None or i + len(surface) > best[1]
            ):
                best = (role.id, i + len(surface))
    return best


#: The drafting verbs of an enumeration: "X meliputi A dan B", "X terdiri atas A dan B".
ENUMERATION = re.compile(r"\b(?:meliputi|terdiri atas|terdiri dari)\b", re.I)


def enumerates(text: str) -> bool:
    """Whether a provision enumerates in its sentence ("Penyesuaian Sistem Kerja …
    meliputi Mekanisme Kerja dan Proses Bisnis"): a list as much as one with huruf."""
    return bool(ENUMERATION.search(text))


#: the label opening a list item: "a.", "12."
ITEM_LABEL = re.compile(r"(?:^|\s)(?:[a-z]|\d{1,2})\.\s+")
#: an item of at most this many content words names a member; a longer one says something
MEMBER_WORDS = 4


def named_members(text: str, own_text: str) -> frozenset[frozenset[str]]:
    """The stems of each item of a provision's list that only names a member ("a. ahli
    utama; b. ahli madya; … dan d. ahli pertama." → {ahli, utama}, …); items that are
    sentences ("a. Pejabat Fungsional Ahli Utama berkedudukan di bawah …") name none."""
    if own_text == text or not text.startswith(own_text):
        return frozenset()
    out = set()
    for item in ITEM_LABEL.split(text[len(own_text) :]):
        item = re.sub(r"[;,.]?\s*(?:dan|atau|dan/atau)?\s*$", "", item.strip())
        found = content_stems(item)
        if 0 < len(found) <= MEMBER_WORDS:
            out.add(frozenset(found))
    return frozenset(out)


#: The drafting forms saying from which posts a role is filled: "<role> dapat berasal dari
#: <post>", "<role> dijabat oleh <post>", "<role> dipimpin oleh <post>", a group "terdiri
#: dari <post>" or "dapat melibatkan <post>"; and "menunjuk <post> sebagai <role>".
DRAWN_FROM = re.compile(
    r"\b(?:berasal dari|dijabat oleh|dipimpin oleh|diisi oleh|dipilih dari|diangkat dari"
    r"|terdiri (?:atas|dari)|melibatkan)\s",
    re.I,
)
APPOINTED_AS = re.compile(
    r"\bmenunjuk\s+(?:salah satu\s+|seorang\s+)?([^;:.]{1,80}?)\ssebagai\s", re.I
)
#: a clause boundary: what a role is said of stands after the last one
CLAUSE_END = re.compile(r"[;:]|\.\s")


def is_post(role: Concept, roles: dict[str, Concept]) -> bool:
    """Whether a role is a post a civil servant holds (under Pegawai ASN, or named
    "Jabatan …" / "Pejabat …"), not a unit or an institution ("Unit Organisasi")."""
    seen, parent = set(), role.id
    while parent and parent in roles and parent not in seen:
        if parent == "pegawai-asn":
            return True
        seen.add(parent)
        parent = roles[parent].broader
    return any(s[0] in ("jabatan", "pejabat") for s in role.word_surfaces)


def _roles_named(padded: str, roles: dict[str, Concept]) -> set[str]:
    """The roles a text names, each name read as the longest role name it is part of:
    "ketua tim kerja" names the ketua tim, not the tim kerja."""
    tokens = padded.split()
    out, i = set(), 0
    while i < len(tokens):
        found = _role_at(tokens, i, roles)
        if found:
            out.add(found[0])
            i = found[1]
        else:
            i += 1
    return out


def _opening_roles(padded: str, roles: dict[str, Concept]) -> set[str]:
    """The roles whose name opens ``padded`` (" ketua tim kerja … ")."""
    return {
        r.id
        for r in roles.values()
        if any(padded.startswith(" " + " ".join(s) + " ") for s in r.word_surfaces)
    }


def _opens_with_post(padded: str, roles: dict[str, Concept]) -> set[str]:
    """The posts whose name opens ``padded`` (" jabatan administrator … ")."""
    return {r for r in _opening_roles(padded, roles) if is_post(roles[r], roles)}


def posts_drawn(text: str, roles: dict[str, Concept]) -> frozenset[str]:
    """The roles a text says are filled from named posts: "Ketua tim kerja … dapat berasal
    dari Jabatan Pimpinan Tinggi Pratama, Jabatan Administrator, …" → the ketua tim (and
    its tim kerja); "… menunjuk salah satu pejabat fungsional atau Pelaksana sebagai ketua
    tim kerja" → the same. "… diutamakan berasal dari Unit Organisasi pemilik kinerja"
    names a unit, not a post, and "Tim kerja … dipimpin oleh Ketua Tim" the role itself."""
    out: set[str] = set()
    for match in DRAWN_FROM.finditer(text):
        posts = _opens_with_post(pad(text[match.end() :]), roles)
        if posts:
            clause = CLAUSE_END.split(text[: match.start()])[-1]
            out |= _roles_named(pad(clause), roles) - posts
    for match in APPOINTED_AS.finditer(text):
        posts = _opens_with_post(pad(match.group(1)), roles)
        if posts:
            out |= _opening_roles(pad(text[match.end() :]), roles) - posts
    return frozenset(out)


def about_itself(text: str, title: str) -> str:
    """A provision that opens by naming its own regulation ("Peraturan Wali Kota ini
    bermaksud …", "Ruang Lingkup Peraturan Wali Kota ini meliputi …") states what the
    regulation is about, and the regulation's title says what that is: the title is read
    in place of the self-reference ("Ruang Lingkup Penyesuaian Sistem Kerja … meliputi").
    A self-reference further on ("… tercantum dalam Lampiran … Peraturan Wali Kota ini")
    only locates something and is left alone."""
    match = SELF_REFERENCE.match(text)
    if not match or not title:
        return text
    return f"{text[: match.end()]} {title}{text[match.end() :]}"


def _lampiran_entry(
    owner: RawProvision, item: RawItem, topics: dict[str, Concept], roles: dict[str, Concept]
) -> Provision:
    """A Lampiran part, scored on its own words, answering as the provision citing it."""
    stems_ = content_stems(item.text)
    subject = subject_of(item.text)
    shown = f"{owner.text} [{item.label}: {item.text}]"
    return Provision(
        regulation=owner.regulation,
        pasal=owner.pasal,
        ayat=owner.ayat,
        citation=owner.citation,
        iri=owner.iri,
        text=item.text,
        topics=frozenset(topics_named(topics, item.text)),
        roles=frozenset(),
        bearers=frozenset(),
        order=owner.order,
        lead=frozenset(stems_[:LEAD]),
        pairs=pairs(stems_),
        subjects=(frozenset(content_stems(subject)),) if subject else (),
        subject_names=(subject,) if subject else (),
        via=item.label,
        drawn=posts_drawn(item.text, roles),
        means=means_verbs(shown),
        cases=cases_stated(item.text),
        shown=shown,
    )


def topics_named(topics: dict[str, Concept], text: str) -> set[str]:
    """Topics whose labels occur word for word in a text."""
    padded = pad(text)
    return {
        t.id
        for t in topics.values()
        if any(" " + " ".join(s) + " " in padded for s in t.word_surfaces)
    }


POSTED = (
    "topics",
    "lead",
    "pairs",
    "bearers",
    "states",
    "agented",
    "means",
    "members",
    "drawn",
)


def _postings(provisions: list[Provision], name: str) -> dict[object, np.ndarray]:
    """For one set-valued field, each value → a 0/1 vector of the provisions holding it."""
    out: dict[object, np.ndarray] = {}
    for i, provision in enumerate(provisions):
        for item in getattr(provision, name):
            out.setdefault(item, np.zeros(len(provisions)))[i] = 1.0
    return out


def _bm25(docs: list[list[str]]) -> bm25s.BM25:
    model = bm25s.BM25(k1=1.2, b=0.75)
    model.index(docs, show_progress=False)
    return model


def scores(index: Index, query: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """BM25 of the query stems for every provision (and Lampiran part) and every Pasal."""
    if not query:
        return np.zeros(len(index.provisions)), np.zeros(len(index.pasal_keys))
    return index.bm25.get_scores(query), index.pasal_bm25.get_scores(query)


# --- English ------------------------------------------------------------------------


def _english_phrases(
    topics: dict[str, Concept], roles: dict[str, Concept]
) -> list[tuple[tuple[str, ...], str]]:
    """English phrases (word tuples) → Indonesian, longest first."""
    table: dict[tuple[str, ...], str] = {}
    for concept in (*topics.values(), *roles.values()):
        if concept.label_en:
            table[tuple(words(concept.label_en))] = concept.label_id
    for english, indonesian in GLOSSARY_EN.items():
        table[tuple(words(english))] = indonesian
    return sorted(table.items(), key=lambda item: -len(item[0]))


def translate_english(index: Index, text: str) -> str:
    """An English question in the regulations' Indonesian, phrase by phrase.

    Words with no translation are kept (drafters mix in Indonesian terms: "Surat
    Perintah", "Pasal"); English function words are dropped.
    """
    tokens = _split_compounds(index, words(text))
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for phrase, indonesian in index.english:
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                out.append(indonesian)
                i += len(phrase)
                break
        else:
            word = tokens[i]
            if word not in STOPWORDS_EN and _singular(word) not in STOPWORDS_EN:
                known = [f for f in _english_forms(word) if f in index.english_words]
                out.append(index.english_words[known[0]] if known else word)
            i += 1
    return " ".join(out)


def _split_compounds(index: Index, tokens: list[str]) -> list[str]:
    """English hyphenated compounds as separate words ("work-team leader" → "work team
    leader"), unless the glossary has the compound itself ("cross-pd", "e-government")."""
    out: list[str] = []
    for token in tokens:
        whole = "-" not in token or token in index.english_words
        out.extend([token] if whole else token.split("-"))
    return out


def _english_forms(word: str) -> list[str]:
    """The word and the lemmas it may inflect ("evaluating" → "evaluate", "carries" →
    "carry"), to look up in the glossary."""
    forms = [word, _singular(word)]
    for suffix, endings in (("ing", ("", "e")), ("ed", ("", "e")), ("ies", ("y",)), ("es", ("",))):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms += [word[: -len(suffix)] + ending for ending in endings]
    return forms


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


# --- reading the graph --------------------------------------------------------------


def _regulations(source: GraphSource) -> dict[str, Regulation]:
    rows = source.select(
        """SELECT ?reg ?id ?label ?place ?number ?year ?title WHERE {
             ?reg a pw:ProdukHukumDaerah ; pw:regulationId ?id ; rdfs:label ?label ;
                  eli:number ?number ; pw:year ?year ; eli:jurisdiction ?jur .
             ?jur skos:prefLabel ?place
             OPTIONAL { ?reg eli:title ?title } }"""
    )
    return {
        row["id"]: Regulation(
            row["id"],
            row["reg"],
            row["label"],
            row["place"],
            row["number"],
            row["year"],
            row.get("title", ""),
        )
        for row in rows
    }


def _concepts(source: GraphSource, pattern: str, with_broader: bool) -> dict[str, Concept]:
    broader = "OPTIONAL { ?c skos:broader ?broader }" if with_broader else ""
    rows = source.select(
        f"""SELECT ?c ?label ?lang ?kind ?broader WHERE {{
              ?c {pattern} .
              {{ ?c skos:prefLabel ?label BIND("pref" AS ?kind) }}
              UNION {{ ?c skos:altLabel ?label BIND("alt" AS ?kind) }}
              BIND(LANG(?label) AS ?lang)
              {broader} }}"""
    )
    labels: dict[str, dict] = {}
    for row in rows:
        entry = labels.setdefault(
            row["c"], {"id": "", "en": "", "alt": [], "broader": row.get("broader")}
        )
        if row["kind"] == "pref" and row["lang"] in ("id", "en"):
            entry[row["lang"]] = row["label"]
        elif row["lang"] != "en":
            entry["alt"].append(row["label"])
    concepts = {}
    for iri, entry in labels.items():
        local = iri.rsplit("/", 1)[1]
        surfaces = {tuple(words(text)) for text in [entry["id"], *entry["alt"]] if text}
        broader = entry["broader"].rsplit("/", 1)[1] if entry["broader"] else None
        concepts[local] = Concept(
            local,
            iri,
            entry["id"],
            entry["en"],
            tuple(sorted(surfaces, key=lambda s: (-len(s), s))),  # longest first, stable
            broader,
        )
    return concepts


def pairs(tokens: list[str]) -> frozenset[frozenset[str]]:
    """Adjacent stems as unordered pairs ("ketua tim lapor": {ketua, tim}, {tim, lapor})."""
    return frozenset(frozenset(pair) for pair in itertools.pairwise(tokens))
