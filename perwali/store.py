"""Where the graph lives: the embedded pyoxigraph store in the data folder.

A build writes the whole dataset into a fresh store beside the old one and swaps it in
only when everything is written, so a failed build never leaves a half-written store and
never alters the one that was there.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
STORE_DIRNAME = "store"
DUMP_FILENAME = "graph.nq"


class StoreError(RuntimeError):
    """The store is missing or cannot be opened."""


def store_path(data_dir: Path) -> Path:
    return Path(data_dir) / STORE_DIRNAME


def open_embedded(data_dir: Path, *, read_only: bool = True) -> ox.Store:
    """Open the embedded store of a build; raise :class:`StoreError` if there is none."""
    path = store_path(data_dir)
    if not path.is_dir():
        raise StoreError(
            f"no graph in {data_dir}: run 'perwali build' first (or pass --data DIR)"
        )
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as error:
        raise StoreError(f"cannot open the store in {path}: {error}") from error


def write_embedded(data_dir: Path, quads: Iterable[ox.Quad]) -> int:
    """Replace the store of ``data_dir`` with ``quads``; return how many were written.

    Also dumps the dataset as N-Quads (``graph.nq``) for other tools.
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    fresh = data_dir / (STORE_DIRNAME + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    store = ox.Store(str(fresh))
    store.bulk_extend(quads)
    store.flush()
    count = len(store)
    dump_tmp = data_dir / (DUMP_FILENAME + ".new")
    store.dump(str(dump_tmp), ox.RdfFormat.N_QUADS)
    del store  # release the RocksDB lock before the swap
    old = data_dir / (STORE_DIRNAME + ".old")
    shutil.rmtree(old, ignore_errors=True)
    target = store_path(data_dir)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    dump_tmp.replace(data_dir / DUMP_FILENAME)
    shutil.rmtree(old, ignore_errors=True)
    return count
