"""The ``perwali show`` address in the search box: ``REG_ID PASAL [AYAT [HURUF]]``.

``palu-28-2023 21 4`` is Pasal 21 ayat (4) of the Palu regulation; as in ``perwali show``, a
letter after the Pasal is a huruf (``palu-28-2023 2 a``: Pasal 2 huruf a, the Pasal having
no ayat). The id is matched case-insensitively. The address is turned into the standard
citation, which the citation capability then resolves (with its own not-found messages).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from server.web.data import RegulationInfo

_ADDRESS = re.compile(
    r"(?P<reg>[a-z][a-z-]*-\d+-\d{4})\s+(?P<pasal>\d+[a-z]?)"
    r"(?:\s+(?P<ayat>\d+))?(?:\s+(?P<huruf>[a-z]))?",
    re.IGNORECASE,
)


class UnknownRegulation(ValueError):
    """The address names a regulation id that is not in the graph."""


def address_citation(text: str, regulations: Iterable[RegulationInfo]) -> str | None:
    """The citation ``text`` names in the ``perwali show`` syntax, or None when it is not
    such an address; :class:`UnknownRegulation` when its id names no regulation."""
    match = _ADDRESS.fullmatch(text.strip())
    if match is None:
        return None
    wanted = match["reg"].lower()
    info = next((info for info in regulations if info.id.lower() == wanted), None)
    if info is None:
        raise UnknownRegulation(match["reg"])
    parts = [f"Pasal {match['pasal'].upper()}"]
    if match["ayat"]:
        parts.append(f"ayat ({match['ayat']})")
    if match["huruf"]:
        parts.append(f"huruf {match['huruf'].lower()}")
    return " ".join([*parts, info.citation])
