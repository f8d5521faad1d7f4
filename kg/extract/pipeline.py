"""The extraction pipeline: articles in, an Extraction (entities and facts) out.

Each article is parsed once by spaCy (streamed through nlp.pipe in batches); small components
then find mentions, resolve them to entities, and read posts, meetings and partnerships from
the sentences. Entities are merged across the corpus at the end, so input order never matters.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kg.extract import lexicon as lx, posts as post_rules
from kg.extract.gazetteer import country as gazetteer_country, country_of_demonym, lookup_place
from kg.extract.meetings import add_meeting, assemble_meetings
from kg.extract.mentions import _WELL_KNOWN_NAMES, find_mentions
from kg.extract.model import Entity, Evidence, Extraction, Meeting, Mention, Partnership, Post
from kg.extract.nlp import DEFAULT_MODEL, load
from kg.extract.partnerships import add_partnership, assemble_partnerships
from kg.extract.places import dateline_place, place_facilities
from kg.extract.resolve import Registry, is_generic_body, resolve_article, unique_entities, _WELL_KNOWN
from kg.names import normalise_name
from kg.reader import Article

# Headings after which a press release holds only logistics for journalists.
_BOILERPLATE = re.compile(
    r"^\s*(?:Media advisory|Media coverage|For more information|For more details|Follow (?:us|the \w+) on|"
    r"Media opportunities|Media representatives|For general queries|Contacts?|Media contacts?|"
    r"Media relations|Media enquiries|Press enquiries|Notes? to editors|Press contacts?)\b.*$",
    re.IGNORECASE | re.MULTILINE,
)


_ODD_SPACES = re.compile(r"[\u00a0\u2007\u2009\u200a\u202f]")


def article_text(article: Article) -> str:
    """The text that is parsed: the title, then the body up to its journalists' logistics."""
    body = article.body
    # A heading that opens the release ("Media advisory" above the announcement) cuts nothing.
    cut = next((m for m in _BOILERPLATE.finditer(body) if body[: m.start()].strip()), None)
    if cut:
        body = body[: cut.start()]
    # No-break and thin spaces are word gaps like any other to the name rules ("the\xa0Diet").
    return _ODD_SPACES.sub(" ", f"{article.title}\n\n{body.strip()}\n")


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
        self.unmentioned: list[Entity] = []  # bodies known only from the publisher line
        self._mentioned = True

    def __call__(self, name: str | None, mentioned: bool = True) -> Entity | None:
        """The organisation or country `name` names; `mentioned` is False for the publisher line,
        which is not the article's text (the body it names is linked but not kg:mentionedIn)."""
        if not name:
            return None
        self._mentioned = mentioned
        name = re.sub(r"[’']s$", "", name.strip())
        name = re.sub(r"^the\s+", "", name)
        state = re.match(r"^(\w+)\s+(?:Republic|Kingdom|Federation|Confederation)$", name)
        if state and country_of_demonym(state.group(1)) is not None:
            name = state.group(1)  # "the Tunisian Republic": the state of the adjective
        key = normalise_name(name)
        if key in self.by_name:
            return self.by_name[key]
        if name in lx.ORG_HEADS:  # "the Court’s Registrar": the one court the article names
            heads = [e for e in self.entities if e.kind == "organisation" and e.label.endswith(" " + name)]
            if len(heads) == 1:
                return heads[0]
        if name in lx.ONE_WORD_BODIES:  # "Speaker of the Storting": the parliament holds the office
            return self._new(Entity("organisation", name))
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
        if place is None and re.fullmatch(r"[A-Z][\w-]+", name):  # "Examplecorp’s CEO": a body by its first word
            short = [e for e in self.entities if e.kind == "organisation" and e.label.startswith(name + " ")]
            if len({e.label for e in short}) == 1:
                return short[0]
        return None

    def _new(self, entity: Entity) -> Entity:
        # A country referenced by an adjective is not mentioned by name: no kg:mentionedIn. An
        # organisation comes here from the article's own words or from its publisher line.
        if entity.kind == "organisation" and self._mentioned:
            entity.articles.add(self.article)
        elif entity.kind == "organisation":
            self.unmentioned.append(entity)
        self.extra.append(entity)
        for n in entity.names():
            self.by_name[normalise_name(n)] = entity
        return entity


def _with_article(country: str) -> str:
    """"the United States", "the Netherlands", but "Norway"."""
    plural = country.startswith("United ") or country.endswith((" Republic", " Islands", " Emirates")) or country in (
        "Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros")
    return f"the {country}" if plural else country


def _name_the_state(entities, mentions, by_mention, text: str, lookup, publisher_country) -> None:
    """"India’s Ministry of Defence", or a bare "Ministry of Defence" in a government's release:
    the label says whose, so two states' ministries stay two nodes across the corpus."""
    for entity in entities:
        if entity.kind != "organisation" or not is_generic_body(entity.label):
            continue
        state = None
        for mention in mentions:
            if by_mention.get((mention.start, mention.end)) is entity:
                owner = re.search(r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)(?:[’']s)?\s+$", text[max(0, mention.start - 40):mention.start])
                found = lookup(owner.group(1)) if owner else None
                if found is not None and found.place_kind == "country":
                    state = found
                    break
        state = state or publisher_country
        if state is not None:
            entity.aliases.add(entity.label)
            entity.label = f"{entity.label} of {_with_article(state.label)}"


def _commission(entities: list[Entity], owner: str | None, lookup) -> Entity | None:
    """The commission a commissioner sits on: the one the article names, or the European
    Commission for a "European Commissioner"."""
    named = unique_entities(e for e in entities if e.kind == "organisation" and e.label.endswith("Commission"))
    if len(named) == 1:
        return named[0]
    return lookup("European Commission") if owner in ("European", "EU") else None


def _with_bare_surnames(mentions, doc, sentences):
    """"Pevkur and Häkkänen signed": a surname alone, where the tagger saw no name, is the person
    the article names in full elsewhere."""
    text = doc.text
    starts = [sent.start_char for sent in sentences]
    taken = [(m.start, m.end) for m in mentions]
    surnames = {m.text.split()[-1] for m in mentions if m.kind == "person" and len(m.text.split()) > 1}
    added = []
    for surname in surnames:
        if len(surname) < 4 or not surname[0].isupper() or lookup_place(surname) is not None:
            continue
        for match in re.finditer(rf"(?<![\w’'-]){re.escape(surname)}(?![\w’'-])", text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            if re.match(r"\s+[A-Z]", text[match.end():match.end() + 2]):
                continue  # "Sandvik Group": the name goes on, it is something else
            added.append(Mention("person", surname, match.start(), match.end(),
                                 bisect.bisect_right(starts, match.start()) - 1, 0))
    return sorted(mentions + added, key=lambda m: m.start)


def _without_surnames_as_places(mentions):
    """"Ms Kos said": a person's surname is not the island of that name."""
    surnames = {m.text.split()[-1] for m in mentions if m.kind == "person" and len(m.text.split()) > 1}
    return [m for m in mentions if not (m.kind == "location" and m.text in surnames)]


def _without_fragments(mentions, doc, title_end: int):
    """Bodies whose name was cut short: "Example Air" in "Example Air and Sea Defence (EASD)
    Conference" (the name runs on after "and"), or a headline's capitals ("Example Air and Sea
    Defence experts meet") naming what the body never repeats. A body's last word, an acronym
    or a well-known name is kept."""
    text = doc.text
    body = text[title_end:]

    def doubtful(m) -> bool:
        return (m.kind == "organisation" and not m.text.isupper() and m.text not in _WELL_KNOWN_NAMES
                and m.text.split()[-1] not in lx.ORG_HEADS)

    # "the Example Review questionnaire": a name that modifies a common noun names a thing.
    modifiers = {m.start for m in mentions if doubtful(m) and _modifies_a_noun(doc, m)}
    starts = {m.start for m in mentions} - modifiers
    kept = []
    for m in mentions:
        if doubtful(m):
            if m.start in modifiers or (m.start < title_end and m.text not in body):
                continue
            runs_on = re.match(r"\s+and\s+(?=[A-Z])", text[m.end:])
            if runs_on and m.end + runs_on.end() not in starts:
                continue
        kept.append(m)
    return kept


def _modifies_a_noun(doc, mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    last = span[-1]
    return (last.dep_ == "compound" and last.head.i > last.i and last.head.pos_ == "NOUN"
            and last.head.text.islower())


def _analyse(article: Article, doc) -> _ArticleResult:
    key = article.key
    text = doc.text
    sentences = list(doc.sents)
    mentions, pairs = find_mentions(doc)
    mentions = _with_bare_surnames(_without_surnames_as_places(_without_fragments(mentions, doc, len(article.title))),
                                   doc, sentences)
    local = resolve_article(mentions, pairs, key)
    result = _ArticleResult(article, list(local.entities), pairs=pairs)
    place_facilities(mentions, local.by_mention)
    lookup = _Lookup(local.entities, key)
    entity_at = dict(local.by_mention)
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
    scene = dateline_place(text, sentences, _mentions_by_sentence(mentions, entity_at), len(article.title))
    scene_country = None
    if scene is not None and scene.country_code:
        scene_country = lookup(gazetteer_country(scene.country_code).name)
    _name_the_state(local.entities, mentions, local.by_mention, text, lookup, publisher_country)
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
        if after is not None:
            found += post_rules.posts_after(text[mention.end:sent.end_char])[1:]
        for post in filter(None, found):
            if any(other.text in post.title for other in mentions if other.kind == "person"):
                continue  # a list of officials: the title ran into the next person's name
            title, organisation = post_rules.split_title(post, lambda n: lookup(n))
            if not title or len(title) > 90 or title in ("Minister", "Secretary", "Ambassador"):
                continue  # a bare "Minister X" is a form of address, not an office
            inferred = False
            if organisation is None and re.search(r"\bits\s+" + re.escape(post.title) + r"\W*(?:\w+\.?\s+){0,3}$",
                                                  text[sent.start_char:mention.start], re.IGNORECASE):
                organisation = _last_organisation_before(mentions, entity_at, mention.start)  # "Led by its Chair, X"
            if organisation is None and publisher is not None and mention.start == first_person_at \
                    and publisher_country is None and not post_rules.is_national_title(title):
                organisation, inferred = publisher, True  # an organisation's release about its own official
            elif organisation is None and title.startswith("Commissioner") and (
                    commission := _commission(local.entities, post.owner, lookup)) is not None:
                organisation = commission  # "Commissioner for Enlargement": a member of the Commission
            elif organisation is None and publisher is not None and post_rules.is_international_title(title):
                organisation, inferred = publisher, True  # "the Secretary General" in NATO's own release
            elif organisation is None and post_rules.is_national_title(title) and (
                    counterpart := _counterpart_country(text[sent.start_char:mention.start], lookup)) is not None:
                organisation = counterpart  # "his Finnish counterpart, Minister of Defence X"
            elif organisation is None and post_rules.is_national_title(title) and (
                    state := _state_after_name(text[mention.end:sent.end_char], lookup)) is not None:
                organisation = state  # "Prime Minister Jane Roe of Ruritania"
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

    assemble_meetings(article, text, sentences, by_sentence, result)
    # A government's release speaks for its state: "deepens partnership with Tonga".
    speaker = lookup(article.publisher, mentioned=False) if article.publisher else None
    if speaker is not None and speaker.kind != "organisation":
        speaker = None
    speaker = speaker or _publisher_country(article.publisher, lookup)
    assemble_partnerships(article, text, sentences, everything, lookup, result, pairs, speaker)
    # Bodies and states the lookups added (a post's organisation, a partner named by its
    # adjective) are entities of the article too; added last, as the steps above may add them.
    # The publisher's body is kept only when a fact rests on it (an official's post, a party to
    # a partnership): the fact's article then traces it. Otherwise it is no entity of the text.
    used = {id(p[2]) for p in result.posts} | {id(e) for _, parties in result.partnerships for e in parties} | {
        id(e) for _, participants, _, _ in result.meetings for e in participants}
    for entity in lookup.unmentioned:
        if id(entity) in used:
            entity.articles.add(key)
        else:
            lookup.extra.remove(entity)
    result.entities.extend(lookup.extra)
    return result


# (A summit is the anchor press releases name most: "priorities for the NATO Summit in X".)


_NEXT_NAME = re.compile(r"^\s*,?\s*(?:(?:Mr|Ms|Mrs|Dr|the Honourable|the Hon)\.?\s+)?[A-Z][\w’'-]+\s+[A-Z][\w’'-]+")
_TRAVEL = re.compile(r"\b(?:travel\w*|visit\w*|arriv\w*|went|flew|toured?)\b", re.IGNORECASE)


_COUNTERPART = re.compile(
    r"(?:\b([A-Z][a-z]+)\s+counterparts?|\bcounterparts?\s+from\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}))"
    r",?\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$")
_COUNTERPART_TITLE = re.compile(r"\b([A-Z][a-z]+)\s+counterparts?,\s+(?:the\s+)?[A-Z][^,.;:]{0,80}?,?\s*$")


def _state_after_name(after: str, lookup) -> Entity | None:
    """The country in "Prime Minister Jane Roe of Ruritania"."""
    match = re.match(r"^\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}?)(?=[,.;)]|\s+(?:at|in|on|and|to|for)\b)",
                     after)
    country = lookup(match.group(1)) if match else None
    return country if country is not None and country.place_kind == "country" else None


def _counterpart_country(before: str, lookup) -> Entity | None:
    """The country of "his Finnish counterpart, Minister of Defence" before a name."""
    match = _COUNTERPART_TITLE.search(before)
    country = lookup(match.group(1)) if match else None
    return country if country is not None and country.place_kind == "country" else None


def _counterparts(text: str, sentences, mentions, entity_at, lookup, result: _ArticleResult) -> None:
    """"X met his Finnish counterpart, Y": Y holds X's office in the adjective's country."""
    for mention in mentions:
        if mention.kind != "person":
            continue
        match = _COUNTERPART.search(text[max(0, mention.start - 60):mention.start])
        country = lookup(match.group(1) or match.group(2)) if match else None
        if country is None or country.place_kind != "country":
            continue
        earlier = [p for p in result.posts if p[0] is not entity_at[(mention.start, mention.end)]]
        if earlier:
            holder = entity_at[(mention.start, mention.end)]
            result.posts.append((holder, earlier[0][1], country, sentences[mention.sentence].text.strip(), False))


def _last_organisation_before(mentions, entity_at, position: int) -> Entity | None:
    """The body "its" refers to: the last organisation named before `position`."""
    before = sorted((m for m in mentions if m.kind == "organisation" and m.end <= position
                     and entity_at.get((m.start, m.end)) is not None), key=lambda m: (m.end, m.end - m.start))
    # The whole name, not the parliament inside "the X Committee of the Riksdag".
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
            entity = lookup(" ".join(words[:size]), mentioned=False)
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
    if _TRAVEL.search(after[:60]):
        return None  # "X paid a visit to Poland": a traveller's state is not where the visit goes
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
            add_meeting(out.meetings, meeting, registry.entities)
        for partnership, parties in result.partnerships:
            partnership.partners = {corpus_key[id(p)] for p in parties}
            add_partnership(out.partnerships, partnership)
    # A post known with its organisation makes the same title without one redundant, and one
    # the text states outright overrides one that was only inferred from context.
    with_org = {(p.holder, normalise_name(p.title)) for p in posts.values() if p.organisation}
    stated = {(p.holder, normalise_name(p.title)) for p in posts.values()
              if p.organisation and not p.inferred}
    kept = [p for p in posts.values()
            if (p.organisation or (p.holder, normalise_name(p.title)) not in with_org)
            and not (p.inferred and (p.holder, normalise_name(p.title)) in stated)]
    out.posts = [p for p in kept if not any(_shortened(p, q) for q in kept)]
    return out


def _title_words(title: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", title.casefold()) if w not in ("of", "the", "for", "and"))


def _shortened(post: Post, other: Post) -> bool:
    """"Special Representative X" after "Special Representative for the South, X" in the same
    article: the office shortened (a headline, a form of address), not a second one."""
    return (post is not other and post.holder == other.holder
            and post.organisation in (None, other.organisation) and post.articles <= other.articles
            and _title_words(post.title) < _title_words(other.title))


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


