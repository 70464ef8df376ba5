"""Words for reading questions, as data: stopwords and an English→Indonesian glossary.

The glossary maps the English a drafter would write to the Indonesian terms of the five
regulations (after the project's GLOSSARY.md). The English labels of the SKOS topics and
roles are added to it from the graph at index time (:mod:`capabilities.retrieval`), so
this table only holds what those labels do not say. Phrases are matched longest first,
on lower-case word tokens; an empty translation drops the phrase (question words).
"""

from __future__ import annotations

from typing import Final

#: Indonesian function words and question/boilerplate words, compared after stemming.
#: "baik … maupun" (both … and) and "beserta" (along with) are conjunctions; "sebuah",
#: "seorang" (a, one) are the numeral "se-" with a classifier, not "buah" (fruit) or
#: "orang" (person); "bersifat" (is of the nature of) is a copula, as "merupakan" and
#: "adalah" are.
STOPWORDS_ID: Final = frozenset(
    """
    yang dan atau di ke dari dalam pada untuk dengan oleh sebagaimana dimaksud ini itu
    sebut tersebut adalah merupakan serta bagi atas secara akan telah sesuai para apa
    siapa bagaimana mana kapan berapa apakah pasal ayat huruf angka atur tentu perwali
    peraturan kota nomor tahun the a an of yg dgn kepada tiap setiap harus dapat
    bisa boleh wajib hal sama lain lainnya antara adanya ada tidak bukan juga saja
    laku
    baik maupun beserta sebuah seorang bersifat ialah yakni yaitu
    """.split()
)

#: Boilerplate phrases dropped before stemming: "Peraturan Wali Kota ini" names the
#: regulation itself, while "Wali Kota" alone is the Mayor ("Keputusan Wali Kota").
STOP_PHRASES_ID: Final = (("peraturan", "wali", "kota"), ("peraturan", "walikota"))

#: Stems Sastrawi would conflate with another term of the domain: "kinerja"
#: (performance) is not "kerja" (work), a "Pelaksana" (a post) is not "pelaksanaan"
#: (execution), "penugasan" (assignment) is not "tugas" (task).
STEM_OVERRIDES: Final[dict[str, str]] = {
    "kinerja": "kinerja",
    "pelaksana": "pelaksana",
    "penugasan": "penugasan",
    "ditugaskan": "penugasan",
    "menugaskan": "penugasan",
    # spelling variants the texts use side by side
    "insidental": "insidentil",
    "monev": "monitoring",
    "reviu": "review",
    "review": "review",
    # words Sastrawi reduces to a stopword, which would drop them: "penyesuaian"
    # (adjustment) is not "sesuai", an "atasan" (superior) not "atas", a "pembagian"
    # (division of duties) not "bagi"
    "penyesuaian": "penyesuaian",
    "disesuaikan": "penyesuaian",
    "atasan": "atasan",
    "pembagian": "pembagian",
    "membagi": "pembagian",
    # an "instrumen" (instrument) for the work of the Pegawai ASN is an "acuan" (reference)
    # for it: the texts use either word of the same thing ("digunakan sebagai instrumen
    # bagi Pegawai ASN" / "menjadi acuan dalam pelaksanaan tugas")
    "instrumen": "acu",
    # what a document "memuat" (contains) it "mencantumkan" (states): one act, two verbs
    "memuat": "cantum",
    "dimuat": "cantum",
    "termuat": "cantum",
    # a "persetujuan" (approval) is not a "tujuan" (goal, aim): Sastrawi stems both "tuju"
    "persetujuan": "setuju",
    "setuju": "setuju",
    "menyetujui": "setuju",
    "disetujui": "setuju",
    # the "pemerintah" (government) of "Instansi Pemerintah" is not the "perintah" (order)
    # of "Surat Perintah": Sastrawi stems both "perintah"
    "pemerintah": "pemerintah",
    "pemerintahan": "pemerintah",
    # a "pengawasan" (supervision, oversight) is not a "Pengawas" (the post), though
    # Sastrawi stems both "awas"
    "pengawasan": "pengawasan",
    "mengawasi": "pengawasan",
    "diawasi": "pengawasan",
    # a "jawaban" (answer) is not the "jawab" of "tanggung jawab" (responsibility)
    "jawaban": "jawaban",
    "menjawab": "jawaban",
    "dijawab": "jawaban",
}

#: English words that carry no content for retrieval.
STOPWORDS_EN: Final = frozenset(
    """
    which what who whom whose when where why how does do did is are was were be been
    the a an of to in on for by with and or at from that this these those it its as
    article articles provision provisions govern governs governed regulate regulates
    regulated rule rules say says said about under any there their they can may must
    should shall perwali regulation city mayoral provide provides provided deal deals
    within than need needs
    he she him his her hers we our ours us you your i me my if s such only also
    being into whether then so e g ie eg
    """.split()
)

#: Verbs that only frame a question about a provision ("Pasal mana yang *menyatakan* …",
#: "ketentuan apa yang *memuat* …"): dropped after "pasal/ketentuan/aturan mana/apa yang",
#: as "which article *provides*" is in English; elsewhere they are content.
FRAME_VERBS_ID: Final = frozenset(
    """
    mengatur menyatakan memuat menyebutkan menyebut berisi berisikan membahas menentukan
    menjelaskan mengandung menetapkan
    """.split()
)
FRAME_NOUNS_ID: Final = frozenset("pasal ayat ketentuan aturan".split())

#: Abbreviations of Indonesian public administration that users write and the five texts
#: spell out (or never use): each is read as its full form, in either language.
ABBREVIATIONS: Final[dict[str, str]] = {
    "renstra": "rencana strategis",
    "renja": "rencana kerja",
    "rpjmd": "rencana pembangunan jangka menengah daerah",
    "opd": "perangkat daerah",
    "skpd": "perangkat daerah",
    "skp": "sasaran kinerja pegawai",
    "pns": "pegawai negeri sipil",
    "pppk": "pegawai pemerintah dengan perjanjian kerja",
    "jpt": "jabatan pimpinan tinggi",
    "bkpsdm": "badan kepegawaian dan pengembangan sumber daya manusia",
    "sekda": "sekretaris daerah",
    "permenpanrb": "peraturan menteri pendayagunaan aparatur negara dan reformasi birokrasi",
}

#: Indonesian question phrases → the regulations' wording.
SYNONYMS_ID: Final[dict[str, str]] = {
    **ABBREVIATIONS,
    "berapa banyak": "jumlah",
    "berapa jumlah": "jumlah",
    "banyaknya": "jumlah",
    # who may hold a role: the texts say who it "dapat berasal dari"
    "dapat menjadi": "dapat berasal dari",
    "boleh menjadi": "dapat berasal dari",
    "bisa menjadi": "dapat berasal dari",
    # the drafting verbs of an enumeration (Lampiran II UU 12/2011): a list "meliputi" or
    # "terdiri atas" its items; "mencakup" and "terdiri dari" say the same in plain speech
    "mencakup": "meliputi",
    "mencakupi": "meliputi",
    "terdiri dari": "terdiri atas",
    "cakupan": "meliputi",  # the noun of "mencakup": what a thing covers
    # "perorangan" (per person) is the "individu" of "penugasan secara individu"
    "perorangan": "individu",
    "perseorangan": "individu",
    # a preference: what "sebaiknya" is done the texts say is "diutamakan"
    "sebaiknya": "diutamakan",
    # where a post-holder is "diambil dari" (drawn from), the texts say "berasal dari"
    "diambil dari": "berasal dari",
    # an order of rank: the texts list jenjang "dari yang paling tinggi ke yang paling
    # rendah"
    "tertinggi": "paling tinggi",
    "terendah": "paling rendah",
}

#: English phrase → Indonesian phrase (as the regulations word it).
GLOSSARY_EN: Final[dict[str, str]] = {
    **ABBREVIATIONS,
    "cross-pd": "lintas Perangkat Daerah",
    "cross pd": "lintas Perangkat Daerah",
    "cross-agency": "lintas Perangkat Daerah",
    "across agencies": "lintas Perangkat Daerah",
    "cross-unit": "lintas unit organisasi",
    "across units": "lintas unit organisasi",
    "cross-institution": "lintas instansi pemerintah",
    "cross-institutional": "lintas instansi pemerintah",
    "across institutions": "lintas instansi pemerintah",
    "other institutions": "instansi lain",
    "regional agency": "Perangkat Daerah",
    "regional agencies": "Perangkat Daerah",
    "agency": "Perangkat Daerah",
    "agencies": "Perangkat Daerah",
    "pd": "Perangkat Daerah",
    "organisational unit": "unit organisasi",
    "organizational unit": "unit organisasi",
    "unit": "unit organisasi",
    "units": "unit organisasi",
    "unit head": "pimpinan unit organisasi",
    "head of the unit": "pimpinan unit organisasi",
    "head of a unit": "pimpinan unit organisasi",
    "head of agency": "kepala Perangkat Daerah",
    "head of the agency": "kepala Perangkat Daerah",
    "city secretary": "Sekretaris Daerah",
    "regional secretary": "Sekretaris Daerah",
    "secretary": "Sekretaris Daerah",
    "mayor": "Wali Kota",
    "team": "tim kerja",
    "teams": "tim kerja",
    "work team": "tim kerja",
    "work teams": "tim kerja",
    "team leader": "ketua tim",
    "work team leader": "ketua tim kerja",
    "work team leaders": "ketua tim kerja",
    "team leaders": "ketua tim",
    "team head": "ketua tim",
    "head of the team": "ketua tim",
    "leader": "ketua",
    "chair": "ketua",
    "team member": "anggota tim",
    "team members": "anggota tim",
    "member": "anggota",
    "members": "anggota",
    "composition": "susunan",
    "number of teams": "jumlah tim kerja",
    "assignment": "penugasan",
    "assignments": "penugasan",
    "assign": "menugaskan",
    "assigns": "menugaskan",
    "assigned": "ditugaskan",
    "assigning": "penugasan",
    "individual": "individu",
    "individually": "secara individu",
    "appointment": "penunjukan",
    "appoint": "menunjuk",
    "appointed": "ditunjuk",
    "voluntary": "pengajuan sukarela",
    "volunteer": "sukarela",
    "voluntarily": "sukarela",
    "written order": "Surat Perintah",
    "order": "Surat Perintah",
    "orders": "Surat Perintah",
    "decree": "keputusan",
    "decision": "keputusan",
    "report": "melaporkan",
    "reports": "melaporkan",
    "reporting": "pelaporan",
    "reported": "dilaporkan",
    "accountable": "bertanggung jawab",
    "accountability": "pertanggungjawaban",
    "responsible": "bertanggung jawab",
    "responsibility": "tanggung jawab",
    "responsibilities": "tanggung jawab",
    "performance": "kinerja",
    "performance target": "target kinerja",
    "performance targets": "target kinerja",
    "performance appraisal": "penilaian kinerja",
    "performance assessment": "penilaian kinerja",
    "appraiser": "Pejabat Penilai Kinerja",
    "appraising official": "Pejabat Penilai Kinerja",
    "owner of the performance": "pemilik kinerja",
    "performance owner": "pemilik kinerja",
    "functional official": "Pejabat Fungsional",
    "functional officials": "Pejabat Fungsional",
    "functional post": "Jabatan Fungsional",
    "functional posts": "Jabatan Fungsional",
    "functional position": "Jabatan Fungsional",
    "functional positions": "Jabatan Fungsional",
    "executor": "Pelaksana",
    "executors": "Pelaksana",
    "implementer": "Pelaksana",
    "implementers": "Pelaksana",
    "staff": "Pelaksana",
    "supervisor": "Pengawas",
    "supervisors": "Pengawas",
    "superior": "atasan langsung",
    "direct superior": "atasan langsung",
    "immediate superior": "atasan langsung",
    "civil servant": "Pegawai ASN",
    "civil servants": "Pegawai ASN",
    "set": "menetapkan",
    "sets": "menetapkan",
    "establish": "menetapkan",
    "establishes": "menetapkan",
    "established": "ditetapkan",
    "determine": "menetapkan",
    "determines": "menetapkan",
    "determined": "ditetapkan",
    "issue": "menetapkan",
    "issues": "menetapkan",
    "issued": "ditetapkan",
    "formed": "dibentuk",
    "set up": "membentuk",
    "fill": "mengisi",
    "fills": "mengisi",
    "gap": "kekosongan",
    "vacancy": "kekosongan",
    "vacancies": "kekosongan",
    "shortage": "kekurangan",
    "sets up": "membentuk",
    "setting up": "pembentukan",
    "form": "membentuk",
    "forms": "membentuk",
    "formation": "pembentukan",
    "business process": "proses bisnis",
    "business processes": "proses bisnis",
    "standard operating procedure": "standar operasional prosedur",
    "standard operating procedures": "standar operasional prosedur",
    "sop": "SOP",
    "sops": "SOP",
    "e-government": "SPBE",
    "information technology": "teknologi informasi",
    "ict": "teknologi informasi dan komunikasi",
    "information and communication technology": "teknologi informasi dan komunikasi",
    "integration": "keterpaduan",
    "integrated": "terintegrasi",
    "monitoring": "monitoring",
    "evaluation": "evaluasi",
    "principle": "prinsip",
    "principles": "prinsip",
    "work mechanism": "mekanisme kerja",
    "work system": "sistem kerja",
    "definition": "definisi",
    "definitions": "definisi",
    "defined": "definisi",
    "meaning": "yang dimaksud dengan",
    "mean": "yang dimaksud dengan",  # "What does X mean?" ("means" stays: "by what means")
    "meaning of": "yang dimaksud dengan",
    "task": "tugas",
    "tasks": "tugas",
    "duty": "tugas",
    "duties": "tugas",
    "carrying out tasks": "pelaksanaan tugas",
    "carry out": "melaksanakan",
    "carries out": "melaksanakan",
    "carried out": "dilaksanakan",
    "carrying out": "pelaksanaan",
    "monitor": "monitoring",
    "task execution": "pelaksanaan tugas",
    "collaboration": "kolaborasi",
    "coordination": "koordinasi",
    "coordinate": "berkoordinasi",
    "target": "target",
    "targets": "target",
    "expectation": "ekspektasi",
    "expectations": "ekspektasi",
    "duration": "durasi",
    "approval": "persetujuan",
    "approve": "persetujuan",
    "approves": "persetujuan",
    "request": "permohonan",
    "requests": "permohonan",
    "application": "permohonan",
    "incidental": "insidentil",
    "conversion of positions": "penyetaraan jabatan",
    "position conversion": "penyetaraan jabatan",
    "equalisation": "penyetaraan jabatan",
    "equalization": "penyetaraan jabatan",
    "bureaucracy simplification": "penyederhanaan birokrasi",
    "bureaucratic simplification": "penyederhanaan birokrasi",
    "grade": "golongan",
    "rank": "golongan",
    "allowance": "tambahan penghasilan",
    "allowances": "tambahan penghasilan",
    "additional income": "tambahan penghasilan",
    "income": "penghasilan",
    "span of control": "rentang kendali",
    "workload": "beban tugas",
    "come from": "berasal",
    "comes from": "berasal",
    "drawn from": "berasal",
    "drawn": "berasal",
    "post": "jabatan",
    "posts": "jabatan",
    "preferably": "diutamakan",
    "prioritised": "diutamakan",
    "prioritized": "diutamakan",
    "position": "kedudukan",
    "positions": "jabatan",
    "placed": "berkedudukan",
    "ranks": "jenjang",
    "levels": "jenjang",
    "level": "jenjang",
    "expertise": "keahlian",
    "skill": "keterampilan",
    "skills": "keterampilan",
    "competence": "kompetensi",
    "mechanism": "mekanisme",
    "entry into force": "mulai berlaku",
    "comes into force": "mulai berlaku",
    "in force": "berlaku",
    "consist": "terdiri atas",
    "consists": "terdiri atas",
    "types": "jenis",
    "kinds": "jenis",
    "purpose": "maksud dan tujuan",
    # a regulation states its purpose as the drafting pair "maksud dan tujuan" (Palu 14),
    # whatever the English word for it
    "aim": "maksud dan tujuan",
    "aims": "maksud dan tujuan",
    "goal": "maksud dan tujuan",
    "goals": "maksud dan tujuan",
    "objective": "maksud dan tujuan",
    "objectives": "maksud dan tujuan",
    "digital": "elektronik",
    "electronic": "elektronik",
    "application software": "aplikasi",
    "applications": "aplikasi",
    "map": "peta",
    "review": "reviu",
    "reviews": "reviu",
    "reviewed": "reviu",
    "evaluate": "evaluasi",
    "evaluated": "evaluasi",
    "come into force": "mulai berlaku",
    "enter into force": "mulai berlaku",
    "enters into force": "mulai berlaku",
    "take effect": "mulai berlaku",
    "takes effect": "mulai berlaku",
    "effective": "berlaku",
    "what is meant by": "yang dimaksud dengan",
    "counts as": "yang dimaksud dengan",
    "count as": "yang dimaksud dengan",
    # who "qualifies as" a term is who the term is defined to be
    "qualifies as": "yang dimaksud dengan",
    "qualify as": "yang dimaksud dengan",
    "is defined as": "yang dimaksud dengan",
    "more than one": "lebih dari satu",
    "can be": "dapat berasal dari",
    "may be": "dapat berasal dari",
    "can become": "dapat berasal dari",
    "eligible": "dapat berasal dari",
    "at the same time": "",
    "answer": "jawaban",
    "answers": "jawaban",
    "reply": "jawaban",
    "involve": "pelibatan",
    "involves": "pelibatan",
    "involvement": "pelibatan",
    "involving": "pelibatan",
    "borrow": "pelibatan",
    "include": "melibatkan",
    "includes": "melibatkan",
    "how many": "jumlah",
    "number": "jumlah",
    "lead": "memimpin",
    "leads": "memimpin",
    "led": "dipimpin",
    "strategic plan": "Rencana Strategis",
    "cover": "meliputi",
    "covers": "meliputi",
    "comprise": "meliputi",
    "comprises": "meliputi",
    "recorded": "dituangkan",
    "record": "dituangkan",
    "set out in": "dituangkan",
    "employee": "pegawai",
    "employees": "pegawai",
    "reward": "penghargaan",
    "rewards": "penghargaan",
    "sanction": "sanksi",
    "sanctions": "sanksi",
    "temporary": "sementara",
    "routine": "rutin",
    "independent work unit": "unit kerja mandiri",
    "independent unit": "unit kerja mandiri",
    "supervise": "membawahi",
    "supervises": "membawahi",
    "oversee": "membawahi",
    "appointed to lead": "diangkat untuk memimpin",
    "work plan": "Rencana Kerja",
    "draw up": "menyusun",
    "draws up": "menyusun",
    "prepare": "menyusun",
    "prepares": "menyusun",
    "meant by": "yang dimaksud dengan",
    "define": "definisi",
    "defines": "definisi",
    "maps": "peta",
    "another": "lain",
    "other": "lain",
    "official": "pejabat",
    "officials": "pejabat",
    "one": "satu",
    "work": "kerja",
    "other than": "selain",
    # what a document must "state" is what it "mencantumkan"
    "state": "mencantumkan",
    # ... but "the stated goals" are the goals (the participle qualifies, it asks nothing)
    "stated": "",
    "contain": "memuat mencantumkan",
    "contains": "memuat mencantumkan",
    "improve": "perbaikan",
    "improved": "perbaikan",
    "improvement": "perbaikan",
    "process": "proses",
    "processes": "proses",
    "adjustment": "penyesuaian",
    "adjusting": "penyesuaian",
    "adjust": "penyesuaian",
    "structure": "struktur",
    "standard": "standar",
    "directly": "langsung",
    "give": "pemberian",
    # enumerations: what things "make up" or "consist of" is what they "terdiri atas"
    "make up": "terdiri atas",
    "makes up": "terdiri atas",
    "made up of": "terdiri atas",
    "consist of": "terdiri atas",
    "consists of": "terdiri atas",
    "giving": "pemberian",
}

#: Phrases (after translation) that ask what a term means: answered from the terms the
#: regulations define (pw:Definisi), when the question names one.
DEFINITION_CUES: Final = (
    "yang dimaksud dengan",
    "dimaksud dengan",
    "pengertian",
    "definisi",
    "apa itu",
    "arti",
)
