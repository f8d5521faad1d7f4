"""Deterministic, readable Turtle: the same graph always gives the same bytes."""

from __future__ import annotations

import re

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.namespaces import DEFAULT_BASE, PREFIXES, id_prefixes

# Turtle's PN_LOCAL is richer, but a conservative pattern keeps every prefixed name valid.
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$|^[0-9][A-Za-z0-9_-]*$")
_FIRST_PREDICATES = (RDF.type, RDFS.label)


def prefixes_for(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The fixed prefixes of every graph we write: vocabularies, then one per resource kind."""
    return {**PREFIXES, **id_prefixes(base)}


def _term(term: object, prefixes: list[tuple[str, str]]) -> str:
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, ns in prefixes:  # longest namespace first
            if text.startswith(ns) and _LOCAL.match(text[len(ns):]):
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"
    if isinstance(term, Literal):
        if term.datatype == XSD.string:
            return Literal(str(term)).n3()
        if term.datatype is not None:
            lexical = Literal(str(term)).n3()
            return f"{lexical}^^{_term(term.datatype, prefixes)}"
        return term.n3()
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


def _sort_key(term: object) -> tuple[int, str, str]:
    kind = 0 if isinstance(term, URIRef) else 1 if isinstance(term, BNode) else 2
    extra = str(getattr(term, "datatype", "") or "") + str(getattr(term, "language", "") or "")
    return kind, str(term), extra


def _predicate_key(predicate: URIRef) -> tuple[int, str]:
    if predicate in _FIRST_PREDICATES:
        return _FIRST_PREDICATES.index(predicate), ""
    return len(_FIRST_PREDICATES), str(predicate)


def to_turtle(graph: Graph, base: str = DEFAULT_BASE) -> str:
    """Serialise `graph` as Turtle with fixed prefixes and sorted subjects, predicates, objects."""
    prefix_map = prefixes_for(base)
    ordered = sorted(prefix_map.items(), key=lambda item: -len(item[1]))
    lines = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(prefix_map.items())]
    for subject in sorted(set(graph.subjects()), key=_sort_key):
        predicates = sorted(set(graph.predicates(subject)), key=_predicate_key)
        parts = []
        for predicate in predicates:
            objects = sorted(graph.objects(subject, predicate), key=_sort_key)
            name = "a" if predicate == RDF.type else _term(predicate, ordered)
            values = ",\n        ".join(_term(o, ordered) for o in objects)
            parts.append(f"    {name} {values}")
        lines.append("")
        lines.append(_term(subject, ordered))
        lines.append(" ;\n".join(parts) + " .")
    return "\n".join(lines) + "\n"
