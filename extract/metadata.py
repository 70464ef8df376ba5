"""Optional corpus metadata: field overrides, each with the reason it is needed.

Everything is extracted from the text; ``corpus/metadata.toml`` may override a field only
where the text cannot give it, and must say why::

    ["cilegon-17-2023.txt"]
    province = "Banten"
    reason = "…"

A text with no entry is ingested as it is.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from extract.model import ParseWarning
from extract.titleblock import TitleBlock

TITLE_FIELDS = ("province", "region", "title", "number", "year")
CLOSING_FIELDS = (
    "enacted_place",
    "enacted_date",
    "signatory_name",
    "signatory_office",
    "promulgated_place",
    "promulgated_date",
    "promulgator_name",
    "promulgator_office",
    "gazette_year",
    "gazette_number",
)
METADATA_FILENAME = "metadata.toml"


class MetadataError(ValueError):
    """The metadata file is malformed; the message names the entry and field."""


@dataclass(frozen=True)
class Override:
    """Field overrides for one corpus file, with the reason they are needed."""

    file: str
    fields: dict
    reason: str

    def closing_fields(self) -> dict:
        return {name: value for name, value in self.fields.items() if name in CLOSING_FIELDS}


def load_metadata(corpus_dir: Path) -> dict[str, Override]:
    """Overrides by file name; an absent metadata file means no overrides."""
    path = Path(corpus_dir) / METADATA_FILENAME
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise MetadataError(f"{path.name}: bukan TOML yang sah ({error})") from error
    return {name: _override(name, entry) for name, entry in data.items()}


def _override(name: str, entry: object) -> Override:
    if not isinstance(entry, dict):
        raise MetadataError(f"metadata [{name}]: harus berupa tabel field = nilai")
    fields = dict(entry)
    reason = fields.pop("reason", "")
    if not isinstance(reason, str) or not reason.strip():
        raise MetadataError(f"metadata [{name}]: setiap penggantian wajib memberi 'reason'")
    unknown = sorted(set(fields) - set(TITLE_FIELDS) - set(CLOSING_FIELDS))
    if unknown:
        raise MetadataError(
            f"metadata [{name}]: field tidak dikenal {unknown}; yang boleh: "
            f"{sorted(TITLE_FIELDS + CLOSING_FIELDS)}"
        )
    for key in ("enacted_date", "promulgated_date"):
        if key in fields and not isinstance(fields[key], date):
            raise MetadataError(f"metadata [{name}]: {key} harus tanggal TOML (YYYY-MM-DD)")
    return Override(name, fields, reason.strip())


def apply_overrides(title: TitleBlock, override: Override) -> tuple[TitleBlock, list[ParseWarning]]:
    """Apply the title-block overrides and report every overridden field as a warning."""
    changes = {name: value for name, value in override.fields.items() if name in TITLE_FIELDS}
    warnings = [
        ParseWarning(
            "metadata-override",
            f"{name} diambil dari metadata, bukan dari teks: {value!r} (alasan: {override.reason})",
        )
        for name, value in override.fields.items()
    ]
    return replace(title, **changes), warnings
