"""Plain records that extraction produces and graph building consumes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass
class Mention:
    """One place an article names an entity."""

    kind: str          # "person" | "organisation" | "location"
    text: str          # the name as written, cleaned of honorifics and leading "the"
    start: int         # character offsets in the article text
    end: int
    sentence: int      # index of the sentence it occurs in
    priority: int = 0  # which of two overlapping mentions wins: rules that know more rank higher
    place_kind: str | None = None  # what the text says a place unknown to the gazetteer is


@dataclass
class Entity:
    """A real-world person, organisation or place; one per corpus however it is named."""

    kind: str
    label: str
    aliases: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)       # article keys
    place_kind: str | None = None                         # country | city | region | facility
    country_code: str | None = None                       # for countries, and what a place lies in
    geonames_id: int | None = None
    lat: float | None = None
    long: float | None = None
    country: str | None = None                            # key of the country a place lies in
    key: str = ""                                         # stable identity, set when registered

    def names(self) -> set[str]:
        """Every name of the entity."""
        return {self.label, *self.aliases}


@dataclass
class Evidence:
    """The sentence a fact was read from, and its article."""

    article: str
    text: str


@dataclass
class Post:
    """A person holds a post titled `title` in an organisation or country (key of an Entity)."""

    holder: str                     # entity key of the person
    title: str
    organisation: str | None        # entity key of an organisation or country
    articles: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    inferred: bool = False          # organisation read from context, not stated with the title


@dataclass
class Meeting:
    """An event at which parties come together."""

    label: str
    participants: set[str]                   # entity keys
    hosts: set[str] = field(default_factory=set)
    location: str | None = None              # entity key
    start: datetime.date | None = None
    end: datetime.date | None = None
    status: str = "held"                     # "planned" | "held"
    meeting_type: str = "OtherMeeting"       # local name of a kg:MeetingType individual
    articles: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Partnership:
    """A cooperative relationship between two or more parties."""

    partners: set[str]                       # entity keys
    framework: str | None = None
    since: datetime.date | int | None = None  # a date, or a year
    articles: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything extracted from a corpus, ready to become a graph."""

    entities: dict[str, Entity] = field(default_factory=dict)    # by key
    posts: list[Post] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)
