"""The project's namespaces; the kg: terms must be declared in ontology/kg.ttl (a test checks)."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, URIRef

GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
SCHEMA = Namespace("https://schema.org/")
GEONAMES = Namespace("https://sws.geonames.org/")

DEFAULT_BASE = "https://w3id.org/newskg/id/"


class KG(DefinedNamespace):
    """The kg: ontology terms. Using an undeclared term raises AttributeError."""

    _fail = True
    _NS = Namespace("https://w3id.org/newskg/ontology#")

    # classes
    Article: URIRef
    Person: URIRef
    Organisation: URIRef
    Location: URIRef
    Country: URIRef
    City: URIRef
    Region: URIRef
    Facility: URIRef
    Meeting: URIRef
    Partnership: URIRef
    Post: URIRef
    Evidence: URIRef
    MeetingType: URIRef
    MeetingStatus: URIRef
    # individuals
    Planned: URIRef
    Held: URIRef
    BilateralMeeting: URIRef
    Visit: URIRef
    Ministerial: URIRef
    Conference: URIRef
    Summit: URIRef
    Workshop: URIRef
    CouncilSession: URIRef
    Call: URIRef
    Ceremony: URIRef
    OtherMeeting: URIRef
    # properties
    mentionedIn: URIRef
    holdsPost: URIRef
    postIn: URIRef
    title: URIRef
    participant: URIRef
    host: URIRef
    location: URIRef
    startDate: URIRef
    endDate: URIRef
    status: URIRef
    meetingType: URIRef
    partner: URIRef
    framework: URIRef
    since: URIRef
    country: URIRef
    countryCode: URIRef
    evidence: URIRef
    text: URIRef
    article: URIRef


#: Prefixes bound in every graph we write, so Turtle output is stable and readable.
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "geo": str(GEO),
    "schema": str(SCHEMA),
}

#: The kinds of resource we mint IRIs for: `{base}{kind}/{slug}`.
RESOURCE_KINDS: tuple[str, ...] = (
    "article", "person", "organisation", "location", "post", "meeting", "partnership", "evidence",
)


def id_prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """One prefix per resource kind (person: -> {base}person/), so Turtle stays readable:
    a prefixed name cannot contain '/', so a single id: prefix would not shorten anything."""
    return {kind: f"{base}{kind}/" for kind in RESOURCE_KINDS}


__all__ = ["RESOURCE_KINDS", "id_prefixes", "KG", "GEO", "SCHEMA", "GEONAMES", "DEFAULT_BASE", "PREFIXES",
           "DCTERMS", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD"]
