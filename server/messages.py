"""Error messages in Indonesian, by error code; English stays available.

The API answers ``{"code", "message"}``; the message is Indonesian unless the client
prefers English (``Accept-Language: en``). Codes are stable and language-independent;
technical details (the parser's message, a limit, the refused IRI) are kept as the
detail of the Indonesian sentence.
"""

from __future__ import annotations

from flask import has_request_context, request

MESSAGES_ID: dict[str, str] = {
    "read-only": "Endpoint ini hanya-baca: permintaan SPARQL Update ditolak.",
    "service-refused": (
        "SERVICE tidak diizinkan: endpoint ini tidak pernah mengirim permintaan ke layanan lain."
    ),
    "fetch-refused": (
        "Ditolak: permintaan ini akan mengambil data dari luar (IRI jarak jauh atau berkas, "
        "konteks JSON-LD), dan endpoint ini tidak pernah mengambil URL. Rincian: {detail}"
    ),
    "query-timeout": "Kueri melampaui batas waktu dan dihentikan. Rincian: {detail}",
    "result-too-large": (
        "Hasil kueri melampaui batas endpoint ini; tidak ada yang dipotong: tambahkan LIMIT "
        "(dan OFFSET untuk halaman berikutnya). Rincian: {detail}"
    ),
    "request-too-large": "Permintaan terlalu besar. Rincian: {detail}",
    "request-entity-too-large": "Permintaan terlalu besar. Rincian: {detail}",
    "query-too-big": "Kueri terlalu panjang. Rincian: {detail}",
    "malformed-query": "Kueri SPARQL tidak sah. Rincian: {detail}",
    "missing-query": "Permintaan tidak memuat kueri (parameter 'query').",
    "multiple-queries": "Kirim tepat satu kueri per permintaan.",
    "bad-encoding": "Badan kueri bukan UTF-8 yang sah.",
    "unsupported-charset": "Badan kueri harus dikodekan dalam UTF-8.",
    "unsupported-media-type": "Jenis media permintaan tidak didukung. Rincian: {detail}",
    "not-acceptable": "Format hasil yang diminta tidak tersedia. Rincian: {detail}",
    "query-failed": "Kueri gagal dijalankan. Rincian: {detail}",
    "store-unavailable": "Server SPARQL di belakang endpoint ini gagal menjawab.",
    "internal-error": "Terjadi kesalahan internal; lihat log server.",
    "not-found": "Alamat ini tidak ada. Endpoint SPARQL ada di /sparql.",
    "method-not-allowed": "Metode HTTP ini tidak diizinkan untuk alamat ini. Rincian: {detail}",
}


def register_messages(messages: dict[str, str]) -> None:
    """Add the Indonesian messages of a module's error codes (each module owns its codes)."""
    clash = {code for code in messages if MESSAGES_ID.get(code, messages[code]) != messages[code]}
    if clash:
        raise ValueError(f"message codes defined twice: {sorted(clash)}")
    MESSAGES_ID.update(messages)


def wants_english() -> bool:
    """Whether the current request prefers English to Indonesian."""
    if not has_request_context():
        return False
    return request.accept_languages.best_match(["id", "en"], default="id") == "en"


def localise(code: str, english: str, lang: str | None = None) -> str:
    """The message for ``code`` in ``lang`` ("id" or "en"; by default the request's
    language, Indonesian unless the client prefers English)."""
    template = MESSAGES_ID.get(code)
    english_wanted = wants_english() if lang is None else lang == "en"
    if template is None or english_wanted:
        return english
    return template.format(detail=english) if "{detail}" in template else template
