"""Answer types of ``ask``: which provision answers what the question asks for (a
definition, who acts, by what means, a role's duties, the case put, the members of a
list, the posts a role is drawn from), within a regulation and across them."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from capabilities.ask_query import (
    FUNCTION_STEMS,
    Query,
    surfaces_in,
)
from capabilities.ask_score import (
    ANSWER_FLOOR,
    DEFINED_MATCH,
    DEFINED_SHARE,
    SUPPORT_FLOOR,
    coverage,
    names_the_power,
)
from capabilities.retrieval import (
    DUTY_BEFORE,
    NEGATED,
    NEGATIONS,
    Index,
    content_stems,
    pad,
)


def with_named_lists(
    index: Index, query: Query, best: dict[str, int], supported: dict[str, float]
) -> set[str]:
    """For a question asking for the members of something
    (:data:`~capabilities.ask_query.MEMBERS_ASKED`): the regulations whose answer enumerates them,
    its list items being names (:attr:`capabilities.retrieval.Provision.members`: Palu 9(3) "a.
    penyelia; b. mahir; …"). Where some do, a regulation whose answer is a list of sentences
    mentioning them (Semarang 7(3) "d. Pejabat Fungsional Ahli Pertama dan Jabatan Fungsional
    pada semua jenjang kategori keterampilan berkedudukan …") is silent on them
    (``no-list``)."""
    if not query.members_asked:
        return set()
    return {
        reg_id
        for reg_id, i in best.items()
        if supported[reg_id] >= SUPPORT_FLOOR and index.provisions[i].members
    }


def sentence_list(index: Index, i: int) -> bool:
    """Whether provision ``i`` is a list of the body whose items are sentences, none a
    name: it mentions what it lists, it does not enumerate names."""
    provision = index.provisions[i]
    return bool(provision.head) and not provision.members and not provision.via


def defines_asked(
    index: Index, query: Query, defined: np.ndarray, best: dict[str, int], reg_id: str
) -> bool:
    """For a definition question: the regulation's best provision defines the asked term
    (as closely as the best definition anywhere), or is a provision of its own defining a
    part of it ("Penunjukan … merupakan penugasan langsung …" for "penugasan melalui
    penunjukan"); then the regulation regulates it however its wording scores."""
    if not query.definition:
        return False
    mine = best[reg_id]
    top = max(defined[i] for i in best.values())
    if top >= DEFINED_MATCH and defined[mine] >= DEFINED_SHARE * top:
        return True
    own_provision = index.definitions_weight[mine] >= 1
    return own_provision and any(s <= query.subject for s in index.provisions[mine].subjects)


def defined_elsewhere_only(
    index: Index, query: Query, defined: np.ndarray, best: dict[str, int], reg_id: str
) -> bool:
    """For a definition question whose term another regulation defines (closely, see
    :data:`~capabilities.ask_score.DEFINED_MATCH`): this regulation defines it nowhere as closely
    (within :data:`~capabilities.ask_score.DEFINED_SHARE`; "Daerah" is not "Sekretariat Daerah").
    What a term means is answered by a definition; a regulation that only uses the term is
    silent on it."""
    top = max(defined[i] for i in best.values()) if query.definition else 0.0
    if top < DEFINED_MATCH:
        return False
    return not any(
        defined[i] >= DEFINED_SHARE * top
        for i, provision in enumerate(index.provisions)
        if provision.regulation == reg_id
    )


#: Ayat of one Pasal scoring within this share of each other share its context and its
#: topics; what tells them apart is which holds more of what the question asks.
SIBLING_TIE = 0.1


#: ... by at least this much coverage (:func:`~capabilities.ask_score.coverage`; a share of the
#: question).
SIBLING_MARGIN = 0.1


def focus(index: Index, query: Query, total: np.ndarray, best: int) -> int:
    """The regulation's answer: its best-scoring provision, or a sibling ayat of the same
    Pasal scoring about as well (within :data:`SIBLING_TIE`) that holds clearly more of the
    question (:data:`SIBLING_MARGIN` more coverage) — Palu 21(3) "Jawaban atas permohonan
    pelibatan …" over 21(2), which asks for the pelibatan, for a question on the answer."""
    if index.provisions[best].via:
        return best
    chosen, wanted = best, coverage(index, query, best) + SIBLING_MARGIN
    for i in index.siblings[index.pasal_of[best]]:
        if i != best and total[i] >= (1 - SIBLING_TIE) * total[best]:
            held = coverage(index, query, i)
            if held >= wanted:
                chosen, wanted = i, held
    return chosen


#: Stems of the words of a norm's modality ("siapa yang bertanggung jawab / berwenang /
#: wajib / bertugas"): the norm's bearer is who, whatever its action.
MODAL_STEMS = frozenset({"tanggung", "wenang", "wajib", "tugas"})


#: Stems of "who is/becomes …" verbs: they ask who qualifies, not who acts.
COPULAS = frozenset({"jadi", "rupa", "adalah", "masuk", "asal"})


def _names_the_agent(index: Index, query: Query, i: int) -> bool:
    """Whether provision ``i`` names who does the act a who-question asks about, in the
    passive ("Penugasan … ditetapkan oleh Pejabat Penilai Kinerja" for "ditetapkan oleh
    siapa?") or as a norm's bearer; for "who is responsible / empowered / obliged", any
    norm naming its bearer. Only for a who-question: ``query.asked`` is set."""
    provision = index.provisions[i]
    if query.asked in MODAL_STEMS:
        return bool(provision.bearers)
    agented = index.postings["agented"].get(query.asked, index.nobody)
    return bool(agented[i]) or query.asked in provision.agents


#: A provision provides for the case a question puts when one of its condition clauses
#: holds this share of the case's stems (by rarity; a negated case only in a negated
#: clause): the clause is a case by its form, and words it puts otherwise ("suatu unit"
#: for "satu unit") still make it the one asked.
CASE_STATED = 0.6


#: ... and speaks of the case at all, as its subject, when its words (with those of the
#: units it refers to) hold this share: the whole case, not the words a rule on the
#: general case shares with it.
CASE_HELD = 0.9


def _case_share(index: Index, case: frozenset[str], held: frozenset[str]) -> float:
    """The share of a case's stems (by rarity) that ``held`` holds; 0 when one of the two
    is negated and the other is not (the opposite case). A negation weighs as the case's
    rarest word: "tidak ada Pejabat Pengawas" is that case's point."""
    if (NEGATED in case) != (NEGATED in held):
        return 0.0
    weights = {t: index.idf(t) for t in case if t != NEGATED}
    if NEGATED in case:
        weights[NEGATED] = max(weights.values(), default=1.0)
    norm = sum(weights.values())
    return sum(w for t, w in weights.items() if t in held) / norm if norm else 0.0


def states_case(index: Index, query: Query, i: int) -> bool:
    """Whether provision ``i`` provides for the case the question puts: one of its
    condition clauses ("Dalam hal tidak ada Jabatan Pengawas …") holds it."""
    return bool(query.case) and any(
        _case_share(index, query.case, clause) >= CASE_STATED
        for clause in index.provisions[i].cases
    )


def holds_case(index: Index, query: Query, i: int) -> bool:
    """Whether provision ``i`` speaks of the case at all, as its subject rather than a
    condition ("Dalam tim kerja yang anggotanya berasal dari lintas unit organisasi, …
    ketua tim diutamakan …", or "… ketua tim sebagaimana dimaksud pada ayat (2)")."""
    negated = {NEGATED} if NEGATIONS & set(index.padded[i].split()) else set()
    return _case_share(index, query.case, index.stem_sets[i] | negated) >= CASE_HELD


#: A sentence stating the way its subject is done: "Penugasan Pejabat Fungsional dan
#: Pelaksana dilakukan melalui penunjukan …", "Penugasan sebagaimana dimaksud dalam Pasal
#: 5 ayat (1), dilakukan melalui …" (the subject, not a relative clause: "… yang dilakukan
#: melalui …, disertai …" states something else).
STATED_MEANS = re.compile(
    r"^([^,;:]+?)(?:\s+sebagaimana dimaksud [^,;:]*)?,?\s+di(?:lakukan|laksanakan)\s+melalui\b",
    re.I,
)


def _stated_means_subject(index: Index, i: int) -> frozenset[str] | None:
    """The stems of what provision ``i`` states the way of (:data:`STATED_MEANS`), or None."""
    match = STATED_MEANS.match(index.provisions[i].text)
    if not match or re.search(r"\byang\b", match.group(1), re.I):
        return None
    return frozenset(content_stems(match.group(1)))


def to_stated_means(index: Index, query: Query, total: np.ndarray, chosen: int) -> int:
    """For a question asking by what way a thing is done, naming no verb ("Penugasan …
    dilakukan melalui apa?"): the provision stating the way of that thing and of nothing
    narrower ("Penugasan Pejabat Fungsional dan Pelaksana dilakukan melalui penunjukan
    …", not "Penugasan individu … dalam 1 (satu) unit organisasi … dilakukan melalui …"),
    among ``chosen``'s Pasal and the provisions it would list anyway (within
    :data:`~capabilities.ask_score.ANSWER_FLOOR`); else ``chosen``."""
    if not query.manner or query.asked or index.provisions[chosen].via:
        return chosen
    asked = set(query.stems)

    def states_it(i: int) -> bool:
        subject = _stated_means_subject(index, i)
        return (
            subject is not None
            and bool(set(query.specific) & index.provisions[i].topics)
            and subject <= asked
        )

    sibling = _best_sibling(index, total, chosen, states_it)
    runner_up = _best_listed(
        index,
        total,
        chosen,
        lambda i: total[i] > 0 and not index.provisions[i].via and states_it(i),
    )
    found = [i for i in (sibling, runner_up) if i is not None]
    return max(found, key=lambda i: total[i], default=chosen)


def to_case(index: Index, query: Query, total: np.ndarray, chosen: int) -> int:
    """For a question putting a case: ``chosen``, or when it does not provide for it the
    best ayat of its Pasal that does, else the best provision of its regulation that does
    and that it would list as an answer anyway (within
    :data:`~capabilities.ask_score.ANSWER_FLOOR`)."""
    if not query.case or states_case(index, query, chosen):
        return chosen

    def stated(i: int) -> bool:
        return states_case(index, query, i)

    found = _best_sibling(index, total, chosen, stated)
    if found is None:
        found = _best_listed(index, total, chosen, stated)
    return chosen if found is None else found


def _best_sibling(
    index: Index, total: np.ndarray, chosen: int, holds: Callable[[int], bool]
) -> int | None:
    """The best-scoring ayat of ``chosen``'s Pasal (above 0) that ``holds``, or None."""
    candidates = (
        i for i in index.siblings.get(index.pasal_of[chosen], ()) if total[i] > 0 and holds(i)
    )
    return max(candidates, key=lambda i: total[i], default=None)


def _best_listed(
    index: Index, total: np.ndarray, chosen: int, holds: Callable[[int], bool]
) -> int | None:
    """The best provision of ``chosen``'s regulation that ``holds`` and that it would list
    as an answer anyway (within :data:`~capabilities.ask_score.ANSWER_FLOOR` of it), or
    None."""
    reg_id, floor = index.provisions[chosen].regulation, ANSWER_FLOOR * total[chosen]
    candidates = (
        i
        for i, provision in enumerate(index.provisions)
        if provision.regulation == reg_id and total[i] >= floor and holds(i)
    )
    return max(candidates, key=lambda i: total[i], default=None)


def _lampiran_may_answer(index: Index, query: Query, reg_id: str) -> bool:
    """Whether the Lampiran of a regulation may say what a typed question asks: norms are
    read from the body only, so who acts or by what means is unknown there, not absent;
    a role's duties, though, a Lampiran states in words ("Tanggung jawab Ketua Tim
    meliputi: …"), and one that names none of the role's is silent on them."""
    if answer_kind(query) != "duty":
        return reg_id in index.with_lampiran
    return query.duty_of in index.lampiran_duties.get(reg_id, frozenset())


def typed_regulations(
    index: Index, query: Query, best: dict[str, int], supported: dict[str, float]
) -> set[str]:
    """For a question with an answer type (:func:`answer_kind`): the regulations whose
    answer is of that type, among those otherwise supported. When some are, the others
    are silent on the point, however much they say about the rest of it. A regulation
    with Lampiran parts counts as one (:func:`_lampiran_may_answer`): norms are read from
    the body only, so what its Lampiran says of who acts is unknown, not absent."""
    if answer_kind(query) is None:
        return set()
    return {
        reg_id
        for reg_id, i in best.items()
        if supported[reg_id] >= SUPPORT_FLOOR
        and (_answers_the_kind(index, query, i) or _lampiran_may_answer(index, query, reg_id))
    }


def to_typed(index: Index, query: Query, total: np.ndarray, chosen: int) -> int:
    """For a question with an answer type: ``chosen``, or when it is not of that type the
    best ayat of its Pasal that is (:func:`_typed_sibling`), else the best provision of the
    type it would list anyway (:func:`_typed_runner_up`)."""
    if index.provisions[chosen].via or answer_kind(query) is None:
        return chosen
    if _answers_the_kind(index, query, chosen):
        return chosen
    sibling = _typed_sibling(index, query, total, chosen)
    if sibling is None:
        sibling = _typed_runner_up(index, query, total, chosen)
    if sibling is None:
        sibling = _acting_sibling(index, query, total, chosen)
    return chosen if sibling is None else sibling


def _acting_sibling(index: Index, query: Query, total: np.ndarray, best: int) -> int | None:
    """When no provision of the regulation is of the asked type: the best ayat of
    ``best``'s Pasal that does the act asked of, in its own words ("Penugasan …
    ditetapkan … melalui surat perintah tugas" for "ditetapkan oleh siapa?"), over one
    describing the thing acted on; ``best`` itself if it does."""

    def acts(i: int) -> bool:
        return query.asked in content_stems(index.provisions[i].text)

    return None if acts(best) else _best_sibling(index, total, best, acts)


def _typed_runner_up(index: Index, query: Query, total: np.ndarray, chosen: int) -> int | None:
    """The best provision of ``chosen``'s regulation that is of the asked type and scores
    within :data:`~capabilities.ask_score.ANSWER_FLOOR` of it (one it would list as an answer
    anyway): "Tim Kerja Lintas Instansi Pemerintah ditetapkan dengan Keputusan Wali Kota" (9(6))
    over the Pasal on what a team is (7(3)) for "dengan apa … ditetapkan?"."""
    held = set(query.specific) & index.provisions[chosen].topics

    def typed(i: int) -> bool:
        provision = index.provisions[i]
        return (
            i != chosen
            and not provision.via
            and held <= provision.topics  # on what is asked: not a team of another kind
            and _answers_the_kind(index, query, i, power=False)
        )

    return _best_listed(index, total, chosen, typed)


def answer_kind(query: Query) -> str | None:
    """What kind of provision answers the question: "duty" (what a named role must do),
    "who" (who does the asked act; not who *is* or *becomes*), "means" (by what instrument
    or way it is done: "dengan apa … ditetapkan"), or None."""
    if query.duty_of:
        return "duty"
    if not query.asked or query.asked in COPULAS:
        return None
    return "who" if query.who else "means"


def _states_duties_of(index: Index, role: str, i: int) -> bool:
    """Whether provision ``i`` states a norm ``role`` bears, its tugas or fungsi ("Pegawai
    ASN berfungsi sebagai …"), or lists its duties ("Tanggung jawab Ketua Tim … meliputi:
    …": the items' norms name no bearer)."""
    provision = index.provisions[i]
    if role in provision.bearers:
        return True
    if any((role, stem) in provision.states for stem in FUNCTION_STEMS):
        return True
    padded = pad(provision.head or provision.text)
    return any(
        DUTY_BEFORE.search(padded[: padded.index(surface) + 1])
        for surface in surfaces_in(index.roles[role], padded)
    )


def _names_the_means(index: Index, query: Query, i: int) -> bool:
    """Whether provision ``i`` says by what means the asked act is done ("Tim Kerja …
    ditetapkan dengan Keputusan Wali Kota" for "dengan apa … ditetapkan?")."""
    return bool(index.postings["means"].get(query.asked, index.nobody)[i])


def _answers_the_kind(index: Index, query: Query, i: int, power: bool = True) -> bool:
    """Whether provision ``i`` answers what :func:`answer_kind` asks: a norm the asked
    role bears, one naming who does the asked act (with ``power``, a power over what is
    asked as well: :func:`~capabilities.ask_score.names_the_power`), or the means it is done
    by."""
    kind = answer_kind(query)
    if kind == "duty":
        return _states_duties_of(index, query.duty_of, i)
    if kind == "means":
        return _names_the_means(index, query, i)
    if query.acted_on and not _on_the_thing(index, query, i):
        return False  # who sets the kedudukan, not who sets a penugasan
    return _names_the_agent(index, query, i) or (power and names_the_power(index, query, i))


def _on_the_thing(index: Index, query: Query, i: int) -> bool:
    """Whether provision ``i`` is on what the asked act is done to: tagged with its topic,
    or holding the words the question names it by."""
    provision = index.provisions[i]
    if provision.topics & query.acted_on:
        return True
    return query.acted_on - set(index.topics) <= index.stem_sets[i]


def _typed_sibling(index: Index, query: Query, total: np.ndarray, best: int) -> int | None:
    """The best-scoring ayat of ``best``'s Pasal stating what the answer type asks (who
    acts, the means, the role's duties), whatever it scores (above 0): "who" is answered
    by the provision that says who, not by one describing the act."""
    return _best_sibling(
        index,
        total,
        best,
        lambda i: i != best and _answers_the_kind(index, query, i, power=False),
    )


def has_part(index: Index, reg_id: str, part: str) -> bool:
    """Whether a regulation has the chapter: a heading names it, or a provision is tagged
    with a topic of that name (the closing Pasal where its heading was not read)."""
    if any(f" {part} " in heading for heading in index.headings.get(reg_id, ())):
        return True
    named = [t.id for t in index.topics.values() if f" {part} " in pad(t.label_id)]
    tagged = (index.postings["topics"].get(t, index.nobody) for t in named)
    return any(index.provisions[i].regulation == reg_id for v in tagged for i in np.flatnonzero(v))
