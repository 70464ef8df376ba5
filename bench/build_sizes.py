"""Build time against the size of one regulation: is it linear?

    python bench/build_sizes.py [--sizes 1 2 4 8] [--profile 4]

Each size is one synthetic regulation made from Perwali Palu 28/2023: its title block,
preamble and BAB I-V, then BAB II-V repeated until the text has the size asked for, then
its closing BAB VI and signature block. In the repeats every BAB and Bagian heading
becomes a Paragraf heading and every Pasal is renumbered, all numbered on, so the text
stays a well-formed regulation (one BAB per Roman numeral would run out past CCCXCIX).
Each is built by ``perwali build`` in a fresh process (a corpus of that one file, a fresh
data folder); the table gives wall seconds, MB/s and seconds per MB (flat when the build
is linear), CPU seconds, peak memory and the load average. ``--profile MB`` prints the
top of a cProfile of the build of that size instead, all in one process (no workers).
Target: a 4 MB regulation builds in < 10 s.

How a build spends its time (since the write path of issue 7): the corpus is parsed in
the build process; forked workers (``extract/semantic_pool.py``, one per core) analyse
the provisions in parts of about 1 MB, cut before a Pasal, and send back their semantic
quads as N-Quads; meanwhile the build process makes the structure quads; every quad goes
into one ``Store.bulk_extend`` as soon as it exists (structure first, then each part as it
comes back), and ``graph.nq`` is written in corpus order from the same N-Quads lines.
The cyclic garbage collector is paused during the build (a fifth of the CPU time went to
re-scanning millions of live objects).

Where the time goes (4 MB, 1.57M quads, CPU s, load average ~2): the store's bulk loader
~13, taking the quads from Python included (pyoxigraph: per batch of 1,000,000 quads one
thread sorts the keys of nine indexes, ``memcmp`` and ``malloc`` dominating a ``perf``
profile; the cost does not depend on how the quads are fed), the semantic stage ~11 in
the workers (spaCy ~2.6, references ~2.4, semantic quads ~3, norms ~1, topics ~1),
parsing ~1.5, structure quads ~2, the quads' trip through N-Quads between the workers and
the build process ~2, the dump and dropping duplicates ~1.5.

Why a 4 MB regulation does not build in < 10 s on 2 cores: the CPU total is ~31 s, so
even perfect use of both cores takes ~15 s; and the loader starts a batch only once it
holds 1,000,000 quads (the batch size is not exposed by pyoxigraph 0.5), so its first
batch (~7-8 s in one thread) can start only after the parse, the structure quads and half
of the semantic stage. Closing the gap needs a cheaper store load (a loader with smaller
batches, or one that keeps blank node labels when it parses N-Quads so that it can run
in its own process from the dump) or a semantic stage several times cheaper.

Measured on the shared 2-core machine, the same hour, load average 1.5-2.3 (wall seconds
vary with the other work on the machine; CPU is user + system of the build and its
workers; peak is the largest process):

    size MB   before: wall s  cpu s    after: wall s  cpu s  peak MB
      1.01            10.5    10.4            7.0     8.8     669
      2.01            17.6    17.5           12.8    16.6    1123
      4.03            42.3    36.0           18.9    31.9    1933
      8.03            61.3    71.0           40.3    69.2    2745

Before, with the machine at load average 10-14 (the first write path):

    size MB   wall s   cpu s
      1.01     76.1     14.3
      2.01    159.8     26.7
      4.03    165.8     47.0
      8.03    447.6    107.1
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extract.numbering import ORDINAL_PATTERN  # noqa: E402

SOURCE = REPO / "corpus" / "palu-28-2023.txt"
MIDDLE_START = "BAB II\n"
MIDDLE_END = "BAB VI KETENTUAN PENUTUP"
GROUP_LINE = re.compile(rf"^(?:BAB\s+[IVXLC]+|Bagian\s+{ORDINAL_PATTERN})\b", re.M)
PARAGRAF_LINE = re.compile(r"^Paragraf\s+\d+", re.M)
PASAL_LINE = re.compile(r"^(\W*)Pasal\s+(\d+)\s*$", re.M)
MB = 1024 * 1024


def synthetic_regulation(size: int, source: Path = SOURCE) -> str:
    """A regulation text of about ``size`` bytes (never less), renumbered to run on."""
    text = source.read_text(encoding="utf-8")
    start, end = text.index(MIDDLE_START), text.index(MIDDLE_END)
    head, middle, tail = text[:end], text[start:end], text[end:]
    repeat = GROUP_LINE.sub("Paragraf 0", middle)
    pieces = [head]
    total = len(head.encode()) + len(tail.encode())
    while total < size:
        pieces.append(repeat)
        total += len(repeat.encode())
    pieces.append(tail)
    return _renumber("".join(pieces))


def _renumber(text: str) -> str:
    """Number every Paragraf and every Pasal heading in sequence."""
    paragraf = iter(range(1, 10_000_000))
    text = PARAGRAF_LINE.sub(lambda m: f"Paragraf {next(paragraf)}", text)
    pasal = iter(range(1, 10_000_000))
    return PASAL_LINE.sub(lambda m: f"{m[1]}Pasal {next(pasal)}", text)


def build_seconds(text: str) -> tuple[float, float, float, int]:
    """Wall and CPU seconds and peak memory (MB, the largest process) of ``perwali build``
    over a corpus of just ``text``; its exit code. CPU time (user + system of the build and
    its worker processes) is the steadier figure on a busy machine."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        (corpus / "palu-28-2023.txt").write_text(text, encoding="utf-8")
        data = str(Path(tmp) / "data")
        command = [sys.executable, "-m", "perwali.cli", "build", "--corpus", str(corpus)]
        started = time.perf_counter()
        with subprocess.Popen(
            [*command, "--data", data],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        ) as child:
            stderr = child.stderr.read() if child.stderr else b""
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
    if child.returncode != 0:
        print(stderr.decode("utf-8", "replace")[-2000:], file=sys.stderr)
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, child.returncode


def profile(size: int, top: int = 30) -> None:
    """A cProfile of the build of ``size`` bytes, all in this process (no worker)."""
    from extract.semantic_pool import WORKERS_VARIABLE
    from perwali.build import build

    os.environ[WORKERS_VARIABLE] = "1"

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        (corpus / "palu-28-2023.txt").write_text(synthetic_regulation(size), encoding="utf-8")
        profiler = cProfile.Profile()
        profiler.enable()
        build(corpus, Path(tmp) / "data")
        profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    print(out.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4, 8], help="MB")
    parser.add_argument("--profile", type=float, help="profile the build of this size (MB)")
    args = parser.parse_args()
    if args.profile:
        profile(int(args.profile * MB))
        return 0
    header = f"{'size MB':>8} {'Pasal':>7} {'seconds':>8} {'cpu s':>7} {'MB/s':>6} {'s/MB':>6}"
    print(f"{header} {'peak MB':>8} {'load':>5}  exit")
    failed = False
    for size_mb in args.sizes:
        text = synthetic_regulation(int(size_mb * MB))
        megabytes = len(text.encode()) / MB
        pasal = len(PASAL_LINE.findall(text))
        seconds, cpu, peak, code = build_seconds(text)
        failed |= code != 0
        print(
            f"{megabytes:8.2f} {pasal:7d} {seconds:8.2f} {cpu:7.2f} {megabytes / seconds:6.2f} "
            f"{seconds / megabytes:6.2f} {peak:8.0f} {os.getloadavg()[0]:5.2f}  {code}",
            flush=True,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
