"""The evidence of ``not_regulated``: why a regulation does not regulate what is asked,
in Bahasa Indonesia or English."""

from __future__ import annotations

import numpy as np

from capabilities.ask_query import (
    Query,
    word_surfaces,
)
from capabilities.ask_result import (
    Answer,
    NotRegulated,
)
from capabilities.ask_score import (
    SUPPORT_FLOOR,
    jaccard,
)
from capabilities.ask_types import (
    answer_kind,
)
from capabilities.retrieval import (
    Concept,
    Index,
)


def no_list(nearest: Answer, leader: Answer, lang: str) -> NotRegulated:
    """Silent on the members asked: another regulation enumerates them by name; its
    nearest provision is a list of sentences that mention them."""
    return _said_elsewhere("no-list", nearest, leader, lang)


def _said_elsewhere(
    reason: str, nearest: Answer, leader: Answer, lang: str, **values: str
) -> NotRegulated:
    """Silent on the point ``reason`` names: the nearest provision (cited, with an excerpt)
    does not say it, the ``leader`` of another regulation does."""
    evidence = evidence_text(
        lang,
        reason,
        nearest=nearest.citation,
        excerpt=_excerpt(nearest.text),
        leader=leader.citation,
        **values,
    )
    return NotRegulated(nearest.regulation, evidence, reason, nearest)


def not_defined(
    index: Index, reg_id: str, query: Query, defined: np.ndarray, nearest: Answer, lang: str
) -> NotRegulated:
    """Silent on what a term means: another regulation defines it, this one does not."""
    term, where = _closest_definition(index, query, defined)
    evidence = evidence_text(lang, "undefined", term=term, where=where, nearest=nearest.citation)
    return NotRegulated(reg_id, evidence, "not-defined", nearest)


def _closest_definition(index: Index, query: Query, defined: np.ndarray) -> tuple[str, str]:
    """The term as written where it is defined most closely to what is asked, and the
    citation of that definition ("Pejabat Pembina Kepegawaian", "Pasal 1 … Padang …")."""
    top = int(np.argmax(defined))
    provision = index.provisions[top]
    pairs_ = list(zip(provision.subjects, provision.subject_names, strict=True))
    _, name = max(pairs_, key=lambda pair: jaccard(index, pair[0], query.subject))
    return name, provision.citation


def no_case(nearest: Answer, leader: Answer, lang: str) -> NotRegulated:
    """Silent on the case a question puts: another regulation provides for it."""
    return _said_elsewhere("no-case", nearest, leader, lang)


def untyped(index: Index, query: Query, nearest: Answer, leader: Answer, lang: str) -> NotRegulated:
    """Silent on the point a typed question asks (who, by what means, a role's duties),
    with the nearest provision and one that says it elsewhere."""
    kind = answer_kind(query)
    reason = {"duty": "no-duty", "means": "no-means"}.get(kind, "no-agent")
    role = index.roles[query.duty_of] if query.duty_of else None
    return _said_elsewhere(reason, nearest, leader, lang, role=_label(role, lang) if role else "")


def _decimal(value: float, lang: str) -> str:
    """A figure with two decimals, as each language writes it (0,42 / 0.42)."""
    text = f"{value:.2f}"
    return text if lang == "en" else text.replace(".", ",")


def _label(concept: Concept, lang: str) -> str:
    """A topic's or role's name in the answer's language (Indonesian if it has no English)."""
    return concept.label_en if lang == "en" and concept.label_en else concept.label_id


def no_part(reg_id: str, part: str, nearest: Answer, lang: str) -> NotRegulated:
    """Silent on a drafting chapter it does not have (no heading names it)."""
    evidence = evidence_text(
        lang,
        "no-part",
        part=part.replace("lain lain", "lain-lain").title(),
        nearest=nearest.citation,
    )
    return NotRegulated(reg_id, evidence, "no-part", nearest)


def topic_absent(
    index: Index, reg_id: str, missing: list[str], nearest: Answer, lang: str
) -> NotRegulated:
    """Silent on a topic asked: no provision is tagged with it or names it; the nearest
    one governs a sibling topic, if any, instead."""
    topic = index.topics[missing[0]]
    label = _label(topic, lang)
    siblings = [
        t
        for t in nearest.topics
        if t in index.topics and index.topics[t].broader == topic.broader and t != topic.id
    ]
    other = ", ".join(_label(index.topics[t], lang) for t in siblings)
    names = " / ".join(f"'{s.strip()}'" for s in word_surfaces(topic))
    evidence = evidence_text(
        lang,
        "absent-sibling" if other else "absent",
        label=label,
        names=names,
        nearest=nearest.citation,
        excerpt=_excerpt(nearest.text),
        other=other,
    )
    return NotRegulated(reg_id, evidence, "topic-absent", nearest)


def no_match(reg_id: str, lang: str) -> NotRegulated:
    """No provision shares a word or topic with the question."""
    return NotRegulated(reg_id, evidence_text(lang, "silent"), "no-match", None)


def weak_match(nearest: Answer, leader: Answer, held: float, lang: str) -> NotRegulated:
    """Its nearest provision's support (``held``) is under
    :data:`~capabilities.ask_score.SUPPORT_FLOOR` against the best elsewhere."""
    evidence = evidence_text(
        lang,
        "weak",
        nearest=nearest.citation,
        excerpt=_excerpt(nearest.text),
        score=_decimal(nearest.score, lang),
        support=_decimal(held, lang),
        floor=_decimal(SUPPORT_FLOOR, lang),
        leader=leader.citation,
        best=_decimal(leader.score, lang),
    )
    return NotRegulated(nearest.regulation, evidence, "weak-match", nearest)


def _excerpt(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


_TEXTS = {
    "id": {
        "absent": (
            "Tidak ada ketentuan bertopik {label}: tidak ada Pasal atau ayat yang ditandai "
            "dengan topik itu dan tidak ada yang menyebut {names}. Ketentuan terdekat, "
            '{nearest} ("{excerpt}"), tidak mengatur {label}.'
        ),
        "absent-sibling": (
            "Tidak ada ketentuan bertopik {label}: tidak ada Pasal atau ayat yang ditandai "
            "dengan topik itu dan tidak ada yang menyebut {names}. Ketentuan terdekat, "
            '{nearest} ("{excerpt}"), mengatur {other}, bukan {label}.'
        ),
        "weak": (
            'Ketentuan terdekat, {nearest} ("{excerpt}"), dengan skor {score}, hanya '
            "mencapai dukungan {support} (rata-rata geometris skor dan cakupan "
            "pertanyaannya, masing-masing dibandingkan dengan yang terbaik), kurang dari "
            "{floor}, dibandingkan dengan ketentuan terbaik di peraturan lain ({leader}: "
            "{best}); peraturan ini tidak memuat ketentuan yang sepadan."
        ),
        "no-agent": (
            'Ketentuan terdekat, {nearest} ("{excerpt}"), tidak menyebutkan siapa yang '
            "melakukan tindakan yang ditanyakan; {leader} menyebutkannya."
        ),
        "no-means": (
            'Ketentuan terdekat, {nearest} ("{excerpt}"), tidak menyebutkan dengan cara atau '
            "instrumen apa tindakan yang ditanyakan dilakukan; {leader} menyebutkannya."
        ),
        "no-part": (
            "Peraturan ini tidak memuat bab atau bagian {part}: tidak ada judul BAB, Bagian, "
            "atau Paragraf dengan nama itu. Ketentuan terdekat: {nearest}."
        ),
        "no-case": (
            'Ketentuan terdekat, {nearest} ("{excerpt}"), tidak mengatur keadaan yang '
            'ditanyakan; {leader} mengaturnya ("dalam hal …").'
        ),
        "no-list": (
            'Ketentuan terdekat, {nearest} ("{excerpt}"), memuat daftar kalimat yang '
            "menyebut hal yang ditanyakan, bukan daftar nama anggotanya; {leader} merincinya."
        ),
        "no-duty": (
            "Peraturan ini tidak menyatakan tugas, fungsi, wewenang, atau tanggung jawab {role}; "
            'ketentuan terdekat: {nearest} ("{excerpt}"). {leader} menyatakannya.'
        ),
        "undefined": (
            "Peraturan ini tidak memuat definisi {term}; definisi itu terdapat dalam "
            "{where}. Ketentuan terdekat dalam peraturan ini: {nearest}."
        ),
        "silent": (
            "Tidak ada Pasal atau ayat peraturan ini yang memuat kata atau topik dari "
            "pertanyaan ini."
        ),
        "no-match": (
            "Tidak ada ketentuan yang cocok dengan pertanyaan ini; coba kata lain "
            "(misalnya nama topik: tim kerja, penugasan, Surat Perintah)."
        ),
    },
    "en": {
        "absent": (
            "No provision on {label}: no Pasal or ayat is tagged with that topic and none "
            'mentions {names}. The nearest provision, {nearest} ("{excerpt}"), does not '
            "govern {label}."
        ),
        "absent-sibling": (
            "No provision on {label}: no Pasal or ayat is tagged with that topic and none "
            'mentions {names}. The nearest provision, {nearest} ("{excerpt}"), governs '
            "{other}, not {label}."
        ),
        "weak": (
            'The nearest provision, {nearest} ("{excerpt}"), scores {score}; its support '
            "against the best provision elsewhere ({leader}: {best}) is only {support} (the "
            "geometric mean of its score and of the share of the question it holds, each "
            "against the best), below {floor}: this regulation has no counterpart."
        ),
        "no-agent": (
            'The nearest provision, {nearest} ("{excerpt}"), does not say who performs the '
            "act asked about; {leader} does."
        ),
        "no-means": (
            'The nearest provision, {nearest} ("{excerpt}"), does not say by what means the '
            "act asked about is done; {leader} does."
        ),
        "no-part": (
            "This regulation has no chapter or part {part}: no BAB, Bagian or Paragraf "
            "heading bears that name. The nearest provision: {nearest}."
        ),
        "no-case": (
            'The nearest provision, {nearest} ("{excerpt}"), does not provide for the case '
            'asked about; {leader} does ("dalam hal …", in case …).'
        ),
        "no-list": (
            'The nearest provision, {nearest} ("{excerpt}"), lists sentences that mention '
            "what is asked, not the names of its members; {leader} enumerates them."
        ),
        "no-duty": (
            "This regulation states no duty, function, power or responsibility of the "
            '{role}; the nearest provision: {nearest} ("{excerpt}"). {leader} states one.'
        ),
        "undefined": (
            "This regulation does not define {term}; it is defined in {where}. The "
            "nearest provision here: {nearest}."
        ),
        "silent": "No Pasal or ayat of this regulation shares a word or topic with the question.",
        "no-match": (
            "No provision matches this question; try other words (for example a topic: work "
            "team, assignment, Surat Perintah)."
        ),
    },
}


def evidence_text(lang: str, key: str, **values: str) -> str:
    """The text ``key`` of :data:`_TEXTS` in English or (any other ``lang``) Indonesian."""
    return _TEXTS["en" if lang == "en" else "id"][key].format(**values)
