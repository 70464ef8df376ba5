"""Norms: who must, may, or has power to do what, read from each provision.

``find_norms(regulation)`` returns :class:`~extract.model.Norm` objects;
``norms_json(regulation)`` the ``perwali norms REG_ID --json`` rows. Tokens, role
entities and cue phrases come from :func:`extract.nlp.get_nlp` (components ``role_ruler``,
``role_context``, ``norm_cues``); the rules below run over them. A norm's ``component``
is ``"norm_cues:<rule>"``, the component that found its cue and the rule that read it.

Scope. The definitions article (chapeau "… yang dimaksud dengan:") and closing articles
("… mulai berlaku …") are not read. Every norm has at least one bearer role: a sentence
whose subject is not a role ("Penugasan … dapat melibatkan …", "Perbaikan … dapat
dilakukan …") states a possibility or a procedure, not a norm of anyone.

Clause shape. A provision is read as ``[adverbial,] SUBJECT [relative clause] PREDICATE``:
a leading adverbial that starts with "Dalam", "Untuk", "Apabila", "Jika" runs to the first
comma and is skipped ("Dalam hal …" becomes the norm's ``condition``); the SUBJECT is a
chain of role entities joined by "dan", "atau", "dan/atau", "/", "," at the start of
what remains. Inside the relative clause, "… yang berperan sebagai ketua tim" /
"… yang diberi tugas sebagai Ketua Tim" makes the bearer the role played (ketua-tim),
not the posts that may play it (pejabat-fungsional, pelaksana): the norm addresses the
team leader whoever holds the post. ``counterparty`` is the role chain after the first
"kepada" following the cue or predicate, else the roles the verb takes as its object
("dapat membawahi Pejabat Fungsional dan Pelaksana"), unless the verb creates what it
takes (``CREATION_VERBS``: "membentuk tim kerja"). A leading "Dalam hal …" ends at a
comma or at "maka".

Rules (name — pattern — modality, bearer):

``responsibility-list``
    chapeau "Tanggung jawab <roles> … meliputi:" — one ``responsibility`` norm per list
    item, bearer from the chapeau, counterparty from the item ("… kepada ketua tim").
``duty-list``
    chapeau "<roles> bertugas:" — one ``obligation`` per item, bearer from the chapeau.
``agent-list``
    chapeau "… dilaksanakan oleh:" — one ``obligation`` per item, bearer the item's role.
``cue`` (the first cue after the subject, with a role subject)
    "dilarang" → ``prohibition``; "berwenang" → ``power``; "diutamakan" → ``preference``;
    "paling rendah …" (not "yang paling rendah") → ``qualification``; "wajib", "harus" →
    ``obligation``; "bertanggung jawab kepada X" → ``obligation`` (accountable to X);
    "bertanggung jawab <verb>" → ``responsibility``; "dapat" → ``permission`` unless a
    verb of composition follows ("dapat terdiri dari"), or ``power`` when a constitutive
    verb follows (``CONSTITUTIVE_VERBS``: "dapat membentuk tim kerja", "dapat menetapkan
    …": an act that creates or changes legal positions, as the independent reader coded it).
``passive-permission``
    "dapat di<verb> <roles>" with no role subject ("dapat dilakukan Pejabat Fungsional dan
    Pelaksana …") → ``permission`` of those roles.
``involvement``
    "<not a role> dapat <verb> <roles>" ("Penugasan … dapat melibatkan Pejabat Fungsional
    dan Pelaksana …") → ``permission`` of whoever assigns (no bearer: the text names none)
    with those roles as counterparty, as for ``passive-patient``.
``passive-patient``
    "<roles> dapat di<verb> [oleh X]" ("Pejabat Fungsional dapat ditugaskan untuk
    memimpin …"): the subject roles are the ones acted upon, so they are the
    ``counterparty``; the agent — after "oleh" or right after the verb — holds the
    ``permission``. When the text names no agent (Palu 24, Tebing Tinggi 6(2) and 12) the
    norm has *no bearer*: the texts do not say who assigns, and guessing one (the Pejabat
    Penilai Kinerja assigns elsewhere) would put words in the regulation's mouth.
``eligibility``
    "<role> [dapat] berasal dari …", "<role> dijabat oleh …", "<role> diisi oleh …"
    right after the subject (a "sebagaimana dimaksud …" between them is skipped) state who
    may or must fill the role → ``qualification`` of that role, the posts named in
    ``object`` ("Ketua tim kerja … dapat berasal dari Jabatan …"; "Dalam hal …, maka Ketua
    Tim dijabat oleh …"). "diutamakan berasal dari" stays a preference (its cue comes
    first); "keanggotaannya berasal dari" has a non-role subject and states no norm.
``passive-procedure``
    no role subject, a passive verb, then "dari X … kepada Y" in one clause ("dilakukan
    dengan mekanisme pengajuan permohonan dari X … kepada Y", "disampaikan secara tertulis
    dari X kepada Y") → ``obligation`` of X toward Y (counterparty): the procedure is a
    duty of the unit head who must submit. "… dari X kepada yang bersangkutan" (no role
    after "kepada") is not read.
``power-agent``
    "ditetapkan oleh X", "ditetapkan dengan Keputusan X", "berdasarkan persetujuan X" →
    ``power`` of X; one norm per occurrence ("ditetapkan oleh Kepala Perangkat Daerah,
    kecuali pada Sekretariat Daerah ditetapkan oleh Kepala Unit Organisasi" gives two, the
    second with the "kecuali …" condition).
``power-issuer``
    "penetapan surat perintah … dari X" → ``power`` of X to issue the order.
``obligation-agent``
    "dikoordinasikan / dilaksanakan / dilakukan oleh X" (not in a "yang …" relative
    clause) → ``obligation`` of X.
``indicative``
    no cue: a role subject followed by an active verb (me-, ber- …) is an ``obligation``
    ("… melaporkan … kepada …", "Perangkat Daerah menyusun …") — ``preference`` when the
    verb is "mengutamakan" (the active of the cue "diutamakan") — unless the first verb
    is descriptive (``DESCRIPTIVE``: "terdiri", "merupakan", "adalah", "berkedudukan",
    "berperan", "berfungsi", "mendapatkan" …) — those describe, they do not oblige.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc, Span

from extract.model import Norm, Regulation
from extract.nlp import NORM_CUES_KEY, ROLE_LABEL, get_nlp
from extract.provisions import ProvisionDocs, address, provision_docs

COMPONENT: Final = "norm_cues"
CONNECTORS: Final = frozenset({"dan", "atau", "/", ",", "serta"})
ADVERBIAL_OPENERS: Final = frozenset({"dalam", "untuk", "apabila", "jika", "bila"})
CONDITION_OPENERS: Final = ("dalam hal", "apabila", "jika", "bila")
#: Verbs that describe (composition, position, function, entitlement) rather than oblige.
DESCRIPTIVE: Final = frozenset(
    {
        "terdiri",
        "merupakan",
        "adalah",
        "berupa",
        "yaitu",
        "meliputi",
        "tercantum",
        "berkedudukan",
        "berperan",
        "berfungsi",
        "bertugas",
        "berasal",
        "mendapatkan",
        "memperoleh",
        "menerima",
        "berhak",
        "menduduki",
        "dipimpin",
        "dijabat",
    }
)
COMPOSITION: Final = frozenset({"terdiri", "berupa", "merupakan", "meliputi"})
#: Predicates that say who may or must fill a role: a qualification of that role.
ELIGIBILITY: Final = frozenset({("berasal", "dari"), ("dijabat", "oleh"), ("diisi", "oleh")})
#: Words that look passive (di-) but are not verbs.
NOT_PASSIVE: Final = frozenset({"dimaksud", "dimana", "dibawah", "diatas", "disini", "diri"})
#: "dapat <verb>" with these verbs changes legal positions: a power, not a permission.
CONSTITUTIVE_VERBS: Final = frozenset(
    {"membentuk", "menetapkan", "mengangkat", "memberhentikan", "menunjuk", "membubarkan"}
)
#: Verbs whose object is made, not addressed: never a counterparty.
CREATION_VERBS: Final = frozenset({"membentuk", "menyusun", "menetapkan", "membubarkan"})
#: Words of a reference phrase skipped after "sebagaimana dimaksud pada".
REFERENCE_WORDS: Final = frozenset(
    {"pasal", "ayat", "huruf", "angka", "(", ")", ",", "dan", "atau", "/", "lampiran"}
)
#: Active form of the passive verbs the agent rules read.
_ACTIVE_FORM: Final = {
    "dikoordinasikan": "mengoordinasikan",
    "dilaksanakan": "melaksanakan",
    "dilakukan": "melakukan",
}
_ACTIVE_VERB = re.compile(r"^(?:me|ber)[a-z]{3,}$")
_PASSIVE_VERB = re.compile(r"^di[a-z]{3,}$")
_TRAILING = re.compile(r"[\s;,.:]*(?:\b(?:dan|atau|dan/atau)\s*)?$")


@dataclass(frozen=True)
class _Reading:
    modality: str
    bearers: tuple[str, ...]
    counterparties: tuple[str, ...]
    action: str
    rule: str
    start: int  # token offsets of the part of the doc the norm was read from
    end: int
    object: str | None = None
    condition: str | None = None


# --- role chains ---------------------------------------------------------------------


def _role_starts(doc: Doc) -> dict[int, Span]:
    return {ent.start: ent for ent in doc.ents if ent.label_ == ROLE_LABEL}


def _chain(doc: Doc, i: int, starts: dict[int, Span]) -> tuple[tuple[str, ...], int]:
    """The roles of a chain starting at token ``i`` ("X, Y dan/atau Z"), and its end."""
    roles: list[str] = []
    end = i
    while i in starts:
        ent = starts[i]
        if ent.ent_id_ not in roles:
            roles.append(ent.ent_id_)
        end = ent.end
        j = ent.end
        while j < len(doc) and doc[j].lower_ in CONNECTORS:
            j += 1
        if j == ent.end or j not in starts:
            break
        i = j
    return tuple(roles), end


def _after(doc: Doc, word: str, i: int, starts: dict[int, Span]) -> tuple[str, ...]:
    """The role chain right after the first ``word`` at or after token ``i``."""
    for token in doc[i:]:
        if token.lower_ == word:
            return _chain(doc, token.i + 1, starts)[0]
    return ()


def _text(doc: Doc, start: int, end: int) -> str:
    return _TRAILING.sub("", doc[start:end].text) if end > start else ""


# --- clause shape -----------------------------------------------------------------------


def _clause_start(doc: Doc) -> tuple[int, str | None]:
    """Where the clause proper starts after a leading adverbial, and its condition."""
    if len(doc) and doc[0].lower_ in ADVERBIAL_OPENERS:
        for token in doc:
            if token.text == "," or token.lower_ == "maka":
                lead = doc[: token.i].text
                condition = lead if lead.lower().startswith(CONDITION_OPENERS) else None
                start = token.i + 1
                if start < len(doc) and doc[start].lower_ == "maka":  # "Dalam hal …, maka"
                    start += 1
                return start, condition
        return len(doc), None
    return 0, None


def _subject(doc: Doc, starts: dict[int, Span]) -> tuple[tuple[str, ...], int, int, str | None]:
    """Bearers, clause start, subject end, condition; bearers empty if no role subject."""
    start, condition = _clause_start(doc)
    roles, end = _chain(doc, start, starts)
    return roles, start, end, condition


def _role_played(doc: Doc, start: int, stop: int, starts: dict[int, Span]) -> tuple[str, ...]:
    """ "… yang berperan sebagai ketua tim …" between subject and predicate: the role."""
    for token in doc[start:stop]:
        if token.lower_ == "sebagai" and token.i + 1 in starts:
            return _chain(doc, token.i + 1, starts)[0]
    return ()


def _cues(doc: Doc, kinds: set[str] | None = None) -> list[Span]:
    cues = list(doc.spans[NORM_CUES_KEY]) if NORM_CUES_KEY in doc.spans else []
    return [cue for cue in cues if kinds is None or cue.label_ in kinds]


def _after_yang(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].lower_ == "yang"


# --- rules ---------------------------------------------------------------------------------

SUBJECT_CUES: Final = {
    "prohibition",
    "power",
    "preference",
    "qualification",
    "obligation",
    "accountable",
    "permission",
}


def _subject_norm(doc: Doc, starts: dict[int, Span]) -> _Reading | None:
    """Rules ``cue``, ``passive-permission``, ``passive-patient``, ``eligibility`` and
    ``indicative``."""
    bearers, start, subject_end, condition = _subject(doc, starts)
    cues = [c for c in _cues(doc, SUBJECT_CUES) if c.start >= subject_end]
    if not bearers:
        for cue in cues:
            nxt = cue.end
            if cue.label_ != "permission" or nxt + 1 not in starts:
                continue
            roles, end = _chain(doc, nxt + 1, starts)
            action = _text(doc, nxt, len(doc))
            if _is_passive(doc, nxt):
                return _Reading(
                    "permission", roles, (), action, "passive-permission", cue.start, end
                )
            if _ACTIVE_VERB.match(doc[nxt].lower_):
                return _Reading("permission", (), roles, action, "involvement", cue.start, end)
        return None
    for cue in cues:
        following = doc[cue.end].lower_ if cue.end < len(doc) else ""
        if cue.label_ == "permission" and following in COMPOSITION:
            continue
        if cue.label_ == "qualification" and _after_yang(doc, cue.start):
            continue
        subject = _role_played(doc, subject_end, cue.start, starts) or bearers
        if cue.label_ == "permission" and _is_eligibility(doc, cue.end):
            return _eligibility(doc, cue.end, subject, start, condition)
        if cue.label_ == "permission" and _is_passive(doc, cue.end):
            return _passive_patient(doc, cue.end, subject, start, condition)
        modality = cue.label_
        if cue.label_ == "permission" and following in CONSTITUTIVE_VERBS:
            modality = "power"
        if cue.label_ == "accountable":
            rest = [t.lower_ for t in doc[cue.end : cue.end + 4]]
            modality = "obligation" if "kepada" in rest else "responsibility"
        return _Reading(
            modality,
            subject,
            _counterparties(doc, cue.end, starts),
            _text(doc, cue.end if cue.label_ == "permission" else cue.start, len(doc)),
            "cue",
            start,
            len(doc),
            condition=condition,
        )
    predicate = _predicate_start(doc, subject_end)
    if _is_eligibility(doc, predicate):
        subject = _role_played(doc, subject_end, predicate, starts) or bearers
        return _eligibility(doc, predicate, subject, start, condition)
    for token in doc[subject_end:]:
        word = token.lower_
        if word in DESCRIPTIVE and not _after_yang(doc, token.i):
            return None
        if _ACTIVE_VERB.match(word) and doc[token.i - 1].lower_ not in {"yang", "untuk"}:
            played = _role_played(doc, subject_end, token.i, starts)
            return _Reading(
                "preference" if word == "mengutamakan" else "obligation",
                played or bearers,
                _counterparties(doc, token.i, starts),
                _text(doc, token.i, len(doc)),
                "indicative",
                start,
                len(doc),
                condition=condition,
            )
    return None


def _is_passive(doc: Doc, i: int) -> bool:
    """Token ``i`` is a passive verb ("ditugaskan"), not a preposition ("dibawah")."""
    return (
        i < len(doc)
        and bool(_PASSIVE_VERB.match(doc[i].lower_))
        and doc[i].lower_ not in NOT_PASSIVE
    )


def _is_eligibility(doc: Doc, i: int) -> bool:
    """ "berasal dari …", "dijabat oleh …", "diisi oleh …" at token ``i``."""
    if i + 1 >= len(doc):
        return False
    return (doc[i].lower_, doc[i + 1].lower_) in ELIGIBILITY


def _eligibility(
    doc: Doc, i: int, subject: tuple[str, ...], start: int, condition: str | None
) -> _Reading:
    """Rule ``eligibility``: who may (or must) fill the subject role — a qualification of
    that role; the posts named are its ``object``."""
    return _Reading(
        "qualification",
        subject,
        (),
        _text(doc, i, len(doc)),
        "eligibility",
        start,
        len(doc),
        object=_text(doc, i + 2, len(doc)) or None,
        condition=condition,
    )


def _passive_patient(
    doc: Doc, verb: int, patients: tuple[str, ...], start: int, condition: str | None
) -> _Reading:
    """Rule ``passive-patient``: "<roles> dapat di<verb> [oleh X]" permits X to do it *to*
    the roles: X (or nobody known, when the text names no agent) holds the permission, the
    roles are its counterparty."""
    stop = _clause_end(doc, verb)
    agents: tuple[str, ...] = ()
    starts = _role_starts(doc)
    if verb + 1 in starts:
        agents = _chain(doc, verb + 1, starts)[0]
    else:
        oleh = next((t.i for t in doc[verb:stop] if t.lower_ == "oleh"), None)
        if oleh is not None:
            agents = _chain(doc, oleh + 1, starts)[0]
    return _Reading(
        "permission",
        agents,
        patients,
        _text(doc, verb, len(doc)),
        "passive-patient",
        start,
        len(doc),
        condition=condition,
    )


def _clause_end(doc: Doc, i: int) -> int:
    return next((t.i for t in doc[i:] if t.text in {";", ".", ":"}), len(doc))


def _predicate_start(doc: Doc, i: int) -> int:
    """The first token of the predicate after a subject ending at ``i``: skips "tersebut",
    commas and a "sebagaimana dimaksud pada ayat (1) huruf a" between them."""
    while i < len(doc):
        word = doc[i].lower_
        if word in {"tersebut", ","}:
            i += 1
        elif word == "sebagaimana" and i + 2 < len(doc) and doc[i + 1].lower_ == "dimaksud":
            i += 3  # "sebagaimana dimaksud pada|dalam"
            while i < len(doc) and (
                doc[i].lower_ in REFERENCE_WORDS or doc[i].is_digit or len(doc[i]) == 1
            ):
                i += 1
        else:
            break
    return i


def _counterparties(doc: Doc, i: int, starts: dict[int, Span]) -> tuple[str, ...]:
    """Who the action at token ``i`` is directed to: the roles after "kepada", else the
    roles the verb takes as its object ("membawahi Pejabat Fungsional dan Pelaksana");
    what a verb creates ("membentuk tim kerja") is no counterparty."""
    to = _after(doc, "kepada", i, starts)
    if to:
        return to
    verb = i + 1 if i < len(doc) and doc[i].lower_ == "untuk" else i
    if (
        verb + 1 in starts
        and _ACTIVE_VERB.match(doc[verb].lower_)
        and doc[verb].lower_ not in CREATION_VERBS
    ):
        return _chain(doc, verb + 1, starts)[0]
    return ()


def _procedure_norm(doc: Doc, starts: dict[int, Span]) -> _Reading | None:
    """Rule ``passive-procedure``: a passive procedure "… di<verb> … dari X … kepada Y"
    ("dilakukan dengan mekanisme pengajuan permohonan dari X kepada Y", "disampaikan
    secara tertulis dari X kepada Y") is a duty of X toward Y."""
    lower = doc.text.lower()
    if " dari " not in lower or " kepada " not in lower:
        return None
    verb = None
    for token in doc:
        if _is_passive(doc, token.i):
            verb = token.i
        elif token.lower_ == "dari" and verb is not None and token.i + 1 in starts:
            bearers, end = _chain(doc, token.i + 1, starts)
            stop = _clause_end(doc, end)
            kepada = next((t.i for t in doc[end:stop] if t.lower_ == "kepada"), None)
            if kepada is None or kepada + 1 not in starts:
                continue
            counterparties, last = _chain(doc, kepada + 1, starts)
            action = _text(doc, verb, stop)
            return _Reading(
                "obligation", bearers, counterparties, action, "passive-procedure", verb, last
            )
    return None


def _object_before(doc: Doc, i: int) -> str:
    """What is established or done: the clause's subject phrase before the cue ``i``,
    without "sebagaimana dimaksud …", a trailing passive verb or "kecuali …"."""
    start, _ = _clause_start(doc)
    cue_starts = {cue.start for cue in _cues(doc, {"power-agent", "obligation-agent"})}
    stop = next(
        (t.i for t in doc[start:i] if t.lower_ in {"sebagaimana", "kecuali"} or t.i in cue_starts),
        i,
    )
    words = doc[start:stop].text if stop > start else ""
    return re.sub(r"[\s,]*(?:\bdi[a-z]+)?[\s,]*$", "", words)


def _lower_first(words: str) -> str:
    """Lower-case the first word unless it is an abbreviation ("SPBE") or a proper name."""
    first = words.split(" ", 1)[0]
    keep = first.isupper() or first in {"Surat", "Keputusan", "Proses", "Tim"}
    return words if keep or not words else words[0].lower() + words[1:]


def _agent_norms(doc: Doc, starts: dict[int, Span]) -> Iterator[_Reading]:
    """Rules ``power-agent``, ``power-issuer``, ``obligation-agent``."""
    for cue in _cues(doc, {"power-agent", "power-issuer", "obligation-agent"}):
        if cue.label_ == "power-issuer":
            stop = next((t.i for t in doc[cue.end :] if t.text in {",", ";", ":", "."}), len(doc))
            dari = next((t.i for t in doc[cue.end : stop] if t.lower_ == "dari"), None)
            if dari is None:
                continue
            roles, end = _chain(doc, dari + 1, starts)
            if roles:
                action = "menetapkan " + _text(doc, cue.start + 1, dari)
                yield _Reading("power", roles, (), action, "power-issuer", cue.start, end)
            continue
        if _after_yang(doc, cue.start):
            continue
        roles, end = _chain(doc, cue.end, starts)
        if not roles:
            continue
        obj = _object_before(doc, cue.start)
        lead = doc[: cue.start].text
        kecuali = lead.lower().rfind("kecuali")
        condition = _TRAILING.sub("", lead[kecuali:]) if kecuali >= 0 else None
        if cue.label_ == "obligation-agent":
            action = f"{_ACTIVE_FORM.get(doc[cue.start].lower_, 'melakukan')} {_lower_first(obj)}"
            yield _Reading("obligation", roles, (), action, "obligation-agent", cue.start, end, obj)
        else:
            verb = "menyetujui" if doc[cue.start].lower_ == "berdasarkan" else "menetapkan"
            action = f"{verb} {_lower_first(obj)}"
            yield _Reading(
                "power", roles, (), action, "power-agent", cue.start, end, obj, condition
            )


_Chapeau = tuple[str, str, tuple[str, ...], str | None]


def _list_norms(has_items: bool, doc: Doc, starts) -> _Chapeau | None:
    """Whether this chapeau opens a list of norms: (modality, rule, bearers, action), or
    None; ``action`` is None when each item states its own action."""
    if not has_items or not doc.text.rstrip().endswith(":"):
        return None
    lower = doc.text.lower()
    if doc[0].lower_ == "tanggung" and len(doc) > 1 and doc[1].lower_ == "jawab":
        stop = next((t.i for t in doc if t.lower_ in {"sebagaimana", "meliputi", "yang"}), len(doc))
        for i in range(2, stop):
            if i in starts:
                return "responsibility", "responsibility-list", _chain(doc, i, starts)[0], None
        return None
    bearers, _, end, _ = _subject(doc, starts)
    if bearers and end < len(doc) and doc[end].lower_ == "bertugas":
        return "obligation", "duty-list", bearers, None
    if re.search(r"\bdi\w+ oleh\s*:$", lower):
        verb = next(t for t in reversed(doc) if t.lower_ == "oleh").nbor(-1)
        task = _lower_first(_object_before(doc, verb.i))
        action = f"{_ACTIVE_FORM.get(verb.lower_, 'melakukan')} {task}"
        return "obligation", "agent-list", (), action
    return None


def _readings(has_items: bool, doc: Doc, chapeau: _Chapeau | None) -> Iterator[_Reading]:
    starts = _role_starts(doc)
    if chapeau is not None:
        modality, rule, bearers, action = chapeau
        if rule == "agent-list":
            bearers = _chain(doc, 0, starts)[0]
        if bearers:
            yield _Reading(
                modality,
                bearers,
                _after(doc, "kepada", 0, starts),
                action or _text(doc, 0, len(doc)),
                rule,
                0,
                len(doc),
            )
        return
    if _list_norms(has_items, doc, starts) is not None:
        return  # the chapeau itself states no norm; its items do
    subject = _subject_norm(doc, starts)
    if subject is not None:
        yield subject
    else:
        procedure = _procedure_norm(doc, starts)
        if procedure is not None:
            yield procedure
    yield from _agent_norms(doc, starts)


def read_text(text: str, chapeau: str | None = None) -> list[tuple[str, tuple, tuple]]:
    """The norms of one provision text as ``(modality, bearers, counterparties)``; with
    ``chapeau``, ``text`` is read as an item of the list that chapeau opens.

    >>> read_text("Ketua Tim melaporkan pelaksanaan tugas kepada Pimpinan Unit Organisasi.")
    [('obligation', ('ketua-tim',), ('pimpinan-unit-organisasi',))]
    """
    nlp = get_nlp()
    opened = None
    if chapeau is not None:
        head = nlp(chapeau)
        opened = _list_norms(True, head, _role_starts(head))
    readings = _readings(False, nlp(text), opened)
    return [(r.modality, r.bearers, r.counterparties) for r in readings]


def find_norms(regulation: Regulation, docs: ProvisionDocs | None = None) -> list[Norm]:
    """Every norm of the body, in document order (see the module docstring for the rules).

    ``docs`` are the provisions already run through the pipeline, when the caller has them.
    """
    norms: list[Norm] = []
    chapeaux: dict[int, _Chapeau | None] = {}
    for provision, doc in docs if docs is not None else provision_docs(regulation):
        if provision.in_definitions or provision.in_closing:
            continue
        if provision.unit.children:
            chapeaux[id(provision.unit)] = _list_norms(True, doc, _role_starts(doc))
        parent = provision.parent
        chapeau = chapeaux.get(id(parent)) if parent is not None else None
        for reading in _readings(bool(provision.unit.children), doc, chapeau):
            span = doc[reading.start : max(reading.end, reading.start + 1)]
            norms.append(
                Norm(
                    provision=provision.unit.iri,
                    modality=reading.modality,
                    bearers=reading.bearers,
                    counterparties=reading.counterparties,
                    action=reading.action,
                    object=reading.object,
                    condition=reading.condition,
                    text=doc.text,
                    start=span.start_char,
                    end=span.end_char,
                    component=f"{COMPONENT}:{reading.rule}",
                )
            )
    return norms


def norm_json(norm: Norm) -> dict:
    """One ``perwali norms --json`` row."""
    return {
        "provision": address(norm.provision),
        "modality": norm.modality,
        "bearer": sorted(norm.bearers),
        "counterparty": sorted(norm.counterparties),
        "action": norm.action,
        "text": norm.text,
    }


def norms_json(regulation: Regulation) -> list[dict]:
    """The rows of ``perwali norms REG_ID --json``::

        [{"provision": {"pasal", "ayat", "huruf"}, "modality", "bearer": [role ids],
          "counterparty": [role ids], "action", "text"}]

    Provision values are strings or null; a norm read from an angka (numbered item) is
    reported at its enclosing pasal/ayat/huruf (see :func:`extract.provisions.address`).
    """
    return [norm_json(norm) for norm in find_norms(regulation)]
