"""Reading and checking gold annotation files, and merging their entities across files."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.names import normalise_name

ENTITY_TYPES = ("persons", "organisations", "locations")
_REQUIRED = ("article", "persons", "organisations", "locations", "meetings", "partnerships", "ignore")


@dataclass(frozen=True)
class GoldEntity:
    """One person, organisation or location of one gold file."""

    kind: str
    name: str
    names: frozenset[str]


@dataclass(eq=False)
class Cluster:
    """A corpus-level gold entity: the entities of one type across files that share a name."""

    kind: str
    name: str
    names: set[str]


@dataclass(frozen=True)
class GoldMeeting:
    """One gold meeting with its names resolved to entities of its file."""

    label: str
    participants: tuple[GoldEntity, ...]
    location: GoldEntity | None
    start: str | None


@dataclass(frozen=True)
class GoldPost:
    """A post of a gold person: title and the organisation or country it is held in."""

    person: GoldEntity
    title: str
    organisation: GoldEntity | None


@dataclass
class GoldArticle:
    """The annotations of one gold file."""

    path: Path
    title: str
    entities: list[GoldEntity]
    posts: list[GoldPost]
    meetings: list[GoldMeeting]
    partnerships: list[list[tuple[GoldEntity, ...]]]  # partnership -> parties -> acceptable
    ignore: frozenset[str]


@dataclass
class Gold:
    """All gold files of a directory, with corpus-level entity clusters."""

    articles: list[GoldArticle]
    clusters: dict[str, list[Cluster]]
    cluster_of: dict[GoldEntity, Cluster]


def _need(path: Path, obj: Any, key: str, kind: type, where: str) -> Any:
    """obj[key], checked to be present and of `kind`, else an InputError naming the file."""
    if not isinstance(obj, dict) or key not in obj:
        raise InputError(path, f"{where} lacks the key '{key}'")
    value = obj[key]
    if not isinstance(value, kind):
        raise InputError(path, f"{where}: '{key}' must be a {kind.__name__}")
    return value


def _names(path: Path, item: dict, where: str) -> list[str]:
    """The name and aliases of a gold item."""
    name = _need(path, item, "name", str, where)
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise InputError(path, f"{where}: 'aliases' must be a list of strings")
    return [name, *aliases]


def _read_article(path: Path) -> GoldArticle:
    """Parse and check one gold file, resolving every name it uses to one of its entities."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(path, "a gold file must hold one JSON object")
    for key in _REQUIRED:
        _need(path, data, key, dict if key == "article" else list, "the gold file")
    title = _need(path, data["article"], "title", str, "'article'")

    entities: list[GoldEntity] = []
    index: dict[str, dict[str, GoldEntity]] = {k: {} for k in ENTITY_TYPES}
    for kind in ENTITY_TYPES:
        for i, item in enumerate(data[kind]):
            names = _names(path, item, f"{kind}[{i}]")
            entity = GoldEntity(kind, names[0], frozenset(filter(None, map(normalise_name, names))))
            entities.append(entity)
            for n in entity.names:
                index[kind].setdefault(n, entity)

    def resolve(name: Any, kinds: Sequence[str], where: str) -> GoldEntity:
        key = normalise_name(name) if isinstance(name, str) else None
        for kind in kinds:
            if key in index[kind]:
                return index[kind][key]
        raise InputError(path, f"{where}: {name!r} is not the name or alias of any "
                               f"{'/'.join(k.rstrip('s') for k in kinds)} in the file")

    posts = []
    for i, item in enumerate(data["persons"]):
        person = resolve(item["name"], ["persons"], f"persons[{i}]")
        for j, post in enumerate(item.get("posts") or []):
            where = f"persons[{i}].posts[{j}]"
            org = post.get("organisation") if isinstance(post, dict) else None
            posts.append(GoldPost(person, _need(path, post, "title", str, where),
                                  None if org is None else
                                  resolve(org, ["organisations", "locations"], where)))
    meetings = []
    for i, item in enumerate(data["meetings"]):
        where = f"meetings[{i}]"
        label = _need(path, item, "label", str, where)
        parts = tuple(resolve(n, ENTITY_TYPES, where) for n in item.get("participants") or [])
        loc = item.get("location")
        start = item.get("start")
        meetings.append(GoldMeeting(label, parts,
                                    None if loc is None else resolve(loc, ["locations"], where),
                                    None if start is None else str(start)[:10]))
    partnerships = []
    for i, item in enumerate(data["partnerships"]):
        where = f"partnerships[{i}]"
        parties = _need(path, item, "parties", list, where)
        partnerships.append([
            tuple(dict.fromkeys(resolve(n, ENTITY_TYPES, where)
                                for n in (p if isinstance(p, list) else [p])))
            for p in parties
        ])
    ignore = frozenset(normalise_name(n) for n in data["ignore"] if isinstance(n, str))
    return GoldArticle(path, title, entities, posts, meetings, partnerships, ignore)


def _cluster(articles: list[GoldArticle]) -> tuple[dict[str, list[Cluster]], dict[GoldEntity, Cluster]]:
    """Union-find over the entities of each type: sharing any name makes them one."""
    clusters: dict[str, list[Cluster]] = {}
    cluster_of: dict[GoldEntity, Cluster] = {}
    for kind in ENTITY_TYPES:
        entities = list(dict.fromkeys(e for a in articles for e in a.entities if e.kind == kind))
        parent = list(range(len(entities)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        first: dict[str, int] = {}
        for i, entity in enumerate(entities):
            for n in entity.names:
                if n in first:
                    parent[find(i)] = find(first[n])
                else:
                    first[n] = i
        roots: dict[int, Cluster] = {}
        for i, entity in enumerate(entities):
            root = find(i)
            if root not in roots:
                roots[root] = Cluster(kind, entities[root].name, set())
            roots[root].names |= entity.names
            cluster_of[entity] = roots[root]
        clusters[kind] = list(roots.values())
    return clusters, cluster_of


def load_gold(gold_dir: Path) -> Gold:
    """Read every *.json gold file of a directory (sorted by name)."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError(gold_dir, "not a directory of gold files")
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise InputError(gold_dir, "holds no *.json gold files")
    articles = [_read_article(p) for p in paths]
    clusters, cluster_of = _cluster(articles)
    return Gold(articles, clusters, cluster_of)
