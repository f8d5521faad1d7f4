"""The one place that knows where the data files (ontology, shapes, queries) live."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

# In a wheel the top-level data folders are installed as kg/data/ontology, kg/data/shapes and
# kg/data/queries (see pyproject.toml); in a checkout they sit beside kg/.
_CHECKOUT = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Traversable:
    """The folder of data files called `name` ('ontology', 'shapes' or 'queries')."""
    try:
        folder = resources.files(f"kg.data.{name}")
        if folder.is_dir():
            return folder
    except (ModuleNotFoundError, TypeError):  # not installed as a package: use the checkout
        pass
    return _CHECKOUT / name


def read_text(name: str, filename: str) -> str:
    """The text of one data file, e.g. read_text('ontology', 'kg.ttl')."""
    return (data_dir(name) / filename).read_text(encoding="utf-8")


def list_files(name: str, suffix: str) -> list[str]:
    """Names of the data files in folder `name` ending with `suffix`, sorted."""
    return sorted(p.name for p in data_dir(name).iterdir() if p.name.endswith(suffix))
