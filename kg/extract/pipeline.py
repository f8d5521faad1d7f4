"""The extraction pipeline: articles in, an Extraction (entities and facts) out.

Each article is parsed once by spaCy (streamed through nlp.pipe in batches); small components
then find mentions, resolve them to entities, and read posts, meetings and partnerships from
the sentences. Entities are merged across the corpus at the end, so input order never matters.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from kg.dates import find_dates
from kg.extract import events, lexicon as lx, partnerships as pships, posts as post_rules
from kg.extract.gazetteer import country as gazetteer_country, country_of_demonym, lookup_place
from kg.extract.mentions import find_mentions
from kg.extract.model import Entity, Evidence, Extraction, Meeting, Partnership, Post
from kg.extract.nlp import DEFAULT_MODEL, load
from kg.extract.resolve import Registry, resolve_article, _WELL_KNOWN
from kg.names import normalise_name
from kg.reader import Article

# Headings after which a press release holds only logistics for journalists.
_BOILERPLATE = re.compile(
    r"^\s*(?:Media advisory|Media coverage|For more information|For more details|Follow us on|"
    r"Media opportunities|Media representatives|For general queries|Contacts?|Media contacts?|"
    r"Media relations|Media enquiries|Press enquiries|Notes? to editors|Press contacts?)\b.*$",
    re.IGNORECASE | re.MULTILINE,
)
# Organisations that take part in a meeting as a body, by the last word of their name.
_BODY_HEADS = ("Council", "Committee", "Group", "Assembly", "Staff", "Network", "Community",
               "Coalition", "Commission", "Board", "Parliament", "Diet", "Command", "Ministry")
_SPECIFICITY = {"facility": 3, "city": 2, "region": 1, "country": 1, None: 1}


def article_text(article: Article) -> str:
    """The text that is parsed: the title, then the body up to its journalists' logistics."""
    body = article.body
    cut = _BOILERPLATE.search(body)
    if cut:
        body = body[: cut.start()]
    return f"{article.title}\n\n{body.strip()}\n"


@dataclass
class _ArticleResult:
    article: Article
    entities: list[Entity]
    posts: list[tuple[Entity, str, Entity | None, str, bool]] = field(default_factory=list)  # inferred org?
    meetings: list[tuple[Meeting, list[Entity], list[Entity], Entity | None]] = field(default_factory=list)
    partnerships: list[tuple[Partnership, list[Entity]]] = field(default_factory=list)
    pairs: list = field(default_factory=list)  # the article's "Full Name (ACR)" definitions


class _Lookup:
    """Names of an article's organisations and countries, for posts and partnerships."""

    def __init__(self, entities: list[Entity], article: str) -> None:
        self.article = article
        self.entities = entities
        self.by_name: dict[str, Entity] = {}
        for entity in entities:
            if entity.kind == "organisation" or entity.place_kind == "country":
                for name in entity.names():
                    self.by_name[normalise_name(name)] = entity
        self.extra: list[Entity] = []

    def __call__(self, name: str | None) -> Entity | None:
        if not name:
            return None
        name = re.sub(r"[’']s$", "", name.strip())
        key = normalise_name(name)
        if key in self.by_name:
            return self.by_name[key]
        if name in lx.ORG_HEADS:  # "the Court’s Registrar": the one court the article names
            heads = [e for e in self.entities if e.kind == "organisation" and e.label.endswith(" " + name)]
            if len(heads) == 1:
                return heads[0]
        if key in _WELL_KNOWN:
            canonical = _WELL_KNOWN[key]
            for alias in canonical:
                if normalise_name(alias) in self.by_name:
                    return self.by_name[normalise_name(alias)]
            return self._new(Entity("organisation", canonical[0], aliases=set(canonical[1:]) - {canonical[0]}))
        place = lookup_place(name) or country_of_demonym(name)
        if place is not None and place.kind == "country":
            for entity in self.entities + self.extra:
                if entity.place_kind == "country" and entity.country_code == place.country_code:
                    return entity
            return self._new(Entity("location", place.name, aliases=set(place.aliases), place_kind="country",
                                    country_code=place.country_code, geonames_id=place.geonames_id,
                                    lat=place.lat, long=place.long))
        return None

    def _new(self, entity: Entity) -> Entity:
        # A country referenced by an adjective is not mentioned by name: no kg:mentionedIn. An
        # organisation only comes here from the article's own words or its publisher line.
        if entity.kind == "organisation":
            entity.articles.add(self.article)
        self.extra.append(entity)
        for n in entity.names():
            self.by_name[normalise_name(n)] = entity
        return entity


def _analyse(article: Article, doc) -> _ArticleResult:
    key = article.key
    text = doc.text
    mentions, pairs = find_mentions(doc)
    local = resolve_article(mentions, pairs, key)
    result = _ArticleResult(article, list(local.entities), pairs=pairs)
    _place_facilities(mentions, local.by_mention)
    lookup = _Lookup(local.entities, key)
    sentences = list(doc.sents)
    entity_at = {span: ent for span, ent in local.by_mention.items()}
    quoted = _quoted_spans(text)
    by_sentence: dict[int, list[tuple[int, Entity]]] = {}
    everything: dict[int, list[tuple[int, Entity]]] = {}  # quotations included
    for mention in mentions:
        entity = entity_at.get((mention.start, mention.end))
        if entity is None:
            continue
        everything.setdefault(mention.sentence, []).append((mention.start, entity))
        # Names inside a quotation are what someone said, not who took part in a meeting.
        if not any(a <= mention.start < b for a, b in quoted):
            by_sentence.setdefault(mention.sentence, []).append((mention.start, entity))

    # Posts: titles written next to person names.
    publisher = _publisher_organisation(article.publisher, lookup)
    if publisher is not None and publisher.kind != "organisation":
        publisher = None
    publisher_country = _publisher_country(article.publisher, lookup)
    scene = _dateline_place(text, sentences, _mentions_by_sentence(mentions, entity_at), len(article.title))
    scene_country = None
    if scene is not None and scene.country_code:
        scene_country = lookup(gazetteer_country(scene.country_code).name)
    first_person_at = min((m.start for m in mentions if m.kind == "person" and m.start > len(article.title)),
                          default=-1)
    holders: dict[str, Entity] = {}
    inferred_org: dict[tuple[int, str], Entity] = {}
    for mention in mentions:
        if mention.kind != "person":
            continue
        person = entity_at[(mention.start, mention.end)]
        sent = sentences[mention.sentence]
        after = post_rules.post_after(text[mention.end:sent.end_char])
        after_text = text[mention.end:sent.end_char]
        if after is not None and _NEXT_NAME.match(after_text[after_text.find(after.title) + len(after.title):]):
            after = None  # ", the Minister of X, Mr Y": the title introduces the next name
        found = [*post_rules.posts_before(text[sent.start_char:mention.start]), after]
        for post in filter(None, found):
            if any(other.text in post.title for other in mentions if other.kind == "person"):
                continue  # a list of officials: the title ran into the next person's name
            title, organisation = post_rules.split_title(post, lambda n: lookup(n))
            if not title or len(title) > 90 or title in ("Minister", "Secretary", "Ambassador"):
                continue  # a bare "Minister X" is a form of address, not an office
            inferred = False
            if organisation is None and re.search(r"\bits\s+" + re.escape(post.title) + r"\W*(?:\w+\.?\s+){0,3}$",
                                                  text[sent.start_char:mention.start]):
                organisation = _last_organisation_before(mentions, entity_at, mention.start)  # "Led by its Chair, X"
            if organisation is None and publisher is not None and mention.start == first_person_at \
                    and publisher_country is None and not post_rules.is_national_title(title):
                organisation, inferred = publisher, True  # an organisation's release about its own official
            elif organisation is None and publisher is not None and post_rules.is_international_title(title):
                organisation, inferred = publisher, True  # "the Secretary General" in NATO's own release
            elif organisation is None and post_rules.is_national_title(title):
                in_headline = mention.start < len(article.title)  # "Minister X in Y": a traveller
                organisation = inferred_org.get((id(person), title)) or (
                    publisher_country if in_headline and publisher_country is not None else
                    _country_of_context(text, sent, mention, first_person_at, lookup, publisher_country,
                                        scene_country))
                inferred = organisation is not None
                if inferred:
                    inferred_org.setdefault((id(person), title), organisation)  # one state per office
            for part in title.split("/"):  # "High Representative/Vice-President": two offices
                result.posts.append((person, part.strip(), organisation, sent.text.strip(), inferred))
            for head in lx.REFERRING_TITLES:
                if title == head or title.endswith(" " + head) or title.startswith(head + " "):
                    holders.setdefault(head, person)
    _counterparts(text, sentences, mentions, entity_at, lookup, result)
    # "the Secretary General" later in the text stands for the holder named earlier.
    for head, person in holders.items():
        for match in re.finditer(rf"\b(?:the\s+)?(?:[A-Z]+\s+)?{re.escape(head)}\b(?!\s+(?:of|for)\b)", text):
            index = _sentence_of(sentences, match.start())
            by_sentence.setdefault(index, []).append((match.start(), person))
    # "He"/"She" opening a sentence continue the last person named as a subject.
    last_subject: Entity | None = None
    for index, sent in enumerate(sentences):
        found = sorted(by_sentence.get(index, []), key=lambda item: item[0])
        persons = [e for _, e in found if e.kind == "person"]
        if persons:
            last_subject = persons[0]
        elif last_subject is not None and re.match(r"^\s*(?:He|She)\b", sent.text):
            by_sentence.setdefault(index, []).append((sent.start_char, last_subject))

    _meetings(article, text, sentences, by_sentence, result)
    _partnerships(article, text, sentences, everything, lookup, result, pairs)
    # Bodies and states the lookups added (a post's organisation, a partner named by its
    # adjective) are entities of the article too; added last, as the steps above may add them.
    result.entities.extend(lookup.extra)
    return result


_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|to|into|visit|visits|visited|visiting|hosted by|held in|near)\s+(?:the\s+)?|^\s*)$",
    re.IGNORECASE,
)
# A country or region is the scene only when a verb of meeting or travel puts the event there;
# "the situation in the Western Balkans" names a topic.
_SCENE_VERB = re.compile(
    r"\b(?:met|meet|meets|meeting|held|hold|holds|took place|takes place|travel\w*|visit\w*|"
    r"arriv\w*|gather\w*|convene\w*|hosted|host|hosts|attend\w*|participat\w*|will be)\b"
    r"[^.;]{0,40}\b(?:in|to|at)\s+(?:the\s+)?$|\b(?:visit|visits|visited|visiting)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_OTHER_EVENT = re.compile(
    r"(?:\b(?:upcoming|forthcoming|next|ahead of|prepar\w*|towards|before|since|last|previous)\b[^.]{0,50}"
    r"\b(?:Conference|Meeting|Ministerial|conference)|\b(?:for|of|at|before|after)\s+the\s+(?:\w+\s+){0,2}Summit)"
    r"\s+(?:in|at)\s+(?:[Tt]he\s+)?$"
)
# (A summit is the anchor press releases name most: "priorities for the NATO Summit in X".)


def _locative(text: str, start: int, place: Entity) -> bool:
    """Whether a place is named as where something happens ("in Brussels", "at NATO HQ")."""
    if place.place_kind == "facility":
        return True
    before = text[max(0, start - 60):start]
    line_start = "\n" in before
    if line_start:
        before = before.rsplit("\n", 1)[1]
    if place.place_kind in ("country", "region", None):
        return bool(_SCENE_VERB.search(before)) or (line_start and not before.strip())
    if _OTHER_EVENT.search(text[max(0, start - 90):start]):
        return False  # "preparations for the Summit in The Hague": another event's place
    return bool(_LOCATIVE.search(before[-30:])) or (line_start and re.fullmatch(r"[\w\s,–-]*", before) is not None
                                                   and len(before) < 40)


_NEXT_NAME = re.compile(r"^\s*,?\s*(?:(?:Mr|Ms|Mrs|Dr|the Honourable|the Hon)\.?\s+)?[A-Z][\w’'-]+\s+[A-Z][\w’'-]+")
_TRAVEL = re.compile(r"\b(?:travel\w*|visit\w*|arriv\w*|went|flew|toured?)\b", re.IGNORECASE)


_OF_TITLE = re.compile(
    r"\b(?:" + "|".join(re.escape(h) for h in sorted(lx.TITLE_HEADS, key=len, reverse=True))
    + r")\s+(?:of|for|to)\s+(?:the\s+)?(?:[A-Z]+\s+)?$"
)


def _in_title(text: str, start: int) -> bool:
    """Whether a body is named as the seat of a post ("Chair of the X Committee"), not as a party."""
    return bool(_OF_TITLE.search(text[max(0, start - 80):start]))


_COUNTERPART = re.compile(r"\b([A-Z][a-z]+)\s+counterparts?,?\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$")


def _counterparts(text: str, sentences, mentions, entity_at, lookup, result: _ArticleResult) -> None:
    """"X met his Finnish counterpart, Y": Y holds X's office in the adjective's country."""
    for mention in mentions:
        if mention.kind != "person":
            continue
        match = _COUNTERPART.search(text[max(0, mention.start - 60):mention.start])
        country = lookup(match.group(1)) if match else None
        if country is None or country.place_kind != "country":
            continue
        earlier = [p for p in result.posts if p[0] is not entity_at[(mention.start, mention.end)]]
        if earlier:
            holder = entity_at[(mention.start, mention.end)]
            result.posts.append((holder, earlier[0][1], country, sentences[mention.sentence].text.strip(), False))


def _place_facilities(mentions, entity_at) -> None:
    """A facility the gazetteer does not know lies in the country of the city or country named
    in the same sentence ("at the Government Guest House in Oslo")."""
    for mention in mentions:
        facility = entity_at.get((mention.start, mention.end))
        if facility is None or facility.place_kind != "facility" or facility.country_code:
            continue
        for other in mentions:
            place = entity_at.get((other.start, other.end))
            if (other.sentence == mention.sentence and place is not None and place is not facility
                    and place.place_kind in ("city", "country") and place.country_code):
                facility.country_code = place.country_code
                break


def _is_body(entity: Entity) -> bool:
    """An organisation that sits and meets as such: a council, committee, group, coalition..."""
    head = entity.label.split(" of the ")[0]
    return any(head.endswith(h) for h in _BODY_HEADS)


def _last_organisation_before(mentions, entity_at, position: int) -> Entity | None:
    """The body "its" refers to: the last organisation named before `position`."""
    before = [m for m in mentions if m.kind == "organisation" and m.end <= position
              and entity_at.get((m.start, m.end)) is not None]
    return entity_at.get((before[-1].start, before[-1].end)) if before else None


def _publisher_organisation(publisher: str | None, lookup) -> Entity | None:
    """The organisation that published the release ("NATO"; "United Nations Secretary-General
    (Office of the Spokesperson)" → the United Nations), if it is one we know."""
    if not publisher:
        return None
    chunks = [publisher, *re.split(r"\s*[–—(),]\s*|\s+-\s+", publisher)]
    for chunk in chunks:
        words = chunk.split()
        for size in range(len(words), 0, -1):  # "United Nations Secretary-General" → "United Nations"
            entity = lookup(" ".join(words[:size]))
            if entity is not None and entity.kind == "organisation":
                return entity
    return None


def _publisher_country(publisher: str | None, lookup) -> Entity | None:
    """The state a government publisher belongs to ("German Federal Foreign Office" → Germany)."""
    if not publisher:
        return None
    publisher = re.sub(r"\bU\.S\.(?:A\.)?", "US", publisher).replace("U.K.", "UK")
    for word in re.findall(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?", publisher):
        for candidate in (word, word.split()[0]):
            entity = lookup(candidate)
            if entity is not None and entity.place_kind == "country":
                return entity
    return None


def _country_of_context(text: str, sent, mention, first_person_at: int, lookup,
                        publisher_country: Entity | None, scene_country: Entity | None) -> Entity | None:
    """The state a national office is held in when the text does not say it.

    A traveller's office belongs to the publishing government; anyone else named where the
    sentence says the event took place ("met President X in Chisinau") is a host of that state.
    """
    after = text[mention.end:sent.end_char]
    if publisher_country is not None and (_TRAVEL.search(after[:60]) or mention.start == first_person_at):
        return publisher_country  # the release's own official, travelling or not
    for match in re.finditer(r"\b(?i:in|to)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)", sent.text):
        place = lookup_place(match.group(1))
        if place is not None and place.country_code:
            country = lookup(gazetteer_country(place.country_code).name)
            if country is not None:
                return country
    return scene_country or publisher_country


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations (“...” or "...")."""
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]{0,1500}”|\"[^\"\n]{0,1500}\"", text)]


def _mentions_by_sentence(mentions, entity_at) -> dict[int, list[tuple[int, Entity]]]:
    grouped: dict[int, list[tuple[int, Entity]]] = {}
    for mention in mentions:
        entity = entity_at.get((mention.start, mention.end))
        if entity is not None:
            grouped.setdefault(mention.sentence, []).append((mention.start, entity))
    return grouped


def _sentence_of(sentences, char: int) -> int:
    for index, sent in enumerate(sentences):
        if sent.start_char <= char < sent.end_char:
            return index
    return len(sentences) - 1


def _unique(items: Iterable[Entity]) -> list[Entity]:
    seen: list[Entity] = []
    for item in items:
        if all(item is not s for s in seen):
            seen.append(item)
    return seen


def _meetings(article: Article, text: str, sentences, by_sentence, result: _ArticleResult) -> None:
    facts = []
    title_bodies: list[Entity] = []
    title_places: list[Entity] = []
    for index, sent in enumerate(sentences):
        found = sorted(by_sentence.get(index, []), key=lambda item: item[0])
        bodies = _unique(e for start, e in found if e.kind == "organisation"
                         and _is_body(e) and not _in_title(text, start))
        places = _unique(e for start, e in found if e.kind == "location" and _locative(text, start, e))
        if sent.start_char < len(article.title):
            # The title repeats the body, so it opens no meeting of its own; but a headline such
            # as "X hosts Y at Z" names the bodies and the place of the article's main event.
            if events.is_meeting_sentence(sent.text):
                title_bodies += bodies
                title_places += [p for p in places if p.place_kind in ("facility", "city")]
            continue
        if not events.is_meeting_sentence(sent.text):
            continue
        persons = _unique(e for _, e in found if e.kind == "person")
        # A meeting sentence without parties still tells when and where ("Ministers met in X").
        facts.append((index, sent, persons, bodies, places))
    if not facts:
        return
    reference = article.date or article.reference_date
    current: list | None = None
    drafts: list[list] = []
    for index, sent, persons, bodies, places in facts:
        start, end = _sentence_dates(sent.text, reference, article.date)
        new_site = current is not None and _another_site(current[4], places)
        if current is None or (start is not None and current[0] is not None and start != current[0]) or new_site:
            # A new day, or a visit to another site on the same day ("He will also visit the
            # X Naval Base"), is a meeting of its own.
            previous = current
            current = [start, end, [], [], [], []]
            if new_site and start is None:
                current[0], current[1] = previous[0], previous[1]
            drafts.append(current)
        elif current[0] is None and start is not None:
            current[0], current[1] = start, end
        current[2].extend(persons)
        current[3].extend(bodies)
        if not current[4]:
            current[4].extend(places)  # the first sentence that names a place sets the scene
        else:
            current[4].extend(_refinements(current[4], places))
        current[5].append(sent.text.strip())
    last_place = _dateline_place(text, sentences, by_sentence, len(article.title))
    if drafts:
        drafts[0][3][:0] = title_bodies
        headline = title_places or _title_scene(text, sentences, by_sentence, len(article.title))
        if not drafts[0][4]:
            drafts[0][4].extend(headline)
        else:  # "welcomes X to NATO Headquarters" narrows the body's "in Brussels"
            drafts[0][4].extend(_refinements(drafts[0][4], headline, headline=True))
        if not drafts[0][2] and not drafts[0][3]:
            # "Foreign Ministers met in X" with the release's protagonist named elsewhere: the
            # article's first-named person takes part in its main event.
            drafts[0][2].extend(_protagonist(sentences, by_sentence, len(article.title)))
    for draft in drafts:
        if draft[0] is None:
            # No date in its sentences: the last date the article gave before them, else the
            # publication date (releases report the day's events).
            draft[0] = _last_date_before(text, draft[5][0], reference) or article.date
            draft[1] = draft[1] or draft[0]
    seats = {(id(post[0]), id(post[2])) for post in result.posts if post[2] is not None}
    for start, end, persons, bodies, places, texts in drafts:
        # A body whose office-holder takes part is represented by that person, not present as such.
        bodies = [b for b in bodies if not any((id(p), id(b)) in seats for p in persons)]
        participants = _unique(persons + bodies)
        if not participants:
            last_place = max(places, key=lambda p: _SPECIFICITY.get(p.place_kind, 1), default=None) or last_place
            continue
        place = max(places, key=lambda p: _SPECIFICITY.get(p.place_kind, 1), default=None) or last_place
        last_place = place or last_place
        joined = " ".join(texts)
        if events.meeting_type(f"{article.title} {joined}", 0) == "Call":
            place = None  # a telephone or video call happens nowhere in particular
        meeting = Meeting(
            label="",
            participants=set(),
            start=start,
            end=end or start,
            status=events.status(joined, article.title),
            meeting_type=events.meeting_type(joined, len([p for p in participants if p.kind == "person"])),
            articles={article.key},
            evidence=[Evidence(article.key, texts[0])],
        )
        name = events.event_name(joined)
        names = [p.label for p in participants]
        if name:
            meeting.label = name
        elif len(names) >= 2:
            meeting.label = f"{names[0]} meets " + ", ".join(names[1:])
        else:
            meeting.label = f"{names[0]}" + (f" in {place.label}" if place else " meeting")
        result.meetings.append((meeting, participants, [], place))


_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}


def _sentence_dates(text: str, reference, published):
    """First and last day a sentence names, reading "today" and "yesterday" from publication."""
    dates = find_dates(text, reference)
    if dates:
        return min(d.start for d in dates), max(d.end for d in dates)
    match = re.search(r"\b(today|yesterday|tomorrow)\b", text, re.IGNORECASE)
    if match and published is not None:
        day = published + datetime.timedelta(days=_RELATIVE[match.group(1).lower()])
        return day, day
    return None, None


def _last_date_before(text: str, sentence: str, reference):
    """The last date the text names before `sentence`."""
    at = text.find(sentence)
    dates = find_dates(text[:at], reference) if at > 0 else []
    return dates[-1].start if dates else None


def _another_site(scene: list[Entity], places: list[Entity]) -> bool:
    """Whether a sentence takes the story to a facility other than the scene it has."""
    return bool(scene) and any(p.place_kind == "facility" and all(p is not q for q in scene) for p in places)


def _refinements(scene: list[Entity], places: list[Entity], headline: bool = False) -> list[Entity]:
    """Later places that narrow the scene down ("visits Albania" ... "in Tirana")."""
    countries = {p.country_code for p in scene if p.country_code}
    best = max((_SPECIFICITY.get(p.place_kind, 1) for p in scene), default=0)
    if best >= _SPECIFICITY["city"] and not headline:
        return []  # after "in Tokyo", "he also visited the X Base" is another visit, not a narrowing
    return [p for p in places if p.country_code in countries and _SPECIFICITY.get(p.place_kind, 1) > best]


def _title_scene(text: str, sentences, by_sentence, title_end: int) -> list[Entity]:
    """A city or facility the headline places the story in ("Secretary General in Munich")."""
    return [e for index, sent in enumerate(sentences) if sent.start_char < title_end
            for start, e in by_sentence.get(index, [])
            if e.kind == "location" and e.place_kind in ("city", "facility") and _locative(text, start, e)]


def _protagonist(sentences, by_sentence, title_end: int) -> list[Entity]:
    """The first person the body of the article names, directly or by title."""
    for index, sent in enumerate(sentences):
        if sent.start_char < title_end:
            continue
        persons = [e for _, e in sorted(by_sentence.get(index, []), key=lambda item: item[0]) if e.kind == "person"]
        if persons:
            return persons[:1]
    return []


def _dateline_place(text: str, sentences, by_sentence, title_end: int) -> Entity | None:
    """The most specific place the opening sentences name as the scene, if any."""
    best = None
    for index, sent in enumerate(sentences[:4]):
        if sent.start_char < title_end:
            continue
        for start, entity in sorted(by_sentence.get(index, []), key=lambda item: item[0]):
            if entity.kind == "location" and _locative(text, start, entity):
                if best is None or _SPECIFICITY.get(entity.place_kind, 1) > _SPECIFICITY.get(best.place_kind, 1):
                    best = entity
        if best is not None:
            return best
    return None


_BILATERAL = re.compile(
    r"\bbetween\b|\b(?:signed|sign|signs|concluded)\b|\bagreement\b|\bletter of intent\b|"
    r"\bmemorandum\b|\bjoint (?:statement|declaration)\b",
    re.IGNORECASE,
)
_PARTNER_WORDS = re.compile(r"\bpartner(?:s|ship|ships)?\b|\bjoin(?:s|ed)?\b|\bmember(?:s|ship)?\b", re.IGNORECASE)


def _framework_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", normalise_name(name)) if w not in ("the", "of", "for", "and", "s", "t")}


def _owner_of(framework: str | None, owners: list[tuple[str, Entity]]) -> Entity | None:
    """The body an earlier sentence of the article gave this framework ("S&T Enhanced Partnership")."""
    if not framework:
        return None
    words = _framework_words(framework)
    for name, owner in owners:
        if len(words & _framework_words(name)) >= 2:
            return owner
    return None


def _near_partner_word(text: str, sent, found, country: Entity, reach: int = 60) -> bool:
    spots = [m.start() + sent.start_char for m in _PARTNER_WORDS.finditer(sent.text)]
    return any(abs(start - spot) <= reach for start, e in found if e is country for spot in spots)


def _partnerships(article: Article, text: str, sentences, by_sentence, lookup, result: _ArticleResult,
                  pairs) -> None:
    publisher = lookup(article.publisher) if article.publisher else None
    if publisher is not None and publisher.kind != "organisation":
        publisher = None
    # A government's release speaks for its state: "deepens partnership with Tonga".
    publisher = publisher or _publisher_country(article.publisher, lookup)
    reference = article.date or article.reference_date
    frameworks = {p.acronym: p.full for p in pairs if not p.is_organisation}
    owners: list[tuple[str, Entity]] = []
    for index, sent in enumerate(sentences):
        in_title = sent.start_char < len(article.title)
        if not pships.is_partnership_sentence(sent.text) and not pships.hyphen_pairs(sent.text):
            continue
        found = sorted(by_sentence.get(index, []), key=lambda item: item[0])
        framework = pships.framework(sent.text, frameworks)
        inside = (lambda e: bool(framework) and any(n in framework for n in e.names()))
        orgs = _unique(e for _, e in found if e.kind == "organisation" and not inside(e))
        countries = _unique(e for _, e in found if e.place_kind == "country" and not inside(e))
        groups: list[list[Entity]] = []
        for left, right in pships.hyphen_pairs(sent.text):
            pair = _unique(filter(None, [lookup(left), lookup(right)]))
            if len(pair) == 2:
                groups.append(pair)
        if in_title:
            pass  # a headline states only what its hyphenated pairs say ("a strong NATO-EU partnership")
        elif not groups and countries and (framework or _PARTNER_WORDS.search(sent.text)):
            # Members are the countries written next to the partner words, not every country named.
            near = [c for c in countries if _near_partner_word(text, sent, found, c)]
            countries = near if not framework else countries
            framework_owner = [e for e in result.entities if e.kind == "organisation" and framework
                               and any(re.search(rf"(?<![\w&]){re.escape(n)}(?![\w&])", framework)
                                       for n in e.names() if len(n) > 1)]
            # The body a framework is named after owns it ("NATO’s STO S&T Enhanced Partnership").
            owner = framework_owner[0] if framework_owner else (
                orgs[0] if orgs else _owner_of(framework, owners) or publisher)
            if framework and owner is not None and owner is not publisher:
                owners.append((framework, owner))  # later sentences naming the framework alone
            countries = [c for c in countries if c is not owner]
            if owner is not None and len(countries) >= 1 and not (len(countries) == 2 and _BILATERAL.search(sent.text)):
                # "the seven MD partners (Algeria, Egypt, ...)": one partnership per member.
                groups = [[owner, country] for country in countries]
        if not groups and not in_title and _BILATERAL.search(sent.text):
            if len(countries) + len(orgs) < 2:
                # "the Estonian and Finnish ministers signed": states named by their adjectives
                countries = _unique(countries + [c for c in map(lookup, re.findall(r"\b[A-Z][a-z]+\b", sent.text))
                                                 if c is not None and c.place_kind == "country"])
            parties = (countries + orgs) if countries else orgs
            if len(parties) == 2:
                groups = [parties]  # "a security agreement between X and Y"
        if not groups and not in_title and len(orgs) == 1 and len(countries) == 1 and _PARTNER_WORDS.search(sent.text):
            groups = [orgs + countries]
        if not groups:
            continue
        dates = [d.start for d in find_dates(sent.text, reference)]
        for parties in groups:
            partnership = Partnership(
                partners=set(), framework=framework, since=pships.since(sent.text, dates),
                articles={article.key}, evidence=[Evidence(article.key, sent.text.strip())],
            )
            result.partnerships.append((partnership, parties))


def extract(articles: Sequence[Article], model: str = DEFAULT_MODEL, *, batch_size: int = 16,
            n_process: int = 1, progress: Callable[[Article], None] | None = None) -> Extraction:
    """Extract entities, posts, meetings and partnerships from `articles`."""
    nlp = load(model)
    texts = (article_text(a) for a in articles)
    results = []
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=batch_size, n_process=n_process)):
        results.append(_analyse(article, doc))
        if progress is not None:
            progress(article)
    return merge(results)


def merge(results: list[_ArticleResult]) -> Extraction:
    """Merge per-article results into one corpus-wide Extraction."""
    registry = Registry()
    corpus_key: dict[int, str] = {}
    _spell_out_abbreviations(results)
    pending = [(r.article.key, e) for r in results for e in r.entities]
    # Full names before surnames, so a surname joins the one person it abbreviates.
    pending.sort(key=lambda item: (item[1].kind, -len(item[1].label.split()), item[0], item[1].label))
    for _, entity in pending:
        corpus_key[id(entity)] = registry.add(entity).key
    _link_countries(registry)
    out = Extraction(entities=registry.entities)
    posts: dict[tuple[str, str, str | None], Post] = {}
    for result in results:
        key = result.article.key
        for person, title, organisation, sentence, inferred in result.posts:
            holder = corpus_key[id(person)]
            org = corpus_key[id(organisation)] if organisation is not None else None
            identity = (holder, normalise_name(title), org)
            post = posts.get(identity)
            if post is None:
                post = posts[identity] = Post(holder, title, org, inferred=inferred)
            elif not inferred:
                post.inferred = False  # stated once is stated
            if key not in post.articles:
                post.articles.add(key)
                post.evidence.append(Evidence(key, sentence))
        for meeting, participants, hosts, place in result.meetings:
            meeting.participants = {corpus_key[id(p)] for p in participants}
            meeting.hosts = {corpus_key[id(h)] for h in hosts}
            meeting.location = corpus_key[id(place)] if place is not None else None
            _add_meeting(out.meetings, meeting, registry.entities)
        for partnership, parties in result.partnerships:
            partnership.partners = {corpus_key[id(p)] for p in parties}
            _add_partnership(out.partnerships, partnership)
    # A post known with its organisation makes the same title without one redundant, and one
    # the text states outright overrides one that was only inferred from context.
    with_org = {(p.holder, normalise_name(p.title)) for p in posts.values() if p.organisation}
    stated = {(p.holder, normalise_name(p.title)) for p in posts.values()
              if p.organisation and not p.inferred}
    out.posts = [p for p in posts.values()
                 if (p.organisation or (p.holder, normalise_name(p.title)) not in with_org)
                 and not (p.inferred and (p.holder, normalise_name(p.title)) in stated)]
    return out


def _spell_out_abbreviations(results: list[_ArticleResult]) -> None:
    """"NATO S&T Board" is also the "NATO Science & Technology Board" when any article defines
    S&T; "Council of the EU" is the "Council of the European Union". A leading acronym stays:
    it names the parent ("NATO ...")."""
    expansions = {p.acronym: p.full for r in results for p in r.pairs
                  if not p.is_organisation and len(p.acronym) > 1}
    for names in lx.WELL_KNOWN_ORGANISATIONS:
        for alias in names[1:]:
            if alias.isupper() and len(alias) >= 2:
                expansions.setdefault(alias, names[0])
    known = {normalise_name(n) for r in results for e in r.entities if e.kind == "organisation" for n in e.names()}
    for result in results:
        for entity in result.entities:
            if entity.kind != "organisation":
                continue
            for name in list(entity.names()):
                spelled = _spell_out(name, expansions)
                if spelled != name:
                    entity.aliases.add(spelled)
                head, _, rest = name.partition(" ")
                if rest and head in expansions:  # "AU Commission" where another text names the
                    full = f"{expansions[head]} {rest}"  # "African Union Commission"
                    if normalise_name(full) in known:
                        entity.aliases.add(full)


def _spell_out(name: str, expansions: dict[str, str]) -> str:
    """Replace abbreviations after the first word; a full form that repeats the words before the
    abbreviation ("Northern Science & Technology" for "Northern S&T") replaces them too."""
    for short, full in expansions.items():
        match = re.search(rf"(?<![\w&]){re.escape(short)}(?![\w&])", name)
        if match is None or match.start() == 0:
            continue
        before, after = name[: match.start()].strip(), name[match.end():]
        name = (full if full.startswith(before) else f"{before} {full}") + after
    return name


def _link_countries(registry: Registry) -> None:
    """Give every city and facility its country, adding the country node where none was named."""
    by_code = {e.country_code: e for e in registry.entities.values() if e.place_kind == "country"}
    for entity in list(registry.entities.values()):
        if entity.place_kind in ("city", "facility") and entity.country_code:
            country = by_code.get(entity.country_code)
            if country is None:
                try:
                    place = gazetteer_country(entity.country_code)
                except KeyError:
                    continue
                country = registry.add(Entity("location", place.name, aliases=set(place.aliases),
                                              place_kind="country", country_code=place.country_code,
                                              geonames_id=place.geonames_id, lat=place.lat, long=place.long))
                by_code[entity.country_code] = country
            entity.country = country.key


def _overlaps(a: Meeting, b: Meeting) -> bool:
    if a.start is None or b.start is None:
        return False
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def _places_agree(a: str | None, b: str | None, entities: dict[str, Entity]) -> bool:
    """Two places can be the scene of one event: the same, unknown, or in the same country."""
    if a is None or b is None or a == b:
        return True
    first, second = entities.get(a), entities.get(b)
    return bool(first and second and first.country_code and first.country_code == second.country_code)


def _add_meeting(meetings: list[Meeting], new: Meeting, entities: dict[str, Entity]) -> None:
    """Merge `new` into a meeting of another article that is the same event, else append it.

    The same event: a shared participant, overlapping days and a compatible place (an
    announcement's "Brussels" and a report's "NATO Headquarters").
    """
    for old in meetings:
        if old.articles & new.articles:
            continue
        shared = old.participants & new.participants
        persons = {p for p in shared if p.startswith("person/")}
        # A standing body meets often: sharing only a body, the two must agree on day and place.
        same_sitting = bool(shared) and old.start == new.start and old.location is not None \
            and old.location == new.location
        if (persons or same_sitting) and _overlaps(old, new) and _places_agree(old.location, new.location, entities):
            old.participants |= new.participants
            old.hosts |= new.hosts
            specific = [p for p in (old.location, new.location) if p]
            old.location = max(specific, key=lambda k: _SPECIFICITY.get(entities[k].place_kind, 1), default=None)
            old.articles |= new.articles
            old.evidence += new.evidence
            if new.status == "held":
                old.status = "held"  # the report supersedes the announcement
                old.label = new.label if len(new.participants) >= len(old.participants) else old.label
            return
    meetings.append(new)


def _add_partnership(partnerships: list[Partnership], new: Partnership) -> None:
    for old in partnerships:
        # One framework written several ways ("STO S&T Enhanced Partnership", "S&T Enhanced Partnership").
        same_framework = old.framework is None or new.framework is None or \
            len(_framework_words(old.framework) & _framework_words(new.framework)) >= 2 or \
            normalise_name(old.framework) == normalise_name(new.framework)
        if old.partners == new.partners and same_framework:
            if old.framework is None or (new.framework and len(new.framework) < len(old.framework)):
                old.framework = new.framework or old.framework  # the shortest writing is the name
            old.since = old.since or new.since
            if not new.articles <= old.articles:
                old.articles |= new.articles
                old.evidence += new.evidence
            return
    partnerships.append(new)
