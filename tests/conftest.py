"""Shared pytest fixtures."""

from __future__ import annotations

import os

import pytest

# --- server fixtures ---
# Real SPARQL servers on loopback, started once per test session and stopped at its end.
# Virtuoso tests skip locally when virtuoso-t is missing, but FAIL when the CI variable is set,
# so a CI run cannot silently lose them.

import servers as _servers  # noqa: E402  (tests/ is on sys.path: rootdir conftest)


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """A running Oxigraph server (endpoints /query, /update, /store)."""
    server = _servers.start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """A running Virtuoso with a fresh database; GSP at /sparql-graph-crud-auth (digest, dba)."""
    if _servers.VIRTUOSO is None:
        message = "virtuoso-t is not installed; run .ci/install-virtuoso.sh"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so the Virtuoso tests may not be skipped)")
        pytest.skip(message)
    server = _servers.start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


@pytest.fixture(params=["oxigraph", "virtuoso"])
def sparql_server(request):
    """Each real server in turn, for tests that must hold on both."""
    return request.getfixturevalue(f"{request.param}_server")


# --- end of server fixtures ---
