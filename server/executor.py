"""Queries on the embedded store run in a child process that can be killed.

pyoxigraph cannot cancel a running query: it has no timeout or cancellation handle, it
releases the GIL while it evaluates, and signals only reach Python when it returns. So
each web worker keeps a small pool of query processes (``python -m server.executor``),
talks to them over a socket pair, and waits for an answer at most the time limit. Past
it, the process is killed (SIGKILL: the work really stops and its memory is freed), the
client gets a 503, and a fresh process is started at once to take its place.

A query process opens the store read-only, serialises the answer itself (so only bytes
cross back), counts results against the cap, and, before it opens the store, moves into
its own empty network namespace when the kernel allows it: even a query that reached it
with ``SERVICE`` could not open a connection (pyoxigraph would otherwise send one).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import itertools
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from server import results

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
STARTUP_TIMEOUT = 60.0


class QueryTimeout(Exception):
    """The query process did not answer in time and was killed."""


class ExecutorFailed(Exception):
    """The query process died or could not start (``str()`` says why)."""


# --- the parent side --------------------------------------------------------------------


class Executor:
    """One query process and the connection to it."""

    def __init__(self, store_dir: str, *, sandbox: bool = True, memory_mb: int = 0):
        parent, child = socket.socketpair()
        command = [sys.executable, "-m", "server.executor", "--fd", str(child.fileno())]
        command += ["--store", store_dir, "--memory-mb", str(memory_mb)]
        if sandbox:
            command.append("--sandbox")
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            command, pass_fds=[child.fileno()], env=env, stdin=subprocess.DEVNULL
        )
        child.close()
        self._socket = parent  # keep the socket object alive while the Connection uses it
        self.conn = Connection(os.dup(parent.fileno()))
        parent.close()
        self.info: dict | None = None

    def _wait_ready(self) -> None:
        if self.info is not None:
            return
        if not self.conn.poll(STARTUP_TIMEOUT):
            self.kill()
            raise ExecutorFailed("the query process did not start in time")
        reply = self._recv()
        if reply[0] != "ready":
            self.kill()
            raise ExecutorFailed(reply[1])
        self.info = reply[1]

    def _recv(self):
        try:
            return self.conn.recv()
        except (EOFError, OSError) as error:
            self.kill()
            raise ExecutorFailed("the query process died") from error

    def call(self, job: dict, timeout: float | None):
        """Send ``job``; return the reply; kill the process if none comes in ``timeout`` s."""
        self._wait_ready()
        try:
            self.conn.send(job)
        except OSError as error:
            self.kill()
            raise ExecutorFailed("the query process died") from error
        if not self.conn.poll(timeout):
            self.kill()
            raise QueryTimeout
        return self._recv()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - SIGKILL is not ignorable
            log.error("query process %s did not exit after SIGKILL", self.process.pid)
        self.conn.close()

    @property
    def alive(self) -> bool:
        return self.process.poll() is None


class ExecutorPool:
    exits_on_timeout = False
    """``size`` query processes shared by the threads of one web worker.

    A process taken for a query is given back when it answers, or replaced when it is
    killed. A pool created before a fork is not used by the child: each process id gets
    its own processes.
    """

    def __init__(self, store_dir: str, *, size: int = 1, sandbox: bool = True, memory_mb=0):
        self.store_dir = store_dir
        self.size = size
        self.sandbox = sandbox
        self.memory_mb = memory_mb
        self._lock = threading.Lock()
        self._idle: list[Executor] = []
        self._slots = threading.BoundedSemaphore(size)
        self._pid = os.getpid()
        self.replaced = 0  # how many processes were killed and replaced (for tests, logs)

    def _spawn(self) -> Executor:
        return Executor(self.store_dir, sandbox=self.sandbox, memory_mb=self.memory_mb)

    def start(self) -> None:
        """Start the processes now rather than on the first query."""
        with self._lock:
            while len(self._idle) < self.size:
                self._idle.append(self._spawn())

    def _take(self) -> Executor:
        with self._lock:
            if os.getpid() != self._pid:  # forked: the processes belong to the parent
                self._idle, self._pid = [], os.getpid()
                self._slots = threading.BoundedSemaphore(self.size)
            while self._idle:
                executor = self._idle.pop()
                if executor.alive:
                    return executor
        return self._spawn()

    def run(self, job: dict, timeout: float | None, wait: float | None = None):
        """Run ``job`` in a query process; raise :class:`QueryTimeout` past ``timeout``.

        ``wait`` bounds how long to wait for a free process (default: ``timeout``).
        """
        if not self._slots.acquire(timeout=wait if wait is not None else timeout):
            raise ExecutorFailed("all query processes are busy")
        try:
            executor = self._take()
            try:
                reply = executor.call(job, timeout)
            except (QueryTimeout, ExecutorFailed):
                self.replaced += 1
                with self._lock:
                    self._idle.append(self._spawn())  # the replacement warms up meanwhile
                raise
            with self._lock:
                self._idle.append(executor)
            return reply
        finally:
            self._slots.release()

    def close(self) -> None:
        with self._lock:
            for executor in self._idle:
                executor.kill()
            self._idle = []

    def pids(self) -> list[int]:
        with self._lock:
            return [e.process.pid for e in self._idle if e.alive]


class InWorkerRunner:
    """Queries run in this process, for a prefork server (gunicorn sync workers).

    No hop to another process: the query runs on a helper thread while the request
    thread waits at most the time limit. Past it the request gets its 503 and then the
    whole worker process ends (the caller arranges that, see ``exits_on_timeout``): that
    stops the work, and gunicorn starts a fresh worker while the others keep serving.
    Only for servers with one request per process at a time; threaded servers use
    :class:`ExecutorPool`.
    """

    exits_on_timeout = True

    def __init__(self, store_dir: str, *, sandbox: bool = True):
        self.store_dir = store_dir
        self.sandbox = sandbox
        self.store: ox.Store | None = None
        self.sandboxed = False
        self.replaced = 0
        self._threads = None

    def start(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        if self.store is None:
            self.sandboxed = bool(self.sandbox) and isolate_network()
            self.store = ox.Store.read_only(self.store_dir)
            self._threads = ThreadPoolExecutor(1, thread_name_prefix="query")

    def run(self, job: dict, timeout: float | None, wait: float | None = None):
        from concurrent.futures import TimeoutError as FutureTimeout

        self.start()
        future = self._threads.submit(run_job, self.store, job)
        try:
            return future.result(timeout)
        except FutureTimeout:
            self.replaced += 1
            raise QueryTimeout from None

    def close(self) -> None:
        pass

    def pids(self) -> list[int]:
        return [os.getpid()]


def exit_worker() -> None:
    """End this worker process at once (after a query past the limit has been answered)."""
    log.warning("a query ran past the time limit: worker %s exits to stop it", os.getpid())
    logging.shutdown()
    os._exit(0)


# --- the child side ---------------------------------------------------------------------

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
PR_SET_PDEATHSIG = 1


def isolate_network() -> bool:
    """Move this (single-threaded) process into a new, empty network namespace."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    return any(libc.unshare(flags) == 0 for flags in (CLONE_NEWNET, CLONE_NEWUSER | CLONE_NEWNET))


def _die_with_parent() -> None:
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def run_job(store: ox.Store, job: dict):
    """Execute one job in the query process; return the reply tuple sent to the parent."""
    if job["op"] == "graphs":
        names = [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
        return ("ok", sorted(names))
    kwargs: dict = {"prefixes": job["prefixes"], "base_iri": job["base_iri"]}
    if job["default_graphs"] is not None:
        graphs = [ox.NamedNode(g) for g in job["default_graphs"]]
        kwargs["default_graph"] = graphs or ox.DefaultGraph()
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
    elif job["union"]:
        kwargs["use_default_graph_as_union"] = True
    try:
        result = store.query(job["query"], **kwargs)
        return ("ok", write_result(result, job["media_type"], job["max_results"], job["prefixes"]))
    except SyntaxError as error:
        return ("error", 400, "malformed-query", f"malformed query: {error}")
    except ResultTooLarge as error:
        return ("error", 422, "result-too-large", str(error))
    except (ValueError, OSError) as error:
        return ("error", 400, "query-failed", f"the query failed: {error}")


class ResultTooLarge(Exception):
    pass


def too_large(limit: int) -> ResultTooLarge:
    return ResultTooLarge(
        f"the query has more than {limit} results, the limit of this endpoint; "
        "nothing was truncated: add LIMIT (and OFFSET to page) to the query"
    )


def write_result(result, media_type: str, max_results: int, prefixes: dict) -> tuple[str, bytes]:
    """Serialise a pyoxigraph result; return ``(media type, body)``."""
    if isinstance(result, ox.QueryBoolean):
        media_type = media_type if media_type in results.BOOLEAN_WRITERS else results.JSON
        return media_type, results.BOOLEAN_WRITERS[media_type](bool(result))
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            if len(rows) >= max_results:
                raise too_large(max_results)
            term_json = results.term_json
            rows.append(
                {n: term_json(t) for n, t in zip(names, solution, strict=True) if t is not None}
            )
        media_type = media_type if media_type in results.SOLUTION_WRITERS else results.JSON
        return media_type, results.SOLUTION_WRITERS[media_type](names, rows)
    triples = list(itertools.islice(result, max_results + 1))
    if len(triples) > max_results:
        raise too_large(max_results)
    media_type = media_type if media_type in results.GRAPH_FORMATS else results.TURTLE
    return media_type, results.write_graph(triples, media_type, prefixes)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="a perwali-kg query process (internal)")
    parser.add_argument("--fd", type=int, required=True)
    parser.add_argument("--store", required=True)
    parser.add_argument("--sandbox", action="store_true")
    parser.add_argument("--memory-mb", type=int, default=0)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which kills us
    _die_with_parent()
    conn = Connection(args.fd)
    sandboxed = isolate_network() if args.sandbox else False
    if args.memory_mb:
        import resource

        limit = args.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        store = ox.Store.read_only(args.store)
    except OSError as error:
        conn.send(("failed", f"cannot open the store in {args.store}: {error}"))
        return
    conn.send(("ready", {"pid": os.getpid(), "sandboxed": sandboxed, "started": time.time()}))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = run_job(store, job)
        except MemoryError:
            reply = ("error", 503, "query-too-big", "the query needed more memory than allowed")
        conn.send(reply)


if __name__ == "__main__":
    main()
