"""Messages of the command line: Indonesian first, English on request.

The language is chosen once per run: ``--lang en`` (anywhere on the command line), else
``PERWALI_LANG=en``, else Indonesian. ``LANG`` is deliberately not read: most machines set
``en_US.UTF-8`` (or ``C.UTF-8``), which would hide the Indonesian default from the users
it is meant for.

``text(key, **values)`` formats a catalogue entry; ``translate_error(message)`` turns an
error raised in English by a lower layer (the store) into the current language;
``ARGPARSE`` translates argparse's own strings (usage, headings, errors).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

LANGUAGES = ("id", "en")
_state: dict[str, str | None] = {"lang": "id", "chosen": None}

#: key -> (Indonesian, English); ``str.format`` fields.
CATALOGUE: dict[str, tuple[str, str]] = {
    "description": (
        "Graf pengetahuan Peraturan Wali Kota tentang Sistem Kerja ASN",
        "Knowledge graph of Peraturan Wali Kota on Sistem Kerja ASN",
    ),
    "help.version": ("tampilkan versi dan keluar", "show the version and exit"),
    "help.lang": ("bahasa pesan: id (bawaan) atau en", "language of messages: id (default) or en"),
    "help.data": (
        "folder build yang dibaca atau ditulis (bawaan: {default})",
        "folder of the build to read or write (default: {default})",
    ),
    "help.json": ("cetak JSON", "print JSON"),
    "help.serve": (
        "sajikan endpoint SPARQL (/sparql), API dan halaman web lewat HTTP",
        "serve the SPARQL endpoint (/sparql), the API and the web pages over HTTP",
    ),
    "help.serve.about": (
        "Menyajikan endpoint SPARQL 1.1 di /sparql, /api/ dan halaman web dengan gunicorn.",
        "Serve the SPARQL 1.1 endpoint at /sparql, /api/ and the web pages with gunicorn.",
    ),
    "help.serve.host": (
        "alamat yang didengarkan (bawaan 127.0.0.1)",
        "address to listen on (default 127.0.0.1)",
    ),
    "help.serve.port": ("port (bawaan 8000)", "port (default 8000)"),
    "help.serve.store": (
        "embedded (bawaan), embedded:FOLDER, atau sparql:http://HOST:PORT/PATH",
        "embedded (default), embedded:DIR, or sparql:http://HOST:PORT/PATH",
    ),
    "help.serve.data": (
        "folder data store tertanam (bawaan: <repo>/data)",
        "data dir of the embedded store (default: <repo>/data)",
    ),
    "help.serve.gsp": (
        "URL Graph Store Protocol dari store sparql:",
        "Graph Store Protocol URL of a sparql: store",
    ),
    "help.serve.workers": (
        "jumlah proses pekerja gunicorn (bawaan 2)",
        "gunicorn worker processes (default 2)",
    ),
    "help.serve.query_timeout": ("detik per kueri (bawaan 10)", "seconds per query (default 10)"),
    "help.serve.max_results": ("baris atau tripel per jawaban", "rows or triples per answer"),
    "help.serve.max_request_bytes": (
        "ukuran URL atau badan permintaan",
        "size of a request URL or body",
    ),
    "help.serve.public_url": (
        "URL publik /sparql, untuk deskripsi layanan",
        "public URL of /sparql, for the service description",
    ),
    "help.cite": (
        "temukan ketentuan dari rujukan seperti yang ditulis perancang; atau setiap rujukan dalam"
        " sebuah teks",
        "find the provision a citation names, as drafters write it; or every citation in a text",
    ),
    "help.cite.example": (
        'Contoh: perwali cite "psl 18 ayat (3) huruf b Perwali Palu No. 28 Th. 2023"; perwali '
        "cite --extract draf.txt",
        'Example: perwali cite "psl 18 ayat (3) huruf b Perwali Palu No. 28 Th. 2023"; perwali '
        "cite --extract draft.txt",
    ),
    "help.cite.ref": (
        'sebuah rujukan, mis. "Perwali Semarang 85/2023 Pasal 10"',
        'a citation, e.g. "Perwali Semarang 85/2023 Pasal 10"',
    ),
    "help.cite.extract": (
        "temukan setiap rujukan dalam BERKAS (- = stdin)",
        "find every citation in FILE (- = stdin)",
    ),
    "cite.usage": (
        'berikan satu rujukan ("REF") atau --extract BERKAS',
        'give one reference ("REF") or --extract FILE',
    ),
    "cite.unreadable": ("berkas tidak dapat dibaca: {error}", "cannot read the file: {error}"),
    "cite.not-utf8": ("berkas bukan teks UTF-8", "the file is not UTF-8 text"),
    "cite.too-long": ("teks terlalu panjang ({error})", "the text is too long ({error})"),
    "cite.cites": ("merujuk", "cites"),
    "cite.cited_by": ("dirujuk oleh", "cited by"),
    "cite.from": ("dari", "from"),
    "cite.nearest": ("terdekat", "nearest"),
    "cite.relative": ("relatif, disimpulkan: {against}", "relative, inferred: {against}"),
    "cite.relative-note": (
        "relatif: rujukan tanpa peraturan (atau tanpa Pasal); peraturannya (dan Pasal-nya) "
        "disimpulkan dari rujukan lengkap terakhir sebelumnya — periksa.",
        "relative: a reference without its regulation (or Pasal); the regulation (and Pasal) "
        "is inferred from the last full reference before it — check it.",
    ),
    "align.usage": (
        "tulis dua id peraturan (REG_A REG_B) atau --all, tidak keduanya",
        "give two regulation ids (REG_A REG_B) or --all, not both",
    ),
    "align.csv-without-all": (
        "--csv hanya untuk matriks --all",
        "--csv is only for the --all matrix",
    ),
    "cannot-write": (
        "tidak dapat menulis {path}: {reason}",
        "cannot write {path}: {reason}",
    ),
    "align.header": (
        "{a} -> {b} (ambang {threshold}; pasangan saling terbaik mulai {mutual})",
        "{a} -> {b} (threshold {threshold}; mutual best pairs from {mutual})",
    ),
    "align.no-counterpart": (
        "tidak ada padanan (terdekat Pasal {pasal})",
        "no counterpart (nearest Pasal {pasal})",
    ),
    "align.mutual": ("saling terbaik", "mutual best"),
    "align.group": ("kelompok", "group"),
    "align.similarity": ("kemiripan", "similarity"),
    "align.status.equal": ("sama", "equal"),
    "align.status.changed": ("berubah", "changed"),
    "align.status.added": ("ditambahkan", "added"),
    "align.status.dropped": ("dihapus", "dropped"),
    "align.unique-summary": (
        "{count} ketentuan tanpa padanan di peraturan lain",
        "{count} provisions with no counterpart in the other regulations",
    ),
    "validate.missing": ("{path} tidak ada", "{path} does not exist"),
    "validate.input-errors": ("{count} kesalahan masukan", "{count} input errors"),
    "validate.conforms": ("sesuai", "conforms"),
    "validate.not-conforms": ("tidak sesuai", "does not conform"),
    "validate.status.conforms": ("sesuai", "conforms"),
    "validate.status.not-stated": ("tidak diatur", "not-stated"),
    "validate.matrix": ("matriks", "matrix"),
    "validate.rule": ("aturan", "rule"),
    "validate.xlsx-needs-output": (
        "--format xlsx perlu --output BERKAS",
        "--format xlsx needs --output FILE",
    ),
    "template.not-xlsx": (
        "nama berkas harus .xlsx: {path}",
        "the file name must end in .xlsx: {path}",
    ),
    "template.exists": (
        "{path} sudah ada; pakai --force untuk menimpa",
        "{path} exists; use --force to overwrite",
    ),
    "template.written": ("ditulis: {path}", "written: {path}"),
    "help.align": (
        "padanan setiap Pasal REG_A di REG_B, atau matriks semua peraturan (--all)",
        "the counterpart in REG_B of every Pasal of REG_A, or the matrix of all regulations "
        "(--all)",
    ),
    "help.align.about": (
        "Setiap Pasal REG_A dengan Pasal REG_B yang paling mirip. Padanan diterima bila skornya "
        "mencapai ambang (dibaca dari data); di bawah ambang itu, sampai ambang saling-terbaik, "
        "hanya bila kedua Pasal saling menjadi kandidat terbaik ('saling terbaik').",
        "Each Pasal of REG_A with its most similar Pasal of REG_B: a counterpart at or above the "
        "threshold (read from the data); between the mutual threshold and it, only when each is "
        "the other's best.",
    ),
    "help.align.regulations": ("dua id peraturan", "two regulation ids"),
    "help.align.all": (
        "matriks padanan semua peraturan",
        "the counterpart matrix of all regulations",
    ),
    "help.align.csv": (
        "tulis matriks (--all) sebagai CSV ('-': stdout)",
        "write the matrix (--all) as CSV ('-': stdout)",
    ),
    "help.diff": (
        "perbandingan kata demi kata dua ketentuan (ayat dan huruf dipadankan dulu)",
        "word-level diff of two provisions (ayat and huruf matched first)",
    ),
    "help.diff.citation": (
        'mis. "Pasal 21 Peraturan Wali Kota Palu Nomor 28 Tahun 2023" atau "palu-28-2023 21"',
        'e.g. "Pasal 21 Peraturan Wali Kota Palu Nomor 28 Tahun 2023" or "palu-28-2023 21"',
    ),
    "help.unique": (
        "Pasal dan ayat sebuah peraturan yang tidak berpadanan di peraturan lain",
        "the Pasal and ayat of a regulation with no counterpart in the others",
    ),
    "help.unique.regulation": (
        "id peraturan, mis. semarang-85-2023",
        "regulation id, e.g. semarang-85-2023",
    ),
    "help.ask": (
        "pasal mana yang mengatur X (bahasa Indonesia atau Inggris), atau fakta tentang sebuah "
        "peraturan",
        "which article governs X (Indonesian or English), or a fact about a regulation",
    ),
    "help.ask.example": (
        'Contoh: perwali ask "Pasal mana yang mengatur tim kerja lintas Perangkat Daerah?" --json',
        'Example: perwali ask "Which article governs cross-PD teams?" --json',
    ),
    "help.ask.question": (
        "pertanyaannya, dalam bahasa Indonesia atau Inggris",
        "the question, in Indonesian or English",
    ),
    "help.compare": (
        "bandingkan peraturan tentang satu topik: ketentuan yang mengaturnya per kota",
        "compare the regulations on a topic: governing provisions per city",
    ),
    "help.compare.example": (
        'Contoh: perwali compare "tim kerja lintas Perangkat Daerah" --xlsx perbandingan.xlsx',
        'Example: perwali compare "cross-PD teams" --xlsx comparison.xlsx',
    ),
    "help.compare.topic": (
        "topik atau pertanyaan, dalam bahasa Indonesia atau Inggris",
        "a topic or a question, in Indonesian or English",
    ),
    "help.compare.csv": ("tulis matriksnya sebagai CSV", "write the matrix as CSV"),
    "help.compare.xlsx": ("tulis matriksnya sebagai XLSX", "write the matrix as XLSX"),
    "help.validate": (
        "periksa struktur organisasi (folder CSV atau berkas RDF) terhadap sebuah Perwali",
        "validate an organisation structure (CSV folder or RDF file) against a Perwali",
    ),
    "help.validate.example": (
        "Contoh: perwali validate organisasi/ --regulation palu-28-2023 --json",
        "Example: perwali validate organisasi/ --regulation palu-28-2023 --json",
    ),
    "help.validate.path": ("folder CSV atau berkas RDF", "CSV folder or RDF file"),
    "help.validate.regulation": ("id peraturan, atau 'all'", "regulation id, or 'all'"),
    "help.validate.format": (
        "format laporan: json, csv, xlsx (buku kerja ke berkas), ttl / jsonld (laporan SHACL)",
        "report format: json, csv, xlsx (workbook to file), ttl / jsonld (SHACL report)",
    ),
    "help.validate.output": ("tulis laporan ke BERKAS", "write the report to FILE"),
    "help.rules": (
        "aturan validasi, dengan ketentuannya",
        "the validation rules, with their provisions",
    ),
    "help.rules.regulation": ("hanya peraturan ini", "only this regulation"),
    "help.template": (
        "tulis templat XLSX struktur organisasi (untuk perwali validate)",
        "write the XLSX template of an organisation structure (for perwali validate)",
    ),
    "help.template.example": (
        "Contoh: perwali template templat-organisasi.xlsx",
        "Example: perwali template templat-organisasi.xlsx",
    ),
    "help.template.file": ("tempat menulisnya", "where to write it"),
    "help.template.force": ("timpa berkas yang sudah ada", "overwrite an existing file"),
    "help.build": (
        "urai korpus lalu tulis graf dan store",
        "parse the corpus and write the graph and store",
    ),
    "help.corpus": ("folder teks peraturan", "folder of regulation texts"),
    "help.store": (
        "muat graf juga ke server SPARQL 1.1: sparql:http://HOST:PORT/PATH "
        "(Graph Store Protocol; satu graf bernama per peraturan)",
        "also load the graph into a SPARQL 1.1 server: sparql:http://HOST:PORT/PATH "
        "(Graph Store Protocol; one named graph per regulation)",
    ),
    "help.max_file_bytes": (
        "lewati (dan laporkan) teks yang lebih besar dari ini (bawaan: {default})",
        "skip (and report) a text larger than this (default: {default})",
    ),
    "help.wait": (
        "berapa lama menunggu selagi build lain menulis ke folder --data yang sama "
        "(bawaan: {default}; 0: langsung menyerah dengan kode keluar 2)",
        "how long to wait while another build writes into the same --data folder "
        "(default: {default}; 0: give up at once with exit code 2)",
    ),
    "help.stats": ("ringkasan setiap peraturan dalam build", "summary of every regulation"),
    "help.show": (
        "teks peraturan atau satu unsurnya (Pasal, ayat, huruf, angka, Menimbang, "
        "Mengingat, BAB, Lampiran), berurutan seperti dokumennya",
        "text of a regulation or one of its units (Pasal, ayat, huruf, angka, Menimbang, "
        "Mengingat, BAB, Lampiran), in document order",
    ),
    "help.regulation": (
        "id peraturan, mis. palu-28-2023 (huruf besar/kecil sama)",
        "regulation id, e.g. palu-28-2023 (any case)",
    ),
    "help.pasal": ("nomor Pasal, mis. 21", "Pasal number, e.g. 21"),
    "help.ayat": (
        "nomor ayat, mis. 4 (atau huruf bila Pasal tidak berayat)",
        "ayat number, e.g. 4 (or a huruf when the Pasal has no ayat)",
    ),
    "help.huruf": ("huruf, mis. a", "huruf, e.g. a"),
    "help.angka": ("angka di dalam unsur itu, mis. 5", "angka within the unit, e.g. 5"),
    "help.menimbang": ("butir Menimbang, mis. a", "Menimbang item, e.g. a"),
    "help.mengingat": ("butir Mengingat, mis. 3", "Mengingat item, e.g. 3"),
    "help.bab": ("BAB, mis. II", "BAB (chapter), e.g. II"),
    "help.lampiran": ("Lampiran, mis. I", "Lampiran (annex), e.g. I"),
    "help.bagian": (
        "bagian Lampiran (dengan --lampiran), mis. B",
        "section of the Lampiran (with --lampiran), e.g. B",
    ),
    "help.definitions": (
        "istilah yang didefinisikan dalam pasal definisi (Pasal 1)",
        "terms defined in the definitions article (Pasal 1)",
    ),
    "help.norms": (
        "norma: siapa wajib, boleh atau berwenang melakukan apa, per ketentuan",
        "norms: who must, may or has the power to do what, per provision",
    ),
    "help.refs": (
        "rujukan: internal, ke peraturan lain, ke Lampiran",
        "cross-references: internal, to instruments, to the Lampiran",
    ),
    # errors and notices
    "error.prefix": ("galat", "error"),
    "not_positive_int": (
        "{value!r} bukan bilangan bulat positif",
        "{value!r} is not a positive integer",
    ),
    "not_seconds": (
        "{value!r} bukan jumlah detik yang sah",
        "{value!r} is not a valid number of seconds",
    ),
    "cancelled": ("dibatalkan", "cancelled"),
    "unexpected": (
        "galat tak terduga ({name}: {message}); jalankan lagi dengan PERWALI_DEBUG=1 untuk "
        "rinciannya",
        "unexpected error ({name}: {message}); run again with PERWALI_DEBUG=1 for details",
    ),
    "unknown_regulation": (
        "peraturan {reg} tidak ada; yang tersedia: {known}",
        "regulation {reg} does not exist; available: {known}",
    ),
    "did_you_mean": ("mungkin maksud Anda: {ids}", "did you mean: {ids}"),
    "missing_unit": (
        "{kind} {value} tidak ada dalam {where}; {kind} yang ada: {available}",
        "{kind} {value} does not exist in {where}; existing {kind}: {available}",
    ),
    "none": ("tidak ada", "none"),
    "bad_number": (
        "{kind} {value!r} bukan nomor yang sah",
        "{kind} {value!r} is not a valid number",
    ),
    "address_mix": (
        "--{option} tidak dapat digabung dengan nomor Pasal/ayat/huruf",
        "--{option} cannot be combined with a Pasal/ayat/huruf number",
    ),
    "one_section": (
        "pilih satu saja dari --menimbang, --mengingat, --bab, --lampiran",
        "choose only one of --menimbang, --mengingat, --bab, --lampiran",
    ),
    "bagian_needs_lampiran": ("--bagian memerlukan --lampiran", "--bagian needs --lampiran"),
    "warnings_count": ("{n} peringatan", "{n} warnings"),
    "triples": ("{n} tripel", "{n} triples"),
    "no_rows": ("(tidak ada baris)", "(no rows)"),
    "penjelasan": ("Penjelasan", "Explanation"),
    "yes": ("ya", "yes"),
    "no": ("tidak", "no"),
}

#: Table headings of ``definitions``, ``norms`` and ``refs``: key -> (id, en).
COLUMNS: dict[str, tuple[str, str]] = {
    "angka": ("angka", "angka"),
    "term": ("istilah", "term"),
    "abbreviation": ("singkatan", "abbreviation"),
    "text": ("teks", "text"),
    "provision": ("ketentuan", "provision"),
    "modality": ("modalitas", "modality"),
    "bearer": ("pengemban", "bearer"),
    "counterparty": ("pihak lawan", "counterparty"),
    "action": ("tindakan", "action"),
    "from": ("dari", "from"),
    "to": ("ke", "to"),
    "kind": ("jenis", "kind"),
    "resolved": ("terselesaikan", "resolved"),
}

#: argparse's own strings (Python 3.11) in Indonesian.
ARGPARSE_ID: dict[str, str] = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"
    ),
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "expected one argument": "memerlukan satu nilai",
    "expected at least one argument": "memerlukan paling sedikit satu nilai",
    "expected at most one argument": "memerlukan paling banyak satu nilai",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opsi ambigu: %(option)s dapat berarti %(matches)s"
    ),
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "ignored explicit argument %r": "argumen eksplisit %r diabaikan",
}

#: Messages raised in English by lower layers (perwali/store.py): (as raised, Indonesian).
#: ``{a}``/``{b}`` stand for any text and are carried over.
_STORE_ERRORS: tuple[tuple[str, str], ...] = (
    (
        "no graph in {a}: run 'perwali build' first (or pass --data DIR)",
        "tidak ada graf di {a}: jalankan 'perwali build' dulu (atau beri --data FOLDER)",
    ),
    (
        "no store generation in {a}: run 'perwali build' first",
        "tidak ada store di {a}: jalankan 'perwali build' dulu",
    ),
    ("cannot open the store in {a}: {b}", "store di {a} tidak dapat dibuka: {b}"),
    (
        "the store of {a} points at a missing folder {b}",
        "store {a} menunjuk folder yang tidak ada {b}",
    ),
    (
        "cannot reach the SPARQL server {a}: {b}",
        "server SPARQL {a} tidak dapat dihubungi: {b}",
    ),
    ("cannot reach the graph store {a}: {b}", "graph store {a} tidak dapat dihubungi: {b}"),
    ("no answer from {a} in {b} s", "tidak ada jawaban dari {a} dalam {b} detik"),
    ("SPARQL server answered {a}: {b}", "server SPARQL menjawab {a}: {b}"),
    (
        "--store {a}: expected sparql:http://HOST:PORT/PATH",
        "--store {a}: seharusnya sparql:http://HOST:PORT/PATH",
    ),
    (
        "--store {a}: use sparql:URL for a SPARQL server",
        "--store {a}: pakai sparql:URL untuk server SPARQL",
    ),
    (
        "the SPARQL server's answer exceeds {a} bytes",
        "jawaban server SPARQL melebihi {a} bita",
    ),
)

#: Messages raised in Indonesian by the id parser (extract/iri.py): (as raised, English).
_ID_ERRORS: tuple[tuple[str, str], ...] = (
    (
        "id peraturan {a} tidak berbentuk kota-nomor-tahun (mis. {b})",
        "regulation id {a} is not of the form city-number-year (e.g. {b})",
    ),
    (
        "id peraturan {a} harus diakhiri -nomor-tahun (mis. {b})",
        "regulation id {a} must end in -number-year (e.g. {b})",
    ),
)


def _pattern(template: str) -> re.Pattern[str]:
    """A regex matching the messages made from ``template`` (each ``{field}``: any text)."""
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(
        f"(?P<{part}>.*?)" if index % 2 else re.escape(part) for index, part in enumerate(parts)
    )
    return re.compile(regex, re.S)


#: (pattern of the raised message, Indonesian, English).
_ERRORS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (_pattern(english), indonesian, english) for english, indonesian in _STORE_ERRORS
) + tuple((_pattern(indonesian), indonesian, english) for indonesian, english in _ID_ERRORS)


def language() -> str:
    """The language of this run: "id" or "en"."""
    return _state["lang"]


def set_language(lang: str | None) -> str:
    """Choose the language (``None``: from ``PERWALI_LANG``, else Indonesian)."""
    given = (lang or os.environ.get("PERWALI_LANG") or "").strip().lower()[:2]
    _state["chosen"] = given if given in LANGUAGES else None
    _state["lang"] = _state["chosen"] or "id"
    return _state["lang"]


def chosen_language() -> str | None:
    """The language the user asked for (``--lang`` or ``PERWALI_LANG``), else ``None``.

    Commands that read text in either language (``ask``, ``compare``) detect it when the
    user chose none.
    """
    return _state["chosen"]


def take_lang_option(argv: Sequence[str]) -> tuple[list[str], str | None]:
    """Remove ``--lang X`` / ``--lang=X`` from ``argv`` (anywhere); return the rest and X."""
    rest, lang, args = [], None, list(argv)
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--lang" and index + 1 < len(args):
            lang, index = args[index + 1], index + 2
            continue
        if arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        index += 1
    return rest, lang


def text(key: str, **values: object) -> str:
    """The catalogue entry ``key`` in the current language, formatted with ``values``."""
    indonesian, english = CATALOGUE[key]
    return (english if language() == "en" else indonesian).format(**values)


def column(key: str) -> str:
    """A table heading in the current language (the key itself when unknown)."""
    pair = COLUMNS.get(key)
    return key if pair is None else pair[language() == "en"]


def argparse_text(message: str) -> str:
    """argparse's gettext hook: its strings in Indonesian unless English was chosen."""
    return message if language() == "en" else ARGPARSE_ID.get(message, message)


def translate_error(message: str) -> str:
    """A known error message of a lower layer in the current language (others unchanged)."""
    for pattern, indonesian, english in _ERRORS:
        match = pattern.fullmatch(message)
        if match:
            template = english if language() == "en" else indonesian
            return template.format(**match.groupdict())
    return message
