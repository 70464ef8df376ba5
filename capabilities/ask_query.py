"""Reading a question for ``ask``: its stems, topics and roles, and what it asks for —
the verb whose actor or means it asks, the role whose duties, the case it puts, the
range, the parts of a two-part question (see the module docstring of
:mod:`capabilities.ask`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from capabilities.ask_lexicon import (
    DEFINITION_CUES,
    FRAME_NOUNS_ID,
    FRAME_VERBS_ID,
    STOPWORDS_EN,
    SYNONYMS_ID,
)
from capabilities.retrieval import (
    CONDITION,
    DEFINITIONS_TOPIC,
    DUTY_AFTER,
    DUTY_BEFORE,
    NEGATED,
    NEGATIONS,
    Concept,
    Index,
    content_stems,
    pad,
    pairs,
    translate_english,
    words,
)

CUE_STEMS = frozenset(content_stems(" ".join(DEFINITION_CUES)))


@dataclass
class Query:
    stems: list[str]
    extra: list[str]  # stems of the labels of the topics found, not in the question
    topics: list[str]  # every topic found, in scheme order
    specific: list[str]  # the most specific of them (definisi left to ``definition``)
    surfaces: list[str]  # topic and role names found, as " word word " strings
    pairs: frozenset  # adjacent content stems of the question
    roles: list[str]  # roles named in the question
    definition: bool  # asks what a term means
    subject: frozenset[str]  # its content stems, for a question asking what a term means
    asked: str | None = None  # the verb whose actor or means it asks (:func:`_asked_verb`)
    #: stems that single out a role named in the question from its broader roles ("ahli
    #: muda" of "Pejabat Fungsional ahli muda") → those broader roles
    general: dict[str, frozenset[str]] = field(default_factory=dict)
    to_whom: bool = False  # asks to whom (the counterparty of a norm: "kepada siapa")
    listing: bool = False  # asks for the items of a list ("apa saja", "what are")
    #: the role whose duty, power or responsibility is asked ("Pengawas bertanggung jawab
    #: atas apa?", "tanggung jawab Ketua Tim"): the answer states a norm it bears
    duty_of: str | None = None
    who: bool = False  # it asks who does it ("siapa", "oleh siapa"), not by what means
    #: the ends of a range it names ("from ahli utama down to pemula"): the stems each end
    #: may be, as members of a list (:func:`_range_ends`)
    ends: tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...]] = ((), ())
    #: English words the glossary left as they were and no provision uses ("wants",
    #: "join"): a gap of the translation, which no provision can cover
    untranslated: frozenset[str] = frozenset()
    #: the case it puts ("Kalau … tidak ada Pejabat Pengawas, siapa …", "Bagaimana jika
    #: …?", "If …, …"): the stems of its condition clause (:func:`_case_of`)
    case: frozenset[str] = frozenset()
    #: stems only in its purpose adjunct ("dalam rangka penyederhanaan birokrasi"): the
    #: context it is put in, which coverage does not require
    framed: frozenset[str] = frozenset()
    #: the stems of each part of a two-part question ("… di bawah siapa dan kepada siapa
    #: …"): a provision answering either part covers it (:func:`_parts_of`)
    parts: tuple[frozenset[str], ...] = ()
    #: a chapter of the drafting structure it names ("ketentuan peralihan"), as written in
    #: Indonesian (:data:`DRAFTING_PARTS`)
    part: str | None = None
    #: what the act asked of is done to, in "siapa yang <verb> <noun> …" ("menetapkan
    #: kedudukan"): its topic and the stems of its name (:func:`_acted_on`)
    acted_on: frozenset[str] = frozenset()
    #: it asks by what way a thing is done, naming no verb ("Penugasan … dilakukan melalui
    #: apa?", "Melalui cara apa …?"): :func:`~capabilities.ask_types.to_stated_means`
    manner: bool = False
    #: the role a question asks the posts of ("Dari jabatan apa ketua tim dapat berasal?",
    #: "From which posts can a work-team leader be drawn?"), see :func:`_drawn_role`
    drawn_of: frozenset[str] = frozenset()
    #: it asks for the members of something by name ("Apa saja jenjang …?"), see
    #: :func:`~capabilities.ask_types.with_named_lists`
    members_asked: bool = False


#: A question asking for the members of something by name: "Apa saja jenjang …?",
#: "Which article lists the levels …?" ("what are …" asks as often for sentences: aims).
MEMBERS_ASKED = re.compile(r" apa saja | lists? ")


#: English "which <noun> is responsible for <doing> …": who does it ("who monitors …"), as
#: the regulations say who does an act ("… dilaksanakan oleh …"), not a tanggung jawab.
RESPONSIBLE_FOR = re.compile(
    r"\b(?:which|what)\s+(?:\w+\s+){1,3}?(?:is|are)\s+responsible\s+for\s+(?=\w+ing\b)", re.I
)


def read_query(index: Index, question: str, lang: str, named: list[str]) -> Query:
    """The stems, topics and names of a question (English put into Indonesian first)."""
    question = RESPONSIBLE_FOR.sub(" who ", question) if lang == "en" else question
    text = translate_english(index, question) if lang == "en" else _plain(_synonyms(question))
    text = _as_drafted(index, text)
    padded = pad(text)
    found = [t for t in index.topics.values() if _surface_in(t, padded)]
    ids = {t.id for t in found}
    ancestors = {a for t in found for a in _ancestors(index, t.id)}
    framing = _without_framing(question, padded)
    if not any(_surface_in(t, framing) for t in found):
        framing = padded  # the adjunct is what it asks ("Apa yang dilakukan dalam rangka …?")
    specific = [t.id for t in found if t.id not in ancestors and _surface_in(t, framing)]
    roles = [r for r in index.roles.values() if _surface_in(r, padded)]
    surfaces = sorted({s for c in (*found, *roles) for s in surfaces_in(c, padded)})
    extra = " ".join(index.topics[t].label_id for t in specific)
    place_words = {
        w for reg_id in named for w in words(index.regulations[reg_id].place + " " + reg_id)
    }
    own = [s for s in content_stems(text) if s not in place_words]
    added = [s for s in content_stems(extra) if s not in place_words and s not in own]
    definition = any(f" {cue} " in padded for cue in DEFINITION_CUES)
    asked_about = frozenset(own) - _typing_noun(padded)
    definition = definition or (len(asked_about) > 1 and asked_about in index.defined_terms)
    as_written = pad(question)  # the cues of a list or of "to whom" are in English too
    listing = bool(LISTING.search(as_written))
    return Query(
        list(dict.fromkeys(own)),
        list(dict.fromkeys(added)),
        sorted(ids),
        [t for t in specific if t != DEFINITIONS_TOPIC],
        surfaces,
        pairs(own),
        [r.id for r in roles],
        definition,
        frozenset(t for t in own if index.doc_freq.get(t)) - CUE_STEMS,
        _asked_verb(index, padded, as_written, lang),
        _generalised(index, roles),
        to_whom=bool(TO_WHOM.search(as_written)),
        listing=listing,
        duty_of=_duty_of(index, roles, padded) if lang == "id" else None,
        who=_asks_who(padded, as_written, lang),
        ends=_range_ends(index, as_written, lang),
        untranslated=frozenset(t for t in own if lang == "en" and not index.doc_freq.get(t)),
        case=_case_of(index, question, lang),
        framed=frozenset(own) - frozenset(content_stems(framing)),
        parts=_parts_of(padded) if lang == "id" else (),
        part=_part_named(padded, as_written, lang),
        acted_on=_acted_on(index, padded) if lang == "id" else frozenset(),
        manner=lang == "id" and bool(MANNER_ASKED.search(as_written)),
        drawn_of=_drawn_role(index, roles, padded, as_written),
        members_asked=listing and bool(MEMBERS_ASKED.search(as_written)),
    )


#: A question asking from which posts a role is filled: "dari jabatan apa (saja)",
#: "jabatan apa saja yang dapat ditunjuk menjadi …", "siapa saja yang dapat menjadi …"
#: (read "dapat berasal dari" by the lexicon), "from which posts / positions".
POSTS_ASKED = re.compile(
    r" dari (?:jabatan|pejabat|kalangan) (?:apa|mana) "
    r"| (?:jabatan|pejabat) (?:apa|mana) (?:saja )?yang (?:\w+ ){0,3}?(?:menjadi|ditunjuk|"
    r"diangkat|berasal) "
    r"| from (?:which|what) (?:kinds? of )?(?:posts?|positions?|ranks?|jabatan) "
    r"| siapa (?:saja )?yang (?:dapat |boleh |bisa )?(?:menjadi|ditunjuk menjadi|diangkat "
    r"menjadi|berasal dari) "
)


#: The words of such a question for being filled from a post ("berasal", "ditunjuk
#: menjadi", "diangkat", "diambil", "dipilih", "drawn"): a provision stating the posts
#: holds them, however it words the act ("dijabat oleh", "dipimpin oleh").
DRAWN_STEMS = frozenset(
    content_stems("berasal ditunjuk menjadi diangkat diambil dipilih dijabat jabatan")
)


def _drawn_role(index: Index, roles: list[Concept], padded: str, written: str) -> frozenset[str]:
    """The role a question asks the posts of (:data:`POSTS_ASKED`): the one named by the
    longest name ("ketua tim kerja" over "tim kerja"); the answer states the posts it is
    filled from (:func:`capabilities.retrieval.posts_drawn`: "Ketua tim kerja … dapat
    berasal dari Jabatan …", "Ketua Tim dijabat oleh …"). The anggota of a group ("anggota
    tim kerja") are drawn from the posts the group is made of: the group is asked too."""
    if not (POSTS_ASKED.search(padded) or POSTS_ASKED.search(written)):
        return frozenset()
    named = [(len(s.split()), s, r.id) for r in roles for s in surfaces_in(r, padded)]
    if not named:
        return frozenset()
    _, surface, role = max(named)
    # the anggota of a group are who the group is made of ("Tim kerja … terdiri dari …")
    group = surface[len(" anggota") :] if surface.startswith(" anggota ") else None
    return frozenset({role} | {r.id for r in roles if group in word_surfaces(r)})


#: A range a question names by its ends: "from ahli utama (down) to pemula", "dari
#: penyelia sampai pemula".
RANGE = {
    "en": re.compile(
        r" from (?:the )?((?:\w+ ){1,4}?)(?:down |up |all the way )?(?:to|through|until) "
        r"(?:the )?((?:\w+ ){1,4})"
    ),
    "id": re.compile(
        r" dari (?:yang )?((?:\w+ ){1,4}?)(?:sampai dengan|sampai|hingga|ke) (?:yang )?"
        r"((?:\w+ ){1,4})"
    ),
}


#: A purpose adjunct ("Penyesuaian sistem kerja dalam rangka penyederhanaan birokrasi itu
#: mencakup apa saja?"), up to a comma or the next function or question word: the context
#: the question is put in, not what it asks. A topic named only there is not required of
#: an answer (rule 1), nor are its words (:func:`~capabilities.ask_score.coverage`).
FRAMING = re.compile(
    r"\bdalam rangka\s+([^,;:.?]+?)(?=\s+(?:itu|ini|yang|apa|siapa|bagaimana|meliputi|"
    r"mencakup|terdiri|dilakukan)\b|\s*[,;:.?]|\s*$)",
    re.I,
)


def _without_framing(question: str, padded: str) -> str:
    """The question's padded words without its purpose adjunct (:data:`FRAMING`)."""
    match = FRAMING.search(question)
    if not match:
        return padded
    return padded.replace(pad(match.group(0)), " ", 1)


def _range_ends(
    index: Index, as_written: str, lang: str
) -> tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...]]:
    """What each end of a range the question names may be: the words before "to" end
    the first member's name, those after it begin the last's."""
    match = RANGE["en" if lang == "en" else "id"].search(as_written)
    if not match:
        return ((), ())
    first, last = (
        content_stems(translate_english(index, span) if lang == "en" else span)
        for span in match.groups()
    )
    return (
        tuple(frozenset(first[i:]) for i in range(len(first))),
        tuple(frozenset(last[: i + 1]) for i in range(len(last))),
    )


#: "<noun> apa/mana (saja) yang …" at the head of a question: the noun types the answer
#: ("Jabatan apa saja yang dapat memimpin unit organisasi?" asks who, as a jabatan)
TYPING_NOUN = re.compile(r"^ (\w+) (?:apa|mana) (?:saja )?yang ")


def _typing_noun(padded: str) -> frozenset[str]:
    """The stems of the noun that types a question's answer ("jabatan" of "Jabatan apa
    saja yang …"): it says what kind of thing is asked for, not what it is asked about."""
    match = TYPING_NOUN.match(padded)
    return frozenset(content_stems(match.group(1))) if match else frozenset()


#: A role's tugas or fungsi asked outright, just before its name ("Apa fungsi Pegawai
#: ASN?", "Apa saja tugas dan fungsi …"); elsewhere "tugas" is the work done ("pelaksanaan
#: tugas tim kerja"), not a duty asked.
_FUNCTION_ASKED = re.compile(
    r"^ (?:apa|apakah|apa saja|sebutkan|jelaskan) (?:tugas|fungsi)(?: dan (?:tugas|fungsi))? "
    r"(?:\w+ )?$"
)


#: the stems of the ber- verbs that state a role's tugas or fungsi ("Pegawai ASN berfungsi
#: sebagai …", "Pegawai ASN bertugas: …"), as :func:`~capabilities.retrieval.attributes_stated`
#: reads them
FUNCTION_STEMS = ("fungsi", "tugas")


def _duty_of(index: Index, roles: list[Concept], padded: str) -> str | None:
    """The role a question asks the duties, powers or responsibilities of: named just
    before "bertanggung jawab / berwenang / bertugas / wajib" or just after "tanggung
    jawab / wewenang / kewenangan / kewajiban" ("Apa saja tanggung jawab seorang ketua tim
    kerja?"), or its tugas or fungsi asked outright ("Apa fungsi Pegawai ASN?"). The first
    named wins, and the longest name there ("Ketua Tim" over "Tim"). "tugas" is not a cue
    elsewhere: "pelaksanaan tugas tim kerja" is the team's work, not its duty."""
    found = []
    for role in roles:
        for surface in surfaces_in(role, padded):
            at = padded.index(surface)
            after, before = padded[at + len(surface) :], padded[: at + 1]
            asked = DUTY_BEFORE.search(before) or _FUNCTION_ASKED.match(before)
            if DUTY_AFTER.match(after) or asked:
                found.append((at, -len(surface), role.id))
    return min(found)[2] if found else None


def _generalised(index: Index, roles: list[Concept]) -> dict[str, frozenset[str]]:
    """For each role named, the stems its label adds to each broader role's: a provision
    on "Pejabat Fungsional" governs a "Pejabat Fungsional ahli muda" as well."""
    out: dict[str, set[str]] = {}
    for role in roles:
        own = set(content_stems(role.label_id))
        parent = role.broader
        while parent and parent in index.roles:
            broader = index.roles[parent]
            for token in own - set(content_stems(broader.label_id)):
                out.setdefault(token, set()).add(parent)
            parent = broader.broader
    return {token: frozenset(ids) for token, ids in out.items()}


_MODAL_ID = r"(?:(?:dapat|berwenang|wajib|harus|boleh|bertugas|yang) )*"


#: "siapa (pejabat) yang (berwenang) <verb>", the passives "<verb> oleh siapa / dengan
#: apa / melalui apa", "dengan apa … di<verb>" and "oleh siapa … di<verb>".
ASKED_VERB = re.compile(
    rf" siapa (?:saja )?(?:\w+ )?yang {_MODAL_ID}(?P<who>\w+) "
    r"| (?P<by>di\w+) oleh siapa | oleh siapa (?:\w+ ){0,8}?(?P<by_after>di\w+) "
    r"| (?P<means>di\w+) (?:dengan|melalui) apa "
    r"|^ (?:dengan|melalui) apa (?:\w+ )*?(?P<means_after>di\w+) "
)


#: The groups of :data:`ASKED_VERB` that ask who acts (the others ask by what means).
WHO_GROUPS = ("who", "by", "by_after")


_MODAL_EN = (
    r"(?:(?:may|can|could|must|shall|should|will|would|is|are|was|were|has|have|"
    r"to|be|actually|formally|legally|officially|normally) )*"
)


#: "who (may) <verb>", "by whom is … <verb>ed": the English of "siapa yang <verb>";
#: "how is … <verb>ed": the English of "dengan apa … di<verb>" (by what means).
ASKED_VERB_EN = re.compile(
    rf" who {_MODAL_EN}(?P<who>\w+(?: up| out| off)?) | by whom (?:\w+ )+?(?P<by>\w+ed) "
    r"| how (?:is|are|was|were) (?:\S+ )*?(?P<means>\w+ed) "
)


@lru_cache(maxsize=256)
def _asked_match(padded: str) -> re.Match[str] | None:
    """:data:`ASKED_VERB` in a question, searched once for the three readings of it (the
    verb, whether it asks who, what the act is done to)."""
    return ASKED_VERB.search(padded)


def _asked_verb(index: Index, padded: str, written: str, lang: str) -> str | None:
    """The stem of the verb a question asks the actor or means of ("siapa yang <verb> …",
    "<verb> oleh siapa", "dengan apa … di<verb>", "who <verb>s …", "by whom is …
    <verb>ed", "how is … <verb>ed", the English put into the regulations' Indonesian: "Who
    issues the written order?": "menetapkan"): half the question, whatever its rarity
    ("menetapkan" is common, yet a provision that never says who *sets* a team does not
    answer "who sets it"). A verb no provision uses is none."""
    match = _asked_match(padded)
    verb = _first_group(match)
    if verb is None and lang == "en":
        english = _first_group(ASKED_VERB_EN.search(written))
        if english and english not in STOPWORDS_EN:
            translated = translate_english(index, english)
            verb = translated if translated != english else None
    stems_ = [t for t in content_stems(verb) if index.doc_freq.get(t)] if verb else []
    return stems_[0] if stems_ else None


def _acted_on(index: Index, padded: str) -> frozenset[str]:
    """What the act of "siapa yang <verb> <noun> …" is done to, when the noun opens a
    topic's name ("Siapa yang menetapkan kedudukan Pejabat Fungsional?": kedudukan;
    "… menetapkan surat perintah …"): the topic, and the stems of the name. A provision
    naming who does the act to something else ("Penugasan … ditetapkan oleh …") does not
    say who does it to this."""
    match = _asked_match(padded)
    if not match or not match.group("who"):
        return frozenset()
    after = padded[match.end() - 1 :]
    for topic in index.topics.values():
        for surface in word_surfaces(topic):
            if after.startswith(surface) and topic.id != DEFINITIONS_TOPIC:
                return frozenset({topic.id, *content_stems(surface)})
    return frozenset()


def _asks_who(padded: str, written: str, lang: str) -> bool:
    """Whether a question asks *who* acts ("siapa yang …", "oleh siapa", "who", "by
    whom"), not by what means ("dengan apa … ditetapkan")."""
    match = _asked_match(padded)
    if match:
        return any(match.group(name) for name in WHO_GROUPS)
    english = ASKED_VERB_EN.search(written) if lang == "en" else None
    return english is not None and english.group("means") is None


def _first_group(match: re.Match[str] | None) -> str | None:
    return next((g for g in match.groups() if g), None) if match else None


def _as_drafted(index: Index, text: str) -> str:
    """Indonesian text in the names the regulations use: "lintas <unit>" for its paraphrase
    (:func:`_across`), a concept's label for an alias they never use (:func:`_spell_out`),
    a post's name without "jabatan"/"pejabat" (:func:`_post_names`)."""
    return _post_names(index, _spell_out(index, _across(text)))


def _spell_out(index: Index, text: str) -> str:
    """A topic or role named by a label the provisions do not use ("lintas PD": "PD"
    occurs once, where it is defined) is replaced by its preferred label ("tim kerja
    lintas Perangkat Daerah"), so the words can match."""
    padded = pad(text)
    for concept in (*index.topics.values(), *index.roles.values()):
        for surface in surfaces_in(concept, padded):
            used = content_stems(surface)
            if used and any(index.doc_freq.get(token, 0) <= 1 for token in used):
                padded = padded.replace(surface, pad(concept.label_id))
    return padded.strip()


def _post_names(index: Index, text: str) -> str:
    """ "Jabatan Pelaksana" / "Pejabat Pelaksana" where the graph names the role
    "Pelaksana": the word "jabatan"/"pejabat" is then part of the role's name (the post, or
    its holder), not a word of its own that would match every other post's name."""
    padded = pad(text)
    for role in index.roles.values():
        if words(role.label_id)[:1] in (["jabatan"], ["pejabat"]):
            continue
        for surface in surfaces_in(role, padded):
            for prefix in (" jabatan", " pejabat"):
                padded = padded.replace(prefix + surface, surface)
    return padded.strip()


FRAME = re.compile(
    rf" (?:{'|'.join(sorted(FRAME_NOUNS_ID))}) (?:mana|apa|berapa) (?:saja )?yang "
    rf"(?:{'|'.join(sorted(FRAME_VERBS_ID))}) "
)


def _synonyms(question: str) -> str:
    """The question in the regulations' wording, without the frame of a question about a
    provision ("Pasal mana yang menyatakan …": what it states is asked, not "menyatakan")."""
    padded = FRAME.sub(" pasal ", pad(question))
    for phrase, replacement in SYNONYMS_ID.items():
        padded = padded.replace(f" {phrase} ", f" {replacement} ")
    return padded.strip()


#: A reflexive possessive ("di dalam unitnya sendiri": in his own unit): the one unit the
#: person is in, which the drafting words "dalam 1 (satu) unit organisasi".
REFLEXIVE = re.compile(r" (?:di )?(?:dalam )?(\w+?)nya sendiri ")


#: A question asking by what way a thing is done ("… dilakukan melalui apa?", "melalui
#: cara apa …", "dengan cara apa …"): "cara" (way) asks, as "apa" does.
MANNER_ASKED = re.compile(r" (?:melalui|dengan) (?:cara )?apa ", re.I)


def _plain(text: str) -> str:
    """The question with a reflexive possessive (:data:`REFLEXIVE`) in the drafting's
    words ("di dalam unitnya sendiri" → "dalam satu unit"), and "melalui cara apa" as
    "melalui apa" (:data:`MANNER_ASKED`)."""
    padded = REFLEXIVE.sub(r" dalam satu \1 ", pad(text))
    return re.sub(r" (melalui|dengan) cara apa ", r" \1 apa ", padded, flags=re.I).strip()


#: The organisational units a work or an assignment may cross ("lintas …").
UNITS = r"unit organisasi|unit kerja|perangkat daerah|instansi pemerintah|instansi|pd|opd"


#: "(berasal) dari beberapa <unit>", "dari/ke <unit> lain": the paraphrase of "lintas
#: <unit>" (a team whose members come from other agencies is a cross-agency team).
ACROSS = (
    re.compile(rf" (?:dari|ke) (?:beberapa|berbagai|banyak|lebih dari satu) ({UNITS}) "),
    re.compile(rf" (?:dari|ke) ({UNITS}) (?:lain|lainnya|yang berbeda|berbeda) "),
)


def _across(text: str) -> str:
    """The question with "dari beberapa Perangkat Daerah", "ke Perangkat Daerah lain" read
    as the regulations word it: "lintas Perangkat Daerah"."""
    padded = pad(text)
    for pattern in ACROSS:
        padded = pattern.sub(r" lintas \1 ", padded)
    return padded.strip()


def word_surfaces(concept: Concept) -> list[str]:
    return [" " + " ".join(s) + " " for s in concept.word_surfaces]


def _surface_in(concept: Concept, padded: str) -> bool:
    return any(surface in padded for surface in word_surfaces(concept))


def surfaces_in(concept: Concept, padded: str) -> list[str]:
    return [surface for surface in word_surfaces(concept) if surface in padded]


def _ancestors(index: Index, topic: str) -> list[str]:
    out = []
    parent = index.topics[topic].broader
    while parent and parent in index.topics and parent not in out:
        out.append(parent)
        parent = index.topics[parent].broader
    return out


LISTING = re.compile(
    r" apa saja | lists? | what are | which (?:\w+ )+(?:are|have) "
    r"| terdiri (?:atas|dari) apa | (?:meliputi|mencakup) apa | consists? of | covers? "
    r"| makes? up | made up of | (?:elements|components|parts) | contains? "
    r"| (?:me|di)?muat | (?:men|di)cantumkan | berisi "
)


TO_WHOM = re.compile(r" (?:kepada siapa|to whom|whom) | who (?:\w+ )+to $")


#: "If …," of an English question: the case it puts, up to the comma.
CONDITION_EN = re.compile(r"\b(?:if|in case|provided that)\s+([^,;:.?]+)", re.I)


NEGATIONS_EN = frozenset({"not", "no", "without", "none", "neither"})


def _case_of(index: Index, question: str, lang: str) -> frozenset[str]:
    """The stems of the case a question puts ("Kalau di satu unit organisasi tidak ada
    Pejabat Pengawas, siapa …": satu, unit, organisasi, jabat, awas and the negation), the
    English put into the regulations' Indonesian; empty for a question putting none."""
    if lang == "en":
        match = CONDITION_EN.search(question)
        if not match:
            return frozenset()
        clause = translate_english(index, match.group(1))
        negated = bool(NEGATIONS_EN & set(words(match.group(1))))
    else:
        match = CONDITION.search(question)
        if not match:
            return frozenset()
        clause = _synonyms(match.group(1))
        negated = bool(NEGATIONS & set(words(clause)))
    clause = _as_drafted(index, clause)
    held = {t for t in content_stems(clause) if index.doc_freq.get(t)}
    return frozenset(held | ({NEGATED} if negated and held else set()))


#: Where a question asks a second thing: "… dan (kepada) siapa …", ", dan bagaimana …".
SECOND_QUESTION = re.compile(
    r" (?:dan|serta) (?=(?:kepada |oleh |dengan |melalui |di |dari )?"
    r"(?:siapa|apa|apakah|bagaimana|berapa|mana|kapan) )"
)


def _parts_of(padded: str) -> tuple[frozenset[str], ...]:
    """The content stems of each part of a question asking two things ("… ditempatkan di
    bawah siapa dan kepada siapa ia bertanggung jawab langsung?"), or none."""
    pieces = SECOND_QUESTION.split(padded)
    if len(pieces) < 2:
        return ()
    parts = tuple(frozenset(content_stems(piece)) for piece in pieces)
    return parts if all(parts) else ()


#: The chapters of a regulation's body in the drafting (Lampiran II UU 12/2011, C.1-C.5 and
#: "ketentuan lain-lain"): a question naming one asks what stands under that heading.
DRAFTING_PARTS = {
    "ketentuan umum": ("general provisions", "general provision"),
    "ketentuan pidana": ("criminal provisions", "penal provisions", "criminal provision"),
    "ketentuan peralihan": (
        "transitional provisions",
        "transitional provision",
        "transition provisions",
        "transitional arrangements",
    ),
    "ketentuan lain lain": ("miscellaneous provisions", "other provisions"),
    "ketentuan penutup": ("closing provisions", "final provisions", "closing provision"),
}


def _part_named(padded: str, written: str, lang: str) -> str | None:
    """The drafting chapter a question names ("Adakah ketentuan peralihan …?",
    "transitional provisions"), by its Indonesian name."""
    for part, english in DRAFTING_PARTS.items():
        if f" {part} " in padded or (lang == "en" and any(f" {e} " in written for e in english)):
            return part
    return None
