"""The `kg` command line: parses arguments, calls one library function, formats the result.

Each command lives in its own small module that registers itself on the group in base.py;
importing them here is what makes `kg --help` list them all.
"""

from kg.cli.base import cli

# Command modules (one import each; keep sorted).
from kg.cli import build  # noqa: F401,E402
from kg.cli import evaluate  # noqa: F401,E402
from kg.cli import export  # noqa: F401,E402
from kg.cli import info  # noqa: F401,E402
from kg.cli import load  # noqa: F401,E402
from kg.cli import query  # noqa: F401,E402
from kg.cli import sparql  # noqa: F401,E402
from kg.cli import validate  # noqa: F401,E402

__all__ = ["cli", "main"]


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="kg")
