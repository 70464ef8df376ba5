"""Fairness under load: do slow queries or idle connections starve cheap lookups?

One ``perwali serve`` (gunicorn, 2 workers, a short query timeout), loopback only, every
client on its own source address (127.0.0.x, as distinct clients would be), bounded runs:

1. cheap point lookups alone, from ``--cheap`` clients: the unloaded rate (measured
   before each loaded run; their mean is the reference);
2. the same beside 2 pathological clients (a cross product and an unbounded property
   path, each running to the time limit), which send their next query as soon as they
   get an answer (no back-off: the worst case);
3. the same beside 4 pathological clients;
4. one cheap lookup at a time, first alone, then with 2 idle half-open connections open
   (a request line and nothing more): the delay they add.

Prints one table with the targets of issue 7 and PASS/FAIL for each row.

    python bench/load_fairness.py [--data DIR] [--seconds 8] [--cheap 8] [--timeout 3]
"""

from __future__ import annotations

import argparse
import http.client
import json
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
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POINT = (
    "PREFIX pw: <https://w3id.org/perwali-kg/ontology#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT ?label ?text WHERE { "
    "<https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28/pasal/21> rdfs:label ?label . "
    "OPTIONAL { <https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28/pasal/21> "
    "pw:text ?text } }"
)
PATHOLOGICAL = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT * WHERE { ?a (<urn:x:p>|!<urn:x:p>)* ?b }",
)
ROW = "{:<34} {:>9} {:>8} {:>9} {:>7}  {:<22} {:<16} {}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def path_of(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


def address(index: int) -> str:
    """A loopback source address of its own for client ``index`` (127.0.0.10 on)."""
    return f"127.0.0.{10 + index}"


def get(connection: http.client.HTTPConnection, path: str) -> int | str:
    """The status of a GET (200), or ``"503 code"`` for an error."""
    connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
    response = connection.getresponse()
    body = response.read()
    if response.getheader("Connection", "").lower() == "close":
        connection.close()
    if response.status == 200:
        return 200
    try:
        return f"{response.status} {json.loads(body)['code']}"
    except (ValueError, KeyError, TypeError):
        return str(response.status)


def client_loop(port, path, source, stop_at, latencies, statuses):
    """Send ``path`` until ``stop_at``; record latencies of 200s and every status."""
    connection = None
    while time.monotonic() < stop_at:
        if connection is None:
            connection = http.client.HTTPConnection(
                "127.0.0.1", port, timeout=60, source_address=(source, 0)
            )
        started = time.perf_counter()
        try:
            status = get(connection, path)
        except OSError as error:
            statuses.append(type(error).__name__)
            connection.close()
            connection = None
            continue
        statuses.append(status)
        if status == 200:
            latencies.append(time.perf_counter() - started)
        if connection.sock is None:
            connection = None


def cheap_process(args):
    """One process of cheap clients (threads), so the load generator is not one GIL."""
    port, sources, seconds = args
    latencies, statuses = [], []
    stop_at = time.monotonic() + seconds
    threads = [
        threading.Thread(
            target=client_loop, args=(port, path_of(POINT), s, stop_at, latencies, statuses)
        )
        for s in sources
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses


def run_scenario(pool, port: int, cheap: int, pathological: int, seconds: float) -> dict:
    """Cheap clients (in processes) beside pathological ones (threads here)."""
    stop_at = time.monotonic() + seconds
    slow_statuses: list = []
    slow = [
        threading.Thread(
            target=client_loop,
            args=(
                port,
                path_of(PATHOLOGICAL[i % len(PATHOLOGICAL)]),
                address(100 + i),
                stop_at,
                [],
                slow_statuses,
            ),
        )
        for i in range(pathological)
    ]
    for thread in slow:
        thread.start()
    processes = min(cheap, 4)
    groups = [[address(i) for i in range(cheap) if i % processes == p] for p in range(processes)]
    outcomes = pool.map(cheap_process, [(port, group, seconds) for group in groups])
    for thread in slow:
        thread.join()
    latencies = sorted(x for lat, _ in outcomes for x in lat)
    statuses = [s for _, sts in outcomes for s in sts]
    errors = Counter(s for s in statuses if s != 200)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else 0
    return {
        "rate": len(latencies) / seconds,
        "p99": p99 * 1000,
        "errors": errors,
        "slow": Counter(slow_statuses),
    }


def idle_delay(port: int, idle: int, samples: int = 20) -> float:
    """The worst latency of one cheap lookup at a time with ``idle`` half-open connections."""
    sockets = []
    for _ in range(idle):
        sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        sock.sendall(b"GET " + path_of(POINT).encode() + b" HTTP/1.1\r\n")  # and nothing more
        sockets.append(sock)
    time.sleep(0.2)
    worst = 0.0
    try:
        for _ in range(samples):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            started = time.perf_counter()
            try:
                status = get(connection, path_of(POINT))
            except OSError:
                status = 0
            elapsed = time.perf_counter() - started
            connection.close()
            worst = max(worst, elapsed if status == 200 else float("inf"))
    finally:
        for sock in sockets:
            sock.close()
    return worst


def start_server(data: Path, timeout: float, log: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    command = [sys.executable, "-m", "server", "serve", "--store", f"embedded:{data}"]
    command += ["--port", str(port), "--workers", "2", "--query-timeout", str(timeout)]
    with open(log, "wb") as output:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=output, stderr=output)
    for _ in range(600):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            if get(connection, "/health") == 200:
                return process, port
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError(f"the server did not start; see {log}")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def slow_summary(counts: Counter) -> str:
    return " ".join(f"{status}×{n}" for status, n in sorted(counts.items(), key=str)) or "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="a perwali build data dir (default: data/)")
    parser.add_argument("--seconds", type=float, default=8.0, help="per scenario")
    parser.add_argument("--cheap", type=int, default=8, help="cheap clients (6-8)")
    parser.add_argument("--timeout", type=float, default=3.0, help="the server's query limit")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="perwali-fairness-"))
    data = args.data or REPO / "data"
    if not (data / "store").is_dir():
        data = work / "data"
        command = [sys.executable, "-m", "perwali.cli", "build", "--data", str(data)]
        subprocess.run(command, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    process, port = start_server(data, args.timeout, work / "server.log")
    rows = []
    try:
        with multiprocessing.get_context("fork").Pool(4) as pool:
            run_scenario(pool, port, 4, 0, 1.0)  # warm-up
            # cheap alone before each loaded run: their mean is the unloaded rate, so a
            # change of background load during the run skews no row alone
            alone, loaded = [], []
            for slow in (2, 4):
                alone.append(run_scenario(pool, port, args.cheap, 0, args.seconds))
                loaded.append((slow, run_scenario(pool, port, args.cheap, slow, args.seconds)))
                time.sleep(args.timeout)  # let this scenario's slow queries end
            base = statistics.mean(a["rate"] for a in alone) or float("nan")
            for index, result in enumerate(alone, 1):
                rows.append(
                    (f"cheap alone ({index})", result, base, "0 errors", not result["errors"])
                )
            for slow, result in loaded:
                share = {2: 0.5, 4: 0.3}[slow]
                ok = result["rate"] >= share * base and not result["errors"]
                target = f">= {share:.0%} of alone, 0 errors"
                rows.append((f"cheap beside {slow} pathological", result, base, target, ok))
        time.sleep(args.timeout)
        quiet = idle_delay(port, 0)
        with_idle = idle_delay(port, 2)
    finally:
        process.terminate()
        process.wait(timeout=30)
    log = (work / "server.log").read_text(errors="replace")
    shutil.rmtree(work, ignore_errors=True)
    print(
        f"\n## load fairness: {args.cheap} cheap clients, query timeout {args.timeout:g} s, "
        f"{args.seconds:g} s per scenario, 2 gunicorn workers, loopback\n"
    )
    failures = print_table(rows, quiet, with_idle)
    problems = [line for line in log.splitlines() if "ERROR" in line or "Traceback" in line]
    if problems:
        print("\nserver log errors:\n" + "\n".join(problems[:20]))
    return 1 if failures else 0


def print_table(rows: list, quiet: float, with_idle: float) -> int:
    """Print the scenarios with their targets; return how many failed."""
    header = ("scenario", "req/s", "of alone", "p99 ms", "errors", "pathological answers")
    print(ROW.format(*header, "verdict", "target"))
    failures = 0
    for label, result, base, target, ok in rows:
        errors = slow_summary(result["errors"]) if result["errors"] else 0
        figures = (f"{result['rate']:.0f}", f"{result['rate'] / base:.0%}", f"{result['p99']:.1f}")
        slow = slow_summary(result["slow"])
        print(ROW.format(label, *figures, errors, slow, verdict(ok), target))
        failures += not ok
    ok = with_idle - quiet < 1.0
    target = f"delay < 1 s (worst {with_idle * 1000:.1f} ms vs {quiet * 1000:.1f} ms alone)"
    errors = 0 if with_idle != float("inf") else "yes"
    label = "one cheap beside 2 idle conns"
    print(ROW.format(label, "-", "-", "-", errors, "-", verdict(ok), target))
    return failures + (not ok)


if __name__ == "__main__":
    sys.exit(main())
