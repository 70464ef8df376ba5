"""Validasi: upload an organisation structure, check it against one regulation or all.

A thin adapter over :mod:`capabilities.validate` (reading, validation, matrix, exports,
template, rule catalogue). The report of the last few uploads is kept in this process
under a random token so that it can be downloaded (XLSX, CSV, Turtle) without uploading
again; a token that is gone (another worker, or evicted) says so.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict

from flask import Response, current_app, render_template, request

from capabilities.validate import MAX_UPLOAD_BYTES, InputErrors, validate_graph
from capabilities.validate.citations import load_citations
from capabilities.validate.engine import regulations as shape_regulations
from capabilities.validate.exports import MEDIA_TYPES, export, filename
from capabilities.validate.matrix import validate_all
from capabilities.validate.report import SEVERITY_ORDER
from capabilities.validate.rules import catalogue
from capabilities.validate.upload import read_files
from server.api.common import allow_body_bytes, graph_source, run_limited
from server.linked_data import href
from server.web import bp, error_page
from server.web.data import regulations
from server.web.i18n import current_language, translate

DOWNLOADS = ("xlsx", "csv", "ttl")
KEPT_REPORTS = 16
#: room for a form's multipart framing around the file
FORM_OVERHEAD = 64 * 1024
allow_body_bytes("/validasi", MAX_UPLOAD_BYTES + FORM_OVERHEAD)

_reports: OrderedDict[str, object] = OrderedDict()
_lock = threading.Lock()


def _max_bytes() -> int:
    return int(current_app.config.get("VALIDATE_MAX_BYTES") or MAX_UPLOAD_BYTES)


def _page(status: int = 200, **values):
    source = graph_source()
    regs = [r for r in regulations(source) if r.id in shape_regulations()]
    rules = run_limited(catalogue, load_citations(source))
    return render_template(
        "validasi.html", regulations=regs, rules=rules, href=href, **values
    ), status


@bp.get("/validasi")
def validasi():
    return _page()


@bp.post("/validasi")
def validasi_post():
    limit = _max_bytes()
    request.max_content_length = limit + FORM_OVERHEAD
    if request.content_length is not None and request.content_length > limit + 64 * 1024:
        return _page(413, error=_too_large(limit))
    regulation = (request.form.get("regulation") or "").strip()
    if regulation != "all" and regulation not in shape_regulations():
        return _page(400, error=translate("unknown_regulation"))
    files = [(f.filename or "upload", f.read(limit + 1)) for f in request.files.getlist("file")]
    files = [(name, data) for name, data in files if data]
    if not files:
        return _page(400, error=translate("no_file"), chosen=regulation)
    if any(len(data) > limit for _, data in files):
        return _page(413, error=_too_large(limit), chosen=regulation)
    lang = current_language()
    try:
        data = read_files(files)
    except InputErrors as errors:
        return _page(400, input_errors=errors.to_json(lang), chosen=regulation)
    source = graph_source()
    if regulation == "all":
        report = run_limited(validate_all, source, data, lang)
        reports = report.reports
        matrix = report.matrix(lang)
    else:
        report = run_limited(validate_graph, source, data, regulation, lang)
        reports, matrix = [report], None
    token = _keep(report)
    return _page(
        reports=[_grouped(r) for r in reports],
        matrix=matrix,
        token=token,
        chosen=regulation,
        names={r.id: r.place for r in regulations(source)},
    )


@bp.get("/validasi/laporan/<token>.<fmt>")
def laporan(token: str, fmt: str):
    """A kept report as a file (XLSX, CSV, Turtle)."""
    if fmt not in DOWNLOADS:
        return error_page(404, "page_not_found")
    with _lock:
        report = _reports.get(token)
    if report is None:
        return error_page(404, "report_expired")
    response = Response(export(report, fmt), mimetype=MEDIA_TYPES[fmt].split(";")[0])
    response.headers["Content-Disposition"] = f'attachment; filename="{filename(report, fmt)}"'
    return response


def _keep(report) -> str:
    token = secrets.token_urlsafe(12)
    with _lock:
        _reports[token] = report
        while len(_reports) > KEPT_REPORTS:
            _reports.popitem(last=False)
    return token


def _grouped(report) -> dict:
    """A report with its findings grouped by severity (Violation, Warning, Info)."""
    groups = {severity: [] for severity in SEVERITY_ORDER}
    for finding in report.findings:
        groups[finding.severity].append(finding)
    return {"report": report, "groups": groups}


def _too_large(limit: int) -> str:
    return translate("too_large", limit=limit // (1024 * 1024))
