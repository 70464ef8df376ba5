"""Aligned plain-text tables for the terminal (``definitions``, ``norms``, ``refs``).

Short columns keep their natural width; the long ones (a provision's text, an action)
share what is left of the terminal width and wrap at word boundaries, each wrapped line
staying in its own column. No dependency beyond the standard library.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence

from perwali.messages import column, text

GAP = "  "
MIN_WRAPPED = 12  # the narrowest a wrapped column gets, however narrow the terminal
MAX_NARROW = 40  # a column not meant to wrap still wraps beyond this width


def terminal_width() -> int:
    """Columns of the terminal (``COLUMNS`` or the real size; 100 when not a terminal)."""
    return max(40, shutil.get_terminal_size((100, 24)).columns)


def render(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    wrap: Sequence[int] = (),
    width: int | None = None,
    weights: dict[int, int] | None = None,
) -> str:
    """The table as text: a heading line, a rule, then the rows; the columns whose index
    is in ``wrap`` share the room left by the others (in proportion to ``weights``, 1 by
    default) and wrap within it."""
    width = width or terminal_width()
    cells = [[" ".join(str(cell).split()) for cell in row] for row in rows]
    natural = [max([len(headers[i])] + [len(row[i]) for row in cells]) for i in range(len(headers))]
    floors = [len(h) for h in headers]
    widths = _widths(natural, {i: (weights or {}).get(i, 1) for i in wrap}, width, floors)
    lines = [_line(headers, widths), _line(["-" * w for w in widths], widths)]
    for row in cells:
        wrapped = [
            textwrap.wrap(cell, w, break_on_hyphens=False) or [""]
            for cell, w in zip(row, widths, strict=True)
        ]
        for depth in range(max(len(parts) for parts in wrapped)):
            lines.append(
                _line([parts[depth] if depth < len(parts) else "" for parts in wrapped], widths)
            )
    return "\n".join(lines)


def _widths(natural: list[int], wrap: dict[int, int], width: int, floors: list[int]) -> list[int]:
    widths = [n if i in wrap else min(n, max(MAX_NARROW, floors[i])) for i, n in enumerate(natural)]
    flexible = [i for i in range(len(natural)) if i in wrap]
    if not flexible:
        return widths
    fixed = sum(w for i, w in enumerate(widths) if i not in wrap) + len(GAP) * (len(widths) - 1)
    room = max(MIN_WRAPPED * len(flexible), width - fixed)
    total = sum(wrap.values())
    for i in flexible:  # a short flexible column gives its spare room to the others
        widths[i] = min(natural[i], max(MIN_WRAPPED, floors[i], room * wrap[i] // total))
    spare = room - sum(widths[i] for i in flexible)
    for i in sorted(flexible, key=lambda i: -widths[i]):  # the floors overshot: give back
        give = min(-spare, widths[i] - max(MIN_WRAPPED, floors[i]))
        if give > 0:
            widths[i] -= give
            spare += give
    for i in flexible:
        extra = min(spare, natural[i] - widths[i])
        widths[i] += max(0, extra)
        spare -= max(0, extra)
    return widths


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return GAP.join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()


# --- the listings of the CLI ---------------------------------------------------------------
#: the order the levels of an address are written in
_LEVELS = (
    ("lampiran", "Lampiran {}"),
    ("menimbang", "Menimbang {}"),
    ("mengingat", "Mengingat {}"),
    ("pasal", "Pasal {}"),
    ("ayat", "ayat ({})"),
    ("huruf", "huruf {}"),
    ("angka", "angka {}"),
)


def address_text(address: dict | None) -> str:
    """``{"pasal": "21", "ayat": "4", "huruf": None}`` -> ``"Pasal 21 ayat (4)"``."""
    if not address:
        return "-"
    return " ".join(form.format(address[key]) for key, form in _LEVELS if address.get(key))


def _target_text(target: dict | None, reg_id: str) -> str:
    if not target:
        return "-"
    where = address_text(target)
    regulation = target.get("regulation")
    if regulation and regulation != reg_id:
        return f"{where} {regulation}".strip() if where != "-" and where else regulation
    return where or reg_id


def listing_table(command: str, rows: list[dict], reg_id: str) -> str:
    """The rows of ``definitions``, ``norms`` or ``refs`` as an aligned table."""
    if not rows:
        return text("no_rows")
    if command == "definitions":
        keys, wrap = ("angka", "term", "abbreviation", "text"), (3,)
        cells = [[r["angka"], r["term"], r["abbreviation"] or "", r["text"]] for r in rows]
    elif command == "norms":
        keys, wrap = ("provision", "modality", "bearer", "counterparty", "action"), (2, 3, 4)
        cells = [
            [
                address_text(r["provision"]),
                r["modality"],
                ", ".join(r["bearer"]) or "-",
                ", ".join(r["counterparty"]) or "-",
                r["action"],
            ]
            for r in rows
        ]
    else:
        keys, wrap = ("from", "text", "to", "kind", "resolved"), (1, 2)
        yes_no = {True: text("yes"), False: text("no")}
        cells = [
            [
                address_text(r["from"]),
                r["text"],
                _target_text(r["to"], reg_id),
                r["kind"],
                yes_no[bool(r["resolved"])],
            ]
            for r in rows
        ]
    weights = {4: 3} if command == "norms" else {1: 2} if command == "refs" else {}
    return render([column(key) for key in keys], cells, wrap=wrap, weights=weights)
