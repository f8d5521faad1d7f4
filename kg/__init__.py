"""kg: turn news articles into a validated, traceable RDF knowledge graph."""

__version__ = "0.1.0"
