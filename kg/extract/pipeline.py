"""The extraction pipeline: articles in, an Extraction (entities and facts) out.

Each article is parsed once by spaCy (streamed through nlp.pipe in batches); small components
then find mentions, resolve them to entities, and read posts, meetings and partnerships from
the sentences. Entities are merged across the corpus at the end, so input order never matters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from kg.extract import lexicon as lx, offices, posts as post_rules
from kg.extract.gazetteer import country as gazetteer_country
from kg.extract.meetings import assemble_meetings
from kg.extract.lookup import Lookup
from kg.extract.mentions import find_mentions
from kg.extract.model import Entity, Evidence, Extraction, Meeting, Partnership, Post
from kg.extract.nlp import DEFAULT_MODEL, load
from kg.extract.partnerships import add_partnership, assemble_partnerships
from kg.extract.places import dateline_place, place_facilities
from kg.extract.refine import (with_bare_surnames, without_fragments, without_portfolio_lists,
                               without_surnames_as_places)
from kg.extract.resolve import Registry, resolve_article
from kg.extract.same_event import add_meetings
from kg.names import normalise_name, title_words
from kg.reader import Article

# Headings after which a press release holds only logistics for journalists.
_BOILERPLATE = re.compile(
    r"^\s*(?:Media advisory|Media coverage|For more information|For more details|Follow (?:us|the \w+) on|"
    r"Media opportunities|Media representatives|For general queries|Contacts?|Media contacts?|"
    r"Media relations|Media enquiries|Press enquiries|Notes? to editors|Press contacts?|"
    r"Press (?:Office|Department|Service|Section)|Media Office|Communications (?:Office|Department))\b.*$",
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
    # A short line with an e-mail address, a telephone number or a social-media handle is a press
    # contact, not news
    # ("Government Office, Press Department – media@example.org").
    body = "\n".join(line for line in body.split("\n") if len(line) > 200 or not _CONTACT.search(line))
    # No-break and thin spaces are word gaps like any other to the name rules ("the\xa0Diet").
    return _ODD_SPACES.sub(" ", f"{article.title}\n\n{body.strip()}\n")


_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|\b(?:tel|phone|telephone|fax)\.?:?\s*\+?\d|\+\d{2,3}[\s\d]{6,}"
                      # social-media handles and links: "Press Bureau | Instagram: @ministry"
                      r"|(?<![\w.])@\w{3,}|\b(?:Instagram|Twitter|Facebook|Telegram|YouTube|LinkedIn)\s*:|https?://|\bwww\.|\bt\.me/",
                      re.IGNORECASE)


# Units whose head is titled by the unit's kind: "the Force Commander", "the Centre Director"
_UNIT_WORDS = frozenset({"Force", "Centre", "Center", "Agency", "Command", "Group", "School", "College", "Mission",
                         "Academy", "Institute", "Corps", "Brigade", "Division", "Fleet", "Battlegroup", "Hub"})


@dataclass
class _ArticleResult:
    article: Article
    entities: list[Entity]
    posts: list[tuple[Entity, str, Entity | None, str, bool]] = field(default_factory=list)  # inferred org?
    meetings: list[tuple[Meeting, list[Entity], list[Entity], Entity | None]] = field(default_factory=list)
    partnerships: list[tuple[Partnership, list[Entity]]] = field(default_factory=list)
    pairs: list = field(default_factory=list)  # the article's "Full Name (ACR)" definitions


def _analyse(article: Article, doc) -> _ArticleResult:
    key = article.key
    text = doc.text
    sentences = list(doc.sents)
    mentions, pairs = find_mentions(doc)
    mentions = without_portfolio_lists(mentions, text)
    mentions = with_bare_surnames(without_surnames_as_places(without_fragments(mentions, doc, len(article.title))),
                                   doc, sentences)
    local = resolve_article(mentions, pairs, key)
    result = _ArticleResult(article, list(local.entities), pairs=pairs)
    place_facilities(mentions, local.by_mention, text)
    lookup = Lookup(local.entities, key)
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
    publisher = offices.publisher_organisation(article.publisher, lookup)
    if publisher is not None and publisher.kind != "organisation":
        publisher = None
    publisher_country = offices.publisher_country(article.publisher, lookup)
    scene = dateline_place(text, sentences, _mentions_by_sentence(mentions, entity_at), len(article.title))
    scene_country = None
    if scene is not None and scene.country_code:
        scene_country = lookup(gazetteer_country(scene.country_code).name)
    offices.name_the_state(local.entities, mentions, local.by_mention, text, lookup, publisher_country)
    # the release's protagonist: the first person named, not the spokesperson it is attributed to
    first_person_at = min((m.start for m in mentions if m.kind == "person" and m.start > len(article.title)
                           and not re.search(r"\battributable to\b", sentences[m.sentence].text, re.IGNORECASE)),
                          default=-1)
    holders: dict[str, Entity] = {}
    inferred_org: dict[tuple[int, str], Entity] = {}
    keep_after, after_previous = _listed_offices(text, sentences, mentions)
    for mention in mentions:
        if mention.kind != "person":
            continue
        person = entity_at[(mention.start, mention.end)]
        sent = sentences[mention.sentence]
        after = post_rules.post_after(text[mention.end:sent.end_char])
        after_text = text[mention.end:sent.end_char]
        if after is not None and _NEXT_NAME.match(after_text[after_text.find(after.title) + len(after.title):]) \
                and mention.start not in keep_after:
            after = None  # ", the Minister of X, Mr Y": the title introduces the next name
        # A title before a name never runs back over another person's name ("Minister X and
        # Ruritania's Minister of Defence Y").
        since = max((m.end for m in mentions if m.kind == "person" and sent.start_char <= m.start
                     and m.end <= mention.start), default=sent.start_char)
        before = [] if mention.start in after_previous else post_rules.posts_before(text[since:mention.start])
        # "The Prime Minister and Secretary-General X": a title someone else holds here is that
        # person, named before, not a second office of X
        before = before[:1] + [p for p in before[1:] if holders.get(p.title, person) is person]
        if _PLURAL_VERB.match(text, mention.end):
            before = before[:1]  # "Secretary General and President X discuss": two people, not two offices
        # "a press conference with the Prime Minister at X, Mr Rutte thanked": a bare title someone
        # else already holds here refers back to them, it is no office of the next name
        before = [p for p in before if p.owner or p.complement or holders.get(p.title, person) is person
                  or not re.search(rf"\bthe\s+{re.escape(p.title)}\b[^,]*,\s*(?:(?:Mr|Ms|Mrs|Dr|H\.E\.)\.?\s+)?$",
                                   text[since:mention.start])]
        found = [*before, after]
        if after is not None:
            found += post_rules.posts_after(text[mention.end:sent.end_char])[1:]
        for post in filter(None, found):
            if any(other.text in post.title for other in mentions if other.kind == "person"):
                continue  # a list of officials: the title ran into the next person's name
            # "Minister of Defence Rajan | Singh", "Prime Minister of Somalia Hamza | Abdi Barre"
            post = _without_given_names(post, person.label.split()[:-1])
            title, organisation = post_rules.split_title(post, lookup.body_in_title)
            organisation = lookup.adopt(organisation)
            if not title or len(title) > 90 or title in ("Minister", "Secretary", "Ambassador", "Senator"):
                continue  # a bare "Minister X" or "Senator X" is a form of address, not an office
            inferred = False
            if organisation is None and re.search(r"\bits\s+" + re.escape(post.title) + r"\W*(?:\w+\.?\s+){0,3}$",
                                                  text[sent.start_char:mention.start], re.IGNORECASE):
                organisation = offices.last_organisation_before(mentions, entity_at, mention.start)  # "Led by its Chair, X"
            whose = re.search(r"\bthe\s+([A-Z][a-z]+)[’']s\s+" + re.escape(post.title) + r"\W*(?:\w+\.?\s+){0,3}$",
                              text[sent.start_char:mention.start]) if organisation is None else None
            if whose:  # "the Centre’s Director, Colonel X": the body named before whose name ends so
                body = offices.last_organisation_before(mentions, entity_at, mention.start)
                organisation = body if body is not None and whose.group(1) in body.label.split() else None
            if organisation is None and title.split()[0] in _UNIT_WORDS and len(title.split()) > 1 and (
                    body := offices.last_organisation_before(mentions, entity_at, mention.start)) is not None \
                    and any(name.split()[-1] == title.split()[0] for name in body.names()):
                organisation = body  # "the X Force ... received by the Force Commander, Y": that force's
            if organisation is None and publisher is not None and mention.start == first_person_at \
                    and publisher_country is None and not post_rules.is_national_title(title):
                organisation, inferred = publisher, True  # an organisation's release about its own official
            elif organisation is None and title.startswith("Commissioner") and (
                    commission := offices.commission(local.entities, post.owner, lookup)) is not None:
                organisation = commission  # "Commissioner for Enlargement": a member of the Commission
            elif organisation is None and publisher is not None and post_rules.is_international_title(title):
                organisation, inferred = publisher, True  # "the Secretary General" in NATO's own release
            elif organisation is None and post_rules.is_national_title(title) and (
                    counterpart := offices.counterpart_country(text[sent.start_char:mention.start], lookup)) is not None:
                organisation = counterpart  # "his Finnish counterpart, Minister of Defence X"
            elif organisation is None and post_rules.is_national_title(title) and (
                    state := offices.state_after_name(text[mention.end:sent.end_char], lookup)) is not None:
                organisation = state  # "Prime Minister Jane Roe of Ruritania"
            elif organisation is None and post_rules.is_national_title(title):
                in_headline = mention.start < len(article.title)  # "Minister X in Y": a traveller
                organisation = inferred_org.get((id(person), title)) or (
                    publisher_country if in_headline and publisher_country is not None else
                    offices.country_of_context(text, sent, mention, first_person_at, lookup, publisher_country,
                                        scene_country))
                inferred = organisation is not None
                if inferred:
                    inferred_org.setdefault((id(person), title), organisation)  # one state per office
            if organisation is not None:
                # "Commissioner for Political Affairs, Peace and Security of the African Union
                # Commission": the body the office is held in is no part of the title
                for name in sorted(organisation.names(), key=len, reverse=True):
                    held = re.search(rf"\s+of\s+(?:the\s+)?{re.escape(name)}$", title)
                    if held and held.start() > 0:
                        title = title[:held.start()]
                        break
            for part in title.split("/"):  # "High Representative/Vice-President": two offices
                result.posts.append((person, part.strip(), organisation, sent.text.strip(), inferred))
            for head in lx.REFERRING_TITLES:
                if title == head or title.endswith(" " + head) or title.startswith(head + " "):
                    holders.setdefault(head, person)
    result.posts += offices.respective_offices(text, sentences, mentions, entity_at, lookup)
    offices.counterparts(text, sentences, mentions, entity_at, lookup, result.posts)
    result.posts = offices.one_state_per_person(result.posts)  # after counterparts, whose states are stated
    # "the Secretary General" later in the text stands for the holder named earlier.
    for head, person in holders.items():
        # not a title before someone's name ("Minister Arne Voskuilen" is Voskuilen, whoever else is Minister)
        for match in re.finditer(rf"\b(?:the\s+)?(?:[A-Z]+\s+)?{re.escape(head)}\b(?!\s+(?:of|for)\b)"
                                 rf"(?![ \t]+(?:[A-ZÀ-ÖØ-Þ][a-zà-ÿ]|H\.E\.|Dr\b|Mr\b|Ms\b))", text):
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
    country = offices.publisher_country(article.publisher, lookup)
    if speaker is None or (country is not None and _STATE_BODY.match(speaker.label)):
        speaker = country  # a ministry's release speaks for its state: the state is the partner
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


_PLURAL_VERB = re.compile(r"\s+(?:discuss|meet|agree|sign|hold|call|welcome|reaffirm|review|visit|underline|"
                          r"launch|pledge|urge|stress|open|inaugurate|address)\b")


def _without_given_names(post: post_rules.PostMention, given: list[str]) -> post_rules.PostMention:
    """A title the tagger let run into the holder's given names, without them; the complement
    then names the state or body alone ("of Somalia", not "of Somalia Hamza")."""
    words = post.title.split()
    cut = len(words)
    while cut > 1 and words[cut - 1] in given:
        cut -= 1
    if cut == len(words):
        return post
    dropped = " ".join(words[cut:])
    complement = post.complement
    if complement and complement.endswith(dropped):
        complement = complement[: -len(dropped)].rstrip() or None
    return replace(post, title=" ".join(words[:cut]), complement=complement)


def _listed_offices(text: str, sentences, mentions) -> tuple[set[int], set[int]]:
    """"A, Commander of X, General B, Commander of Y": in a list where every name is followed
    by its title, a title between two names belongs to the name before it. Returns the starts of
    the names that keep the title after them, and of those whose title before is not theirs."""
    persons = sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.start)
    keep_after, after_previous = set(), set()
    for first, second in zip(persons, persons[1:]):
        if first.sentence != second.sentence:
            continue
        between = text[first.end:second.start]
        end = sentences[second.sentence].end_char
        if re.match(r"^\s*,", between) and re.search(r",\s*(?:[A-Z][\w.]*\s+){0,3}$", between) \
                and post_rules.post_after(between) is not None \
                and post_rules.post_after(text[second.end:end]) is not None:
            keep_after.add(first.start)
            after_previous.add(second.start)
    return keep_after, after_previous


_STATE_BODY = re.compile(r"^(?:the\s+)?(?:\w+\s+)?(?:Federal\s+)?(?:Ministry|Department|Government|Office|Cabinet|"
                         r"Chancellery|Presidency|Federal Foreign Office|Foreign Office)\b")


_NEXT_NAME = re.compile(r"^\s*,?\s*(?:(?:Mr|Ms|Mrs|Dr|the Honourable|the Hon)\.?\s+)?[A-Z][\w’'-]+\s+[A-Z][\w’'-]+")
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
        add_meetings(out.meetings, [meeting for meeting, _, _, _ in result.meetings], registry.entities)
        for partnership, parties in result.partnerships:
            partnership.partners = {corpus_key[id(p)] for p in parties}
            if len(partnership.partners) < 2:
                continue  # two names the article kept apart turned out to be one party
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


def _shortened(post: Post, other: Post) -> bool:
    """"Special Representative X" after "Special Representative for the South, X" in the same
    article: the office shortened (a headline, a form of address), not a second one."""
    return (post is not other and post.holder == other.holder
            and post.organisation in (None, other.organisation) and post.articles <= other.articles
            and title_words(post.title) < title_words(other.title))


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


