"""The saved SPARQL questions in queries/*.rq: their headers, typed parameters and running them.

A saved query's header (see queries/README.md) gives its title, description and parameters:

    # title: Meetings of a person
    # description: Every meeting a person took part in.
    # param: person (IRI, optional) the person, e.g. <https://w3id.org/newskg/id/person/x>

Parameter values arrive as text and become RDF terms of the declared type; they are bound into
the query as a VALUES block by the store, never pasted into the query text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib.term import Literal, Node, URIRef

from kg.errors import QueryError
from kg.namespaces import DEFAULT_BASE, PREFIXES, XSD
from kg.resources import list_files, read_text

if TYPE_CHECKING:  # the store module only matters to type checkers here
    from kg.results import QueryResult
    from kg.store import Store

TYPES = ("IRI", "string", "date", "integer")

_TITLE = re.compile(r"#\s*title:\s*(?P<value>.+)")
_DESCRIPTION = re.compile(r"#\s*description:\s*(?P<value>.+)")
_PARAM = re.compile(
    r"#\s*param:\s*(?P<name>[A-Za-z_]\w*)\s*"
    r"\((?P<type>\w+)(?P<optional>\s*,\s*optional)?\)\s*"
    r"(?P<description>.+?),\s*e\.g\.\s*(?P<example>.+)"
)
# Characters an IRI may not hold (RFC 3987 / SPARQL IRIREF), so a value cannot end the <...>.
_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*:[^<>"{}|^`\\\x00-\x20]+')
_INTEGER = re.compile(r"[+-]?\d+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_IRI_PREFIXES = {**PREFIXES, "id": DEFAULT_BASE}


@dataclass(frozen=True)
class Param:
    """One parameter of a saved query, as its header declares it."""

    name: str
    type: str
    description: str
    example: str
    optional: bool


@dataclass(frozen=True)
class SavedQuery:
    """A saved query: its name (the file name without .rq), header and SPARQL text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str

    def param(self, name: str) -> Param | None:
        """The parameter called `name`, or None."""
        return next((p for p in self.params if p.name == name), None)


def parse_header(name: str, text: str) -> SavedQuery:
    """A SavedQuery from the text of queries/NAME.rq; QueryError when its header is malformed."""
    title = description = None
    params: list[Param] = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("#"):
            if line:
                break  # the header is the comment block at the top of the file
            continue
        if match := _TITLE.fullmatch(line):
            title = match["value"].strip()
        elif match := _DESCRIPTION.fullmatch(line):
            description = match["value"].strip()
        elif line.split(":", 1)[0].lstrip("# ").strip() == "param":
            match = _PARAM.fullmatch(line)
            if match is None or match["type"] not in TYPES:
                raise QueryError(
                    f"queries/{name}.rq: malformed parameter line {line!r}; write "
                    f"'# param: NAME (TYPE[, optional]) description, e.g. EXAMPLE' "
                    f"with TYPE one of {', '.join(TYPES)}"
                )
            params.append(
                Param(
                    name=match["name"],
                    type=match["type"],
                    description=match["description"].strip(),
                    example=match["example"].strip(),
                    optional=bool(match["optional"]),
                )
            )
    if not title or not description:
        raise QueryError(f"queries/{name}.rq: the header needs '# title:' and '# description:' lines")
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryError(f"queries/{name}.rq: a parameter is declared twice")
    return SavedQuery(name, title, description, tuple(params), text)


def list_queries() -> list[SavedQuery]:
    """Every saved query, sorted by name."""
    return [
        parse_header(filename[: -len(".rq")], read_text("queries", filename))
        for filename in list_files("queries", ".rq")
    ]


def query_names() -> list[str]:
    """The names of the saved queries, sorted."""
    return [filename[: -len(".rq")] for filename in list_files("queries", ".rq")]


def get_query(name: str) -> SavedQuery:
    """The saved query called `name`; QueryError listing the available ones when there is none."""
    names = query_names()
    if name not in names:
        raise QueryError(f"query '{name}' not found; available: {', '.join(names)}")
    return parse_header(name, read_text("queries", f"{name}.rq"))


def to_term(param: Param, value: str) -> Node:
    """The RDF term for a parameter value given as text; QueryError when it is malformed."""
    if param.type == "string":
        return Literal(value)
    if param.type == "integer":
        if not _INTEGER.fullmatch(value.strip()):
            raise QueryError(f"parameter '{param.name}' must be an integer, e.g. {param.example}; got {value!r}")
        return Literal(int(value), datatype=XSD.integer)
    if param.type == "date":
        try:
            if not _DATE.fullmatch(value.strip()):
                raise ValueError(value)
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise QueryError(
                f"parameter '{param.name}' must be a date YYYY-MM-DD, e.g. {param.example}; got {value!r}"
            ) from None
        return Literal(day.isoformat(), datatype=XSD.date)
    return _iri(param, value.strip())


def _iri(param: Param, value: str) -> URIRef:
    """An IRI from <iri>, a full IRI, or a prefixed name with a project prefix (kg:, id:, ...)."""
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    prefix, _, local = value.partition(":")
    if prefix in _IRI_PREFIXES and not local.startswith("//"):
        value = _IRI_PREFIXES[prefix] + local
    if not _IRI.fullmatch(value):
        raise QueryError(
            f"parameter '{param.name}' must be an IRI like {param.example} "
            f"or a prefixed name like id:person/x; got {value!r}"
        )
    return URIRef(value)


def parse_params(query: SavedQuery, raw: Mapping[str, str]) -> dict[str, Node]:
    """The typed RDF terms for `raw` parameter values; QueryError on unknown, missing or malformed."""
    known = ", ".join(p.name for p in query.params) or "none"
    for name in raw:
        if query.param(name) is None:
            raise QueryError(f"query '{query.name}' has no parameter '{name}'; parameters: {known}")
    missing = [p for p in query.params if not p.optional and p.name not in raw]
    if missing:
        first = missing[0]
        raise QueryError(
            f"query '{query.name}' needs parameter '{first.name}' ({first.type}), "
            f"e.g. --param {first.name}={first.example}"
        )
    bindings: dict[str, Node] = {}
    for param in query.params:
        if param.name in raw:
            bindings[param.name] = to_term(param, raw[param.name])
    return bindings


def run_saved(query: SavedQuery, store: Store, raw_params: Mapping[str, str]) -> QueryResult:
    """Run a saved query on a store with its parameters bound as RDF terms."""
    return store.query(query.text, parse_params(query, raw_params))
