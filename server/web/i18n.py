"""The language of the pages (id by default, en on request) and their strings.

The language is ``?lang=id|en`` (remembered in the ``lang`` cookie), else the cookie, else
the browser's ``Accept-Language`` when it prefers English to Indonesian, else Indonesian
(the pages are for Indonesian staff: no header, ``*`` or any other language give ``id``).
"""

from __future__ import annotations

from datetime import date

from flask import g, request
from markupsafe import Markup, escape

LANGUAGES = ("id", "en")
COOKIE = "lang"

#: Every UI string: key -> (Indonesian, English).
MESSAGES: dict[str, tuple[str, str]] = {
    "site": ("Perwali KG", "Perwali KG"),
    "skip": ("Langsung ke isi", "Skip to content"),
    "nav": ("Navigasi utama", "Main navigation"),
    "home": ("Beranda", "Home"),
    "ask": ("Tanya & Bandingkan", "Ask & Compare"),
    "validate": ("Validasi", "Validation"),
    "sparql": ("SPARQL", "SPARQL"),
    "language": ("Bahasa", "Language"),
    "search_label": ("Kutipan pasal atau pertanyaan", "Citation or question"),
    "search_hint": (
        "Contoh: «Pasal 21 ayat (4) Perwali Palu 28/2023» atau «Siapa yang menetapkan "
        "tim kerja lintas Perangkat Daerah?»",
        "E.g. «Pasal 21 ayat (4) Perwali Palu 28/2023» or «Which article governs cross-PD teams?»",
    ),
    "search": ("Cari", "Search"),
    "intro": (
        "Lima Peraturan Wali Kota tentang sistem kerja ASN setelah penyederhanaan birokrasi: "
        "cari pasal, bandingkan antarkota, dan periksa struktur organisasi Anda.",
        "Five mayoral regulations on the civil-service work system after bureaucracy "
        "simplification: find provisions, compare cities, and check your organisation.",
    ),
    "regulations": ("Peraturan", "Regulations"),
    "title": ("Judul", "Title"),
    "enacted": ("Ditetapkan", "Enacted"),
    "promulgated": ("Diundangkan", "Promulgated"),
    "signatory": ("Penanda tangan", "Signed by"),
    "pasal_count": ("Jumlah pasal", "Articles"),
    "contents": ("Daftar isi", "Contents"),
    "definitions": ("Definisi", "Definitions"),
    "legal_basis": ("Dasar hukum (Mengingat)", "Legal basis (Mengingat)"),
    "considering": ("Menimbang", "Considering"),
    "body": ("Batang tubuh", "Body"),
    "lampiran": ("Lampiran", "Annex"),
    "penjelasan": ("Penjelasan", "Elucidation"),
    "not_in_graph": ("belum ada dalam graf", "not in the graph"),
    "citation": ("Kutipan", "Citation"),
    "copy": ("Salin kutipan", "Copy citation"),
    "copied": ("Tersalin", "Copied"),
    "text": ("Teks", "Text"),
    "cites": ("Merujuk ke", "Cites"),
    "cited_by": ("Dirujuk oleh", "Cited by"),
    "none": ("Tidak ada.", "None."),
    "norms": ("Norma", "Norms"),
    "modality": ("Modalitas", "Modality"),
    "bearer": ("Siapa", "Who"),
    "counterparty": ("Terhadap siapa", "Toward whom"),
    "action": ("Tindakan", "Action"),
    "topics": ("Topik", "Topics"),
    "compare": ("Bandingkan", "Compare"),
    "compare_intro": (
        "Padanan pasal ini dalam peraturan kota lain, dengan perbedaan kata demi kata "
        "(dicoret: hanya di sini; digarisbawahi: hanya di sana).",
        "This article's counterparts in the other cities, with a word-level diff "
        "(struck out: only here; underlined: only there).",
    ),
    "no_counterpart": (
        "Tidak ada padanan (skor terdekat {score}).",
        "No counterpart (nearest score {score}).",
    ),
    "similarity": ("Kemiripan", "Similarity"),
    "diff": ("Perbedaan kata demi kata", "Word-level differences"),
    "formats": ("Data", "Data"),
    "question": ("Pertanyaan", "Question"),
    "ask_intro": (
        "Tulis pertanyaan atau topik; jawaban ditampilkan per kota, berdampingan.",
        "Write a question or a topic; the answers are shown per city, side by side.",
    ),
    "ask_button": ("Tanya", "Ask"),
    "not_regulated": ("Tidak diatur", "Not regulated"),
    "evidence": ("Bukti", "Evidence"),
    "nearest": ("Terdekat", "Nearest"),
    "fact": ("Jawaban", "Answer"),
    "source": ("Sumber", "Source"),
    "export": ("Unduh perbandingan", "Download the comparison"),
    "query_used": ("Kueri SPARQL yang menjawab", "The SPARQL query that answered"),
    "no_answer": ("Tidak ada jawaban.", "No answer."),
    "candidates": (
        "Kutipan ini ada di beberapa peraturan",
        "This citation is in several regulations",
    ),
    "choose_one": ("Pilih salah satu:", "Choose one:"),
    "not_found": ("Tidak ditemukan", "Not found"),
    "linked_data": ("Data tertaut", "Linked data"),
    "did_you_mean": ("Mungkin yang dimaksud", "Did you mean"),
    "other_formats": ("Format lain", "Other formats"),
    "download_as": ("Unduh sebagai:", "Download as:"),
    "properties": ("Sifat", "Properties"),
    "property": ("Properti", "Property"),
    "linked_from": ("Ditautkan dari", "Linked from"),
    "more_via_sparql": ("… dan lainnya: tanyakan lewat", "… and more: ask through"),
    "validate_intro": (
        "Unggah struktur organisasi (folder CSV dalam satu berkas zip, satu berkas XLSX "
        "sesuai templat, atau Turtle) dan pilih peraturan yang menjadi acuan.",
        "Upload an organisation structure (a zip of the CSV folder, one XLSX workbook "
        "from the template, or Turtle) and choose the regulation to check it against.",
    ),
    "file": ("Berkas (zip, xlsx, ttl; maks. 20 MB)", "File (zip, xlsx, ttl; max. 20 MB)"),
    "regulation": ("Peraturan", "Regulation"),
    "all": ("Semua (matriks per kota)", "All (matrix per city)"),
    "check": ("Periksa", "Check"),
    "template": ("Unduh templat XLSX", "Download the XLSX template"),
    "results": ("Hasil", "Results"),
    "conforms": ("Sesuai: tidak ada pelanggaran.", "Conforms: no violation."),
    "Violation": ("Pelanggaran", "Violation"),
    "Warning": ("Peringatan", "Warning"),
    "Info": ("Informasi", "Information"),
    "subject": ("Subjek", "Subject"),
    "rule": ("Aturan", "Rule"),
    "message": ("Pesan", "Message"),
    "value": ("Nilai", "Value"),
    "matrix": ("Matriks aturan per kota", "Rules per city"),
    "not-stated": ("tidak diatur", "not stated"),
    "conforms_cell": ("sesuai", "conforms"),
    "download_report": ("Unduh laporan", "Download the report"),
    "report_expired": (
        "Laporan ini sudah tidak tersimpan; unggah berkasnya lagi.",
        "This report is no longer kept; upload the file again.",
    ),
    "input_errors": ("Kesalahan data masukan", "Input errors"),
    "row": ("Baris", "Row"),
    "column": ("Kolom", "Column"),
    "catalogue": ("Katalog aturan", "Rule catalogue"),
    "provisions": ("Ketentuan", "Provisions"),
    "severity": ("Tingkat", "Severity"),
    "sparql_intro": (
        "Tulis kueri SPARQL (hanya-baca) atau pilih contoh; hasilnya tampil sebagai tabel.",
        "Write a (read-only) SPARQL query or pick an example; the results show as a table.",
    ),
    "example": ("Contoh kueri", "Example query"),
    "query": ("Kueri", "Query"),
    "run": ("Jalankan", "Run"),
    "download": ("Unduh hasil sebagai", "Download the results as"),
    "load": ("Muat", "Load"),
    "rows": ("{n} baris", "{n} rows"),
    "running": ("Menjalankan…", "Running…"),
    "needs_js": (
        "Tabel hasil memerlukan JavaScript; tanpa JavaScript, gunakan tombol unduh.",
        "The results table needs JavaScript; without it, use the download button.",
    ),
    "error": ("Terjadi kesalahan", "Something went wrong"),
    "page_not_found": ("Halaman tidak ditemukan.", "Page not found."),
    "bad_request": ("Permintaan tidak dapat diproses.", "The request cannot be processed."),
    "internal": (
        "Terjadi kesalahan pada server; silakan coba lagi.",
        "The server failed; please try again.",
    ),
    "empty_query": ("Tulis kutipan atau pertanyaan.", "Write a citation or a question."),
    "no_file": ("Pilih berkas untuk diunggah.", "Choose a file to upload."),
    "too_large": ("Berkas melebihi {limit} MB.", "The file is over {limit} MB."),
    "unknown_regulation": ("Peraturan tidak dikenal.", "Unknown regulation."),
    "known": ("peraturan yang ada:", "the regulations are:"),
    "too_long": ("Teks yang dikirim terlalu panjang.", "The text sent is too long."),
    "max_chars": (
        "Batasnya {limit} karakter; persingkat kutipan atau pertanyaan Anda.",
        "The limit is {limit} characters; shorten your citation or question.",
    ),
    "too_large_request": (
        "Permintaan terlalu besar.",
        "The request is too large.",
    ),
    "back_home": ("Kembali ke beranda", "Back to home"),
    "breadcrumb": ("Lokasi", "Location"),
    "footer": (
        "Data terbuka: setiap pasal punya IRI tetap. Antarmuka mesin: /api/ dan /sparql.",
        "Open data: every provision has a permanent IRI. Machine interfaces: /api/ and /sparql.",
    ),
    "modality_obligation": ("wajib", "must"),
    "modality_responsibility": ("bertanggung jawab", "is responsible"),
    "modality_permission": ("dapat", "may"),
    "modality_power": ("berwenang", "has power"),
    "modality_prohibition": ("dilarang", "must not"),
    "modality_preference": ("diutamakan", "preferably"),
    "modality_qualification": ("syarat", "qualification"),
}


def current_language() -> str:
    """The language of this request's page (see the module docstring)."""
    cached = g.get("web_lang")
    if cached:
        return cached
    asked = request.args.get("lang")
    lang = asked if asked in LANGUAGES else request.cookies.get(COOKIE)
    if lang not in LANGUAGES:
        lang = request.accept_languages.best_match(LANGUAGES, default="id")
    g.web_lang = lang
    return g.web_lang


def translate(key: str, **values: object) -> str:
    """The string ``key`` in the page's language, with ``{name}`` filled from ``values``."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    text = pair[1] if current_language() == "en" else pair[0]
    return text.format(**values) if values else text


def remember_language(response):
    """After a request that asked for a language, keep it in a cookie (a year)."""
    asked = request.args.get("lang")
    if response.mimetype != "text/html":  # /api/ and /sparql take their own lang parameter
        return response
    response.vary.update(("Accept-Language", "Cookie"))
    if asked in LANGUAGES and request.cookies.get(COOKIE) != asked:
        response.set_cookie(COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax")
    return response


MONTHS = {
    "id": (
        "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
    ).split(),
    "en": (
        "January February March April May June July August September October November December"
    ).split(),
}


def long_date(iso: str | None) -> Markup:
    """``2023-06-05`` as ``<time datetime="2023-06-05">5 Juni 2023</time>`` (``5 June 2023``
    in English); a value that is not an ISO date is shown as it is; none is a dash."""
    if not iso:
        return Markup("—")
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return escape(iso)
    words = f"{day.day} {MONTHS[current_language()][day.month - 1]} {day.year}"
    return Markup('<time datetime="{}">{}</time>').format(iso[:10], words)
