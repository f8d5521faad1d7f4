"""Triplestores behind one two-method seam (load, query), chosen by the form of the target.

- an rdflib.Graph, or a .ttl/.nt/... file path -> MemoryStore (rdflib's SPARQL engine)
- a directory path                               -> EmbeddedStore (pyoxigraph, persistent on disk)
- an http(s):// URL of a SPARQL endpoint         -> RemoteStore (SPARQL 1.1 Protocol + Graph Store)

Every store binds parameters with kg.binding.bind and returns rdflib terms in a QueryResult,
so one saved query means the same thing and gives comparable rows on every backend.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox
import rdflib
import SPARQLWrapper as sw
from SPARQLWrapper import SPARQLExceptions
import rdflib.plugins.sparql
from rdflib.term import BNode, Literal, Node, URIRef

from kg.binding import bind, undeclared_prefixes
from kg.errors import InputError, QueryError, StoreError
from kg.namespaces import RDF, XSD
from kg.results import QueryResult, normalise

log = logging.getLogger(__name__)

# A query's FROM <iri> must never make rdflib fetch that IRI from the web.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

#: File suffixes read as a graph (into a MemoryStore) rather than taken as a store directory.
RDF_FILE_FORMATS = {".ttl": "turtle", ".nt": "nt", ".n3": "n3", ".rdf": "xml", ".owl": "xml",
                    ".jsonld": "json-ld", ".nq": "nquads", ".trig": "trig"}


class Store(Protocol):
    """What every triplestore offers: replace a graph's content, and run a query."""

    def load(self, graph: rdflib.Graph, graph_iri: str | None = None) -> None:
        """Replace the content of the default graph (or the named graph `graph_iri`)."""

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run a SPARQL query with `bindings` bound as RDF terms."""


def _nt(graph: rdflib.Graph) -> str:
    """N-Triples of a graph: one line per triple, which Turtle and SPARQL both accept."""
    try:
        return graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    except Exception as exc:  # rdflib raises a bare Exception for an IRI it cannot write
        raise StoreError(f"the graph cannot be written as RDF: {_one_line(exc)}") from exc


def _error_text(body: str) -> str:
    """The useful line of an HTTP error body (servers send HTML pages or plain text)."""
    pre = re.search(r"<(xmp|pre)>(.*?)</\1>", body, re.DOTALL | re.IGNORECASE)
    if pre:
        body = pre.group(2)
    elif body.lstrip().startswith("<"):
        body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(body.split())[:300]


# --- rdflib ---------------------------------------------------------------------------------

class MemoryStore:
    """An in-memory rdflib Dataset, queried with rdflib's own SPARQL engine."""

    def __init__(self, graph: rdflib.Graph | None = None) -> None:
        if isinstance(graph, rdflib.Dataset):
            self.dataset = graph
        else:
            # A copy, so loading into the store never changes the caller's graph.
            self.dataset = rdflib.Dataset(default_union=False)
            if graph is not None:
                self.dataset.default_graph += graph

    def load(self, graph: rdflib.Graph, graph_iri: str | None = None) -> None:
        """Replace the default graph's content (or the named graph `graph_iri`)."""
        if graph_iri is None:
            target = self.dataset.default_graph
            target.remove((None, None, None))
        else:
            self.dataset.remove_graph(URIRef(graph_iri))
            target = self.dataset.graph(URIRef(graph_iri))
        target += graph

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run a query on the dataset (default graph = the dataset's default graph)."""
        for name, value in (bindings or {}).items():
            # rdflib expands \u escapes even after an escaped backslash, so it would match a
            # different string; refuse rather than answer for the wrong value.
            if isinstance(value, Literal) and re.search(r"\\[uU]", str(value)):
                raise QueryError(f"cannot bind ?{name} on the in-memory graph: rdflib misreads "
                                 "a backslash followed by u in a string; use the embedded store")
        text = bind(sparql, bindings or {})
        # rdflib resolves rdfs:, xsd: etc. undeclared; other stores refuse, so refuse here too.
        missing = undeclared_prefixes(text)
        if missing:
            raise QueryError("the query uses undeclared prefixes "
                             + ", ".join(f"{p}:" for p in sorted(missing))
                             + "; add PREFIX lines for them")
        try:
            result = self.dataset.query(text)
        except Exception as exc:  # rdflib raises pyparsing and plain exceptions alike
            raise QueryError(f"query failed on the in-memory graph: {_one_line(exc)}") from exc
        if result.type == "ASK":
            return QueryResult("ask", [], [], boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return QueryResult("graph", graph=_normalised_graph(result.graph or rdflib.Graph()))
        variables = [str(v) for v in result.vars or []]
        rows = [tuple(normalise(term) for term in row) for row in result]
        return QueryResult("select", variables, rows)


def _normalised_graph(graph: rdflib.Graph) -> rdflib.Graph:
    out = rdflib.Graph()
    for s, p, o in graph:
        out.add((s, p, normalise(o)))
    return out


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


# --- pyoxigraph -----------------------------------------------------------------------------

# pyoxigraph (RocksDB) locks its directory, even against a second open in the same process, so
# EmbeddedStores on one directory share a handle while any of them is alive; the handle closes
# when the last one goes, so the directory can then be replaced (e.g. by `kg build`).
class _Handle:
    __slots__ = ("store", "identity", "__weakref__")

    def __init__(self, store: ox.Store, identity: tuple[int, int]) -> None:
        self.store, self.identity = store, identity


_OPEN: weakref.WeakValueDictionary[Path, _Handle] = weakref.WeakValueDictionary()


def _identity(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_dev, stat.st_ino


def _to_rdflib(term: Any) -> Node | None:
    """An rdflib term for a pyoxigraph term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (str(XSD.string), str(RDF.langString)):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise QueryError(f"unsupported term in result: {term!r}")


def _is_empty(store: ox.Store) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, None)), None) is None


class EmbeddedStore:
    """A persistent pyoxigraph store in a directory (e.g. build/store)."""

    def __init__(self, path: str | Path, create: bool = True) -> None:
        self.path = Path(path)
        shared = _OPEN.get(self.path.resolve())
        if shared is not None:
            if not self.path.is_dir() or shared.identity != _identity(self.path):
                # RocksDB tracks files by path: the old handle must close before a new
                # directory takes its place, or closing it later damages the new one.
                raise StoreError(f"{self.path} was moved or replaced while still open in this "
                                 "process; close the other EmbeddedStore on it first")
            self._handle: _Handle | None = shared
            return
        if not self.path.is_dir():
            if not create:
                raise StoreError(f"no store at {self.path}")
            if self.path.exists():
                raise StoreError(f"{self.path} is a file, not a store directory")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)  # pyoxigraph makes one level
            store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.path}: {_one_line(exc)}") from exc
        self._handle = _Handle(store, _identity(self.path))
        _OPEN[self.path.resolve()] = self._handle

    @property
    def _store(self) -> ox.Store:
        if self._handle is None:
            raise StoreError(f"the store at {self.path} was closed")
        return self._handle.store

    def close(self) -> None:
        """Let go of the directory; it unlocks once no other EmbeddedStore on it is open."""
        self._handle = None

    def load(self, graph: rdflib.Graph, graph_iri: str | None = None) -> None:
        """Replace the default graph's content (or the named graph `graph_iri`), atomically."""
        if graph_iri is None and _is_empty(self._store):
            # A new store (what `kg build` makes): the bulk loader is many times faster than
            # an update, and there is no old content to protect.
            try:
                self._store.bulk_load(_nt(graph).encode("utf-8"), ox.RdfFormat.N_TRIPLES)
                self._store.flush()
            except (SyntaxError, ValueError) as exc:
                raise StoreError(f"{self.path}: the graph was rejected: {_one_line(exc)}") from exc
            except OSError as exc:
                raise StoreError(f"cannot write the store at {self.path}: {_one_line(exc)}") from exc
            log.info("bulk-loaded %d triples into %s", len(graph), self.path)
            return
        # One update is one transaction: the old content stays if the new data is rejected.
        if graph_iri is None:
            clear, body = "CLEAR SILENT DEFAULT", _nt(graph)
        else:
            target = URIRef(graph_iri).n3()
            clear, body = f"CLEAR SILENT GRAPH {target}", f"GRAPH {target} {{\n{_nt(graph)}}}"
        try:
            self._store.update(f"{clear};\nINSERT DATA {{\n{body}}}")
            self._store.flush()
        except SyntaxError as exc:
            raise StoreError(f"{self.path}: the graph was rejected: {_one_line(exc)}") from exc
        except OSError as exc:
            raise StoreError(f"cannot write the store at {self.path}: {_one_line(exc)}") from exc
        log.info("loaded %d triples into %s", len(graph), self.path)

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run a query; the default graph is the store's default graph (not the union)."""
        text = bind(sparql, bindings or {})
        try:
            result = self._store.query(text)
        except SyntaxError as exc:
            raise QueryError(f"bad SPARQL query: {_one_line(exc)}") from exc
        except OSError as exc:
            raise StoreError(f"cannot query the store at {self.path}: {_one_line(exc)}") from exc
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", [], [], boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            graph = rdflib.Graph()
            for triple in result:
                graph.add((_to_rdflib(triple.subject), _to_rdflib(triple.predicate),
                           _to_rdflib(triple.object)))
            return QueryResult("graph", graph=graph)
        variables = [v.value for v in result.variables]
        rows = [tuple(_to_rdflib(solution[v]) for v in variables) for solution in result]
        return QueryResult("select", variables, rows)


# --- remote SPARQL endpoints ----------------------------------------------------------------

def derive_gsp_url(endpoint: str, authenticated: bool = False) -> str | None:
    """The Graph Store Protocol URL beside a query endpoint, for the servers we know."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if path == "/sparql":  # Virtuoso; only the -auth variant asks for credentials
        new = "/sparql-graph-crud-auth" if authenticated else "/sparql-graph-crud"
    elif path == "/query":  # Oxigraph server
        new = "/store"
    elif path.endswith(("/sparql", "/query")) and path.count("/") == 2:  # Fuseki: /ds/query
        new = path.rsplit("/", 1)[0] + "/data"
    else:
        return None
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, new, "", ""))


def _server_said(exc: BaseException) -> str:
    """The server's own words from a SPARQLWrapper error, which wraps them in a long sentence."""
    text = str(exc).split("Response:", 1)[-1].strip()
    if text.startswith(("b'", 'b"')):
        text = text[2:-1]
    return " ".join(text.split("\\n")[0].split())[:300]


def _sparql_json_term(value: Mapping[str, str]) -> Node:
    """An rdflib term for one binding of SPARQL 1.1 Query Results JSON."""
    kind, text = value["type"], value["value"]
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if "xml:lang" in value:
        return Literal(text, lang=value["xml:lang"])
    datatype = value.get("datatype")  # "typed-literal" (older Virtuoso) carries one too
    if datatype and datatype != str(XSD.string):
        return Literal(text, datatype=URIRef(datatype))
    return Literal(text)


class RemoteStore:
    """A SPARQL 1.1 endpoint: queries through the Protocol, loads as one Graph Store PUT."""

    def __init__(self, endpoint: str, gsp_url: str | None = None, user: str | None = None,
                 password: str | None = None, auth: str = "basic", timeout: float = 30) -> None:
        if auth not in ("basic", "digest"):
            raise StoreError(f"unknown auth {auth!r}; use basic or digest")
        self.endpoint = endpoint
        self.gsp_url = gsp_url or derive_gsp_url(endpoint, authenticated=user is not None)
        self.user, self.password, self.auth, self.timeout = user, password, auth, timeout

    # -- load

    def _opener(self) -> urllib.request.OpenerDirector:
        if self.user is None or self.auth == "basic":
            return urllib.request.build_opener()
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, self.gsp_url, self.user, self.password or "")
        return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(manager))

    def load(self, graph: rdflib.Graph, graph_iri: str | None = None) -> None:
        """Replace a graph with ONE PUT of the whole graph, so a rejected load changes nothing."""
        if self.gsp_url is None:
            raise StoreError(f"cannot tell the Graph Store URL of {self.endpoint}; pass gsp_url "
                             "(--gsp-url)")
        query = ("graph=" + urllib.parse.quote(graph_iri, safe="")) if graph_iri else "default"
        url = self.gsp_url + ("&" if "?" in self.gsp_url else "?") + query
        # N-Triples is Turtle too; text/turtle is the type every GSP server accepts.
        request = urllib.request.Request(url, data=_nt(graph).encode("utf-8"), method="PUT",
                                         headers={"Content-Type": "text/turtle; charset=utf-8"})
        if self.user is not None and self.auth == "basic":
            token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        try:
            with self._opener().open(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            what = f"load of graph <{graph_iri}>" if graph_iri else "load of the default graph"
            raise self._http_error(exc, self.gsp_url, what) from exc
        except (urllib.error.URLError, OSError) as exc:
            raise self._unreachable(self.gsp_url, exc) from exc
        log.info("loaded %d triples into %s at %s", len(graph), graph_iri or "the default graph",
                 self.gsp_url)

    def _http_error(self, exc: urllib.error.HTTPError, url: str, what: str) -> StoreError:
        if exc.code in (401, 403):
            return StoreError(f"{url} refused the {what} (HTTP {exc.code}); check the user, "
                              "password and auth method (--user, --password/KG_PASSWORD, --auth)")
        try:
            body = exc.read().decode("utf-8", "replace")
        except OSError:
            body = ""
        hint = ("; this server may not take a default graph: pass a graph IRI (--graph)"
                if what == "load of the default graph" else "")
        return StoreError(f"{url} rejected the {what} (HTTP {exc.code}): "
                          f"{_error_text(body) or exc.reason}{hint}")

    def _unreachable(self, url: str, exc: BaseException) -> StoreError:
        reason = getattr(exc, "reason", exc)
        return StoreError(f"cannot reach {url}: {_one_line(reason)}; is the server running and "
                          "the URL right?")

    # -- query

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run a query on the endpoint and convert the answer to rdflib terms."""
        text = bind(sparql, bindings or {})
        client = sw.SPARQLWrapper(self.endpoint)
        client.setQuery(text)
        client.setMethod(sw.POST)  # long bound queries would not fit in a GET URL
        client.setTimeout(int(self.timeout))
        if self.user is not None:
            client.setHTTPAuth(sw.DIGEST if self.auth == "digest" else sw.BASIC)
            client.setCredentials(self.user, self.password or "")
        graph_query = client.queryType in (sw.CONSTRUCT, sw.DESCRIBE)
        client.setReturnFormat(sw.TURTLE if graph_query else sw.JSON)
        try:
            raw = client.query().response.read()
        except SPARQLExceptions.QueryBadFormed as exc:
            raise QueryError(f"{self.endpoint} rejected the query as malformed: "
                             f"{_server_said(exc)}") from exc
        except SPARQLExceptions.Unauthorized as exc:
            raise StoreError(f"{self.endpoint} refused the query (HTTP 401); check the user and "
                             "password") from exc
        except SPARQLExceptions.EndPointNotFound as exc:
            raise StoreError(f"{self.endpoint} is not a SPARQL endpoint (HTTP 404: "
                             f"{_server_said(exc)}); check the URL") from exc
        except SPARQLExceptions.SPARQLWrapperException as exc:
            raise StoreError(f"{self.endpoint} failed the query: {_server_said(exc)}") from exc
        except urllib.error.HTTPError as exc:
            raise self._http_error(exc, self.endpoint, "query") from exc
        except (urllib.error.URLError, OSError, socket.timeout) as exc:
            raise self._unreachable(self.endpoint, exc) from exc
        if graph_query:
            graph = rdflib.Graph()
            try:
                graph.parse(data=raw.decode("utf-8"), format="turtle")
            except Exception as exc:  # rdflib's parsers raise many unrelated types
                raise StoreError(f"{self.endpoint} sent a graph that is not Turtle: "
                                 f"{_one_line(exc)[:200]}") from exc
            return QueryResult("graph", graph=_normalised_graph(graph))
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise StoreError(f"{self.endpoint} did not answer with SPARQL JSON results; is it a "
                             "SPARQL endpoint?") from exc
        if "boolean" in data:
            return QueryResult("ask", [], [], boolean=bool(data["boolean"]))
        variables = list(data.get("head", {}).get("vars", []))
        rows = [
            tuple(_sparql_json_term(b[v]) if v in b else None for v in variables)
            for b in data.get("results", {}).get("bindings", [])
        ]
        return QueryResult("select", variables, rows)


# --- choosing a store -----------------------------------------------------------------------

def read_graph(path: str | Path) -> rdflib.Graph:
    """Parse an RDF file into a graph, the format chosen by its suffix."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file")
    fmt = RDF_FILE_FORMATS.get(path.suffix.lower(), "turtle")
    graph = rdflib.Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        raise InputError(path, f"not valid {fmt}: {_one_line(exc)}") from exc
    return graph


def open_store(target: str | Path | rdflib.Graph, **options: Any) -> Store:
    """The store for a target: a Graph, an http(s) endpoint URL, an RDF file or a directory.

    Options go to the store: RemoteStore takes gsp_url, user, password, auth, timeout;
    EmbeddedStore takes create (False: raise StoreError when the directory is missing).
    """
    if isinstance(target, rdflib.Graph):
        return MemoryStore(target)
    text = str(target)
    if text.startswith(("http://", "https://")):
        return RemoteStore(text, **options)
    path = Path(target)
    if path.suffix.lower() in RDF_FILE_FORMATS:
        return MemoryStore(read_graph(path))
    return EmbeddedStore(path, **options)


__all__ = ["Store", "MemoryStore", "EmbeddedStore", "RemoteStore", "open_store", "read_graph",
           "RDF_FILE_FORMATS", "derive_gsp_url"]
