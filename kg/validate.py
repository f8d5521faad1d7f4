"""SHACL validation of a graph against the shipped shapes, with the ontology for inference."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from kg.namespaces import KG, PREFIXES, id_prefixes
from kg.resources import list_files, read_text


@dataclass(frozen=True)
class Violation:
    """One failed constraint: where, on which property, and what a human should know."""

    focus: str
    path: str | None
    message: str
    constraint: str
    value: str | None = None
    severity: str = "Violation"

    def line(self) -> str:
        """One readable line: focus node, path, message."""
        path = f" {self.path}" if self.path else ""
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.focus}{path}: {self.message}{value} [{self.constraint}]"


@dataclass
class ValidationReport:
    """Validation is a value: whether the graph conforms, and why not."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    results_graph: Graph | None = None

    def text(self) -> str:
        """A report for humans: one line per failed constraint, sorted."""
        if self.conforms:
            return "Conforms: the graph satisfies every shape."
        lines = [f"Does not conform: {len(self.violations)} problem(s)."]
        lines += ["  " + v.line() for v in self.violations]
        return "\n".join(lines)


@cache
def shapes_graph() -> Graph:
    """Every shapes/*.ttl file shipped with kg, parsed once."""
    graph = Graph()
    for name in list_files("shapes", ".ttl"):
        graph.parse(data=read_text("shapes", name), format="turtle")
    return graph


@cache
def ontology_graph() -> Graph:
    """The ontology, parsed once."""
    return Graph().parse(data=read_text("ontology", "kg.ttl"), format="turtle")


@cache
def _inference_axioms() -> Graph:
    """Only the subclass and subproperty axioms of the ontology.

    Domain and range axioms are left out on purpose: under RDFS they would make any object of
    kg:location a kg:Location, so sh:class checks could never fail. The typed individuals
    (kg:Held, kg:Visit...) come along so that data may point to them.
    """
    ontology = ontology_graph()
    axioms = Graph()
    for predicate in (RDFS.subClassOf, RDFS.subPropertyOf):
        axioms += ontology.triples((None, predicate, None))
    for cls in (KG.MeetingType, KG.MeetingStatus):
        axioms += ontology.triples((None, RDF.type, cls))
    return axioms


def validate(graph: Graph, *, inference: str = "rdfs") -> ValidationReport:
    """Validate `graph` with the shapes; the ontology supplies subclass inference."""
    # The axioms are added to a copy of the data ourselves: pyshacl's ont_graph mixing did not
    # bring the typed individuals (kg:Visit a kg:MeetingType) into sh:class checks.
    data = Graph()
    data += graph
    data += _inference_axioms()
    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=shapes_graph(),
        inference=inference,
        allow_warnings=True,
        advanced=True,  # SHACL-AF, for the SPARQL-based date-order constraint
    )
    violations = sorted(_violations(results), key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(conforms=bool(conforms), violations=violations, results_graph=results)


def _short(term: object, graph: Graph) -> str | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:  # an IRI that cannot be shortened is still readable in full
            return f"<{term}>"
    if isinstance(term, Literal):
        return repr(str(term))
    return str(term)


def _violations(results: Graph) -> list[Violation]:
    ns = Graph()
    ns.namespace_manager = results.namespace_manager
    for prefix, iri in {**PREFIXES, **id_prefixes()}.items():
        ns.bind(prefix, iri, override=True, replace=True)
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        message = results.value(result, SH.resultMessage)
        component = results.value(result, SH.sourceConstraintComponent)
        severity = results.value(result, SH.resultSeverity)
        found.append(Violation(
            focus=_short(results.value(result, SH.focusNode), ns) or "?",
            path=_short(results.value(result, SH.resultPath), ns),
            message=str(message) if message else "constraint failed",
            constraint=(str(component).rsplit("#", 1)[-1] if component else "?"),
            value=_short(results.value(result, SH.value), ns),
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
        ))
    return found
