"""Throughput and latency of /sparql beside a bare Flask view and the oxigraph server.

Loopback only, bounded: each (server, query, clients) cell runs ``--seconds`` (default 4)
after a short warm-up. Prints req/s, p50/p99 latency, errors and memory per worker, and
for the point lookup ours / bare in alternating runs with the server-side CPU per request
of each (user + system of the whole process tree; robust to a loaded machine).

    python bench/sparql_throughput.py [--data DIR] [--seconds 4] [--clients 1 8 32]

Servers: ours (``python -m server serve --workers 2``: gunicorn, threaded workers, each
query in a killable query process), the bare Flask + pyoxigraph view
(bench/bare_flask_app.py, gunicorn's default sync workers, 2 of them: its fastest set-up,
queries run in the worker with no limit) and ``oxigraph serve`` (all its threads).
Data: ``--data`` (a ``perwali build`` data dir) or a fresh build.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
PREFIX = (
    "PREFIX pw: <https://w3id.org/perwali-kg/ontology#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
)
QUERIES = {
    "point lookup": PREFIX + "SELECT ?label ?text WHERE { "
    "<https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28/pasal/21> rdfs:label ?label . "
    "OPTIONAL { <https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28/pasal/21> "
    "pw:text ?text } }",
    "heavy aggregate": PREFIX
    + "SELECT ?reg ?class (COUNT(?u) AS ?units) (SUM(STRLEN(?t)) AS ?chars) WHERE { "
    "?u pw:regulation ?reg ; a ?class . OPTIONAL { ?u pw:text ?t } } "
    "GROUP BY ?reg ?class ORDER BY DESC(?chars)",
}


ROW = "{:<16} {:>7} {:>9} {:>8} {:>8} {:>6}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_up(port: int, path: str) -> None:
    for _ in range(400):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"server on port {port} did not start")


def start_servers(
    data: Path, work: Path, with_oxigraph: bool = True
) -> dict[str, tuple[subprocess.Popen, int, str]]:
    env = dict(os.environ, PYTHONPATH=str(REPO), PERWALI_BENCH_STORE=str(data / "store"))
    servers = {}
    port = free_port()
    servers["ours /sparql"] = (
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "server",
                "serve",
                "--store",
                f"embedded:{data}",
                "--port",
                str(port),
                "--workers",
                "2",
            ],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        port,
        "/sparql",
    )
    port = free_port()
    servers["bare Flask"] = (
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-w",
                "2",
                "-b",
                f"127.0.0.1:{port}",
                "--no-control-socket",
                "bench.bare_flask_app:create_app()",
            ],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        port,
        "/sparql",
    )
    if not with_oxigraph:
        for _, port, _ in servers.values():
            wait_up(port, "/")
        return servers
    location = work / "oxigraph"
    subprocess.run(
        ["oxigraph", "load", "--location", str(location), "--file", str(data / "graph.nq")],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    port = free_port()
    servers["oxigraph server"] = (
        subprocess.Popen(
            [
                "oxigraph",
                "serve",
                "--location",
                str(location),
                "--bind",
                f"127.0.0.1:{port}",
                "--union-default-graph",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        port,
        "/query",
    )
    for _, port, _ in servers.values():
        wait_up(port, "/")
    return servers


def client_loop(port, path, stop_at, latencies, errors):
    connection = None
    while time.monotonic() < stop_at:
        started = time.perf_counter()
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = None
        except OSError as error:
            errors.append(type(error).__name__)
            connection = None
            continue
        latencies.append(time.perf_counter() - started)


def client_process(args):
    port, path, clients, seconds = args
    latencies, errors = [], []
    stop_at = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client_loop, args=(port, path, stop_at, latencies, errors))
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def run_cell(pool, port, path, clients, seconds):
    processes = min(clients, 4)
    shares = [clients // processes + (i < clients % processes) for i in range(processes)]
    outcomes = pool.map(client_process, [(port, path, n, seconds) for n in shares])
    latencies = sorted(x for lat, _ in outcomes for x in lat)
    errors = [e for _, errs in outcomes for e in errs]
    if not latencies:
        return 0.0, float("nan"), float("nan"), len(errors)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return len(latencies) / seconds, statistics.median(latencies) * 1000, p99 * 1000, len(errors)


def worker_memory(process: subprocess.Popen) -> str:
    """Memory per gunicorn worker, counting its query processes; or of the whole server.

    Proportional set size (PSS): pages shared between processes (the query processes
    share pyoxigraph's with the fork server they come from) are split between them, so
    the sum is what the server really uses; RSS would count shared pages once per process.
    """
    root = psutil.Process(process.pid)
    children = root.children()
    if not children:
        return f"{_pss(root) / 2**20:.0f} MB (one process)"
    sizes = []
    for worker in children:
        tree = [worker, *worker.children(recursive=True)]
        sizes.append(sum(_pss(p) for p in tree) / 2**20)
    return " / ".join(f"{s:.0f}" for s in sizes) + " MB per worker (PSS)"


def _pss(process: psutil.Process) -> int:
    try:
        return process.memory_full_info().pss
    except (psutil.AccessDenied, AttributeError):
        return process.memory_info().rss


def tree_cpu(process: subprocess.Popen) -> float:
    """CPU seconds (user + system) used so far by a server and all its processes (workers,
    fork server, query processes; ended children are counted by the kernel in their
    parent's ``children_*`` times once reaped)."""
    root = psutil.Process(process.pid)
    total = 0.0
    for member in [root, *root.children(recursive=True)]:
        try:
            times = member.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def cpu_cell(pool, server: tuple, path: str, clients: int, seconds: float):
    """One run of ``run_cell`` and the server's CPU milliseconds per answered request."""
    process, port, _ = server
    before = tree_cpu(process)
    rate, *_ = run_cell(pool, port, path, clients, seconds)
    used = tree_cpu(process) - before
    requests = rate * seconds
    return rate, (used * 1000 / requests if requests else float("nan"))


def point_lookup_ratio(pool, servers: dict, seconds: float, rounds: int = 3) -> float:
    """Ours against the bare view on the point lookup at 8 clients, in alternating short
    runs (a change of background load then hits both alike); prints the median ratio and
    the server-side CPU per request of each (robust to the load of a shared machine)."""
    path = "/sparql?" + urllib.parse.urlencode({"query": QUERIES["point lookup"]})
    ratios, cpu_ours, cpu_bare = [], [], []
    for _ in range(rounds):
        ours, ours_cpu = cpu_cell(pool, servers["ours /sparql"], path, 8, seconds / 2)
        bare, bare_cpu = cpu_cell(pool, servers["bare Flask"], path, 8, seconds / 2)
        ratios.append(ours / bare if bare else float("nan"))
        cpu_ours.append(ours_cpu)
        cpu_bare.append(bare_cpu)
    ratio = statistics.median(ratios)
    verdict = "PASS" if ratio >= 0.7 else "FAIL"
    rounds_text = ", ".join(f"{r:.2f}" for r in ratios)
    print(f"\n## point lookup, 8 clients, alternating runs: ours / bare = {ratio:.2f}×")
    print(f"rounds {rounds_text}; target >= 0.70×: {verdict}")
    ours_ms, bare_ms = statistics.median(cpu_ours), statistics.median(cpu_bare)
    print(f"server CPU per request: ours {ours_ms:.2f} ms, bare {bare_ms:.2f} ms")
    print(f"CPU-bound ratio (bare / ours CPU per request): {bare_ms / ours_ms:.2f}×")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="a perwali build data dir")
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument(
        "--ratio-only",
        action="store_true",
        help="only the alternating ours / bare runs of the point lookup (no oxigraph)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (ratio)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="perwali-bench-"))
    data = args.data
    if data is None:
        data = work / "data"
        subprocess.run(
            [sys.executable, "-m", "perwali.cli", "build", "--data", str(data)],
            cwd=REPO,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    servers = start_servers(data, work, with_oxigraph=not args.ratio_only)
    try:
        with multiprocessing.get_context("fork").Pool(4) as pool:
            for name, query in {} if args.ratio_only else QUERIES.items():
                print(f"\n## {name}")
                print(ROW.format("server", "clients", "req/s", "p50 ms", "p99 ms", "errors"))
                for label, (_, port, endpoint) in servers.items():
                    path = endpoint + "?" + urllib.parse.urlencode({"query": query})
                    run_cell(pool, port, path, 4, 1.0)  # warm-up
                    for clients in args.clients:
                        rate, p50, p99, errors = run_cell(pool, port, path, clients, args.seconds)
                        figures = (f"{rate:.0f}", f"{p50:.2f}", f"{p99:.2f}", errors)
                        print(ROW.format(label, clients, *figures))
                    sys.stdout.flush()
            if args.ratio_only:  # warm both up first
                path = "/sparql?" + urllib.parse.urlencode({"query": QUERIES["point lookup"]})
                for label in ("ours /sparql", "bare Flask"):
                    run_cell(pool, servers[label][1], path, 8, 1.0)
            point_lookup_ratio(pool, servers, args.seconds, args.rounds)
        print("\n## memory after the runs")
        for label, (process, _, _) in servers.items():
            print(f"{label:<16} {worker_memory(process)}")
    finally:
        for process, _, _ in servers.values():
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
