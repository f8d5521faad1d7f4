"""Read news articles from text files, news-listing pages and JSON Lines, whatever the input order."""

from __future__ import annotations

import datetime
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.dates import parse_date
from kg.errors import InputError
from kg.slug import slugify

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".jsonl", ".json")
_SOURCE_LINE = re.compile(r"^\s*Source:\s*(?P<publisher>\S.*?)\s*$")
# A news-listing item starts with its publication date at the start of a line:
# "19 Mar. 2025 photo.jpg, 55KB", "March 19, 2025", "2025-03-19".
_LISTING_DATE = re.compile(
    r"^\s*(?P<date>\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})(?=\s|$)"
)
_TRAILER = re.compile(r"\s*Back To Top\s*$")
# A title is a headline, not a paragraph: longer lines before "Source:" are body text.
_MAX_TITLE = 300


@dataclass(frozen=True)
class Article:
    """One news article as read from its source files."""

    title: str
    body: str
    date: datetime.date | None
    reference_date: datetime.date | None
    publisher: str | None
    url: str | None
    sources: tuple[str, ...]

    @property
    def key(self) -> str:
        """Stable identity: the same title in two files is one article."""
        return slugify(self.title)


@dataclass(frozen=True)
class Problem:
    """One line about an input that was skipped (fatal) or read with a warning."""

    path: str
    message: str
    fatal: bool

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class ReadResult:
    """The articles read, sorted by key, and the problems met on the way."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _Raw:
    """An article as one file gives it, before the per-file reference date and merging."""

    title: str
    body: str
    date: datetime.date | None
    explicit_date: bool  # given by a listing or a JSON field rather than guessed from the body
    publisher: str | None = None
    url: str | None = None
    source: str = ""
    reference_date: datetime.date | None = None


class _Problems:
    """Collects problems, or raises the first one when strict."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.items: list[Problem] = []

    def add(self, path: Path | str, message: str, fatal: bool = True) -> None:
        if self.strict:
            raise InputError(path, message)
        log.warning("%s: %s", path, message)
        self.items.append(Problem(str(path), message, fatal))


def read_sources(paths: Iterable[str | Path], *, strict: bool = False) -> ReadResult:
    """Read every article from files and directories; duplicates merged, sorted by key."""
    problems = _Problems(strict)
    raws: list[_Raw] = []
    for path in _expand(paths, problems):
        raws.extend(_read_file(path, problems))
    return ReadResult(_merge(raws), problems.items)


def _expand(paths: Iterable[str | Path], problems: _Problems) -> list[Path]:
    """The files to read: given files as they are, directories searched recursively."""
    files: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = [
                p for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
            if not found:
                problems.add(path, "no .txt, .jsonl or .json files in this directory")
            files.update(found)
        elif path.exists():
            files.add(path)
        else:
            problems.add(path, "cannot read: No such file or directory")
    return sorted(files)


def _read_file(path: Path, problems: _Problems) -> list[_Raw]:
    """The articles of one file in file order, with reference dates filled in."""
    text = _decode(path, problems)
    if text is None:
        return []
    if path.suffix.lower() in (".jsonl", ".json") or _looks_like_json(text):
        raws = _parse_json(text, path, problems)
    elif any(_SOURCE_LINE.match(line) for line in text.split("\n")):
        raws = _parse_multi(text)
    elif _is_listing(text):
        raws = _parse_listing(text, path, problems)
    else:
        raws = _parse_plain(text)
    if not raws:
        problems.add(path, "no article found")
        return []
    for raw in raws:
        raw.source = path.name
    _fill_reference_dates(raws)
    return raws


def _decode(path: Path, problems: _Problems) -> str | None:
    """The text of a file (BOMs removed, newlines normalised), or None after recording why not."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.add(path, f"cannot read: {exc.strerror or exc}")
        return None
    if not data.strip():
        problems.add(path, "empty file")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            problems.add(path, "invalid UTF-16 text")
            return None
    elif b"\x00" in data:
        problems.add(path, "binary file, not text")
        return None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Older Windows tools still write cp1252; its few undefined bytes fall back to Latin-1.
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
            problems.add(path, "not valid UTF-8; decoded as windows-1252", fatal=False)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        problems.add(path, "empty file")
        return None
    return text


def _looks_like_json(text: str) -> bool:
    first = text.lstrip()[:1]
    if first not in ("{", "["):
        return False
    try:
        json.loads(text.lstrip().split("\n", 1)[0] if first == "{" else text)
    except ValueError:
        return False
    return True


def _parse_json(text: str, path: Path, problems: _Problems) -> list[_Raw]:
    """JSON Lines (one object a line) or one JSON array of objects."""
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except ValueError as exc:
            problems.add(path, f"invalid JSON: {exc}")
            return []
        numbered = list(enumerate(items if isinstance(items, list) else [items], start=1))
        where = "item"
    else:
        numbered = []
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                numbered.append((number, json.loads(line)))
            except ValueError as exc:
                problems.add(path, f"line {number}: invalid JSON ({exc.args[0].split(':')[0]})")
        where = "line"
    raws = []
    for number, item in numbered:
        raw = _json_article(item, f"{where} {number}", path, problems)
        if raw is not None:
            raws.append(raw)
    return raws


def _json_article(item: object, where: str, path: Path, problems: _Problems) -> _Raw | None:
    """One article from a JSON object, or None after recording what is wrong with it."""
    if not isinstance(item, dict):
        problems.add(path, f"{where}: expected a JSON object")
        return None
    title = item.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.add(path, f"{where}: missing \"title\"")
        return None
    body = item.get("body", item.get("text", ""))
    if not isinstance(body, str):
        problems.add(path, f"{where}: \"body\" is not a string")
        return None
    body = body.strip()
    date = None
    given = item.get("date")
    if given not in (None, ""):
        date = _json_date(str(given))
        if date is None:
            problems.add(path, f"{where}: unrecognised date {given!r}", fatal=False)
    explicit = date is not None
    if date is None:
        date = parse_date(body)
    return _Raw(
        title=" ".join(title.split()), body=body, date=date, explicit_date=explicit,
        publisher=_optional_str(item.get("publisher")), url=_optional_str(item.get("url")),
    )


def _json_date(text: str) -> datetime.date | None:
    # ISO timestamps ("2025-05-28T10:00:00Z") are dates with a time we do not need.
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", text)
    if match:
        try:
            return datetime.date.fromisoformat(match.group(1))
        except ValueError:
            return None
    return parse_date(text)


def _optional_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _parse_multi(text: str) -> list[_Raw]:
    """Title, blank, "Source: X", blank, body ... repeated."""
    lines = text.split("\n")
    heads: list[tuple[int, int, str]] = []  # (title line, source line, publisher)
    for index, line in enumerate(lines):
        match = _SOURCE_LINE.match(line)
        if not match:
            continue
        title_at = _previous_nonblank(lines, index)
        if title_at is None or (heads and title_at <= heads[-1][1]):
            continue
        # A headline stands alone: blank line (or start of file) before it, and it is short.
        if title_at > 0 and lines[title_at - 1].strip():
            continue
        if len(lines[title_at].strip()) > _MAX_TITLE:
            continue
        heads.append((title_at, index, match.group("publisher")))
    raws = []
    for number, (title_at, source_at, publisher) in enumerate(heads):
        stop = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        body = "\n".join(lines[source_at + 1:stop]).strip()
        raws.append(_Raw(
            title=" ".join(lines[title_at].split()), body=body, date=parse_date(body),
            explicit_date=False, publisher=publisher,
        ))
    return raws


def _previous_nonblank(lines: list[str], index: int) -> int | None:
    for before in range(index - 1, -1, -1):
        if lines[before].strip():
            return before
    return None


def _is_listing(text: str) -> bool:
    lines = text.split("\n")
    dated = sum(1 for line in lines if _LISTING_DATE.match(line))
    stripped = {line.strip() for line in lines}
    # A page with the listing's column header is a listing even when it holds no items.
    return "DateTitle" in stripped or dated >= 2 or (dated == 1 and "Back To Top" in stripped)


def _parse_listing(text: str, path: Path, problems: _Problems) -> list[_Raw]:
    """Items of a news-listing page: a dated line, blank, title, blank, optional summary."""
    text = _TRAILER.sub("", text)
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if _LISTING_DATE.match(line)]
    raws = []
    for number, start in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(lines)
        item = [line.strip() for line in lines[start + 1:stop]]
        title_at = next((i for i, line in enumerate(item) if line), None)
        if title_at is None:
            problems.add(path, f"line {start + 1}: listing item without a title")
            continue
        date_text = _LISTING_DATE.match(lines[start]).group("date")  # type: ignore[union-attr]
        date = _json_date(date_text)
        body = "\n".join(item[title_at + 1:]).strip()
        raws.append(_Raw(
            title=" ".join(item[title_at].split()), body=body, date=date,
            explicit_date=date is not None,
        ))
    return raws


def _parse_plain(text: str) -> list[_Raw]:
    """A file with no markers: first non-empty line is the title, the rest the body."""
    stripped = text.strip()
    title, _, body = stripped.partition("\n")
    body = body.strip()
    if not body:
        return []
    return [_Raw(title=" ".join(title.split()), body=body, date=parse_date(body), explicit_date=False)]


def _fill_reference_dates(raws: list[_Raw]) -> None:
    """Each article's own date, else the nearest preceding (else following) dated article's."""
    for index, raw in enumerate(raws):
        raw.reference_date = raw.date or next(
            _dates(raws[index - 1::-1] if index else []), None
        ) or next(_dates(raws[index + 1:]), None)


def _dates(raws: Iterable[_Raw]) -> Iterator[datetime.date]:
    return (raw.date for raw in raws if raw.date is not None)


def _merge(raws: list[_Raw]) -> list[Article]:
    """One Article per key; copies merged the same way whatever order they were read in."""
    groups: dict[str, list[_Raw]] = {}
    for raw in raws:
        groups.setdefault(slugify(raw.title), []).append(raw)
    articles = []
    for key in sorted(groups):
        copies = sorted(groups[key], key=lambda r: (r.source, r.title, r.body))
        kept = max(copies, key=lambda r: (len(r.body), r.body))
        explicit = [r.date for r in copies if r.explicit_date and r.date]
        guessed = [r.date for r in copies if r.date]
        date = (explicit or guessed or [None])[0]
        references = [r.reference_date for r in copies if r.reference_date]
        articles.append(Article(
            title=kept.title,
            body=kept.body,
            date=date,
            reference_date=date or (references[0] if references else None),
            publisher=next((r.publisher for r in copies if r.publisher), None),
            url=next((r.url for r in copies if r.url), None),
            sources=tuple(sorted({r.source for r in copies})),
        ))
    return articles


__all__ = ["Article", "Problem", "ReadResult", "read_sources"]
