"""Query results as one backend-neutral value, and their text formats (table, CSV, TSV, JSON)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

import rdflib
from rdflib.term import BNode, Literal, Node, URIRef

from kg.binding import string_literal
from kg.errors import QueryError
from kg.namespaces import DEFAULT_BASE, PREFIXES, XSD

FORMATS = ("table", "csv", "tsv", "json")


@dataclass
class QueryResult:
    """What a query returned: rows of rdflib terms, a boolean, or a graph."""

    kind: str  # "select" | "ask" | "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: rdflib.Graph | None = None

    def row_set(self) -> set[tuple[Node | None, ...]]:
        """The rows as a set, for comparing results across backends."""
        return set(self.rows)

    def dicts(self) -> list[dict[str, Node]]:
        """The rows as dicts from variable name to term, unbound variables left out."""
        return [
            {v: t for v, t in zip(self.variables, row) if t is not None} for row in self.rows
        ]


def normalise(term: Node | None) -> Node | None:
    """A term in the form every backend agrees on: xsd:string literals become simple literals."""
    if isinstance(term, Literal) and term.datatype == XSD.string and term.language is None:
        return Literal(str(term))
    return term


# Longest namespace first, so the most specific prefix wins.
_SHORT = sorted([*PREFIXES.items(), ("id", DEFAULT_BASE)], key=lambda kv: -len(kv[1]))


def short(term: Node | None) -> str:
    """A term as a person reads it: prefixed IRIs, literal text, '' when unbound."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in _SHORT:
            if term.startswith(namespace) and len(term) > len(namespace):
                return f"{prefix}:{term[len(namespace):]}"
        return f"<{term}>"
    if isinstance(term, Literal):
        return f"{term}@{term.language}" if term.language else str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _table(result: QueryResult) -> str:
    cells = [[short(t).replace("\n", " ") for t in row] for row in result.rows]
    widths = [len(v) for v in result.variables]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    lines = [
        "  ".join(v.ljust(w) for v, w in zip(result.variables, widths)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"


def _csv_value(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _csv(result: QueryResult) -> str:
    # SPARQL 1.1 CSV results: plain values, CRLF line ends (as the W3C note specifies).
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.variables)
    writer.writerows([_csv_value(t) for t in row] for row in result.rows)
    return out.getvalue()


def _tsv_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        # One-line escaped strings (never rdflib's triple quotes): a tab or newline would
        # break the row.
        text = string_literal(str(term))
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^<{term.datatype}>" if term.datatype is not None else text
    return f"<{term}>"


def _tsv(result: QueryResult) -> str:
    # SPARQL 1.1 TSV results: terms in Turtle syntax, so IRIs and literals stay distinguishable.
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def to_json(result: QueryResult) -> dict:
    """The W3C SPARQL 1.1 Query Results JSON object of a select or ask result."""
    if result.kind == "ask":
        return {"head": {}, "boolean": bool(result.boolean)}
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
        for row in result.rows
    ]
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}


def _turtle(graph: rdflib.Graph) -> str:
    out = rdflib.Graph()
    for prefix, namespace in [*PREFIXES.items(), ("id", DEFAULT_BASE)]:
        out.bind(prefix, namespace, override=True, replace=True)
    out += graph
    return out.serialize(format="turtle")


def format_result(result: QueryResult, fmt: str) -> str:
    """Text of a result: select/ask as table, csv, tsv or json; graph results always as Turtle."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown result format {fmt!r}; use one of {', '.join(FORMATS)}")
    if result.kind == "graph":
        return _turtle(result.graph if result.graph is not None else rdflib.Graph())
    if fmt == "json":
        return json.dumps(to_json(result), indent=2, ensure_ascii=False) + "\n"
    if result.kind == "ask":
        return "true\n" if result.boolean else "false\n"
    return {"table": _table, "csv": _csv, "tsv": _tsv}[fmt](result)
