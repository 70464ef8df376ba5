"""How long the query guard takes on the worst inputs up to the request cap (64 KB).

    python bench/guard_speed.py [--repeat 5]

Prints one row per input: its size, the guard's verdict and its slowest time over
``--repeat`` runs, then the maximum. The target (issue 7): every input up to
``MAX_REQUEST_BYTES`` is inspected in at most 50 ms. Runs in a few seconds.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server.guard import Refusal, check_query, inspect_query
from server.guard_limits import DEFAULT_LIMITS

CAP = 65_536
TARGET_MS = 50.0


def fill(unit: str, prefix: str = "", suffix: str = "") -> str:
    """``prefix`` + ``unit`` repeated + ``suffix``, at most CAP bytes."""
    room = CAP - len((prefix + suffix).encode())
    return prefix + unit * (room // len(unit.encode())) + suffix


def under_limits(unit: str, count: int, prefix: str, suffix: str) -> str:
    """The biggest query the limits let through, padded to the cap with a comment."""
    text = prefix + unit * count + suffix
    return text + "\n#" + "x" * max(0, CAP - len(text.encode()) - 3)


def random_tokens(seed: int = 7) -> str:
    rng = random.Random(seed)
    pieces = "SELECT * { } ( ) [ ] ?x <http://e/a> ex:b 'str' \"s\" 1 2.5 || && < > = ! + - "
    pieces += "FILTER BIND AS UNION OPTIONAL SERVICE FROM a ; , . ^ | / * # \\u0027 '''"
    words = pieces.split(" ")
    out, size = [], 0
    while size < CAP - 40:
        word = rng.choice(words)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:CAP]


def inputs() -> dict[str, str]:
    limits = DEFAULT_LIMITS
    return {
        "'{'*3000 + '}'*3000 (issue)": "SELECT * " + "{" * 3000 + "}" * 3000,
        "5,000 nested ( (issue)": "SELECT * { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
        "2,000 nested sub-SELECTs (issue)": "SELECT * WHERE "
        + "{ SELECT * WHERE " * 2000
        + "{}"
        + "}" * 2000,
        "5,000 nested OPTIONAL (issue)": "SELECT * { ?s ?p ?o "
        + "OPTIONAL { ?s ?p ?o " * 5000
        + "}" * 5000
        + "}",
        "10,000 || (issue)": "SELECT * { FILTER(" + "||".join(["1"] * 10_000) + ") }",
        "30,000 ! (issue)": "SELECT * { FILTER(" + "!" * 30_000 + "true) }",
        "10,000 nested (<p>)* (issue)": "SELECT * { ?s "
        + "(" * 10_000
        + "<p>"
        + ")*" * 10_000
        + " ?o }",
        "'a-' * 16000 (issue)": "a-" * 16_000,
        "'a-' * 32768": "a-" * 32_768,
        "'a-a.' pname runs": fill("a-a.a"),
        "64 KB of '<'": fill("<"),
        "64 KB of '<a'": fill("<a"),
        "64 KB of '!'": fill("!"),
        "64 KB of '('": fill("("),
        '64 KB of "\'"': fill("'"),
        '64 KB of "\\\\\'"': fill("\\'", "SELECT ('"),
        "one 64 KB string": fill("x", "SELECT ('", "' AS ?x) {}"),
        "one 64 KB long string": fill("x'", "SELECT ('''", "''' AS ?x) {}"),
        "one 64 KB IRI": fill("a", "SELECT * { <http://e/", "> ?p ?o }"),
        "unterminated IRIs '<a<a'": fill("<aa"),
        "64 KB of comments": fill("# SERVICE <http://x/> {}\n", "SELECT * {", "}"),
        "64 KB of \\u escapes": fill("\\u0041", "SELECT * { ?s ?p ?o } #"),
        "64 KB of random tokens": random_tokens(),
        "64 KB random tokens with \\u": random_tokens(11) + "\\u0041",
        "max tokens: ?x ?x ...": under_limits("?x ", limits.tokens - 5, "SELECT * {", "}"),
        "max chain: 1+1+...": under_limits("1+", limits.chain, "SELECT * { BIND(", "1 AS ?x) }"),
        "max depth: nested {": under_limits("{", limits.depth - 1, "SELECT * ", "") + "}" * 0,
        "many FROM <g>": fill(" FROM <http://e/g>", "SELECT *", " {}"),
    }


def measure(text: str, repeat: int) -> tuple[float, str]:
    worst, verdict = 0.0, ""
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            check_query(inspect_query(text), {"http://e/g"})
            verdict = "accepted"
        except Refusal as refusal:
            verdict = f"{refusal.status} {refusal.code}"
        worst = max(worst, time.perf_counter() - started)
    return worst * 1000, verdict


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"| input | bytes | verdict | guard ms (max of {args.repeat}) |")
    print("|---|---|---|---|")
    overall = 0.0
    for name, text in inputs().items():
        ms, verdict = measure(text, args.repeat)
        overall = max(overall, ms)
        print(f"| {name} | {len(text.encode())} | {verdict} | {ms:.1f} |", flush=True)
    status = "within" if overall <= TARGET_MS else "OVER"
    print(f"\nmax guard time: {overall:.1f} ms ({status} the {TARGET_MS:.0f} ms target)")
    return 0 if overall <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
