"""Beranda, search dispatch, Tanya & Bandingkan and the SPARQL page."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for

from capabilities import cite
from capabilities.ask import AskError, ask
from capabilities.cite_result import AMBIGUOUS, FOUND, INVALID
from server.api.common import graph_source, run_limited
from server.linked_data import href
from server.web import bp, error_page
from server.web.address import UnknownRegulation, address_citation
from server.web.data import regulations, topic_labels
from server.web.examples import example_queries
from server.web.i18n import current_language, translate

MAX_QUERY_CHARS = 500


@bp.get("/")
def home():
    regs = run_limited(regulations, graph_source())
    return render_template("home.html", regulations=regs, href=href)


@bp.get("/peraturan/<reg_id>")
def regulation_by_id(reg_id: str):
    """A short address for a regulation page: redirect to its IRI's path."""
    for info in run_limited(regulations, graph_source()):
        if info.id == reg_id:
            return redirect(href(info.iri), code=302)
    return error_page(404, "unknown_regulation")


@bp.get("/cari")
def search():
    """A citation goes to its provision (or the candidates); anything else is a question."""
    text = (request.args.get("q") or "").strip()
    if not text:
        return error_page(400, "empty_query")
    if len(text) > MAX_QUERY_CHARS:
        return error_page(414, "too_long", translate("max_chars", limit=MAX_QUERY_CHARS))
    lang = current_language()
    regs = run_limited(regulations, graph_source())
    try:
        text = address_citation(text, regs) or text
    except UnknownRegulation as error:
        known = ", ".join(info.id for info in regs)
        return error_page(404, "unknown_regulation", f"{error}: {translate('known')} {known}")
    result = run_limited(cite.resolve, graph_source(), text, lang)
    if result.status == FOUND:
        return redirect(href(result.iri), code=303)
    if result.status == INVALID:
        return redirect(url_for("web.tanya", q=text), code=303)
    links = result.candidates if result.status == AMBIGUOUS else result.suggestions
    if result.nearest:
        links = [result.nearest, *links]
    return render_template(
        "candidates.html",
        query=text,
        ambiguous=result.status == AMBIGUOUS,
        message=result.message,
        links=[{**link, "href": href(link["iri"])} for link in links if link.get("iri")],
    ), (300 if result.status == AMBIGUOUS else 404)


@bp.get("/tanya")
def tanya():
    """Question -> the answers of each city side by side (capabilities.ask)."""
    question = (request.args.get("q") or "").strip()
    lang = current_language()
    if not question:
        return render_template("tanya.html", question="", result=None, columns=[])
    try:
        # the question's own language decides how it is read (and its evidence's wording)
        result = run_limited(ask, graph_source(), question)
    except AskError as error:
        message = error.english if lang == "en" else str(error)
        return render_template(
            "tanya.html", question=question, result=None, columns=[], error=message
        ), 400
    regs = run_limited(regulations, graph_source())
    return render_template(
        "tanya.html",
        question=question,
        result=result,
        columns=_columns(result, regs),
        topics=_topic_names(result.topics, lang),
        href=href,
    )


def _columns(result, regs) -> list[dict]:
    """One column per regulation: its answers (best first) or its 'tidak diatur'."""
    missing = {item.regulation: item for item in result.not_regulated}
    columns = []
    for info in regs:
        answers = [a for a in result.answers if a.regulation == info.id]
        if answers or info.id in missing:
            columns.append({"info": info, "answers": answers, "missing": missing.get(info.id)})
    return sorted(columns, key=lambda column: not column["answers"])  # silent cities last


def _topic_names(topics: list[str], lang: str) -> list[str]:
    labels = topic_labels(graph_source())
    base = "https://w3id.org/perwali-kg/topic/"
    return [labels.get((base + topic, lang), topic) for topic in topics]


@bp.get("/kueri")
def kueri():
    """The SPARQL page: an editor with the example queries; it posts to /sparql."""
    examples = example_queries()
    chosen = request.args.get("contoh")
    example = examples.get(chosen) or next(iter(examples.values()), None)
    lang = current_language()
    return render_template(
        "kueri.html",
        examples=[(name, item.title(lang)) for name, item in examples.items()],
        chosen=chosen,
        query=example.editor_text(lang) if example else "",
    )
