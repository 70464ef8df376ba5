"""Queries on the embedded store run in child processes that can be demoted and killed.

pyoxigraph cannot cancel a running query: it has no timeout or cancellation handle, it
releases the GIL while it evaluates, and signals only reach Python when it returns. So
each web worker keeps a pool of query processes (forked from a fork server), talks to
them over socket pairs, and never waits longer than the time limit:

* every query starts at normal priority; most answer in a millisecond;
* one still running after ``long_after`` seconds becomes a *long* query: its process is
  demoted to the lowest CPU priority (nice 19), so it gets little more than the CPU
  cheap queries leave idle. Long queries are bounded: at most ``long_slots`` per web
  worker and ``long_per_client`` per client address; past either, the query is stopped at
  once with :class:`PoolBusy` (503 and ``Retry-After``);
* at the time limit the process is killed (SIGKILL: the work really stops and its memory
  is freed) and the client gets a 503. A demoted process is never reused (it cannot be
  promoted back without privileges): a fresh one takes its place.

A query process opens the store read-only, serialises the answer itself (so only bytes
cross back and the time limit covers serialisation), counts rows and bytes against the
caps, runs under an address-space cap (``RLIMIT_AS``), and, before it opens the store,
moves into its own empty network namespace when the kernel allows it: even a query that
reached it with ``SERVICE`` could not open a connection (pyoxigraph would otherwise send one).
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import logging
import multiprocessing
import os
import pickle
import select
import signal
import socket
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass

import pyoxigraph as ox

from server import results

log = logging.getLogger(__name__)

STARTUP_TIMEOUT = 60.0


class QueryTimeout(Exception):
    """The query process did not answer in time and was killed."""


class ExecutorFailed(Exception):
    """The query process died or could not start (``str()`` says why)."""

    def __init__(self, message: str, returncode: int | None = None):
        super().__init__(message)
        self.returncode = returncode

    @property
    def out_of_memory(self) -> bool:
        """Whether the process was ended the way an allocation failure ends it (Rust
        aborts on a failed allocation; the kernel's OOM killer sends SIGKILL)."""
        return self.returncode in (-signal.SIGABRT, -signal.SIGKILL)


class PoolBusy(Exception):
    """No room for one more long query (``str()`` says which bound was reached)."""


@dataclass(frozen=True)
class ChildSettings:
    """What every query process of a pool is started with."""

    store_dir: str
    sandbox: bool = True
    memory_mb: int = 0  # address-space cap (RLIMIT_AS); 0 = none
    prefixes: tuple[tuple[str, str], ...] = ()
    base_iri: str | None = None
    max_results: int = 10_000
    max_bytes: int = 0  # cap on the serialised answer; 0 = none

    def job_settings(self) -> dict:
        """What :func:`run_job` reads besides the job."""
        return {
            "prefixes": dict(self.prefixes),
            "base_iri": self.base_iri,
            "max_results": self.max_results,
            "max_bytes": self.max_bytes,
        }


# --- the parent side --------------------------------------------------------------------


#: Query processes are forked from a small server process that has pyoxigraph imported
#: already: a new one is ready in a few milliseconds, not the ~0.4 s of a Python start.
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["server.executor"])
#: glibc gives every thread that allocates its own 64 MB malloc arena: under load the
#: storage engine's threads reserved enough address space to reach the RLIMIT_AS cap of a
#: query process doing a point lookup (a rare 503 query-memory at 32 clients). The fork
#: server, started later with this environment, and every query process forked from it
#: keep two arenas; an operator may set another value.
os.environ.setdefault("MALLOC_ARENA_MAX", "2")


class Channel:
    """Pickled messages over a stream socket, each after its length (4 bytes).

    Leaner than :class:`multiprocessing.connection.Connection` on the path every query
    takes: one write per message, and a poller made once rather than on every wait.
    """

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.sock.setblocking(True)
        self._poller = select.poll()
        self._poller.register(sock, select.POLLIN)
        self._buffer = bytearray()

    def send(self, message) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        self.sock.sendall(len(data).to_bytes(4, "big") + data)

    def poll(self, timeout: float) -> bool:
        """Whether a message (or the end of the stream) can be read within ``timeout`` s."""
        if self._buffer:
            return True
        return bool(self._poller.poll(max(0, int(timeout * 1000 + 0.999))))

    def recv(self):
        """The next message; :class:`EOFError` when the other side is gone."""
        self._fill(4)
        size = int.from_bytes(self._buffer[:4], "big")
        self._fill(4 + size)
        data = bytes(self._buffer[4 : 4 + size])
        del self._buffer[: 4 + size]
        return pickle.loads(data)

    def _fill(self, size: int) -> None:
        while len(self._buffer) < size:
            chunk = self.sock.recv(max(65536, size - len(self._buffer)))
            if not chunk:
                raise EOFError("the other side closed the channel")
            self._buffer += chunk

    def close(self) -> None:
        self.sock.close()


class Executor:
    """One query process and the channel to it."""

    def __init__(self, settings: ChildSettings):
        parent, child = socket.socketpair()
        self.process = _CONTEXT.Process(
            target=child_main, args=(child, settings), name="perwali-query", daemon=True
        )
        self.process.start()
        child.close()
        self.conn = Channel(parent)
        self.info: dict | None = None
        self.demoted = False
        self.cpu_idle = 0.0  # CPU seconds the process had used when it took its job

    def wait_ready(self, timeout: float = STARTUP_TIMEOUT) -> None:
        if self.info is not None:
            return
        if not self.conn.poll(timeout):
            self.kill()
            raise QueryTimeout("the query process did not start in time")
        reply = self.recv()
        if reply[0] != "ready":
            self.kill()
            raise ExecutorFailed(reply[1])
        self.info = reply[1]
        self.cpu_idle = self.info["cpu"]

    def send(self, job: dict) -> None:
        try:
            self.conn.send(job)
        except OSError as error:
            self.kill()
            raise ExecutorFailed("the query process died") from error

    def poll(self, timeout: float) -> bool:
        return self.conn.poll(timeout)

    def recv(self):
        """The reply to the job sent (the process reports its CPU time with each)."""
        try:
            self.cpu_idle, reply = self.conn.recv()
        except (EOFError, OSError) as error:
            self.kill()
            raise ExecutorFailed("the query process died", self.process.exitcode) from error
        return reply

    def cpu_used(self) -> float:
        """CPU seconds the process has used on its current job (infinite if unknown)."""
        seconds = cpu_seconds(self.process.pid)
        return float("inf") if seconds is None else seconds - self.cpu_idle

    def demote(self) -> None:
        """Give this process the lowest CPU priority, nice 19 (all its threads, since Linux
        sets it per thread; best effort). It then gets about 1.5 % of a core beside each
        busy process at normal priority, and all the CPU they leave idle."""
        self.demoted = True
        if self.process.exitcode is not None:
            return
        pid = self.process.pid
        try:
            threads = [int(t) for t in os.listdir(f"/proc/{pid}/task")]
        except OSError:  # not Linux (priority is per process there) or already gone
            threads = [pid]
        for tid in threads:
            with contextlib.suppress(OSError, AttributeError):
                os.setpriority(os.PRIO_PROCESS, tid, 19)

    def kill(self) -> None:
        # the fork server reaps its children at once: once one has ended, its pid may soon
        # name another process, so signal only a process not known to have ended
        if self.process.exitcode is None:
            with contextlib.suppress(OSError, ValueError):
                self.process.kill()
        self.process.join(5)
        if self.process.exitcode is None:  # pragma: no cover - SIGKILL is not ignorable
            log.error("query process %s did not exit after SIGKILL", self.process.pid)
        self.conn.close()

    @property
    def alive(self) -> bool:
        """Whether the process can take a job. Once it is ready and idle nothing is due
        from it, so a readable channel means its end closed (it died): one ``poll(0)``
        rather than a wait on the process sentinel on every query."""
        if self.info is None:
            return self.process.is_alive()
        return not self.conn.poll(0)


_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system, all threads) of process ``pid``; None where unknown."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rpartition(b")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


class ExecutorPool:
    """Up to ``size`` query processes shared by the threads of one web worker.

    ``warm`` processes are started ahead; more are started when all are busy, up to
    ``size``. A process is given back when it answers in time at normal priority, and
    replaced when it was demoted, killed or died. A pool created before a fork is not used
    by the child: each process id gets its own processes.
    """

    def __init__(
        self,
        settings: ChildSettings,
        *,
        size: int = 1,
        warm: int = 1,
        long_after: float = 0.1,
        long_slots: int = 1,
        long_per_client: int = 0,
    ):
        self.settings = settings
        self.size = max(1, size)
        self.warm = max(0, min(warm, self.size))
        self.long_after = long_after
        self.long_slots = long_slots
        self.long_per_client = long_per_client
        self._lock = threading.Lock()
        self._idle: list[Executor] = []
        self._slots = threading.BoundedSemaphore(self.size)
        self._long: Counter[str] = Counter()  # long queries running, by client
        self._pid = os.getpid()
        self.replaced = 0  # processes killed or retired and replaced (for tests, logs)

    def _spawn(self) -> Executor:
        return Executor(self.settings)

    def start(self) -> None:
        """Start the warm processes now rather than on the first query."""
        fresh = [self._spawn() for _ in range(self.warm - len(self._idle))]
        with self._lock:
            self._idle.extend(fresh)

    def _forget_parent(self) -> None:
        """In a forked child the processes and counts are the parent's: start afresh."""
        with self._lock:
            if os.getpid() != self._pid:
                self._idle, self._pid = [], os.getpid()
                self._slots = threading.BoundedSemaphore(self.size)
                self._long = Counter()

    def _take(self) -> Executor:
        with self._lock:
            while self._idle:
                executor = self._idle.pop()
                if executor.alive:
                    return executor
        return self._spawn()

    def _give_back(self, executor: Executor) -> None:
        with self._lock:
            self._idle.append(executor)

    def _retire(self, executor: Executor) -> None:
        """Kill ``executor``; start a replacement if fewer than ``warm`` are idle."""
        executor.kill()
        self.replaced += 1
        with self._lock:
            short = len(self._idle) < self.warm
        if short:
            fresh = self._spawn()  # it warms up while the client is answered
            with self._lock:
                self._idle.append(fresh)

    def run(self, job: dict, timeout: float, client: str = ""):
        """Run ``job`` in a query process within ``timeout`` seconds; return its reply.

        Raise :class:`QueryTimeout` past the limit, :class:`PoolBusy` when the query runs
        long and no long slot is free (or ``client`` holds its share), and
        :class:`ExecutorFailed` when the process dies.
        """
        deadline = time.monotonic() + timeout
        self._forget_parent()  # before a slot is taken: the slot released is the same
        if not self._slots.acquire(timeout=max(timeout, 0.0)):
            raise PoolBusy("all query processes of this worker are busy")
        try:
            executor = self._take()
            try:
                executor.wait_ready(deadline - time.monotonic())
                executor.send(job)
                if executor.poll(min(self.long_after, deadline - time.monotonic())):
                    return self._answered(executor)
                while executor.cpu_used() < self.long_after:  # waiting for a CPU is not long
                    if time.monotonic() >= deadline:
                        raise QueryTimeout
                    if executor.poll(min(self.long_after, deadline - time.monotonic())):
                        return self._answered(executor)
                return self._run_long(executor, deadline, client)
            except (QueryTimeout, PoolBusy, ExecutorFailed):
                self._retire(executor)
                raise
        finally:
            self._slots.release()

    def _answered(self, executor: Executor):
        reply = executor.recv()
        self._give_back(executor)
        return reply

    def _run_long(self, executor: Executor, deadline: float, client: str):
        if time.monotonic() >= deadline:
            raise QueryTimeout
        self._admit_long(client)
        try:
            executor.demote()
            if not executor.poll(deadline - time.monotonic()):
                raise QueryTimeout
            reply = executor.recv()
        finally:
            with self._lock:
                self._long[client] -= 1
                if self._long[client] <= 0:
                    del self._long[client]
        self._retire(executor)
        return reply

    def _admit_long(self, client: str) -> None:
        with self._lock:
            if self.long_per_client and self._long[client] >= self.long_per_client:
                raise PoolBusy(f"this client already runs {self.long_per_client} long queries")
            if sum(self._long.values()) >= self.long_slots:
                raise PoolBusy(f"{self.long_slots} long queries are already running")
            self._long[client] += 1

    def close(self) -> None:
        with self._lock:
            for executor in self._idle:
                executor.kill()
            self._idle = []

    def pids(self) -> list[int]:
        with self._lock:
            return [e.process.pid for e in self._idle if e.alive]


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


class ResultTooLarge(Exception):
    pass


class ResponseTooLarge(Exception):
    pass


def too_large(limit: int) -> ResultTooLarge:
    return ResultTooLarge(
        f"the query has more than {limit} results, the limit of this endpoint; "
        "nothing was truncated: add LIMIT (and OFFSET to page) to the query"
    )


def response_too_large(limit: int) -> ResponseTooLarge:
    return ResponseTooLarge(
        f"the answer is larger than {limit:,} bytes, the limit of this endpoint; nothing "
        "was truncated: select fewer or shorter values, or page with LIMIT and OFFSET"
    )


def run_job(store: ox.Store, job: dict, settings: dict):
    """Execute one job in the query process; return the reply tuple sent to the parent."""
    if job["op"] == "graphs":
        names = [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
        return ("ok", sorted(names))
    try:
        kwargs: dict = {"prefixes": settings["prefixes"], "base_iri": settings["base_iri"]}
        if job["default_graphs"] is not None:
            graphs = [ox.NamedNode(g) for g in job["default_graphs"]]
            kwargs["default_graph"] = graphs or ox.DefaultGraph()
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
        elif job["union"]:
            kwargs["use_default_graph_as_union"] = True
        result = store.query(job["query"], **kwargs)
        answer = write_result(
            result,
            job["media_type"],
            settings["max_results"],
            settings["prefixes"],
            settings["max_bytes"],
        )
        return ("ok", answer)
    except SyntaxError as error:
        return ("error", 400, "malformed-query", f"malformed query: {error}")
    except ResultTooLarge as error:
        return ("error", 422, "result-too-large", str(error))
    except ResponseTooLarge as error:
        return ("error", 422, "response-too-large", str(error))
    except (ValueError, OSError) as error:
        return ("error", 400, "query-failed", f"the query failed: {error}")


def _term_size(term) -> int:
    """A lower bound of the bytes a term takes in any result format."""
    if isinstance(term, ox.Triple):
        return sum(_term_size(t) for t in (term.subject, term.predicate, term.object))
    return len(term.value)


def write_result(
    result, media_type: str, max_results: int, prefixes: dict, max_bytes: int = 0
) -> tuple[str, bytes]:
    """Serialise a pyoxigraph result; return ``(media type, body)``.

    Raise :class:`ResultTooLarge` past ``max_results`` rows or triples and
    :class:`ResponseTooLarge` past ``max_bytes`` (checked on the terms while reading, so
    a huge value is refused before it is copied, and on the written body).
    """
    budget = max_bytes or float("inf")
    if isinstance(result, ox.QueryBoolean):
        media_type = media_type if media_type in results.BOOLEAN_WRITERS else results.JSON
        return media_type, results.BOOLEAN_WRITERS[media_type](bool(result))
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows, size, term_json = [], 0, results.term_json
        for solution in result:
            if len(rows) >= max_results:
                raise too_large(max_results)
            values = [t for t in solution]
            size += sum(_term_size(t) for t in values if t is not None)
            if size > budget:
                raise response_too_large(max_bytes)
            pairs = zip(names, values, strict=True)
            rows.append({n: term_json(t) for n, t in pairs if t is not None})
        media_type = media_type if media_type in results.SOLUTION_WRITERS else results.JSON
        body = results.SOLUTION_WRITERS[media_type](names, rows)
    else:
        triples, size = [], 0
        for triple in itertools.islice(result, max_results + 1):
            size += _term_size(triple)
            if size > budget:
                raise response_too_large(max_bytes)
            triples.append(triple)
        if len(triples) > max_results:
            raise too_large(max_results)
        media_type = media_type if media_type in results.GRAPH_FORMATS else results.TURTLE
        body = results.write_graph(triples, media_type, prefixes)
    if len(body) > budget:
        raise response_too_large(max_bytes)
    return media_type, body


def _cap_memory(megabytes: int) -> None:
    if megabytes:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def child_main(sock: socket.socket, settings: ChildSettings) -> None:
    """The query process: confine itself, open the store, answer jobs."""
    conn = Channel(sock)
    os.environ["RUST_BACKTRACE"] = "0"  # an aborted query logs one line, not a backtrace
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which kills us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    sandboxed = isolate_network() if settings.sandbox else False
    _cap_memory(settings.memory_mb)
    try:
        store = ox.Store.read_only(settings.store_dir)
    except OSError as error:
        conn.send((0.0, ("failed", f"cannot open the store in {settings.store_dir}: {error}")))
        return
    ready = {"pid": os.getpid(), "sandboxed": sandboxed, "cpu": time.process_time()}
    conn.send((ready["cpu"], ("ready", ready)))
    serve(conn, store, settings.job_settings())


def serve(conn: Channel, store: ox.Store, settings: dict) -> None:
    """Answer jobs until the parent closes the connection."""
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = run_job(store, job, settings)
        except MemoryError:
            reply = ("error", 503, "query-memory", "the query needed more memory than allowed")
        except Exception as error:  # answer, never die on one query
            print(f"query process: {type(error).__name__}: {error}", file=sys.stderr)
            reply = ("error", 500, "internal-error", "internal server error; see the server log")
        try:
            conn.send((time.process_time(), reply))
        except MemoryError:
            reply = ("error", 503, "query-memory", "the answer needed more memory than allowed")
            conn.send((time.process_time(), reply))
