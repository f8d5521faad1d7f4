"""The test servers themselves: loopback only, answering, stoppable, and loud when missing in CI."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import servers

ROOT = Path(__file__).resolve().parent.parent
# A Virtuoso-backed test to run in a child pytest with virtuoso-t made unavailable.
VIRTUOSO_TEST = "tests/test_store.py::test_virtuoso_says_to_pass_a_graph_iri_for_the_default_graph"


def _listening(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex((host, port)) == 0


def test_free_port_is_bindable_on_loopback():
    port = servers.free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_oxigraph_server_starts_answers_and_stops(tmp_path):
    server = servers.start_oxigraph(tmp_path)
    port = int(server.endpoint.split(":")[2].split("/")[0])
    try:
        assert server.endpoint.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{server.endpoint}?query=ASK%7B%7D", timeout=5) as response:
            assert response.status == 200
    finally:
        server.stop()
    assert server.process.poll() is not None
    assert not _listening("127.0.0.1", port)


def test_virtuoso_listens_on_loopback_only(virtuoso_server):
    ini = (virtuoso_server.workdir / "virtuoso.ini").read_text()
    sql, http = virtuoso_server.options["sql_port"], virtuoso_server.options["http_port"]
    assert f"ServerPort               = 127.0.0.1:{sql}" in ini
    assert f"ServerPort                  = 127.0.0.1:{http}" in ini
    assert _listening("127.0.0.1", http) and _listening("127.0.0.1", sql)
    outside = _outside_address()
    if outside is not None:
        assert not _listening(outside, http)


def _outside_address() -> str | None:
    """This machine's address on its default route, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))  # TEST-NET address; UDP connect sends nothing
        except OSError:
            return None
        address = sock.getsockname()[0]
    return None if address.startswith("127.") else address


def test_virtuoso_gsp_needs_the_dba_password(virtuoso_server):
    request = urllib.request.Request(f"{virtuoso_server.gsp_url}?graph=http%3A%2F%2Fe%2Fg",
                                     data=b"", method="PUT",
                                     headers={"Content-Type": "text/turtle"})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=10)
    assert caught.value.code == 401


def _child_pytest(env_extra: dict) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env.update(env_extra, KG_VIRTUOSO_BIN="/nonexistent/virtuoso-t")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", VIRTUOSO_TEST],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_missing_virtuoso_fails_in_ci():
    done = _child_pytest({"CI": "true"})
    assert done.returncode == 1, done.stdout
    assert "virtuoso-t is not installed; run .ci/install-virtuoso.sh" in done.stdout
    assert "CI is set, so the Virtuoso tests may not be skipped" in done.stdout


def test_missing_virtuoso_skips_with_a_reason_outside_ci():
    done = _child_pytest({})
    assert done.returncode == 0, done.stdout
    assert "1 skipped" in done.stdout
    assert "virtuoso-t is not installed" in done.stdout
