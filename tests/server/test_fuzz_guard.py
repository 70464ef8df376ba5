"""Property-based fuzzing of the guard: no query up to the request cap crashes anything.

Hypothesis builds nested and flat shapes (every reproduction of issue 7 and its
neighbours, at sizes up to 65,536 bytes and right around each limit) and random token
soups. For each: the guard answers (facts or a :class:`Refusal`, nothing else) in bounded
time, and every query it accepts runs in pyoxigraph, in a child process per batch, which
must exit normally: a SIGSEGV there is a finding, not a dead pytest. About 20 s.
"""

from __future__ import annotations

import json
import select
import subprocess
import sys
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.guard import Refusal, check_query, inspect_query
from server.guard_limits import DEFAULT_LIMITS

CAP = 65_536
LIMITS = DEFAULT_LIMITS

# (prefix, repeated opener, middle, repeated closer, suffix): one nesting or chain shape
SHAPES = {
    "braces": ("SELECT * ", "{", "", "}", ""),
    "parens": ("SELECT * { FILTER(", "(", "1", ")", ") }"),
    "subselect": ("SELECT * WHERE ", "{ SELECT * WHERE ", "{}", "}", ""),
    "optional": ("SELECT * { ?s ?p ?o ", "OPTIONAL { ?s ?p ?o ", "", "}", "}"),
    "exists": ("SELECT * { ", "FILTER EXISTS { ", "", "}", " }"),
    "path": ("SELECT * { ?s ", "(", "<http://e/p>", ")*", " ?o }"),
    "brackets": ("SELECT * { ?s ?p ", "[ ?p ", "1", "]", " }"),
    "collection": ("SELECT * { ?s ?p ", "( ", "1", " )", " }"),
    "bang": ("SELECT * { FILTER(", "!", "true", "", ") }"),
    "inverse": ("SELECT * { ?s ", "^", "<http://e/p>", "", " ?o }"),
    "or_chain": ("SELECT * { FILTER(true", "||true", "", "", ") }"),
    "plus_chain": ("SELECT * { BIND(1", "+1", "", "", " AS ?x) }"),
    "union_chain": ("SELECT * { {}", " UNION {}", "", "", " }"),
    "minus_chain": ("SELECT * { ?s ?p ?o", " MINUS{}", "", "", " }"),
    "bind_chain": ("SELECT * {", " BIND(1 AS ?x)", "", "", " }"),
    "select_chain": ("SELECT", " (1 AS ?x)", "", "", " {}"),
    "triples": ("SELECT * {", " ?s ?p ?o.", "", "", " }"),
    "objects": ("SELECT * { ?s ?p ?o", ",?o", "", "", " }"),
}
LIMIT_OF = {  # the limit each shape runs into
    "bang": LIMITS.unary,
    "inverse": LIMITS.unary,
    **{name: LIMITS.chain for name in SHAPES if name.endswith(("chain", "triples", "objects"))},
}


def build(shape: str, count: int) -> str:
    """``shape`` repeated ``count`` times, cut to fit the request cap."""
    prefix, opener, middle, closer, suffix = SHAPES[shape]
    fixed = len(prefix) + len(middle) + len(suffix)
    count = max(0, min(count, (CAP - fixed) // max(1, len(opener) + len(closer))))
    return prefix + opener * count + middle + closer * count + suffix


@st.composite
def nested(draw) -> str:
    shape = draw(st.sampled_from(sorted(SHAPES)))
    limit = LIMIT_OF.get(shape, LIMITS.depth)
    count = draw(
        st.one_of(
            st.integers(limit - 2, limit + 2),  # right around the limit
            st.integers(1, CAP),  # anything up to the cap (cut to fit)
            st.sampled_from([2_000, 3_000, 5_000, 10_000, 30_000]),  # issue 7's sizes
        )
    )
    return build(shape, count)


TOKENS = (
    "SELECT * WHERE { } ( ) [ ] ?x ?y <http://e/a> <http://e/b#c> ex:b 'str' \"s\" 1 2.5 "
    "|| && < > <= = != ! + - * / ^ | ; , . a OPTIONAL UNION MINUS FILTER BIND AS VALUES "
    "EXISTS NOT GRAPH ?g STR( REGEX( COUNT( GROUP BY ORDER LIMIT 10 true false '''x''' "
    "# \\n _:b <<( )>> @en ^^ UNDEF"
).split(" ")


@st.composite
def soup(draw) -> str:
    """Random SPARQL tokens, sometimes a few, sometimes up to the request cap."""
    size = draw(st.sampled_from([10, 100, 1_000, 10_000, 20_000]))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = __import__("random").Random(seed)
    words = [rng.choice(TOKENS) for _ in range(size)]
    separators = [rng.choice([" ", "", "\n"]) for _ in range(size)]
    text = "".join(w + s for w, s in zip(words, separators, strict=True))
    return text.replace("\\n", "\n")[:CAP]


def guard(query: str) -> tuple[bool, float]:
    """(accepted?, CPU seconds) — anything but facts or a Refusal fails the test."""
    started = time.thread_time()  # CPU time: a busy CI machine does not inflate it
    try:
        check_query(inspect_query(query, {"ex": "http://e/"}), {"http://e/g"})
        accepted = True
    except Refusal as refusal:
        assert refusal.status in (400, 403) and refusal.code and refusal.message
        accepted = False
    return accepted, time.thread_time() - started


_CHILD = r"""
import json, sys
import pyoxigraph as ox
store = ox.Store()
store.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("o")))
for query in json.load(sys.stdin):
    try:
        result = store.query(query)
        if not isinstance(result, ox.QueryBoolean):
            for _, _row in zip(range(100), result):
                pass
    except Exception:
        pass
    sys.stdout.write(".\n")
    sys.stdout.flush()
"""
PER_QUERY = 5.0  # seconds; a slower query is skipped (slow is the time limit's job)


def run_in_oxigraph(queries: list[str]) -> list[str]:
    """Run ``queries`` in a child process that must survive each of them (no SIGSEGV).

    The child reports each query done; one still running after :data:`PER_QUERY` is
    killed with its child, which is restarted for the rest. Returns the slow queries.
    """
    slow, pending = [], list(queries)
    while pending:
        done = _run_batch(pending)
        if done < len(pending):
            slow.append(pending[done])
        pending = pending[done + 1 :]
    return slow


def _run_batch(queries: list[str]) -> int:
    """How many of ``queries`` a fresh child finished before one took too long."""
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0
    )
    child.stdin.write(json.dumps(queries).encode())
    child.stdin.close()
    done = 0
    try:
        while True:
            if not select.select([child.stdout], [], [], PER_QUERY)[0]:
                return done  # too slow: killed below, the rest goes to a new child
            if not child.stdout.readline():
                code = child.wait()
                assert code == 0, f"pyoxigraph died ({code}) on: {queries[done]!r:.300}"
                return len(queries)
            done += 1
    finally:
        child.kill()
        child.wait()
        child.stdout.close()


FUZZ = settings(
    max_examples=12,
    deadline=None,  # a batch includes a child process; the guard's own time is asserted
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


@FUZZ
@given(st.lists(nested(), min_size=1, max_size=40))
def test_nested_queries_are_refused_or_run(queries):
    accepted = []
    for query in queries:
        ok, seconds = guard(query)
        assert seconds < 0.25  # the bench holds it to 50 ms on a quiet machine
        if ok:
            accepted.append(query)
    run_in_oxigraph(accepted)


@FUZZ
@given(st.lists(soup(), min_size=1, max_size=20))
def test_random_queries_are_refused_or_run(queries):
    accepted = []
    for query in queries:
        ok, seconds = guard(query)
        assert seconds < 0.25
        if ok:
            accepted.append(query)
    run_in_oxigraph(accepted)


def test_limits_hold_right_at_the_edge():
    """The deepest, longest queries the limits accept run; one more is refused."""
    edge = {name: LIMIT_OF.get(name, LIMITS.depth) for name in SHAPES}
    accepted, refused = [], []
    for name, limit in edge.items():
        # the prefix of a shape may already hold a bracket or a chain element: find the
        # largest count accepted, then check it runs and that the next is refused
        count = limit
        while count > 0 and not guard(build(name, count))[0]:
            count -= 1
        assert count >= limit // 2 - 3, (name, count)  # (UNION {} counts two: word, group)
        accepted.append(build(name, count))
        refused.append(guard(build(name, count + 1))[0])
    run_in_oxigraph(accepted)  # (the triples at the limit are slow: the time limit's job)
    assert not any(refused)
