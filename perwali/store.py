"""Where the graph lives: the embedded pyoxigraph store in the data folder, or a SPARQL server.

A data folder holds *generations*, one per build, and two symlinks naming the current one::

    DATA/.lock                          held (flock) by the build writing into DATA
    DATA/store   -> generations/<id>/store
    DATA/graph.nq -> generations/<id>/graph.nq
    DATA/generations/<id>/{store,graph.nq}
    DATA/pins/<pid>--<id>               a live process still reading generation <id>

A build takes the lock (a second build waits, or gives up with :class:`BuildLocked`),
writes a new generation in a staging folder, and publishes it by replacing each symlink
atomically (a new link under a temporary name, then ``os.replace``), so a reader always
finds a complete store at ``DATA/store``; a failed build leaves the current generation
untouched. Afterwards it prunes old generations, keeping the newest
:data:`KEEP_GENERATIONS` and any pinned by a live process.

A deployment that outgrows one process keeps the graph in any SPARQL 1.1 server instead
(``--store sparql:http://HOST:PORT/query``): :func:`load_into` loads it through the Graph
Store Protocol and :class:`SparqlStore` queries it.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import json
import os
import secrets
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urljoin, urlsplit

import pyoxigraph as ox
import requests

from extract.vocab import BASE

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
STORE_DIRNAME = "store"
DUMP_FILENAME = "graph.nq"
GENERATIONS_DIRNAME = "generations"
PINS_DIRNAME = "pins"
LOCK_FILENAME = ".lock"
STAGING_SUFFIX = ".partial"
#: Generations a build keeps (besides pinned ones): the new one and the one before.
KEEP_GENERATIONS = 2


class StoreError(RuntimeError):
    """The store is missing or cannot be opened."""


class BuildLocked(StoreError):
    """Another build holds the data folder's lock."""


def store_path(data_dir: Path) -> Path:
    """``DATA/store``: the current generation's store (a symlink in the generation layout)."""
    return Path(data_dir) / STORE_DIRNAME


def open_embedded(data_dir: Path, *, read_only: bool = True) -> ox.Store:
    """Open the embedded store of a build; raise :class:`StoreError` if there is none.

    The symlink is resolved first, so the store opened is one whole generation even if a
    build swaps in the next one meanwhile.
    """
    path = store_path(data_dir)
    if not path.is_dir():
        raise StoreError(f"no graph in {data_dir}: run 'perwali build' first (or pass --data DIR)")
    concrete = path.resolve()
    try:
        return ox.Store.read_only(str(concrete)) if read_only else ox.Store(str(concrete))
    except OSError as error:
        raise StoreError(f"cannot open the store in {path}: {error}") from error


# --- the build lock ---------------------------------------------------------------------

_held_locks: set[Path] = set()
_held_guard = threading.Lock()


@contextlib.contextmanager
def build_lock(
    data_dir: Path,
    *,
    wait: float | None = None,
    on_wait: Callable[[str], None] | None = None,
    poll: float = 0.2,
) -> Iterator[None]:
    """Hold the exclusive build lock of ``data_dir`` (``fcntl.flock`` on ``DATA/.lock``).

    ``wait`` is how many seconds to wait for another build (None: as long as it takes,
    0: not at all); past it :class:`BuildLocked` is raised. ``on_wait`` is told once, with
    a message naming the holder, when the lock is busy. Re-entrant within a process.
    """
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        message = f"folder data {data_dir} tidak dapat dipakai ({error.strerror})"
        raise StoreError(message) from error
    key = data_dir.resolve()
    with _held_guard:
        reentrant = key in _held_locks
    if reentrant:
        yield
        return
    fd = os.open(data_dir / LOCK_FILENAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, data_dir, wait, on_wait, poll)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        with _held_guard:
            _held_locks.add(key)
        try:
            yield
        finally:
            with _held_guard:
                _held_locks.discard(key)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(
    fd: int, data_dir: Path, wait: float | None, on_wait: Callable[[str], None] | None, poll: float
) -> None:
    deadline = None if wait is None else time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        holder = _lock_holder(fd)
        if deadline is not None and time.monotonic() >= deadline:
            raise BuildLocked(
                f"folder data {data_dir} sedang dipakai build lain{holder}; "
                "coba lagi nanti atau tunggu dengan --wait DETIK"
            )
        if not told and on_wait is not None:
            on_wait(f"menunggu build lain{holder} selesai menulis ke {data_dir} …")
            told = True
        time.sleep(poll)


def _lock_holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


# --- generations ------------------------------------------------------------------------


def current_generation(data_dir: Path) -> Path:
    """The generation folder ``DATA/store`` points at; :class:`StoreError` if there is none.

    A data folder written before generations existed (``DATA/store`` a real directory)
    has no generation until its next build.
    """
    link = store_path(data_dir)
    if not link.is_symlink():
        raise StoreError(f"no store generation in {data_dir}: run 'perwali build' first")
    target = link.resolve()
    if not target.is_dir():
        raise StoreError(f"the store of {data_dir} points at a missing folder {target}")
    return target.parent


def pin_generation(data_dir: Path, generation: Path, pid: int) -> None:
    """Keep ``generation`` from being pruned while process ``pid`` is alive."""
    pins = Path(data_dir) / PINS_DIRNAME
    pins.mkdir(parents=True, exist_ok=True)
    name = Path(generation).name
    tmp = pins / f".{pid}--{name}.{secrets.token_hex(4)}"
    tmp.write_text(name + "\n", encoding="utf-8")
    os.replace(tmp, _pin_file(data_dir, name, pid))


def unpin_generation(data_dir: Path, generation: Path, pid: int) -> None:
    """Undo :func:`pin_generation` (a missing pin is not an error)."""
    with contextlib.suppress(FileNotFoundError):
        _pin_file(data_dir, Path(generation).name, pid).unlink()


def _pin_file(data_dir: Path, name: str, pid: int) -> Path:
    return Path(data_dir) / PINS_DIRNAME / f"{int(pid)}--{name}"


def pinned_generations(data_dir: Path) -> set[str]:
    """Names of the generations pinned by live processes; stale pin files are removed."""
    pins = Path(data_dir) / PINS_DIRNAME
    live: set[str] = set()
    if not pins.is_dir():
        return live
    for pin in pins.iterdir():
        pid_text, _, name = pin.name.partition("--")
        if not pid_text.isdigit() or not name:
            continue
        if _alive(int(pid_text)):
            live.add(name)
        else:
            with contextlib.suppress(FileNotFoundError):
                pin.unlink()
    return live


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def list_generations(data_dir: Path) -> list[Path]:
    """The complete generation folders of ``data_dir``, oldest first."""
    folder = Path(data_dir) / GENERATIONS_DIRNAME
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_dir() and not path.name.endswith(STAGING_SUFFIX) and not path.is_symlink()
    )


def _new_generation_name() -> str:
    now = time.time()
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now)) + f".{int(now % 1 * 1e6):06d}Z"
    return f"{stamp}-{os.getpid()}-{secrets.token_hex(3)}"


def write_embedded(data_dir: Path, quads: Iterable[ox.Quad], *, wait: float | None = None) -> int:
    """Write ``quads`` as a new generation of ``data_dir`` and make it current; return how
    many were written. Also dumps the dataset as N-Quads (``graph.nq``) for other tools,
    in the order of ``quads``, a duplicate dropped (the first one kept).

    Holds the build lock (``wait`` as in :func:`build_lock`); on any failure the staging
    folder is removed and the current generation stays as it was.
    """
    return write_generation(data_dir, lambda dump: _dumped(quads, dump), wait=wait)


class Dump:
    """``graph.nq`` of a generation being written: N-Quads lines, each written once (the
    first of duplicates kept), in the order given. A quad is told by its line."""

    def __init__(self, file: BinaryIO):
        self._file = file
        self._seen: set[bytes] = set()

    def __len__(self) -> int:
        return len(self._seen)

    def write_lines(self, lines: Iterable[bytes]) -> None:
        """Append the N-Quads ``lines`` (without their newline) not written before."""
        fresh = []
        for line in lines:
            if line not in self._seen:
                self._seen.add(line)
                fresh.append(line)
        if fresh:
            fresh.append(b"")
            self._file.write(b"\n".join(fresh))

    def write_quads(self, quads: list[ox.Quad]) -> None:
        """Append the lines of ``quads`` not written before."""
        self.write_lines(quad_lines(quads))


def quad_lines(quads: list[ox.Quad]) -> list[bytes]:
    """The N-Quads line of each quad, in order, without its newline."""
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS).split(b"\n")[:-1]


#: ``feed(dump)`` yields the quads for the store and writes them to ``dump``.
Feed = Callable[[Dump], Iterable[ox.Quad]]


def write_generation(data_dir: Path, feed: Feed, *, wait: float | None = None) -> int:
    """Write a new generation of ``data_dir`` from ``feed`` and make it current; return how
    many quads it holds.

    ``feed(dump)`` yields the quads for the store, in any order (a duplicate does no harm),
    and writes the same quads to ``dump``, the :class:`Dump` that becomes ``graph.nq``, in
    the order the dump should have. The store's bulk loader takes each quad as it is
    yielded, and its worker threads write the store's files beside the caller's work. The
    store gets the quad objects themselves, never a parse of the dump, so blank nodes keep
    their labels (pyoxigraph's parser renames them); the dump is written from the quads,
    not read back out of the store (that costs more than loading it).

    Holds the build lock (``wait`` as in :func:`build_lock`); on any failure the staging
    folder is removed and the current generation stays as it was.
    """
    data_dir = Path(data_dir)
    with build_lock(data_dir, wait=wait):
        generations = data_dir / GENERATIONS_DIRNAME
        generations.mkdir(parents=True, exist_ok=True)
        name = _new_generation_name()
        staging = generations / (name + STAGING_SUFFIX)
        try:
            count = _write_generation(staging, feed)
            final = generations / name
            staging.rename(final)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _publish(data_dir, final)
        _drop_old_leftovers(data_dir)
        prune_generations(data_dir)
        return count


#: Quads serialised to ``graph.nq`` at a time by :func:`write_embedded`.
DUMP_CHUNK = 65_536


def _write_generation(folder: Path, feed: Feed) -> int:
    """The store and ``graph.nq`` of a new generation in ``folder``; the number of quads."""
    folder.mkdir(parents=True)
    store = ox.Store(str(folder / STORE_DIRNAME))
    try:
        with open(folder / DUMP_FILENAME, "wb") as file:
            dump = Dump(file)
            store.bulk_extend(feed(dump))
        store.flush()
    finally:
        del store  # release the RocksDB lock (the caller removes a failed generation)
    _fsync_tree(folder)
    return len(dump)


def _dumped(quads: Iterable[ox.Quad], dump: Dump) -> Iterator[ox.Quad]:
    """Yield each quad of ``quads``, its line written to ``dump`` a chunk at a time (so no
    quad object outlives its trip to the loader: freeing millions at the end costs
    seconds)."""
    chunk: list[ox.Quad] = []
    for quad in quads:
        chunk.append(quad)
        if len(chunk) >= DUMP_CHUNK:
            dump.write_quads(chunk)
            yield from chunk
            chunk = []
    dump.write_quads(chunk)
    yield from chunk


def _fsync_tree(folder: Path) -> None:
    """Flush the new generation to disk before it is published (a crash then never leaves
    the symlink pointing at half-written files)."""
    for path in [*folder.rglob("*"), folder]:
        flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0)
        with contextlib.suppress(OSError):
            fd = os.open(path, flags)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _publish(data_dir: Path, generation: Path) -> None:
    """Point ``DATA/graph.nq`` and then ``DATA/store`` at ``generation``, each atomically.

    A data folder of the old layout (a real ``DATA/store`` directory and ``DATA/graph.nq``
    file) is migrated on the way: its store and dump become a generation of their own.
    """
    relative = Path(GENERATIONS_DIRNAME) / generation.name
    legacy: Path | None = None
    for entry in (DUMP_FILENAME, STORE_DIRNAME):
        link = data_dir / entry
        if link.exists() and not link.is_symlink():
            legacy = legacy or _legacy_staging(data_dir, link)
            _migrate_entry(link, relative / entry, legacy / entry)
        else:
            _replace_symlink(link, relative / entry)
    if legacy is not None:
        legacy.rename(legacy.with_name(legacy.name.removesuffix(STAGING_SUFFIX)))


def _legacy_staging(data_dir: Path, old: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(old.stat().st_mtime))
    name = f"{stamp}.000000Z-legacy-{secrets.token_hex(3)}{STAGING_SUFFIX}"
    folder = data_dir / GENERATIONS_DIRNAME / name
    folder.mkdir(parents=True)
    return folder


def _migrate_entry(old: Path, target: Path, keep_as: Path) -> None:
    """Replace the real file or directory ``old`` by a symlink to ``target`` with no moment
    when ``old`` is missing, and move what it was to ``keep_as``. A file is hard-linked
    first; a directory is swapped in one ``renameat2(RENAME_EXCHANGE)``."""
    if old.is_file():
        os.link(old, keep_as)
        _replace_symlink(old, target)
        return
    tmp = old.with_name(f".{old.name}.{os.getpid()}.{secrets.token_hex(4)}")
    os.symlink(target, tmp)
    if _exchange(tmp, old):
        tmp.rename(keep_as)  # ``tmp`` now names the old directory
    else:  # no RENAME_EXCHANGE on this system: a gap of microseconds, once
        old.rename(keep_as)
        os.replace(tmp, old)


def _replace_symlink(link: Path, target: Path) -> None:
    tmp = link.with_name(f".{link.name}.{os.getpid()}.{secrets.token_hex(4)}")
    os.symlink(target, tmp)
    try:
        os.replace(tmp, link)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def prune_generations(data_dir: Path, keep: int = KEEP_GENERATIONS) -> list[Path]:
    """Remove old generations (caller holds the build lock): keep the newest ``keep``, the
    current one and those pinned by live processes; drop leftovers of failed builds.
    Return the folders removed."""
    data_dir = Path(data_dir)
    folder = data_dir / GENERATIONS_DIRNAME
    if folder.is_dir():
        for staging in folder.glob("*" + STAGING_SUFFIX):
            shutil.rmtree(staging, ignore_errors=True)
    generations = list_generations(data_dir)
    protected = {path.name for path in generations[-keep:]} if keep > 0 else set()
    protected |= pinned_generations(data_dir)
    with contextlib.suppress(StoreError):
        protected.add(current_generation(data_dir).name)
    removed = [path for path in generations if path.name not in protected]
    for path in removed:
        shutil.rmtree(path, ignore_errors=True)
    return removed


def _drop_old_leftovers(data_dir: Path) -> None:
    """Remove what an interrupted build may have left (``store.new`` of the old layout, a
    temporary symlink); the caller holds the lock."""
    for leftover in (STORE_DIRNAME + ".new", STORE_DIRNAME + ".old"):
        shutil.rmtree(data_dir / leftover, ignore_errors=True)
    with contextlib.suppress(FileNotFoundError):
        (data_dir / (DUMP_FILENAME + ".new")).unlink()
    for name in (STORE_DIRNAME, DUMP_FILENAME):  # temporary links of a killed build
        for link in data_dir.glob(f".{name}.*"):
            if link.is_symlink():
                with contextlib.suppress(FileNotFoundError):
                    link.unlink()


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


# --- store specifications and the external (SPARQL 1.1) backend ------------------------

EMBEDDED = "embedded"
SPARQL = "sparql"


@dataclass(frozen=True)
class StoreSpec:
    """Where the graph is: ``embedded`` (a pyoxigraph store in a data dir) or ``sparql``.

    >>> parse_store_spec("sparql:http://127.0.0.1:7878/query").gsp_url
    'http://127.0.0.1:7878/store'
    """

    kind: str  # EMBEDDED or SPARQL
    location: str  # the data dir (embedded) or the query endpoint URL (sparql)
    gsp_url: str | None = None  # Graph Store Protocol endpoint (sparql only)

    def __str__(self) -> str:
        return f"{self.kind}:{self.location}"


def parse_store_spec(
    spec: str | None, *, data_dir: Path | None = None, gsp_url: str | None = None
) -> StoreSpec:
    """Read a ``--store`` value: ``embedded``, ``embedded:DIR``, ``DIR`` or ``sparql:URL``.

    For ``sparql:URL`` the Graph Store Protocol endpoint defaults to the sibling ``store``
    of the query URL (the layout of the ``oxigraph`` server: ``/query`` and ``/store``);
    pass ``gsp_url`` for other servers (Fuseki: ``http://HOST:3030/DATASET/data``).
    """
    text = (spec or EMBEDDED).strip()
    if text.startswith(SPARQL + ":"):
        url = text[len(SPARQL) + 1 :]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise StoreError(f"--store {text!r}: expected sparql:http://HOST:PORT/PATH")
        return StoreSpec(SPARQL, url, gsp_url or urljoin(url, "store"))
    if text == EMBEDDED:
        return StoreSpec(EMBEDDED, str(Path(data_dir or DEFAULT_DATA_DIR)))
    if text.startswith(EMBEDDED + ":"):
        text = text[len(EMBEDDED) + 1 :]
    if "://" in text:
        raise StoreError(f"--store {text!r}: use sparql:URL for a SPARQL server")
    return StoreSpec(EMBEDDED, str(Path(text)))


class RemoteError(StoreError):
    """The SPARQL server answered with an error status."""

    def __init__(self, status: int, message: str):
        super().__init__(f"SPARQL server answered {status}: {message}")
        self.status = status
        self.message = message


class RemoteTimeout(StoreError):
    """The SPARQL server did not answer within the time limit."""


class RemoteTooLarge(StoreError):
    """The SPARQL server's answer is larger than the caller accepts."""


class SparqlStore:
    """Any SPARQL 1.1 server: queries via its query endpoint, loading via its Graph Store.

    The client never follows redirects and keeps one HTTP session per thread.
    """

    def __init__(self, query_url: str, gsp_url: str | None = None):
        self.query_url = query_url
        self.gsp_url = gsp_url or urljoin(query_url, "store")
        self._local = threading.local()

    @classmethod
    def from_spec(cls, spec: StoreSpec) -> SparqlStore:
        return cls(spec.location, spec.gsp_url)

    @property
    def session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            session.trust_env = False  # no proxies from the environment
            session.max_redirects = 0
        return session

    def query(
        self,
        sparql: str,
        *,
        accept: str,
        default_graphs: Iterable[str] = (),
        named_graphs: Iterable[str] = (),
        timeout: float | None = None,
        max_bytes: int | None = None,
    ) -> tuple[str, bytes]:
        """POST ``sparql`` (form-encoded); return the media type and body of the answer.

        Raise :class:`RemoteTimeout` past ``timeout`` seconds, :class:`RemoteError` for an
        error status, and :class:`RemoteTooLarge` when the answer exceeds ``max_bytes``.
        """
        form = [("query", sparql)]
        form += [("default-graph-uri", g) for g in default_graphs]
        form += [("named-graph-uri", g) for g in named_graphs]
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            with self.session.post(
                self.query_url,
                data=form,
                headers={"Accept": accept},
                timeout=timeout,
                stream=True,
                allow_redirects=False,
            ) as response:
                body = _read_capped(response, max_bytes, deadline)
        except requests.Timeout as error:
            raise RemoteTimeout(f"no answer from {self.query_url} in {timeout} s") from error
        except requests.RequestException as error:
            raise StoreError(f"cannot reach the SPARQL server {self.query_url}: {error}") from error
        if response.status_code >= 300:
            raise RemoteError(response.status_code, body.decode("utf-8", "replace")[:2000])
        media_type = response.headers.get("Content-Type", "").split(";")[0].strip()
        return media_type, body

    def named_graphs(self, timeout: float = 30) -> list[str]:
        """The IRIs of the server's named graphs, sorted."""
        _, body = self.query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }",
            accept="application/sparql-results+json",
            timeout=timeout,
        )
        rows = json.loads(body)["results"]["bindings"]
        return sorted(row["g"]["value"] for row in rows if row["g"]["type"] == "uri")

    def put_graph(self, graph: str, ntriples: bytes, timeout: float = 300) -> None:
        """Replace the named graph ``graph`` with the N-Triples ``ntriples`` (GSP PUT)."""
        self._gsp("PUT", graph, ntriples, timeout)

    def delete_graph(self, graph: str, timeout: float = 300) -> None:
        """Drop the named graph ``graph`` (GSP DELETE); a missing graph is not an error."""
        self._gsp("DELETE", graph, None, timeout)

    def _gsp(self, method: str, graph: str, body: bytes | None, timeout: float) -> None:
        headers = {"Content-Type": "application/n-triples"} if body is not None else {}
        try:
            response = self.session.request(
                method,
                self.gsp_url,
                params={"graph": graph},
                data=body,
                headers=headers,
                timeout=timeout,
                allow_redirects=False,
            )
        except requests.RequestException as error:
            raise StoreError(f"cannot reach the graph store {self.gsp_url}: {error}") from error
        if response.status_code == 404 and method == "DELETE":
            return
        if response.status_code >= 300:
            raise RemoteError(response.status_code, response.text[:2000])


def _read_capped(
    response: requests.Response, max_bytes: int | None, deadline: float | None
) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=65536):
        size += len(chunk)
        if max_bytes is not None and size > max_bytes:
            raise RemoteTooLarge(f"the SPARQL server's answer exceeds {max_bytes} bytes")
        if deadline is not None and time.monotonic() > deadline:
            raise requests.Timeout("reading the answer took too long")
        chunks.append(chunk)
    return b"".join(chunks)


def load_into(
    store: str | StoreSpec,
    source: Iterable[ox.Quad] | Path | str,
    *,
    data_dir: Path | None = None,
    prune_prefix: str | None = BASE,
) -> int:
    """Load a dataset into the store named by ``store``; return how many quads were loaded.

    ``source`` is an iterable of quads or the path of an N-Quads file (``data/graph.nq``).
    An embedded store is replaced as a whole (:func:`write_embedded` into ``data_dir``, or
    the dir named in the spec). A SPARQL server gets each named graph replaced by a Graph
    Store Protocol ``PUT``; its named graphs under ``prune_prefix`` that the dataset no
    longer has are deleted (``None`` prunes every other graph, ``""`` none). Quads in the
    default graph are refused there: the endpoint's default graph is the union of the
    named graphs.

    >>> load_into("sparql:http://127.0.0.1:7878/query", Path("data/graph.nq"))  # doctest: +SKIP
    """
    spec = store if isinstance(store, StoreSpec) else parse_store_spec(store, data_dir=data_dir)
    quads: Iterable[ox.Quad]
    if isinstance(source, str | Path):
        quads = ox.parse(path=str(source), format=ox.RdfFormat.N_QUADS)
    else:
        quads = source
    if spec.kind == EMBEDDED:
        return write_embedded(Path(spec.location), quads)
    graphs: dict[str, list[ox.Triple]] = {}
    for quad in quads:
        if not isinstance(quad.graph_name, ox.NamedNode):
            raise StoreError(f"quad outside a named graph cannot be loaded: {quad}")
        graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
    remote = SparqlStore.from_spec(spec)
    for graph, triples in graphs.items():
        remote.put_graph(graph, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
    if prune_prefix != "":
        for graph in remote.named_graphs():
            if graph not in graphs and graph.startswith(prune_prefix or ""):
                remote.delete_graph(graph)
    return sum(len(triples) for triples in graphs.values())
