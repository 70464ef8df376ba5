"""Server-side render time and weight of every web page, over the five regulations.

In-process (Flask test client over the embedded store; the capability indexes are built
once, then every page is timed warm). Per page kind: p50 / p95 / max render time over
every regulation (regulation pages, a sample of Pasal and ayat pages of each, the
questions, the upload of the fixture organisation against each regulation) and the
largest page's weight with its assets (the CSS and JS it links; no page loads anything
else). Targets: p95 < 100 ms, weight < 300 KB.

    python bench/web_speed.py [--data DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

P95_MS, MAX_KB = 100.0, 300.0
KECIL = ROOT / "tests" / "validate" / "fixtures" / "kecil"
QUESTIONS = (
    "Which article governs cross-PD teams?",
    "Siapa yang menetapkan penugasan?",
    "To whom does a team member report?",
    "pejabat penilai kinerja",
    "Siapa yang menandatangani Perwali Semarang 85/2023?",
)
HTML = {"Accept": "text/html"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT / "data"))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    from capabilities.cite_index import citation_index
    from server.api.common import graph_source
    from server.app import create_app

    app = create_app({"STORE": f"embedded:{args.data}", "TESTING": True})
    client = app.test_client()
    with app.app_context():
        index = citation_index(graph_source())
    pages = _pages(index)
    started = time.perf_counter()
    for _kind, method, path, data in pages:  # warm: indexes, alignment, templates
        _request(client, method, path, data)
    print(f"warm-up (indexes, alignment, templates): {time.perf_counter() - started:.1f} s")

    assets = _asset_sizes(client)
    rows, failed, slow = [], False, {}
    for kind in dict.fromkeys(k for k, *_ in pages):
        times, weight, slowest = [], 0, (0.0, "")
        for _ in range(args.rounds):
            for _k, method, path, data in (p for p in pages if p[0] == kind):
                t0 = time.perf_counter()
                response = _request(client, method, path, data)
                times.append((time.perf_counter() - t0) * 1000)
                slowest = max(slowest, (times[-1], path))
                if response.status_code >= 500:
                    raise SystemExit(f"{path}: {response.status_code}")
                weight = max(weight, len(response.data) + _linked(response, assets))
        p95 = _percentile(times, 95)
        ok = p95 < P95_MS and weight / 1024 < MAX_KB
        failed |= not ok
        rows.append((kind, len(times), statistics.median(times), p95, max(times), weight, ok))
        slow[kind] = slowest[1]
    _table(rows)
    print("slowest: " + "; ".join(f"{kind}: {path}" for kind, path in slow.items()))
    print(f"targets: p95 < {P95_MS:.0f} ms, weight with assets < {MAX_KB:.0f} KB")
    app.extensions["perwali.backend"].close()
    return 1 if failed else 0


def _pages(index) -> list[tuple[str, str, str, dict | None]]:
    regs = [r for r in index.regulations if r.id]
    out = [("beranda /", "GET", "/", None), ("kueri", "GET", "/kueri", None)]
    out.append(("validasi (form)", "GET", "/validasi", None))
    for reg in regs:
        base = "/" + reg.iri.split("/perwali-kg/", 1)[1]
        out.append(("peraturan", "GET", base, None))
        units = sorted(
            (u for u in index.units.values() if u.regulation == reg.iri),
            key=lambda u: u.position,
        )
        pasal = [u for u in units if u.kind == "pasal"][::3]
        ayat = [u for u in units if u.kind == "ayat"][::6]
        for unit in pasal + ayat:
            out.append(("pasal / ayat", "GET", "/" + unit.iri.split("/perwali-kg/", 1)[1], None))
        out.append(("cari (kutipan)", "GET", f"/cari?q={reg.citation.replace(' ', '+')}", None))
        out.append(("validasi (unggah)", "POST", "/validasi", {"regulation": reg.id}))
    for question in QUESTIONS:
        out.append(("tanya", "GET", "/tanya?q=" + question.replace(" ", "+"), None))
    return out


def _request(client, method: str, path: str, data: dict | None):
    if method == "POST":
        form = {**data, "file": (io.BytesIO(_kecil_zip()), "kecil.zip")}
        return client.post(path, data=form, content_type="multipart/form-data")
    return client.get(path, headers=HTML)


_ZIP: list[bytes] = []


def _kecil_zip() -> bytes:
    if not _ZIP:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for path in sorted(KECIL.glob("*.csv")):
                archive.write(path, path.name)
        _ZIP.append(buffer.getvalue())
    return _ZIP[0]


def _asset_sizes(client) -> dict[str, int]:
    sizes = {}
    for name in ("site.css", "site.js"):
        response = client.get(f"/static/{name}")
        sizes[f"/static/{name}"] = len(response.data)
        response.close()
    return sizes


def _linked(response, assets: dict[str, int]) -> int:
    html = response.get_data(as_text=True)
    linked = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', html))
    return sum(assets.get(path, 0) for path in linked)


def _percentile(values: list[float], q: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def _table(rows) -> None:
    print(f"{'page':20} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'KB':>7}  ok")
    for kind, n, p50, p95, worst, weight, ok in rows:
        mark = "yes" if ok else "NO"
        print(f"{kind:20} {n:4d} {p50:8.1f} {p95:8.1f} {worst:8.1f} {weight / 1024:7.1f}  {mark}")


if __name__ == "__main__":
    sys.exit(main())
