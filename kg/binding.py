"""Bind values into SPARQL query text as RDF terms, the same way for every backend.

The values go into an inline `VALUES` block at the start of the query's outermost WHERE group.
Each value is serialised as an RDF term (IRI or literal, escaped by rdflib), so no value can
change what the query means, whatever quotes, braces or comment signs it holds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib.term import Literal, Node, URIRef

from kg.errors import QueryError

# SPARQL VARNAME (letters, digits, underscore), with \w standing in for its Unicode ranges.
_VARNAME = re.compile(r"\w+")
# Characters IRIREF forbids; an IRI holding any of them could end the <...> early.
_IRI_OK = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')

# One token of SPARQL text. Order matters: comments, strings and IRIs come first, so a '{',
# '#' or keyword inside them is never taken for syntax.
_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\n\r]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"
               |'(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$]\w+)
    | (?P<word>[^\W\d][\w.-]*(?::[\w.:%\\-]*)?|:[\w.:%\\-]*|_:[\w.-]+)
    | (?P<punct>[{}()])
    | (?P<other>\s+|.)
    """,
    re.VERBOSE | re.DOTALL,
)

_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
# Keywords that may follow a DESCRIBE's targets when it has no WHERE group.
_AFTER_DESCRIBE = {"GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES"}


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int
    end: int


def _tokens(query: str) -> list[_Token]:
    """The significant tokens of `query` (whitespace dropped, comments kept out)."""
    found = []
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "other"
        if kind == "other" and match.group().isspace():
            continue
        if kind == "comment":
            continue
        found.append(_Token(kind, match.group(), match.start(), match.end()))
    return found


def variables(query: str) -> set[str]:
    """The names of the variables a query mentions (outside strings, IRIs and comments)."""
    return {t.text[1:] for t in _tokens(query) if t.kind == "var"}


def undeclared_prefixes(query: str) -> set[str]:
    """Prefixes a query uses without declaring them (rdflib would quietly supply its own)."""
    tokens = _tokens(query)
    declared = {
        tokens[i + 1].text.split(":", 1)[0]
        for i, t in enumerate(tokens[:-1])
        if t.kind == "word" and t.text.upper() == "PREFIX"
    }
    used = {
        t.text.split(":", 1)[0]
        for t in tokens
        if t.kind == "word" and ":" in t.text and not t.text.startswith("_:")
    }
    return used - declared


def _iri(value: str) -> str:
    if not _IRI_OK.fullmatch(value):
        raise QueryError(f"cannot bind IRI {value!r}: it contains characters IRIs may not hold")
    return f"<{value}>"


# Escapes SPARQL strings allow; every other control character becomes \uXXXX, because some
# parsers (rdflib's) drop a raw tab or other whitespace inside a string. Quotes and backslashes
# are never \u-escaped: SPARQL expands \u escapes before parsing, so \u0022 would end the string.
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
            "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029]')


def string_literal(text: str) -> str:
    """A SPARQL string literal holding exactly `text`."""
    body = _NEEDS_ESCAPE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04X}"), text)
    return f'"{body}"'


def term_text(value: Node) -> str:
    """SPARQL text of one bound value: an IRI or a literal, escaped so it stays one term."""
    if isinstance(value, URIRef):
        return _iri(str(value))
    if isinstance(value, Literal):
        text = string_literal(str(value))
        if value.language:
            return f"{text}@{value.language}"  # rdflib checked the tag when it made the literal
        if value.datatype is not None:
            return f"{text}^^{_iri(str(value.datatype))}"
        return text
    raise QueryError(
        f"cannot bind {value!r}: only IRIs and literals can be bound (not blank nodes or variables)"
    )


def _group_end(tokens: list[_Token], open_index: int) -> int:
    """Index of the '}' closing the '{' at `open_index`."""
    depth = 0
    for i in range(open_index, len(tokens)):
        if tokens[i].text == "{":
            depth += 1
        elif tokens[i].text == "}":
            depth -= 1
            if depth == 0:
                return i
    raise QueryError("query has an unclosed '{'")


def _where_group(tokens: list[_Token]) -> tuple[str, int | None]:
    """The query form and the index of the '{' opening its outermost WHERE group (or None)."""
    form_at = next(
        (i for i, t in enumerate(tokens) if t.kind == "word" and t.text.upper() in _FORMS), None
    )
    if form_at is None:
        raise QueryError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE")
    form = tokens[form_at].text.upper()
    i = form_at + 1
    if form == "CONSTRUCT" and i < len(tokens) and tokens[i].text == "{":
        i = _group_end(tokens, i) + 1  # skip the template
    parens = 0
    for j in range(i, len(tokens)):
        text = tokens[j].text
        if text == "(":
            parens += 1
        elif text == ")":
            parens -= 1
        elif text == "{" and parens == 0:
            return form, j
    return form, None


def _values_block(bindings: Mapping[str, Node]) -> str:
    names = " ".join(f"?{name}" for name in bindings)
    row = " ".join(term_text(value) for value in bindings.values())
    return f"VALUES ({names}) {{ ({row}) }}"


def bind(query: str, bindings: Mapping[str, Node]) -> str:
    """Query text with `bindings` as a VALUES block at the start of its outermost WHERE group."""
    if not bindings:
        return query
    for name in bindings:
        if not isinstance(name, str) or not _VARNAME.fullmatch(name):
            raise QueryError(f"{name!r} is not a valid SPARQL variable name")
    tokens = _tokens(query)
    used = {t.text[1:] for t in tokens if t.kind == "var"}
    unused = sorted(set(bindings) - used)
    if unused:
        raise QueryError(
            "the query does not use "
            + ", ".join(f"?{n}" for n in unused)
            + (f"; it uses {', '.join('?' + v for v in sorted(used))}" if used else "")
        )
    block = _values_block(bindings)
    form, brace = _where_group(tokens)
    if brace is None:
        if form != "DESCRIBE":
            raise QueryError(f"{form} query has no WHERE group to bind values into")
        # DESCRIBE ?x without WHERE: give it one, before any solution modifier.
        at = next(
            (t.start for t in tokens if t.kind == "word" and t.text.upper() in _AFTER_DESCRIBE),
            len(query),
        )
        return f"{query[:at].rstrip()} WHERE {{ {block} }} {query[at:]}"
    form_token = next(t for t in tokens if t.kind == "word" and t.text.upper() == form)
    between = query[form_token.end:tokens[brace].start]
    if form == "CONSTRUCT" and between.strip().upper() == "WHERE":
        # CONSTRUCT WHERE { T } allows only triples in T; spell it out as CONSTRUCT { T } WHERE.
        close = tokens[_group_end(tokens, brace)]
        body = query[tokens[brace].end:close.start]
        return (
            f"{query[:form_token.end]} {{{body}}} WHERE {{ {block}{body}}}{query[close.end:]}"
        )
    at = tokens[brace].end
    return f"{query[:at]} {block} {query[at:]}"


_TYPED = re.compile(
    r"(?P<lex>.*)\^\^(?:<(?P<iri>[^<>]*)>|(?P<prefix>[A-Za-z][\w-]*):(?P<local>\w*))", re.DOTALL)
_LANG = re.compile(r"(?P<lex>.*)@(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)", re.DOTALL)


def parse_term(text: str, prefixes: Mapping[str, str] | None = None) -> Node:
    """An RDF term from command-line text: <iri>, text^^xsd:type, text^^<iri>, text@lang, text.

    Anything else is a plain literal, so '2025-05-28' stays a string unless typed.
    """
    if text.startswith("<") and text.endswith(">"):
        iri = text[1:-1]
        _iri(iri)
        return URIRef(iri)
    typed = _TYPED.fullmatch(text)
    if typed:
        if typed["iri"] is not None:
            datatype = typed["iri"]
        else:
            namespaces = dict(prefixes or {})
            if typed["prefix"] not in namespaces:
                raise QueryError(f"unknown prefix {typed['prefix']!r} in {text!r}; use one of "
                                 f"{', '.join(sorted(namespaces)) or 'none'} or ^^<iri>")
            datatype = namespaces[typed["prefix"]] + typed["local"]
        _iri(datatype)
        return Literal(typed["lex"], datatype=URIRef(datatype))
    lang = _LANG.fullmatch(text)
    if lang:
        return Literal(lang["lex"], lang=lang["lang"])
    return Literal(text)
