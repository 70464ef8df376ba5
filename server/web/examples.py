"""The example queries of the SPARQL page (``server/queries/*.rq``) with their titles.

A query file's first comment line is its English title; the Indonesian titles are kept
here, by file name, so the ``.rq`` files stay plain SPARQL that other tools read as they are.
On the Indonesian page the editor text starts with the Indonesian title as a comment line,
followed by the file (whose English comments are kept).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

QUERIES = Path(__file__).resolve().parent.parent / "queries"

#: file name (without ``.rq``) -> Indonesian title
TITLES_ID: dict[str, str] = {
    "01-pasal-per-regulation": "Berapa jumlah Pasal setiap peraturan?",
    "02-cites-permenpanrb-7-2022": (
        "Ketentuan mana di setiap peraturan yang merujuk PermenPANRB 7/2022 (Sistem Kerja)?"
    ),
    "03-definitions-pejabat-penilai-kinerja": (
        "Bagaimana setiap kota mendefinisikan «Pejabat Penilai Kinerja»? (berdampingan)"
    ),
    "04-bab-headings": "BAB setiap peraturan, berdampingan: nomor dan judul, berurutan.",
    "05-inferred-headings": (
        "Ketentuan mana yang judulnya disusun ulang oleh parser (hilang dari teks sumber)?"
    ),
    "06-terms-defined-by-one-city": "Istilah terdefinisi mana yang hanya dimiliki satu kota?",
    "07-terms-defined-by-all": (
        "Istilah mana yang didefinisikan kelima peraturan? (kosakata bersama)"
    ),
    "08-instruments-cited-by-all": (
        "Peraturan lebih tinggi mana yang menjadi dasar setiap peraturan (eli:based_on)?"
    ),
    "09-signatories": "Siapa yang menetapkan dan mengundangkan setiap peraturan, kapan, di mana?",
    "10-parse-warnings": ("Apa peringatan parser per peraturan? (untuk memeriksa teks sumber)"),
    "11-provisions-mentioning-ekspektasi": (
        "Ketentuan mana yang menyebut «ekspektasi» (ekspektasi kinerja)? Dihitung per kota."
    ),
    "12-abbreviations": "Istilah terdefinisi mana yang punya singkatan, di peraturan mana?",
    "13-powers-of-sekretaris-daerah": (
        "Semua kewenangan Sekretaris Daerah per kota, dengan ketentuan yang menyatakannya."
    ),
    "14-who-reports-to-ketua-tim": (
        "Siapa yang melapor kepada ketua tim? Kewajiban yang pihak tujuannya ketua tim, per kota."
    ),
}


@dataclass(frozen=True)
class Example:
    """One example query: its file name, English and Indonesian titles, and its text."""

    name: str
    title_en: str
    title_id: str
    text: str

    def title(self, lang: str) -> str:
        """The title in ``lang`` (``id`` or ``en``)."""
        return self.title_id if lang == "id" else self.title_en

    def editor_text(self, lang: str) -> str:
        """The text for the editor: in Indonesian, the Indonesian title comes first."""
        if lang == "id" and self.title_id != self.title_en:
            return f"# {self.title_id}\n{self.text}"
        return self.text


@lru_cache(maxsize=1)
def example_queries() -> dict[str, Example]:
    """name -> :class:`Example` for each ``server/queries/*.rq``, in file-name order."""
    out = {}
    for path in sorted(QUERIES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        title_en = first.lstrip("# ").strip() or path.stem
        out[path.stem] = Example(path.stem, title_en, TITLES_ID.get(path.stem, title_en), text)
    return out
