"""A linear-time SPARQL lexer for the guard, following the grammar where lexing depends on it.

Two places make a context-free tokeniser disagree with a SPARQL parser, and both decide
where strings and comments begin, hence whether a ``SERVICE`` is code or text:

* ``<`` starts an IRI, or is the less-than operator. The grammar has operators only inside
  an ``Expression``, and every expression sits inside parentheses (brackets, function
  arguments, ``BIND``, ``SELECT``/``GROUP BY`` ``( … AS ?v )``); there, ``<`` is the operator
  right after an operand and an IRI anywhere else. So the lexer keeps a stack of the
  brackets it is in and what each one holds (:class:`Frame`); a ``(`` it cannot place for
  sure counts as an expression. Where it reads the operator but an IRI could also start
  (``1<'>'``: ``<'>`` is a lexically valid IRI), and that IRI would hide a ``'`` or ``#``
  (so the two readings would put strings or comments in different places), the scan
  records the spot in :attr:`Scan.ambiguous`; the guard refuses such a query rather than
  guess which reading a given engine takes (Jena's tokeniser, for one, reads the IRI).
* ``\\u`` escapes: SPARQL 1.1 decodes them before parsing (rdflib, Jena do); oxigraph
  decodes them only inside strings and IRIs. :func:`scan` reads either way (``decode``);
  the guard reads both when a query has an escape.

Every step consumes input and no pattern backtracks over more than a run of trailing dots,
so a scan is linear in the length of the query. While scanning it measures what makes a
recursive-descent parser recurse (:class:`Shape`): bracket depth, the longest chain at
one level (binary operators, and the elements of a group: triples, ``OPTIONAL``,
``UNION``, ``BIND``, sub-groups…, each of which nests pyoxigraph's algebra one level
deeper), the longest run of unary operators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

IRI, PNAME, VAR, WORD, STRING, NUMBER, LANGTAG, BNODE, PUNCT = (
    "iri pname var word string number langtag bnode punct".split()
)
UNTERMINATED = "unterminated"  # a quote that opens no complete string: the scan stops

# the frames a bracket opens: what may appear inside it
QUERY, PATTERN, EXPR, LIST, DATA = "query pattern expr list data".split()

ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_NAME = r"\w\u00b7\u0300-\u036f\u203f\u2040"  # a superset of PN_CHARS without '-'
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_LOCAL = rf"(?:[{_NAME}:\-]|{_PLX})(?:(?:[{_NAME}.:\-]|{_PLX})*(?:[{_NAME}:\-]|{_PLX}))?"
_IRI_CHAR = r"[^<>\"{}|^`\\\x00-\x20]"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"

_WS = r"[ \t\r\n]*+"  # the blanks after a token are consumed with it
_STRINGS = {
    "'": r"('''(?:[^'\\]++|\\[\s\S]|'(?!''))*+'''|'(?:[^'\\\n\r]++|\\.)*+')",
    '"': r'("""(?:[^"\\]++|\\[\s\S]|"(?!""))*+"""|"(?:[^"\\\n\r]++|\\.)*+")',
}


def _dispatch(iri_chars: str) -> dict[str, tuple[re.Pattern, tuple[str | None, ...]]]:
    """Per first character: the pattern of the token it starts (with the blanks after
    it) and the kind of each of the pattern's groups (None: a comment)."""

    def entry(pattern: str, *kinds: str | None) -> tuple[re.Pattern, tuple[str | None, ...]]:
        return re.compile(pattern + _WS), kinds

    punct = entry(r"(\|\||&&|!=|<=|>=|<<|>>|\^\^|[\s\S])", PUNCT)
    table = {chr(c): punct for c in range(128)}
    name = entry(
        rf"(?:((?:[^\W\d_]\w*+)?:(?:{_LOCAL})?)|([^\W\d_]\w*+)|([\s\S]))", PNAME, WORD, PUNCT
    )
    for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ:":
        table[c] = name
    for quote, body in _STRINGS.items():
        table[quote] = entry(rf"(?:{body}|([{quote}]))", STRING, UNTERMINATED)
    table["<"] = entry(rf"(?:(<{iri_chars}*+>)|(<=|<<|<))", IRI, PUNCT)
    table["#"] = entry(r"(\#[^\n\r]*+)", None)
    table["@"] = entry(r"(?:(@[a-zA-Z]++(?:-[a-zA-Z0-9]++)*+)|(@))", LANGTAG, PUNCT)
    table["_"] = entry(rf"(?:(_:[{_NAME}](?:[{_NAME}.\-]*[{_NAME}\-])?)|(_))", BNODE, PUNCT)
    table["?"] = table["$"] = entry(rf"(?:([?$][{_NAME}]++)|([?$]))", VAR, PUNCT)
    number = r"\d++(?:\.\d*+)?(?:[eE][+-]?\d++)?|\.\d++(?:[eE][+-]?\d++)?"
    for c in "0123456789.":
        table[c] = entry(rf"(?:({number})|(\.))", NUMBER, PUNCT)
    table[""] = name  # any other character (letters beyond ASCII)
    return table


DISPATCH_DECODED = _dispatch(_IRI_CHAR)  # after \u decoding: no escapes left in IRIs
DISPATCH_RAW = _dispatch(f"(?:{_IRI_CHAR}|{_UCHAR})")  # oxigraph: \u escapes inside IRIs
_BLANKS = re.compile(_WS)
_LONG_PREFIX = re.compile(rf"[{_NAME}.\-]*+")  # a prefix with '-' or '.' (my-ns:x)
_PNAME_REST = re.compile(rf":(?:{_LOCAL})?")

# after these, an expression expects an operand: '<' there can only start an IRI
_BEFORE_OPERAND = frozenset("( , ; || && = != < <= > >= + - * / ! ^^ <<".split())
BINARY = frozenset("|| && = != < <= > >= + - * / |".split())
UNARY = frozenset("! + - ^".split())
# each of these adds one level to the algebra tree pyoxigraph builds (a left-deep chain of
# joins, unions, extensions), as does each binary operator and each nested group
CHAIN_WORDS = frozenset("UNION OPTIONAL MINUS BIND GRAPH SERVICE VALUES FILTER AS EXISTS".split())
_LIST_SEPARATORS = frozenset(". ; ,".split())  # triples and their lists, outside expressions
_PREFIX_CHARS = frozenset("-.\u00b7")  # a word followed by one may be a long prefix
_CLOSERS = {"(": ")", "[": "]", "{": "}", "<<": ">>"}


@dataclass
class Frame:
    """One open bracket: what it holds (``kind``), how it closes, its operator chain."""

    kind: str
    closer: str
    chain: int = 0
    empty: bool = True  # no token inside yet (a '{' whose first word is SELECT is a query)


@dataclass
class Shape:
    """What makes a recursive-descent parser recurse, measured over a scan."""

    depth: int = 0  # deepest bracket nesting: ( [ { <<
    chain: int = 0  # longest chain at one level: binary operators, elements of a group
    unary: int = 0  # longest run of unary operators (! + - ^)
    tokens: int = 0


@dataclass
class Scan:
    """The significant tokens of a query (no blanks, no comments) and its shape."""

    tokens: list[tuple[str, str]] = field(default_factory=list)
    shape: Shape = field(default_factory=Shape)
    ambiguous: int | None = None  # offset of a '<' that an engine may read either way
    unterminated: int | None = None  # offset of a quote that opens no complete string
    exceeded: str | None = None  # the measure of Shape past its limit; the rest is unread


def decode_escapes(text: str) -> str:
    """Decode ``\\uXXXX`` and ``\\UXXXXXXXX`` everywhere, as SPARQL 1.1 says to."""
    return ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def scan(text: str, *, decode: bool = True, limits: Shape | None = None) -> Scan:
    """Tokenise ``text`` in one pass, reading ``<`` as the grammar does at each place.

    ``decode``: decode ``\\u`` escapes first (SPARQL 1.1, rdflib, Jena) or only inside
    IRIs and strings (oxigraph). The scan stops as soon as the shape passes one of
    ``limits`` (:attr:`Scan.exceeded` names it).
    """
    return _Scanner(decode_escapes(text) if decode else text, decode, limits).run()


class _Scanner:
    def __init__(self, text: str, decode: bool, limits: Shape | None):
        self.text = text
        self.dispatch = DISPATCH_DECODED if decode else DISPATCH_RAW
        self.limits = limits or Shape(1 << 30, 1 << 30, 1 << 30, 1 << 30)
        self.result = Scan()
        self.stack: list[Frame] = [Frame(QUERY, "")]
        self.values_pending = False  # after VALUES, until its '{'
        self.prev: tuple[str, str] = (PUNCT, "")
        self.prev2: tuple[str, str] = (PUNCT, "")
        self.unary_run = 0
        self.long_prefix_end = -1  # no long pname prefix starts before this offset

    def run(self) -> Scan:
        text, dispatch, result = self.text, self.dispatch, self.result
        tokens, limits = result.tokens, self.limits
        other = dispatch[""]
        pos, end = _BLANKS.match(text).end(), len(text)
        while pos < end:
            pattern, kinds = dispatch.get(text[pos], other)
            match = pattern.match(text, pos)
            group = match.lastindex
            kind, value = kinds[group - 1], match.group(group)
            if kind is None:  # a comment
                pos = match.end()
                continue
            if kind == PUNCT or (kind == IRI and self.stack[-1].kind == EXPR):
                kind, value = self._less_than(kind, value, pos)
                if kind == PUNCT and self._punct(value):
                    break
            elif kind == WORD:
                if text[pos + len(value) : pos + len(value) + 1] in _PREFIX_CHARS:
                    kind, value = self._long_pname(pos, value)
                if kind == WORD and self._word(value):
                    break
            elif kind == UNTERMINATED:
                result.unterminated = pos
                break
            if kind != PUNCT:
                self.unary_run = 0
                self.stack[-1].empty = False
            self.prev2, self.prev = self.prev, (kind, value)
            tokens.append(self.prev)
            if len(tokens) > limits.tokens:
                result.exceeded = "tokens"
                break
            if len(value) == match.end(group) - pos:
                pos = match.end()
            else:  # the token was cut short: '<' of an IRI-like text, a long pname
                pos = _BLANKS.match(text, pos + len(value)).end()
        result.shape.tokens = len(tokens)
        return result

    def _less_than(self, kind: str, value: str, pos: int) -> tuple[str, str]:
        """'<' as the operator where the grammar allows it; note an ambiguous one."""
        if kind == IRI and self._operator_here():
            if "'" in value or "#" in value:
                self.result.ambiguous = pos
            return PUNCT, "<=" if value.startswith("<=") else "<"
        if value == "<<" and self._operator_here():
            return PUNCT, "<"
        return kind, value

    def _long_pname(self, pos: int, word: str) -> tuple[str, str]:
        """``my-ns:x`` or ``a.b:x``, else the plain word (each run is scanned once)."""
        if pos < self.long_prefix_end:
            return WORD, word
        run_end = _LONG_PREFIX.match(self.text, pos).end()
        if run_end < len(self.text) and self.text[run_end] == ":" and self.text[run_end - 1] != ".":
            rest = _PNAME_REST.match(self.text, run_end)
            return PNAME, self.text[pos : rest.end()]
        self.long_prefix_end = run_end
        return WORD, word

    def _operator_here(self) -> bool:
        """Whether '<' here may be less-than: in an expression, after an operand."""
        if self.stack[-1].kind != EXPR:
            return False
        kind, value = self.prev
        if kind == PUNCT and value in _BEFORE_OPERAND:
            return False
        return not (kind == WORD and value.upper() == "DISTINCT")

    def _word(self, word: str) -> bool:
        """Track a keyword; True if the scan must stop (a limit is passed)."""
        top = self.stack[-1]
        upper = word.upper()
        if top.empty and top.kind == PATTERN and upper == "SELECT":
            top.kind = QUERY
        if upper.startswith("VALUES"):
            self.values_pending = True
        return upper in CHAIN_WORDS and self._chain(top)

    def _chain(self, top: Frame) -> bool:
        top.chain += 1
        shape = self.result.shape
        if top.chain > shape.chain:
            shape.chain = top.chain
            if shape.chain > self.limits.chain:
                self.result.exceeded = "chain"
                return True
        return False

    def _punct(self, value: str) -> bool:
        """Track brackets and operators; True if the scan must stop (a limit is passed)."""
        top, shape = self.stack[-1], self.result.shape
        top.empty = False
        if value in UNARY or value == "^^":  # ^^<p> in a path is two inverses
            self.unary_run += len(value)
            if self.unary_run > shape.unary:
                shape.unary = self.unary_run
                if shape.unary > self.limits.unary:
                    self.result.exceeded = "unary"
                    return True
        else:
            self.unary_run = 0
        if value in _CLOSERS:
            # a group in a group is one more join; a ( AS ?v) in SELECT one more extension
            if (value == "{" or top.kind == QUERY) and self._chain(top):
                return True
            self.stack.append(Frame(self._frame_kind(value), _CLOSERS[value]))
            if value == "{":
                self.values_pending = False
            if len(self.stack) - 1 > shape.depth:
                shape.depth = len(self.stack) - 1
                if shape.depth > self.limits.depth:
                    self.result.exceeded = "depth"
                    return True
        elif value == top.closer and len(self.stack) > 1:
            self.stack.pop()
        elif value in BINARY or (value in _LIST_SEPARATORS and top.kind != EXPR):
            return self._chain(top)
        return False

    def _frame_kind(self, bracket: str) -> str:
        """What a new bracket holds; an unsure ``(`` is an expression (the careful side)."""
        top = self.stack[-1].kind
        if self.values_pending or top == DATA:
            return DATA if bracket in "({" else PATTERN
        if bracket != "(":
            return PATTERN if bracket in "{[" else LIST
        if top in (EXPR, QUERY):
            return EXPR
        if top == LIST:
            return LIST
        # in a pattern: function calls follow FILTER/BIND or a keyword; anything else
        # before '(' makes a collection or a property path
        kind, value = self.prev
        if kind == WORD:
            return LIST if value == "a" else EXPR
        if kind in (IRI, PNAME):
            return EXPR if self.prev2[0] == WORD and self.prev2[1] != "a" else LIST
        return LIST
