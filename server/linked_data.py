"""Linked data: every IRI of the graph dereferences on this server.

The path after the base ``https://w3id.org/perwali-kg/`` is served at the same path here
(``/eli/id-palu/perwal/2023/28/pasal/21``, ``/role/ketua-tim``, ``/ontology``): HTML for
browsers, Turtle, JSON-LD or N-Triples by ``Accept`` or by a suffix (``.ttl``, ``.jsonld``,
``.nt``, ``.html``), always with ``Vary: Accept``.

Policy (server/README.md, "Linked data"):

* the texts — regulations, their units, the norms and references read from them (``eli/``)
  — and the named graphs (``graph/``) and the ontology document (``/ontology``, whose terms
  are hash IRIs) are information resources: **200** at the IRI's own path, in the
  negotiated format, with ``Content-Location`` naming the suffixed document;
* roles, topics, document types, jurisdictions, agents and extraction components are
  things, not documents: **303 See Other** to the suffixed document in the negotiated
  format (``/role/ketua-tim`` → ``/role/ketua-tim.ttl``), which answers 200;
* a path that differs from an IRI of the graph only by case (``/eli/id-Palu/…``): **301**
  to the lower-case path; an unknown format suffix (``….xyz``): **406** listing the formats;
* an IRI the graph does not have: **404** (HTML or JSON) naming what exists — for a Pasal,
  ayat, huruf or angka the citation capability's message and nearest provision; for a
  regulation the closest ids; elsewhere the closest IRIs.
"""

from __future__ import annotations

import difflib
import re

import pyoxigraph as ox
from flask import Blueprint, abort, current_app, jsonify, redirect, render_template, request

from capabilities.cite_index import PROVISION_KINDS, citation_index
from capabilities.cite_missing import describe_regulation, suggest, unit_missing
from capabilities.cite_parse import Parsed
from capabilities.cite_result import say
from capabilities.describe import (
    Description,
    Term,
    count_graph,
    describe,
    describe_graph,
    describe_hash_members,
    iris_under,
    is_iri,
)
from extract.iri import Iri, IriError
from extract.vocab import BASE, PREFIXES, TEXT
from server.api.common import graph_source, language, run_limited
from server.errors import ApiError
from server.messages import register_messages
from server.results import write_graph

bp = Blueprint("linked_data", __name__)

#: Sections (first path segments) whose IRIs name things, not documents: answered with 303.
NON_INFORMATION = frozenset(
    {"role", "topic", "resource-type", "jurisdiction", "agent", "component"}
)
ONTOLOGY = BASE + "ontology"
ONTOLOGY_GRAPH = BASE + "graph/ontology"

HTML = "text/html"
#: Suffix -> media type; the order of MEDIA is the preference for "*/*".
SUFFIXES = {
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
    ".nt": "application/n-triples",
    ".html": HTML,
}
MEDIA = ("text/turtle", HTML, "application/ld+json", "application/n-triples")
ALIASES = {
    "application/xhtml+xml": HTML,
    "application/json": "application/ld+json",
    "application/x-turtle": "text/turtle",
}
SUFFIX_OF = {media: suffix for suffix, media in SUFFIXES.items()}

register_messages(
    {
        "iri-not-found": "IRI ini tidak ada dalam graf. Rincian: {detail}",
        "not-acceptable-rdf": (
            "Format yang diminta tidak tersedia; tersedia: text/html, text/turtle, "
            "application/ld+json, application/n-triples (akhiran .html, .ttl, .jsonld, .nt). "
            "Rincian: {detail}"
        ),
    }
)


#: First segments that belong to the service, not to IRIs: a 404 there is the API's.
RESERVED = frozenset({"api", "sparql", "static", "health"})


@bp.get("/<segment>")
@bp.get("/<segment>/<path:rest>")
def dereference(segment: str, rest: str = ""):
    """Any path: the IRIs are read from the data (``eli``, ``role``, ``ontology``,
    ``shapes``, ...), so a new kind of IRI needs no code; a path the graph does not have is
    a 404 like any other. Other methods than GET (and HEAD) are 405."""
    if segment in RESERVED:
        abort(404)
    return _serve(f"{segment}/{rest}" if rest else segment)


def _serve(path: str):
    path, media = _split_suffix(path)
    negotiated = media is None
    if negotiated:
        media = _negotiate()
    iri = BASE + path
    if not is_iri(iri):
        raise ApiError(404, "iri-not-found", f"{path!r} is not the path of an IRI")
    section = path.split("/", 1)[0]
    page = _web_page(iri) if media == HTML else None
    if page is None:
        description = run_limited(_fetch, graph_source(), iri, section)
        if not description.exists:
            return _elsewhere(path, media, negotiated) or _not_found(path, iri, section)
        if negotiated and section in NON_INFORMATION:
            response = redirect(f"/{path}{SUFFIX_OF[media]}", code=303)
            response.headers["Vary"] = "Accept"
            return response
    body = page.encode("utf-8") if page is not None else _render(description, media, path)
    response = current_app.response_class(body, mimetype=media, status=200)
    if media == HTML:
        response.headers["Content-Type"] = "text/html; charset=utf-8"
    response.headers["Vary"] = "Accept"
    if negotiated:
        response.headers["Content-Location"] = f"/{path}{SUFFIX_OF[media]}"
    response.headers["Link"] = ", ".join(
        f'</{path}{suffix}>; rel="alternate"; type="{kind}"' for suffix, kind in SUFFIXES.items()
    )
    return response


def _elsewhere(path: str, media: str, negotiated: bool):
    """For a path the graph does not have: 301 to its lower-case form when that exists
    (``/eli/id-Palu/…``); 406 for an unknown format suffix (``….xyz``); else None."""
    lower = path.lower()
    if lower != path and _exists(lower):
        suffix = "" if negotiated else SUFFIX_OF[media]
        response = redirect(f"/{lower}{suffix}", code=301)
        response.headers["Vary"] = "Accept"
        return response
    unknown = _UNKNOWN_SUFFIX.search(path) if negotiated else None
    if unknown:
        raise ApiError(
            406,
            "not-acceptable-rdf",
            f"unknown suffix {unknown.group()!r}; use one of {', '.join(SUFFIXES)}",
            headers={"Vary": "Accept"},
        )
    return None


def _exists(path: str) -> bool:
    iri = BASE + path
    return is_iri(iri) and run_limited(_fetch, graph_source(), iri, path.split("/", 1)[0]).exists


#: A format suffix on the last segment (``.xyz``) that is none of SUFFIXES.
_UNKNOWN_SUFFIX = re.compile(r"\.[A-Za-z][A-Za-z0-9+-]{0,9}$")


def _web_page(iri: str) -> str | None:
    """The web page of a regulation or one of its units (``server.web``), else None."""
    from server.web.units import html_page

    return html_page(iri)


def _split_suffix(path: str) -> tuple[str, str | None]:
    for suffix, media in SUFFIXES.items():
        if path.endswith(suffix):
            return path[: -len(suffix)], media
    return path, None


def _negotiate() -> str:
    accept = request.accept_mimetypes
    if not request.headers.get("Accept"):
        return MEDIA[0]
    offered = [*MEDIA, *ALIASES]
    best = accept.best_match(offered)
    if best is None:
        raise ApiError(
            406,
            "not-acceptable-rdf",
            f"Accept: {request.headers.get('Accept')}; none of these",
            headers={"Vary": "Accept"},
        )
    return ALIASES.get(best, best)


def _fetch(source, iri: str, section: str) -> Description:
    if iri == ONTOLOGY:
        return _ontology(source)
    if section == "graph":
        limit = int(current_app.config["MAX_RESULTS"])
        size = count_graph(source, iri)
        if size > limit:
            raise ApiError(
                422,
                "result-too-large",
                f"the graph holds {size} triples, over the limit of {limit}; query it at /sparql",
            )
        return describe_graph(source, iri)
    description = describe(source, iri)
    if not description.exists:  # maybe a document of hash IRIs (…/shapes/palu-28-2023#…)
        return describe_hash_members(source, iri)
    return description


def _ontology(source) -> Description:
    """The ontology document: its own triples and those of every term (``ontology#…``)."""
    document = describe_graph(source, ONTOLOGY_GRAPH, keep_prefix=ONTOLOGY)
    document.iri = ONTOLOGY
    return document


# --- output --------------------------------------------------------------------------------
def _render(description: Description, media: str, path: str) -> bytes:
    if media == HTML:
        return render_template("linked_data.html", **_page(description, path)).encode("utf-8")
    triples = [ox.Triple(*(_ox(term) for term in triple)) for triple in description.all_triples()]
    return write_graph(triples, media, dict(PREFIXES))


def _ox(term: Term):
    if term.kind == "iri":
        return ox.NamedNode(term.value)
    if term.kind == "bnode":
        return ox.BlankNode(term.value)
    if term.lang:
        return ox.Literal(term.value, language=term.lang)
    if term.datatype:
        return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype))
    return ox.Literal(term.value)


def href(iri: str) -> str:
    """Where a link to ``iri`` points: our own path for the project's IRIs."""
    return "/" + iri[len(BASE) :] if iri.startswith(BASE) else iri


def curie(iri: str) -> str:
    """``pw:text`` for a predicate in a known namespace, else the IRI."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _page(description: Description, path: str) -> dict:
    """What the template shows: the resource first, then the other subjects."""
    subjects: dict[str, list] = {}
    for s, p, o in description.triples:
        subjects.setdefault(s.value, []).append((p, o))
    main = description.iri
    order = (
        [main, *sorted(k for k in subjects if k != main)] if main in subjects else sorted(subjects)
    )
    resources = [_resource(subject, subjects[subject], description) for subject in order]
    text = [t.value for t in description.values(TEXT)]
    return {
        "iri": main,
        "title": description.label() or curie(main),
        "text": text[0] if text else None,
        "formats": [(suffix[1:], f"/{path}{suffix}") for suffix in SUFFIXES],
        "resources": resources,
        "incoming": [
            {"subject": _link(s, description), "predicate": _link(p, description, predicate=True)}
            for s, p in description.incoming
        ],
        "more_incoming": description.more_incoming,
    }


def _resource(subject: str, pairs: list, description: Description) -> dict:
    properties: dict[str, dict] = {}
    for predicate, obj in pairs:
        entry = properties.setdefault(
            predicate.value,
            {"predicate": _link(predicate.value, description, predicate=True), "values": []},
        )
        entry["values"].append(_value(obj, description))
    is_bnode = not subject.startswith(("http://", "https://"))
    anchor = f"b-{subject}" if is_bnode else subject.rsplit("#", 1)[-1] if "#" in subject else None
    rows = sorted(properties.values(), key=lambda row: row["predicate"]["text"])
    return {
        "anchor": anchor,
        "iri": None if is_bnode else subject,
        "name": f"_:{subject}" if is_bnode else curie(subject),
        "label": description.labels.get(subject) if subject != description.iri else None,
        "properties": rows,
    }


def _link(iri: str, description: Description, predicate: bool = False) -> dict:
    label = None if predicate else description.labels.get(iri)
    return {"text": curie(iri), "label": label, "href": href(iri), "iri": iri}


def _value(term: Term, description: Description) -> dict:
    if term.kind == "iri":
        return {"kind": "iri", **_link(term.value, description)}
    if term.kind == "bnode":
        return {"kind": "bnode", "text": f"_:{term.value}", "href": f"#b-{term.value}"}
    datatype = curie(term.datatype) if term.datatype and not term.lang else None
    if datatype == "xsd:string":
        datatype = None
    return {"kind": "literal", "text": term.value, "lang": term.lang, "datatype": datatype}


# --- 404 ---------------------------------------------------------------------------------
def _not_found(path: str, iri: str, section: str):
    from server.web.i18n import current_language  # (server.web imports this module)

    wants_html = request.accept_mimetypes.best_match(["application/json", HTML]) == HTML
    lang = current_language() if wants_html else language()  # a page follows the site's choice
    details = run_limited(_missing, graph_source(), iri, section, lang)
    if wants_html:
        body = render_template("linked_data.html", missing=details, iri=iri, title=iri)
        return current_app.response_class(
            body, status=404, mimetype=HTML, headers={"Vary": "Accept"}
        )
    response = jsonify(code="iri-not-found", **details)
    response.status_code = 404
    response.headers["Vary"] = "Accept"
    return response


def _missing(source, iri: str, section: str, lang: str) -> dict:
    """The message and suggestions for an IRI the graph does not have."""
    if section == "eli":
        return _missing_eli(source, iri, lang)
    candidates = iris_under(source, BASE + section + "/") if section != "ontology" else []
    close = difflib.get_close_matches(iri, candidates, n=3, cutoff=0.6)
    return {
        "message": say(lang, f"{iri} tidak ada dalam graf.", f"{iri} is not in the graph."),
        "suggestions": [{"iri": other, "href": href(other)} for other in close],
    }


def _missing_eli(source, iri: str, lang: str) -> dict:
    index = citation_index(source)
    try:
        parsed_iri = _parse_any_case(iri)
    except IriError:
        return {
            "message": say(
                lang, f"{iri} bukan IRI ELI yang sah.", f"{iri} is not a valid ELI IRI."
            ),
            "suggestions": [_reg_link(reg) for reg in index.regulations],
        }
    work = str(Iri(parsed_iri.work))
    reg = index.regulation(work)
    if reg is None:
        wanted = Parsed(
            doctype=parsed_iri.work.doctype,
            place=parsed_iri.work.place,
            number=parsed_iri.work.number,
            year=str(parsed_iri.work.year),
        )
        return {
            "message": say(
                lang,
                f"{describe_regulation(index, wanted)} ({work}) tidak ada dalam graf.",
                f"{describe_regulation(index, wanted)} ({work}) is not in the graph.",
            ),
            "suggestions": [_link_of(s) for s in suggest(index, wanted)],
        }
    kinds = [kind for kind, _ in parsed_iri.path]
    if kinds and set(kinds) <= set(PROVISION_KINDS):
        parsed = Parsed(**dict(parsed_iri.path))
        result = unit_missing(index, reg, parsed, lang)
        nearest = result.nearest or {}
        return {
            "message": result.message,
            "nearest": _link_of(nearest) if nearest else None,
            "exists": result.exists,
            "suggestions": [_link_of(nearest)] if nearest else [],
        }
    ancestor = _nearest_ancestor(index, parsed_iri)
    return {
        "message": say(
            lang,
            f"{iri} tidak ada; yang terdekat: {ancestor['citation']}",
            f"{iri} does not exist; the nearest: {ancestor['citation']}",
        ),
        "nearest": ancestor,
        "suggestions": [ancestor],
    }


def _parse_any_case(iri: str) -> Iri:
    """The IRI, or its lower-case form ("/eli/id-Palu/…/pasal/999" names Palu's Pasal 999)."""
    try:
        return Iri.parse(iri)
    except IriError:
        return Iri.parse(BASE + iri[len(BASE) :].lower())


def _nearest_ancestor(index, parsed_iri: Iri) -> dict:
    probe: Iri | None = parsed_iri
    while probe is not None and probe.path:
        unit = index.units.get(str(probe))
        if unit is not None:
            return {"citation": unit.label, "iri": unit.iri, "href": href(unit.iri)}
        probe = probe.parent
    reg = index.regulation(str(Iri(parsed_iri.work)))
    return _reg_link(reg)


def _reg_link(reg) -> dict:
    return {"regulation": reg.id, "citation": reg.citation, "iri": reg.iri, "href": href(reg.iri)}


def _link_of(item: dict) -> dict:
    return {**item, "href": href(item["iri"])}
