"""Answer types of ``ask``: what a term means is answered by a definition, who acts by a
norm naming its bearer, what a role must do by a norm it bears; a regulation with no such
provision is silent on the point however much it says about the rest. Questions made up
for these tests (not from the evaluation sets); expected units read from corpus/*.txt."""

from __future__ import annotations

import pytest

from capabilities.ask import ask
from capabilities.ask_query import read_query
from capabilities.ask_types import answer_kind
from capabilities.retrieval import get_index, translate_english
from capabilities.source import EmbeddedSource
from tests.capabilities.test_ask import CILEGON, PALU, PP, SEMARANG, TT, first_per_regulation

ALL = {PALU, TT, SEMARANG, CILEGON, PP}


@pytest.fixture(scope="module")
def source(built_data):
    return EmbeddedSource(built_data)


@pytest.fixture(scope="module")
def index(source):
    return get_index(source)


@pytest.mark.parametrize(
    ("question", "definer"),
    [
        # Pasal 1 of Padang Panjang alone defines it; the others only use the name
        ("Apa yang dimaksud dengan Pejabat Pembina Kepegawaian?", PP),
        ("What is meant by Pegawai Negeri Sipil?", TT),  # Tebing Tinggi Pasal 1
        ("How does the regulation define Sekretariat Daerah?", TT),
    ],
)
def test_a_term_one_regulation_defines_is_not_defined_by_the_others(source, question, definer):
    result = ask(source, question)
    first = first_per_regulation(result)
    assert first[definer].pasal == "1"
    assert set(first) == {definer}
    reasons = {item.regulation: item.reason for item in result.not_regulated}
    assert set(reasons) == ALL - {definer}
    assert "not-defined" in reasons.values()  # some use the term, but define it nowhere
    undefined = [item for item in result.not_regulated if item.reason == "not-defined"]
    assert all(item.nearest and item.nearest.citation in item.evidence for item in undefined)
    assert all(first[definer].citation in item.evidence for item in undefined)  # where it is


def test_the_evidence_names_the_term_as_written(source):
    result = ask(source, "Apa yang dimaksud dengan Pejabat Pembina Kepegawaian?")
    undefined = [item for item in result.not_regulated if item.reason == "not-defined"]
    assert undefined
    assert all("Pejabat Pembina Kepegawaian" in item.evidence for item in undefined)
    assert not any("bina jabat" in item.evidence for item in result.not_regulated)  # stems


def test_a_who_question_is_answered_by_the_ayat_naming_who(source):
    """Padang Panjang 8 and Semarang 9 open with how a penugasan is made (ayat (1)) and say
    who sets it in ayat (4) ("Penugasan … ditetapkan oleh …"): ayat (4) is the answer.
    Palu and Tebing Tinggi name who in the provision on the surat perintah ("… penetapan
    surat perintah … Pejabat Penilai Kinerja")."""
    result = ask(source, "Oleh siapa penugasan Pejabat Fungsional dan Pelaksana ditetapkan?")
    first = first_per_regulation(result)
    assert (first[PP].pasal, first[PP].ayat) == ("8", "4")
    assert (first[SEMARANG].pasal, first[SEMARANG].ayat) == ("9", "4")
    assert all("ditetapkan oleh" in first[reg].text for reg in (PP, SEMARANG))
    assert all("Pejabat Penilai Kinerja" in first[reg].text for reg in (PALU, TT))


@pytest.mark.parametrize(
    ("question", "lang", "verb"),
    [
        ("Siapa yang menetapkan susunan tim kerja?", "id", "tetap"),
        ("Siapa pejabat yang berwenang membentuk tim kerja?", "id", "bentuk"),
        ("Susunan tim kerja ditetapkan oleh siapa?", "id", "tetap"),
        ("Oleh siapa susunan tim kerja ditetapkan?", "id", "tetap"),
        ("Who may set up a work team?", "en", "bentuk"),
        ("Who formally establishes a cross-unit team?", "en", "tetap"),
        ("By whom is the assignment determined?", "en", "tetap"),
    ],
)
def test_the_verb_a_who_question_asks_the_actor_of(index, question, lang, verb):
    assert read_query(index, question, lang, []).asked == verb


def test_how_is_it_done_asks_the_means(source, index):
    """ "How is … established?" asks by what means (the English of "dengan apa …
    ditetapkan"), not who: Tebing Tinggi 9(6) "Tim Kerja Lintas Instansi Pemerintah
    ditetapkan dengan Keputusan Wali Kota" answers; Palu only allows such work (19(2)
    "… dapat melibatkan … lintas Instansi Pemerintah") and is silent on the means."""
    question = "How is a cross-institution work team (lintas instansi pemerintah) established?"
    query = read_query(index, question, "en", [])
    assert (query.asked, query.who) == ("tetap", False)
    result = ask(source, question)
    first = first_per_regulation(result)
    assert (first[TT].pasal, first[TT].ayat) == ("9", "6")
    silent = {item.regulation: item.reason for item in result.not_regulated}
    assert PALU in silent and PALU not in first  # weighed on the means it lacks
    assert answer_kind(query) == "means"


def test_who_is_asks_no_actor(index):
    """ "Who qualifies / becomes / is" asks who is eligible, not who acts."""
    query = read_query(index, "Siapa saja yang dapat menjadi ketua tim kerja?", "id", [])
    assert query.asked in {None, "jadi", "asal"}
    assert query.duty_of is None


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Pejabat Administrator bertanggung jawab atas apa?", "pejabat-administrator"),
        ("Apa saja tanggung jawab seorang Pimpinan Unit Organisasi?", "pimpinan-unit-organisasi"),
        ("Anggota tim wajib melakukan apa?", "anggota-tim"),
    ],
)
def test_the_role_whose_duties_are_asked(index, question, role):
    assert read_query(index, question, "id", []).duty_of == role


def test_the_work_of_a_team_is_not_its_duty(index):
    """ "pelaksanaan tugas tim kerja" is the team's work: "tugas" is no cue of a duty."""
    query = read_query(index, "Bagaimana pelaksanaan tugas tim kerja dilaporkan?", "id", [])
    assert query.duty_of is None


def test_a_role_with_no_norm_in_a_regulation_has_no_duties_there(source):
    """Palu states what the Administrator is responsible for (Pasal 8 ayat (1): "Pejabat
    dalam Jabatan Administrator … bertanggung jawab memimpin …"); Padang Panjang (5(1))
    and Tebing Tinggi (6(1)) only place posts under the Administrator and give it no norm
    of its own."""
    result = ask(source, "Pejabat Administrator bertanggung jawab atas apa?")
    first = first_per_regulation(result)
    assert (first[PALU].pasal, first[PALU].ayat) == ("8", "1")
    assert "bertanggung jawab" in first[PALU].text
    silent = {item.regulation: item.reason for item in result.not_regulated}
    assert silent.get(PP) == silent.get(TT) == "no-duty"
    evidence = next(item.evidence for item in result.not_regulated if item.regulation == PP)
    assert "Pejabat Administrator" in evidence and first[PALU].citation in evidence


def test_a_role_s_tugas_or_fungsi_asked_outright_is_its_duty(index):
    query = read_query(index, "Sebutkan tugas dan fungsi Pegawai ASN", "id", [])
    assert query.duty_of == "pegawai-asn"
    assert read_query(index, "Apa fungsi Pegawai ASN?", "id", []).duty_of == "pegawai-asn"


def test_only_a_regulation_stating_the_fungsi_of_a_role_answers_it(source):
    """Palu Pasal 3 ("Pegawai ASN berfungsi sebagai: …") and Pasal 4 ("Pegawai ASN
    bertugas: …") state them; Semarang Pasal 3 and Padang Panjang 2(2) speak only of the
    "tugas dan fungsi" of the units that Pegawai ASN carry out."""
    result = ask(source, "Sebutkan tugas dan fungsi Pegawai ASN")
    first = first_per_regulation(result)
    assert first[PALU].pasal in {"3", "4"}
    assert first[PALU].text.startswith("Pegawai ASN ber")
    silent = {item.regulation: item.reason for item in result.not_regulated}
    assert silent.get(SEMARANG) == silent.get(PP) == "no-duty"
    evidence = next(item.evidence for item in result.not_regulated if item.regulation == PP)
    assert "fungsi" in evidence and "Pegawai ASN" in evidence


@pytest.mark.parametrize(
    ("question", "lang", "first", "last"),
    [
        ("Sebutkan jenjang dari penyelia sampai pemula", "id", {"selia"}, {"mula"}),
        (
            "Which levels run from ahli madya down to ahli pertama?",
            "en",
            {"ahli", "madya"},
            {"ahli", "pertama"},
        ),
    ],
)
def test_the_ends_of_a_range(index, question, lang, first, last):
    starts, ends = read_query(index, question, lang, []).ends
    assert frozenset(first) in starts and frozenset(last) in ends


def test_a_range_is_answered_by_the_list_holding_its_ends(source):
    """Palu 9(2) lists "a. ahli utama; … d. ahli pertama" and 9(3) "a. penyelia; … d.
    pemula"; Pasal 10 has an ayat for each jenjang, with more of the question's words
    ("Jenjang Jabatan Fungsional penyelia …")."""
    result = ask(
        source, "Sebutkan jenjang Jabatan Fungsional keterampilan dari penyelia sampai pemula"
    )
    palu = first_per_regulation(result)[PALU]
    assert (palu.pasal, palu.ayat) == ("9", "3")
    english = ask(
        source, "Where are the functional levels from ahli madya to ahli pertama enumerated?"
    )
    palu = first_per_regulation(english)[PALU]
    assert (palu.pasal, palu.ayat) == ("9", "2")


def test_a_list_of_sentences_names_no_members(index):
    """Semarang 7(3) lists where each jenjang sits ("a. Pejabat Fungsional Ahli Utama
    berkedudukan dibawah …"): sentences, not the names of members."""
    lists = {
        p.citation.split(" Peraturan")[0] + " " + p.regulation: p.members for p in index.provisions
    }
    assert frozenset({"ahli", "utama"}) in lists[f"Pasal 9 ayat (2) {PALU}"]
    assert lists[f"Pasal 7 ayat (3) {SEMARANG}"] == frozenset()


def test_abbreviations_are_read_in_full(index):
    query = read_query(index, "Apakah peta proses bisnis mengikuti Renstra dan Renja?", "id", [])
    assert {"rencana", "strategis", "kerja"} <= set(query.stems)
    english = read_query(index, "Must the process map follow the Renstra?", "en", [])
    assert {"rencana", "strategis"} <= set(english.stems)


def test_english_compounds_are_read_as_words(index):
    assert "ketua" in translate_english(index, "a work-team leader")
    assert "tim kerja" in translate_english(index, "a work-team leader").lower()
    assert "lintas Perangkat Daerah" in translate_english(index, "cross-PD teams")


@pytest.mark.parametrize(
    "question",
    [
        "Apa yang harus dimuat dalam surat perintah?",
        "Surat permohonan pelibatan mencantumkan apa?",
        "What must the written order contain?",
        "Which documents have to be reviewed?",
    ],
)
def test_what_a_document_contains_is_a_list_question(index, question):
    lang = "en" if question.startswith(("What", "Which")) else "id"
    assert read_query(index, question, lang, []).listing


@pytest.mark.parametrize(
    "question",
    [
        "Apabila tidak ada Pejabat Pengawas, Pelaksana berkedudukan di bawah siapa?",
        "Jika di unit organisasi tidak terdapat pejabat pengawas, siapa pejabat penilai "
        "kinerja pelaksana?",
    ],
)
def test_a_case_is_answered_by_the_provision_providing_for_it(source, question):
    """Palu 18(4) b, Tebing Tinggi 6(4) b and Semarang 7(4) b place the Pelaksana "dalam
    hal tidak ada Jabatan/Pejabat Pengawas"; Cilegon 4(1) and Padang Panjang 5(1) only
    state the general rule (under a Pengawas among others): silent on the case."""
    result = ask(source, question)
    first = first_per_regulation(result)
    assert {reg: (a.pasal, a.ayat) for reg, a in first.items()} == {
        PALU: ("18", "4"),
        TT: ("6", "4"),
        SEMARANG: ("7", "4"),
    }
    reasons = {item.regulation: item.reason for item in result.not_regulated}
    assert reasons[CILEGON] == "no-case"
    assert set(reasons) == {CILEGON, PP}
    assert all(
        first[PALU].citation in item.evidence or first[TT].citation in item.evidence
        for item in result.not_regulated
        if item.reason == "no-case"
    )


def test_a_case_is_read_from_its_condition_clause(index):
    from capabilities.retrieval import NEGATED, cases_stated

    (case,) = cases_stated("Dalam hal tidak ada Jabatan Pengawas yang melaksanakan tugas, …")
    assert NEGATED in case and {"awas", "jabat"} <= case
    assert cases_stated("Pelaksanaan tugas lintas unit dilakukan dalam hal apa?") == ()
    query = read_query(
        index, "Kalau anggota tim berasal dari beberapa unit organisasi, …", "id", []
    )
    assert {"lintas", "unit", "organisasi"} <= query.case and NEGATED not in query.case
    assert read_query(index, "Siapa yang membentuk tim kerja?", "id", []).case == frozenset()


def test_with_no_provision_naming_who_the_answer_is_the_ayat_doing_the_act(source):
    """Cilegon's body never says who sets a penugasan (its Lampiran does, read as Pasal
    7): of Pasal 6, ayat (4) "Penugasan … ditetapkan … melalui surat perintah tugas" does
    the act asked, ayat (1) only says how a penugasan is made. The others name who."""
    result = ask(source, "Siapa yang menetapkan penugasan Pelaksana melalui pengajuan sukarela?")
    first = first_per_regulation(result)
    assert (first[CILEGON].pasal, first[CILEGON].ayat) == ("6", "4")
    assert (first[PP].pasal, first[PP].ayat) == ("8", "4")  # "… ditetapkan oleh …"
    assert (first[PALU].pasal, first[PALU].ayat) == ("23", "5")


def test_a_lampiran_naming_no_duty_of_the_role_is_silent_on_it(source, index):
    """Cilegon's Lampiran (C.5) lists the tanggung jawab of the Pejabat Penilai Kinerja,
    the Pimpinan Unit Organisasi, the Ketua Tim and the Anggota Tim, none of a Pejabat
    Administrator's; its body only places Pejabat Fungsional under one (4(1)). Palu 8(1)
    states what the Administrator is responsible for. The Ketua Tim's are still read."""
    assert {"ketua-tim", "pejabat-penilai-kinerja"} <= index.lampiran_duties[CILEGON]
    result = ask(source, "Pejabat Administrator bertanggung jawab atas apa?")
    first = first_per_regulation(result)
    assert set(first) == {PALU} and (first[PALU].pasal, first[PALU].ayat) == ("8", "1")
    assert {i.regulation: i.reason for i in result.not_regulated}[CILEGON] == "no-duty"
    assert CILEGON in first_per_regulation(ask(source, "Apa tanggung jawab Ketua Tim?"))


def test_who_does_an_act_to_one_thing_is_not_who_does_it_to_another(source, index):
    """Padang Panjang 6(1) "Kedudukan Pejabat Fungsional dan pelaksana … ditetapkan oleh
    Pejabat Pembina Kepegawaian" says who sets the kedudukan; Tebing Tinggi 8(1) names
    who sets a penugasan (surat perintah from the Pejabat Penilai Kinerja), not this."""
    question = (
        "Siapa yang berwenang menetapkan kedudukan Pejabat Fungsional dan Pelaksana dalam "
        "struktur organisasi?"
    )
    query = read_query(index, question, "id", [])
    assert "kedudukan" in query.acted_on
    result = ask(source, question)
    first = first_per_regulation(result)
    assert (first[PP].pasal, first[PP].ayat) == ("6", "1")
    assert TT not in first
    assert {i.regulation: i.reason for i in result.not_regulated}[TT] == "no-agent"
    assert read_query(index, "Siapa yang membentuk tim kerja?", "id", []).acted_on
    assert not read_query(index, "Siapa yang menetapkan pembentukan tim?", "id", []).acted_on


@pytest.mark.parametrize(
    "question",
    [
        "Bagaimana ketentuan peralihan bagi tim kerja yang telah dibentuk?",
        "Adakah ketentuan pidana bagi pejabat yang tidak melaksanakan penugasan?",
        "What do the transitional provisions say about existing work teams?",
    ],
)
def test_a_drafting_chapter_none_has_is_not_regulated(source, question):
    """None of the five has a BAB "Ketentuan Peralihan" or "Ketentuan Pidana" (their
    chapters: Ketentuan Umum, the substance, Ketentuan Penutup): all are silent, however
    well a Pasal on tim kerja or penugasan matches the rest of the question."""
    result = ask(source, question)
    assert result.answers == []
    assert {item.regulation: item.reason for item in result.not_regulated} == dict.fromkeys(
        ALL, "no-part"
    )


def test_a_chapter_every_regulation_has_is_not_a_reason_to_be_silent(index):
    from capabilities.ask_types import has_part

    assert all(has_part(index, reg_id, "ketentuan umum") for reg_id in ALL)
    assert all(has_part(index, reg_id, "ketentuan penutup") for reg_id in ALL)  # heading or topic
    assert not any(has_part(index, reg_id, "ketentuan peralihan") for reg_id in ALL)


def test_a_regulation_answering_one_part_of_a_two_part_question_answers_it(source, index):
    """Palu 18(1) places the Pejabat Fungsional "dalam struktur organisasi dengan Pejabat
    Penilai Kinerja sebagai atasan langsung" (the first part) without "bertanggung jawab
    kepada" (the second, which Cilegon 4(1) and the others state): it answers the
    question. Each part is weighed against the best answer to that part."""
    question = (
        "Pejabat fungsional ditempatkan di bawah siapa dalam struktur organisasi, dan kepada "
        "siapa ia bertanggung jawab langsung?"
    )
    assert len(read_query(index, question, "id", []).parts) == 2
    first = first_per_regulation(ask(source, question))
    assert set(first) == ALL
    assert first[PALU].pasal == "18" and (first[CILEGON].pasal, first[CILEGON].ayat) == ("4", "1")
    assert read_query(index, "Siapa yang membentuk tim kerja?", "id", []).parts == ()


def test_a_purpose_adjunct_is_the_context_not_the_question(source):
    """Cilegon 2 "Penyesuaian sistem kerja meliputi: a. Mekanisme Kerja; dan b. Proses
    Bisnis" answers what the penyesuaian covers; that its body never names the
    penyederhanaan birokrasi the question is put "dalam rangka" does not make it silent.
    When the adjunct is all the question names, it is what is asked."""
    result = ask(
        source, "Dalam rangka penyederhanaan birokrasi, penyesuaian sistem kerja meliputi apa saja?"
    )
    first = first_per_regulation(result)
    assert set(first) == ALL
    assert (first[CILEGON].pasal, first[CILEGON].ayat) == ("2", None)
    assert (first[PP].pasal, first[PP].ayat) == ("2", "3")
    asked = first_per_regulation(
        ask(source, "Apa saja yang dilakukan dalam rangka penyesuaian sistem kerja?")
    )
    assert set(asked) == ALL


@pytest.mark.parametrize(
    "question",
    [
        "Dari jabatan apa saja seorang ketua tim kerja dapat diangkat?",
        "From which positions can a team leader be appointed?",
    ],
)
def test_from_which_posts_a_role_is_filled_is_the_provision_naming_the_posts(source, question):
    # Palu 22(2) / Tebing Tinggi 10(1) "Ketua tim kerja … dapat berasal dari Jabatan …",
    # Semarang 10(7) "Ketua Tim … dipimpin oleh Pejabat Fungsional …", Cilegon's Lampiran
    # "menunjuk salah satu pejabat fungsional atau Pelaksana sebagai ketua tim kerja"; not
    # a list of the ketua tim's duties, nor "diutamakan berasal dari Unit Organisasi"
    first = first_per_regulation(ask(source, question))
    assert (first[PALU].pasal, first[PALU].ayat) == ("22", "2")
    assert (first[TT].pasal, first[TT].ayat) == ("10", "1")
    assert first[SEMARANG].pasal == "10" and first[SEMARANG].ayat in ("7", "8")
    assert first[CILEGON].pasal == "10" and first[CILEGON].lampiran


def test_the_posts_a_role_is_drawn_from_are_posts_not_units(index):
    from capabilities.retrieval import posts_drawn

    roles = index.roles
    assert posts_drawn(
        "Ketua Tim dijabat oleh Pejabat Fungsional Hasil Penyetaraan Jabatan.", roles
    ) == {"ketua-tim"}
    assert not posts_drawn(
        "Pejabat Fungsional atau Pelaksana yang berperan sebagai ketua tim diutamakan berasal "
        "dari Unit Organisasi pemilik kinerja.",
        roles,
    )
    # a team led by its ketua tim: the role itself, not a post it is drawn from
    assert not posts_drawn(
        "Tim kerja sebagaimana dimaksud pada ayat (1) dipimpin oleh Ketua Tim.", roles
    )


def test_who_may_be_a_member_of_a_group_is_who_the_group_is_made_of(source):
    # "anggota tim kerja": Palu 19(2), Padang Panjang 7(2), Tebing Tinggi 7(2) "Penugasan …
    # dalam tim kerja … dapat melibatkan Pejabat Fungsional dan Pelaksana …", not the ketua
    # tim's origin (7(3)) nor the anggota's duties (Palu 26(5))
    first = first_per_regulation(ask(source, "Siapa yang boleh menjadi anggota tim kerja?"))
    assert (first[PALU].pasal, first[PALU].ayat) == ("19", "2")
    assert (first[PP].pasal, first[PP].ayat) == ("7", "2")
    assert (first[TT].pasal, first[TT].ayat) == ("7", "2")


@pytest.mark.parametrize(
    "question",
    [
        "Sebutkan apa saja jenjang Jabatan Fungsional keterampilan dari yang paling tinggi.",
        "Jabatan Fungsional keterampilan terdiri atas jenjang apa saja?",
    ],
)
def test_members_asked_by_name_are_enumerated_not_mentioned(source, question):
    # Palu 9(3) "… terdiri atas: a. penyelia; b. mahir; c. terampil; dan d. pemula."
    # enumerates them; Semarang 7(3) "d. Pejabat Fungsional Ahli Pertama dan Jabatan
    # Fungsional pada semua jenjang ketegori keterampilan berkedudukan …" only mentions them
    result = ask(source, question)
    first = first_per_regulation(result)
    assert (first[PALU].pasal, first[PALU].ayat) == ("9", "3")
    reasons = {item.regulation: item.reason for item in result.not_regulated}
    assert reasons[SEMARANG] == "no-list"
    unlisted = next(item for item in result.not_regulated if item.regulation == SEMARANG)
    assert first[PALU].citation in unlisted.evidence and unlisted.nearest.pasal == "7"
