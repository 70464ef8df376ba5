"""How complex a query may be before any parser sees it (pyoxigraph's parser recurses).

pyoxigraph's SPARQL parser is recursive descent on the thread's stack: past a few
thousand nested brackets, or a few thousand elements in one flat chain (each binary
operator, each triple, ``OPTIONAL``, ``MINUS``, ``BIND``, ``UNION``... nests the algebra one
level deeper), it overflows the stack and the process dies with SIGSEGV, taking the
worker and the client's answer with it. Measured on the project's machine (8 MB stacks,
pyoxigraph 0.5.13, ``python bench/guard_speed.py --probe``):

=============================================  ======================
shape                                          the parser dies at
=============================================  ======================
nested ``FILTER EXISTS {``                     848 levels
nested ``{``                                   2,208 levels (4.4 KB)
nested sub-``SELECT`` / ``OPTIONAL``           2,560 / 2,624 levels
nested ``(`` in an expression / in a path      4,672 / 13,824 levels
``MINUS`` / ``BIND`` / ``(1 AS ?x)`` in a row  2,624
``UNION`` / ``+`` / ``||`` in a row            6,656 / 6,912 / 9,472
triples in one group                           8,192
a run of ``!``                                 about 9,300
=============================================  ======================

The defaults below are 10x or more under every figure (and still under them on a 1 MB
stack) and 8x or more above the example queries in ``server/queries`` (depth <= 4,
chains <= 12, <= 67 tokens). The token limit also bounds the guard's own time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from server.errors import ApiError
from server.messages import register_messages
from server.sparql_lexer import Shape

register_messages(
    {
        "query-too-complex": (
            "Kueri terlalu rumit untuk dibaca dengan aman (terlalu dalam atau terlalu "
            "panjang); sederhanakan kueri. Rincian: {detail}"
        ),
        "query-ambiguous": (
            "Kueri dapat dibaca dengan dua cara: '<' di sini bisa berarti 'kurang dari' "
            "atau awal sebuah IRI. Beri spasi sesudah '<' pada perbandingan. Rincian: {detail}"
        ),
    }
)


@dataclass(frozen=True)
class Limits:
    """The most a query may have of each measure of :class:`~server.sparql_lexer.Shape`."""

    depth: int = 64  # nested ( [ { <<
    chain: int = 256  # binary operators or group elements at one bracket level
    unary: int = 32  # unary operators in a row
    tokens: int = 10_000  # tokens in all (bounds the guard's own time)

    @classmethod
    def from_config(cls, config: Mapping) -> Limits:
        """The limits of an app's settings (``MAX_QUERY_DEPTH`` ... ``MAX_QUERY_TOKENS``)."""
        return cls(
            depth=int(config.get("MAX_QUERY_DEPTH", cls.depth)),
            chain=int(config.get("MAX_QUERY_CHAIN", cls.chain)),
            unary=int(config.get("MAX_QUERY_UNARY", cls.unary)),
            tokens=int(config.get("MAX_QUERY_TOKENS", cls.tokens)),
        )

    def as_shape(self) -> Shape:
        """The limits as a :class:`~server.sparql_lexer.Shape` for :func:`scan`."""
        return Shape(self.depth, self.chain, self.unary, self.tokens)


DEFAULT_LIMITS = Limits()


class Refusal(ApiError):
    """A query the endpoint will not run (``status`` 400 or 403, a ``code``, a message)."""


_WHAT = {
    "depth": "brackets nested more than {limit} deep",
    "chain": "more than {limit} operators or pattern elements at one level",
    "unary": "more than {limit} unary operators in a row",
    "tokens": "more than {limit} tokens",
}


def check_shape(shape: Shape, limits: Limits) -> None:
    """Raise ``query-too-complex`` (400) if ``shape`` exceeds ``limits``."""
    for measure in ("tokens", "depth", "chain", "unary"):
        value, limit = getattr(shape, measure), getattr(limits, measure)
        if value > limit:
            refuse_shape(measure, value, limit)


def refuse_shape(measure: str, value: int, limit: int) -> None:
    """Raise ``query-too-complex`` (400) naming the ``measure`` past its ``limit``."""
    what = _WHAT[measure].format(value=value, limit=limit)
    raise Refusal(
        400,
        "query-too-complex",
        f"the query is too complex to read safely: {what}; the limits are in the "
        "endpoint's documentation (MAX_QUERY_*)",
    )
