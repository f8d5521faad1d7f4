"""Real SPARQL servers on loopback for the tests: Oxigraph server and Virtuoso, in tmp dirs."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

# The oxigraph binary comes with the `oxigraph` package, next to the venv's python.
OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which(
    "oxigraph")
# KG_VIRTUOSO_BIN points at a virtuoso-t outside PATH (or at nothing, to test its absence).
VIRTUOSO = shutil.which(os.environ.get("KG_VIRTUOSO_BIN", "virtuoso-t"))
ISQL = shutil.which("isql-vt") or shutil.which("isql")
VIRTUOSO_DBA_PASSWORD = "dba"  # a fresh Virtuoso database always starts with dba/dba


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status < 500
    except urllib.error.HTTPError as exc:
        return exc.code < 500
    except OSError:
        return False


@dataclass
class Server:
    """A running server process and the URLs a RemoteStore needs."""

    name: str
    process: subprocess.Popen
    endpoint: str
    gsp_url: str
    workdir: Path
    user: str | None = None
    password: str | None = None
    auth: str = "basic"
    log: Path | None = None
    options: dict = field(default_factory=dict)

    def store_options(self) -> dict:
        """Keyword options for kg.store.open_store(self.endpoint, **options)."""
        opts = {"gsp_url": self.gsp_url}
        if self.user is not None:
            opts.update(user=self.user, password=self.password, auth=self.auth)
        return opts

    def stop(self) -> None:
        """Stop the process (politely, then firmly)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _wait_until(process: subprocess.Popen, url: str, seconds: float, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}; log: "
                               f"{log.read_text(errors='replace')[-2000:]}")
        if _answers(url):
            return
        time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"server did not answer {url} within {seconds}s; log: "
                       f"{log.read_text(errors='replace')[-2000:]}")


def start_oxigraph(workdir: Path) -> Server:
    """Start `oxigraph serve` on a free loopback port with its data in workdir."""
    if OXIGRAPH is None:
        raise RuntimeError("the oxigraph binary is not installed (pip install oxigraph)")
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = workdir / "oxigraph.log"
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(workdir / "data"), "--bind", f"127.0.0.1:{port}"],
        stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    _wait_until(process, f"{base}/query?query=ASK%7B%7D", 30, log)
    return Server("oxigraph", process, f"{base}/query", f"{base}/store", workdir, log=log)


_VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {db}/virtuoso-temp.db
TransactionFile    = {db}/virtuoso-temp.trx
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:{sql_port}
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 5
CheckpointInterval       = 60
CaseMode                 = 2
DirsAllowed              = ., {db}
NumberOfBuffers          = 10000
MaxDirtyBuffers          = 6000
ThreadsPerQuery          = 2
AsyncQueueMaxThreads     = 4

[HTTPServer]
ServerPort                  = 127.0.0.1:{http_port}
ServerRoot                  = {db}/vsp
MaxClientConnections        = 5
ServerThreads               = 5
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
Charset                     = UTF-8
EnabledGzipContent          = 0

[SPARQL]
ResultSetMaxRows           = 100000
MaxQueryExecutionTime      = 60
"""


def isql(server: Server, statement: str) -> str:
    """Run one SQL statement through isql on the server's SQL port; return its output."""
    if ISQL is None:
        raise RuntimeError("isql-vt is not installed (it comes with virtuoso-opensource)")
    port = server.options["sql_port"]
    done = subprocess.run(
        [ISQL, f"127.0.0.1:{port}", "dba", VIRTUOSO_DBA_PASSWORD, f"exec={statement}"],
        capture_output=True, text=True, timeout=60,
    )
    if done.returncode != 0 or "*** Error" in done.stdout:
        raise RuntimeError(f"isql failed: {statement}\n{done.stdout}\n{done.stderr}")
    return done.stdout


def start_virtuoso(workdir: Path) -> Server:
    """Start virtuoso-t with a fresh database in workdir, ports on 127.0.0.1 only."""
    if VIRTUOSO is None:
        raise RuntimeError("virtuoso-t is not installed; run .ci/install-virtuoso.sh")
    db = workdir / "db"
    (db / "vsp").mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = workdir / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(db=db, sql_port=sql_port, http_port=http_port))
    log = workdir / "virtuoso.out"
    # +foreground keeps it our child, so terminate() stops it; cwd = db so '.' in DirsAllowed
    # means the database folder.
    process = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", str(ini)],
        cwd=db, stdout=log.open("wb"), stderr=subprocess.STDOUT, env={**os.environ},
    )
    base = f"http://127.0.0.1:{http_port}"
    server = Server("virtuoso", process, f"{base}/sparql", f"{base}/sparql-graph-crud-auth",
                    workdir, user="dba", password=VIRTUOSO_DBA_PASSWORD, auth="digest", log=log,
                    options={"sql_port": sql_port, "http_port": http_port})
    try:
        _wait_until(process, f"{base}/sparql?query=ASK%7B%7D", 120, log)
    except RuntimeError:
        server.stop()
        raise
    return server
