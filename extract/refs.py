"""References of a regulation: internal (another provision), external (an instrument) and
to a Lampiran — found (:mod:`extract.refs_find`), then resolved (:mod:`extract.refs_resolve`).

Sources read: every Menimbang and Mengingat item, the own text of every Pasal, ayat,
huruf and angka of the body, and the text of every part of each Lampiran (a reference
there is resolved by rule R8 of :mod:`extract.refs_resolve`). Penjelasan text is not read.

External rules (over :func:`extract.instruments.find_instruments`):

E1 every instrument citation is an external reference to its shared
   :class:`~extract.iri.Work`, its pinpoint kept in the phrase ("Pasal 25 Peraturan
   Menteri …", "Pasal 18 ayat (6) Undang-Undang Dasar …");
E2 a mention with neither number, year nor pinpoint names a type of instrument, not an
   instrument ("perlu menetapkan Peraturan Wali Kota tentang …", "diatur dalam Peraturan
   Wali Kota"): not a reference; one with a number but no year is reported unresolved;
E3 a chain inside an instrument citation belongs to it and is never internal; a chain
   that ends right before one ("Lampiran I Peraturan Menteri …") is its pinpoint.
E4 a pinpoint of several addresses ("Pasal 5 dan Pasal 7 Undang-Undang …", "ayat (1) dan
   ayat (2) Pasal 7 Undang-Undang …") gives one reference per address that names its
   Pasal, each with the phrase from that address to the end of the citation (so the
   phrase's first address is the row's pinpoint); an address that inherits its Pasal
   from the one before ("Pasal 5 ayat (1) dan ayat (2) …") stays in that row, and a range
   gives its two ends (the articles between them are not in the text).
"""

from __future__ import annotations

from extract.instruments import Mention, find_instruments
from extract.iri import Iri, Work
from extract.model import Reference, Regulation
from extract.provisions import Part
from extract.refs_find import COMPONENT, Chain, find_chains
from extract.refs_resolve import StructureIndex, resolve_chain

#: Provenance of external references: the instrument-citation stage.
EXTERNAL_COMPONENT = "instrument_citations"

_ADDRESS_KEYS = ("pasal", "ayat", "huruf")


def find_references(regulation: Regulation, part: Part | None = None) -> list[Reference]:
    """Every reference of ``regulation`` (of the sources in ``part`` only, if given),
    source by source in document order; a range gives one :class:`Reference` per target,
    each with the whole phrase.

    Unresolved references (target None) are kept.
    """
    sources = _sources(regulation, part)
    index = StructureIndex(regulation)
    chains_per_source = find_chains([text for _, text in sources])
    references: list[Reference] = []
    for (iri, text), chains in zip(sources, chains_per_source, strict=True):
        mentions = [
            mention
            for mention in find_instruments(
                text, regulation.work.jurisdiction, regulation.region_label
            )
            if _is_citation(mention)
        ]
        found = _external(iri, text, mentions, chains)
        context = iri.path
        for chain in chains:
            if any(_overlaps_or_precedes(chain, mention, text) for mention in mentions):
                continue  # rule E3
            kind = "lampiran" if chain.is_lampiran else "internal"
            for path in resolve_chain(chain, context, index):
                target = index.target(path)
                found.append(
                    Reference(iri, target, chain.text, kind, chain.start, chain.end, COMPONENT)
                )
        references.extend(sorted(found, key=lambda ref: ref.start))
    return references


def refs_json(regulation: Regulation) -> list[dict]:
    """The rows of ``perwali refs REG_ID --json``.

    ``{"from": {"pasal", "ayat", "huruf"}, "to": {"regulation", "pasal", "ayat", "huruf"}
    or null, "text", "resolved", "kind"}``, plus: ``from``/``to`` carry ``"angka"``,
    ``"menimbang"`` or ``"mengingat"`` when the provision is one of those, ``"lampiran"``
    (the annex number) for an annex and ``"bagian"`` (the path inside it,
    ``"huruf/B/angka/1"``) for a part of one; ``to`` carries ``"iri"`` (the target's IRI);
    each row carries ``"start"``/``"end"`` (offsets into the citing provision's text) and
    ``"component"``. ``to.regulation`` is a regulation id ("palu-28-2023",
    "cilegon-perda-1-2022") or, for a national instrument, its ELI path
    ("id/permenpanrb/2022/7"); ``to.pasal`` … of an external reference is its pinpoint.
    """
    return [reference_row(regulation.id, ref) for ref in find_references(regulation)]


def instrument_id(work: Work) -> str:
    """A stable id of an instrument: its regulation id if it has one, else its ELI path.

    >>> instrument_id(Work("id", "permenpanrb", 2022, "7"))
    'id/permenpanrb/2022/7'
    """
    if work.place is not None and work.number is not None:
        return work.regulation_id()
    tail = f"/{work.number}" if work.number is not None else ""
    return f"{work.jurisdiction}/{work.doctype}/{work.year}{tail}"


def _sources(regulation: Regulation, part: Part | None = None) -> list[tuple[Iri, str]]:
    part = part or Part.whole(regulation)
    root = Iri(regulation.work)
    sources: list[tuple[Iri, str]] = []
    if part.first:
        sources += [(root.child("menimbang", i.number), i.text) for i in regulation.menimbang]
        sources += [(root.child("mengingat", i.number), i.text) for i in regulation.mengingat]
    sources += [
        (unit.iri, unit.text)
        for position, unit in enumerate(regulation.units())
        if part.start <= position < part.stop
        and unit.kind in ("pasal", "ayat", "huruf", "angka")
        and unit.text
    ]
    if part.last:
        sources += [
            (unit.iri, unit.text)
            for annex in regulation.lampiran
            for unit in annex.walk()
            if unit.text
        ]
    return sources


def _is_citation(mention: Mention) -> bool:
    """Rule E2."""
    return mention.instrument is not None or bool(mention.pinpoint) or " Nomor " in mention.text


def _overlaps_or_precedes(chain: Chain, mention: Mention, text: str) -> bool:
    overlaps = chain.start < mention.end and mention.start < chain.end
    return overlaps or (chain.end <= mention.start and not text[chain.end : mention.start].strip())


def _external(iri: Iri, text: str, mentions: list[Mention], chains: list[Chain]) -> list[Reference]:
    """Rules E1 and E3."""
    found = []
    for mention in mentions:
        starts = [mention.start]
        for chain in chains:
            if _is_pinpoint(chain, mention, text):
                starts = _pinpoint_starts(chain)
        target = mention.instrument.work if mention.instrument else None
        found.extend(
            Reference(
                iri,
                target,
                text[start : mention.end],
                "external",
                start,
                mention.end,
                EXTERNAL_COMPONENT,
            )
            for start in starts
        )
    return found


def _is_pinpoint(chain: Chain, mention: Mention, text: str) -> bool:
    """The chain ends right before the citation, or runs into the pinpoint the citation
    starts with ("Pasal 5 dan [Pasal 7 Undang-Undang …]")."""
    if chain.start <= mention.start < chain.end:
        return True
    return chain.end <= mention.start and not text[chain.end : mention.start].strip()


def _pinpoint_starts(chain: Chain) -> list[int]:
    """Rule E4: where each row of a pinpoint chain starts."""
    starts = [chain.start]
    for address, start in zip(chain.addresses[1:], chain.address_starts[1:], strict=True):
        if any(level == "pasal" for level, _ in address):
            starts.append(start)
    return starts


def _address(path: tuple[tuple[str, str], ...]) -> dict:
    out: dict = dict.fromkeys(_ADDRESS_KEYS)
    if path and path[0][0] == "lampiran":  # an annex, or a part of one: "bagian" its path
        out["lampiran"] = path[0][1]
        if len(path) > 1:
            out["bagian"] = "/".join(f"{kind}/{value}" for kind, value in path[1:])
        return out
    for kind, value in path:
        if kind in _ADDRESS_KEYS and out[kind] is None:
            out[kind] = value
        elif kind in ("angka", "menimbang", "mengingat", "lampiran"):
            out.setdefault(kind, value)
    return out


def reference_row(regulation_id: str, reference: Reference) -> dict:
    """One row of ``perwali refs --json`` for a reference made in ``regulation_id``."""
    target = reference.target
    to: dict | None = None
    if isinstance(target, Iri):
        to = {"regulation": regulation_id, **_address(target.path), "iri": str(target)}
    elif isinstance(target, Work):
        to = {"regulation": instrument_id(target), **_pinpoint(reference.text), "iri": str(target)}
    return {
        "from": _address(reference.source.path),
        "to": to,
        "text": reference.text,
        "resolved": target is not None,
        "kind": reference.kind,
        "start": reference.start,
        "end": reference.end,
        "component": reference.component,
    }


def _pinpoint(text: str) -> dict:
    """The address an external citation starts with ("Pasal 25 Peraturan …" -> pasal 25)."""
    chains = find_chains([text])[0]
    if chains and chains[0].start == 0:
        return _address(chains[0].addresses[0])
    return dict.fromkeys(_ADDRESS_KEYS)
