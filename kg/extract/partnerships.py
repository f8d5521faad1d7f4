"""Partnerships: stated cooperative relationships, with their framework and start."""

from __future__ import annotations

import datetime
import re

from kg.dates import find_dates
from kg.extract import lexicon as lx
from kg.extract import parties as pt
from kg.extract.model import Entity, Evidence, Partnership
from kg.extract.resolve import unique_entities
from kg.names import normalise_name
from kg.reader import Article

TRIGGER = re.compile(
    r"\b(?:partner\w*|cooperation|co-operation|(?:joined|joins|join)(?!\s+by\b)|member of|membership|"
    r"agreement|arrangement|memorand\w*|letter of intent|declaration of intent|alliance with|allied with|"
    r"joint venture|strategic dialogue|dialogue between|relations between|"
    r"contributing participant|sponsoring nation|"  # how nations join NATO's centres of excellence
    r"bound together|side\s+by\s+side|work(?:s|ed|ing)?\s+(?:closely\s+)?together|(?:establish|set up|create)\w*\s+a\s+joint\s+(?:committee|commission|working group))\b",
    re.IGNORECASE,
)
_FRAMEWORK = re.compile(
    r"((?:[A-Z0-9&][\w’'&\-]*\s+|\([A-Z&/]{2,8}\)\s+|of\s+|for\s+|and\s+|&\s+)*?[A-Z][\w’'&\-]*\s+(?:\([A-Z&]{2,8}\)\s+)?"
    r"(?:Partnership Programme|Partnership Program|Cooperation Initiative|Partnership|Dialogue|Initiative|Programme|Program))\b"
    r"|\b(Partnership for [A-Z][a-z]+)\b"  # "the Partnership for Peace"
)
# "NATO-EU cooperation", "Polish-Swedish political consultations", "Korea-China Foreign
# Ministers' Meeting": two parties joined by a hyphen before a word of working together.
_PAIR = re.compile(
    r"(?<![\w.])(U\.S\.|U\.K\.|[A-Z][A-Za-z]+)[-–]([A-Z][A-Za-z]+)(?:\s+[\w’']+){0,3}?\s+"
    r"(?:cooperation|co-operation|partnership|relations|relationship|agreement|dialogue|alliance|consultations|"
    r"talks|summit|meeting|declaration|statement|conference|treaty|pact|accord)\b",
    re.IGNORECASE,
)
# "the Tanzania–Uganda Joint Permanent Commission": the two states' standing commission states their partnership
_PAIR_BODY = re.compile(
    r"(?<![\w.])((?:(?!The\b)[A-Z][A-Za-z]+\s+){0,2}[A-Z][A-Za-z]+)[-–]([A-Z][A-Za-z]+(?:\s+(?!Joint\b|Permanent\b)[A-Z][A-Za-z]+){0,2}?)\s+(?:(?:Joint|Permanent|Intergovernmental|Bi-?[Nn]ational|"
    r"Ministerial|Bilateral|High-Level)\s+){1,3}(?:Commission|Committee)\b")
_BODY_WORDS = frozenset({"Council", "Commission", "Centre", "Center", "Committee", "Board", "Group",
                         "Agency", "Office", "Staff", "Command", "Forum"})
_SINCE_YEAR = re.compile(r"\b(?:in|since)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?((?:19|20)\d{2})\b")


def is_partnership_sentence(text: str) -> bool:
    """Whether the sentence states a cooperative relationship."""
    return bool(TRIGGER.search(text))


_ACRONYM_PARTNERS = re.compile(r"\b([A-Z][A-Za-z&]*[A-Z])\s+(?:partners?|partner (?:nations|countries)|frameworks?)\b")
_NAMED_PARTNERS = re.compile(r"\b((?:[A-Z][\w&’'-]*\s+){1,4})Partners?\b")


def framework(text: str, acronyms: dict[str, str] | None = None) -> str | None:
    """The named programme or framework in the sentence, if any.

    `acronyms` maps abbreviations the article defined to their full names, so "the four ICI
    partners" names the Istanbul Cooperation Initiative.
    """
    for match in _ACRONYM_PARTNERS.finditer(text):
        if acronyms and match.group(1) in acronyms:
            return acronyms[match.group(1)]
    subject = re.match(r"\s*The\s+([A-Z][A-Za-z&]*[A-Z])\b", text)  # "The ICI, launched in 2004, also includes ..."
    if subject and acronyms and subject.group(1) in acronyms:
        return acronyms[subject.group(1)]
    for match in _FRAMEWORK.finditer(text):
        name = re.sub(r"^(?:the|The)\s+", "", (match.group(1) or match.group(2)).strip())
        name = re.sub(r"\s+\([A-Z&/]{2,8}\)", "", name)  # "Building Integrity (BI) Programme"
        name = re.sub(r"^(?:[A-Z][\w.&-]*\s+){0,4}?[A-Z][\w.&-]*[’']s\s+", "", name)  # "the X Bureau’s State Partnership Program"
        if len(name.split()) >= 2 and not re.match(r"^(?:New|This|That|Our|Their|Its)\b", name):
            return name
    for match in _NAMED_PARTNERS.finditer(text):  # "S&T Enhanced Partners": the S&T Enhanced Partnership
        name = match.group(1).strip()
        if not re.match(r"^(?:NATO|EU|The|Our|New)$", name) and not name.startswith(("The ", "Our ")):
            return f"{name} Partnership"
    return None


def hyphen_pairs(text: str) -> list[tuple[str, str]]:
    """"NATO-EU cooperation" gives ("NATO", "EU")."""
    pairs = [(m.group(1), m.group(2)) for m in _PAIR_BODY.finditer(text)]
    for match in _PAIR.finditer(text):
        following = text[match.end(2):].split(maxsplit=1)
        if following and following[0].strip(",.;:") in _BODY_WORDS:
            continue  # "the NATO-Ukraine Council meeting": a body's name, not a relationship
        if match.group(1)[0].isupper() and match.group(2)[0].isupper():
            pairs.append((match.group(1), match.group(2)))
    return pairs


_DATED_TREATY = re.compile(r"\b[Tt]he\s+((?:19|20)\d{2})\s+(?:[A-Z][\w.’'-]*[\s-]+){1,5}(?:Treaty|Pact|Accord)\b")


def since(text: str, dates: list[datetime.date], reference: datetime.date | None = None) -> datetime.date | int | None:
    """When the relationship began: a full date of a joining, or a year."""
    treaty = _DATED_TREATY.search(text)
    if treaty:
        return int(treaty.group(1))  # "under the 1951 X-Y Mutual Defense Treaty"
    trigger = re.search(r"\b(?:joined|joins|since|became|signed)\b", text)
    if trigger:
        # "On 6 May officials recalled that X joined in 1995": the date after the joining word
        after = text[trigger.start():]
        later = [d.start for d in find_dates(after, reference)] if reference else []
        year = _SINCE_YEAR.search(after)
        if year and not later:
            return int(year.group(1))
        if later:
            return later[0]
        if dates:
            return dates[0]
        match = _SINCE_YEAR.search(text)
        if match:
            return int(match.group(1))
    return None


# "the peace agreement between X and Y": an end of hostilities, not a partnership.
_PEACE = re.compile(r"\b(?:peace|ceasefire|cease-fire|armistice)\s+(?:agreement|deal|treaty|accord)\b", re.IGNORECASE)
_BILATERAL = re.compile(
    r"\bbetween\b|\b(?:signed|sign|signs|concluded)\b|\bagreement\b|\bletter of intent\b|"
    r"\bmemorandum\b|\bjoint (?:statement|declaration)\b",
    re.IGNORECASE,
)


# "the Allies that join it" joins a contract, not a partnership.
_PARTNER_WORDS = re.compile(r"\bpartner(?:s|ship|ships)?\b|\b(?:contributing\s+participant|sponsoring\s+nation)s?\b"
                            r"|\bjoin(?:s|ed)?\b(?!\s+(?:it|them|in)\b)|\bmember(?:s|ship)?\b",
                            re.IGNORECASE)


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
    """A country written close to a partner word, in the same clause ("Allied support to X, and
    cooperation with partners" speaks of X and of partners apart)."""
    spots = [m.start() + sent.start_char for m in _PARTNER_WORDS.finditer(sent.text)]
    # "its partners – A, B and C –": a dash right after the partner word opens their list
    gap = (lambda a, b: re.sub(r"^(partner\w*)\s+[–—]\s", r"\1 ", text[a:b], flags=re.IGNORECASE))
    return any(abs(start - spot) <= reach and not _CLAUSE_BREAK.search(gap(min(start, spot), max(start, spot)))
               and not _placed(text, start, e) and not _SUPPORTED.search(text[max(0, start - 20):start])
               for start, e in found if e is country for spot in spots)


_SUPPORTED = re.compile(r"\bsupport\s+(?:to|for)\s+(?:the\s+)?$", re.IGNORECASE)


_MEMBERS_VERB = re.compile(r"\b(?:includes|included|comprises|comprised|brings\s+together|consists\s+of)\b")
_TWO_BODIES = re.compile(r"\bthe\s+two\s+(?:companies|firms|agencies|institutions|organisations|organizations|"
                         r"universities|academies|ministries|secretariats)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",\s+and\b|\s[–—]\s|\bthrough\b")


def assemble_partnerships(article: Article, text: str, sentences, by_sentence, lookup, result, pairs,
                          publisher: Entity | None) -> None:
    """Add to `result.partnerships` the partnerships the article's sentences state.

    `publisher` is the party the release speaks for (an organisation, or a government's state):
    the other side of "joined the X Programme" or "deepens partnership with Tonga".
    """
    reference = article.date or article.reference_date
    frameworks = {p.acronym: p.full for p in pairs if not p.is_organisation}
    owners: list[tuple[str, Entity]] = []
    for index, sent in enumerate(sentences):
        in_title = sent.start_char < len(article.title)
        found = sorted(by_sentence.get(index, []), key=lambda item: item[0])
        if _PEACE.search(sent.text):
            continue
        stated = is_partnership_sentence(sent.text) or bool(
            _MEMBERS_VERB.search(sent.text) and framework(sent.text, frameworks))  # "The ICI also includes A and B"
        if stated:
            found = pt.with_governments(sent, found, lookup)
        if not stated and not hyphen_pairs(sent.text):
            # "which A, B and C are developing together": only a list of three or more says so
            together = [] if in_title or not re.search(r"\b(?:together|jointly|cooperated|co-operated|launched|"
                                                       r"established|founded)\b", sent.text) else \
                pt.listed_parties(sent, found) or pt.founded_together(sent, found)
            _record(result, article, sent, together, None, None)
            continue
        named = framework(sent.text, frameworks)
        inside = (lambda e: bool(named) and any(n in named for n in e.names()))
        orgs = unique_entities(e for _, e in found if e.kind == "organisation" and not inside(e))
        countries = unique_entities(e for _, e in found if e.place_kind == "country" and not inside(e))
        groups: list[list[Entity]] = []
        for left, right in hyphen_pairs(sent.text):
            pair = unique_entities(filter(None, [lookup(left), lookup(right)]))
            if len(pair) == 2:
                groups.append(pair)
        if not groups and not in_title:
            groups = pt.partners_of(sent, found)  # "X is a key partner for Y and for Z": said outright
        if not groups and not in_title:
            groups = pt.listed_parties(sent, found, gathered=not named)  # "the joint venture between A, B and C"
        if not groups and not in_title:
            groups = pt.coordinated_pairs(sent, found)  # "X and Y signed a declaration on partnership"
        if not groups and not in_title:
            groups = pt.among_partners(sent, found)  # "X and Y are among Z’s closest partners in the EU"
        if in_title:
            pass  # a headline states only what its hyphenated pairs say ("a strong NATO-EU partnership")
        elif not groups and countries and (named or _PARTNER_WORDS.search(sent.text)):
            # Members are the countries written next to the partner words, not every country named.
            near = [c for c in countries if _near_partner_word(text, sent, found, c)]
            countries = near if not named else countries
            # "courses at the Regional Centre in Kuwait": a state named only as where things are
            countries = [c for c in countries if not all(_placed(text, start, e) for start, e in found if e is c)]
            framework_owner = [e for e in result.entities if e.kind == "organisation" and named
                               and any(re.search(rf"(?<![\w&]){re.escape(n)}(?![\w&])", named)
                                       for n in e.names() if len(n) > 1)]
            # The body a framework is named after owns it ("NATO’s STO S&T Enhanced Partnership").
            # A partners' joint body ("the NATO-ICI Regional Centre") owns no framework; a body
            # the release merely names beside a framework its publisher runs does not either.
            candidates = [] if named and publisher is not None and publisher.kind == "organisation" else \
                [o for o in orgs if not _JOINT_BODY.match(o.label)]
            owner = framework_owner[0] if framework_owner else (
                candidates[0] if candidates else _owner_of(named, owners) or publisher)
            if named and owner is not None and owner is not publisher:
                owners.append((named, owner))  # later sentences naming the framework alone
            countries = [c for c in countries if c is not owner]
            if owner is not None and len(countries) >= 1 and not (len(countries) == 2 and _BILATERAL.search(sent.text)):
                # "the seven MD partners (Algeria, Egypt, ...)": one partnership per member.
                groups = [[owner, country] for country in countries]
        if not groups and not in_title:
            pairs_found = pt.coordinated_pairs(sent, found) or list(filter(None, [pt.partner_of(sent, found)]))
            if not pairs_found and pt.THEIR.match(sent.text) and index > 0:
                # "X and Y share 23 members. Their cooperation is ...": the pair named just before
                pairs_found = list(filter(None, [pt.joined_pair(
                    sentences[index - 1], sorted(by_sentence.get(index - 1, []), key=lambda i: i[0]))]))
            groups = pairs_found  # "the partnership between X and Y", "X and Y step up their cooperation"
        signers = [e for _, e in found if e.kind == "person"]
        if not groups and not in_title and (len(countries) + len(orgs) < 2 or (
                len(unique_entities(signers)) == 2 and re.search(r"\bsign(?:ed|s)?\b", sent.text)
                and not re.search(r"\bbetween\b", sent.text))) and (
                _BILATERAL.search(sent.text) or pt.TWO.search(sent.text)):
            # "The agreement was signed by A’s Director, X, and by Y, CEO of B": the signatories’
            # offices name the parties; "the two ministers signed" points back to the last two named.
            signatories = pt.signatories(sent, found, sentences, by_sentence, index, result.posts)
            if len(signatories) == 2:
                groups = [signatories]
        if not groups and not in_title and _BILATERAL.search(sent.text):
            # "our soldiers in X and our agreement with Y": a country only named as where something
            # is, is no party
            placed = [c for c in countries if all(_placed(text, start, e) for start, e in found if e is c)]
            countries = [c for c in countries if c not in placed]
            if len(countries) == 2 and not placed:
                orgs = []  # "agreeing that X and Y will jointly procure ..., at the NATO meeting"
            if len(countries) + len(orgs) < 2:
                # "the Estonian and Finnish ministers signed": states named by their adjectives
                countries = unique_entities(countries + [c for c in map(lookup, re.findall(r"\b[A-Z][a-z]+\b", sent.text))
                                                 if c is not None and c.place_kind == "country" and c not in placed])
            parties = (countries + orgs) if countries else orgs
            if len(parties) == 2:
                groups = [parties]  # "a security agreement between X and Y"
        if not groups and not in_title and len(orgs) == 2 and _TWO_BODIES.search(sent.text):
            groups = [orgs]  # "the joint venture agreement the two companies signed": the two bodies named
        if not groups and not in_title and len(orgs) == 1 and len(countries) == 1 and _PARTNER_WORDS.search(sent.text):
            groups = [orgs + countries]
        if not groups:
            continue
        groups = [parties for parties in groups if not _owned(sent.text, parties)]
        groups = [unique_entities(_for_parent(e, lookup) for e in parties) for parties in groups]
        groups = [parties for parties in groups if len(parties) >= 2]
        dates = [d.start for d in find_dates(sent.text, reference)]
        _record(result, article, sent, groups, named, since(sent.text, dates, reference))


_JOINT_BODY = re.compile(r"^(?:[A-Z][\w.]*|U\.S\.)[-–][A-Z][\w]*\s+(?:[A-Z][\w-]*\s+)*(?:" + "|".join(
    ("Council", "Commission", "Committee", "Centre", "Center", "Board", "Forum", "Group")) + r")\b")


def _record(result, article: Article, sent, groups: list[list[Entity]], framework: str | None,
            started: datetime.date | int | None) -> None:
    """One partnership per group of parties, with the sentence as its evidence."""
    for parties in groups:
        # "the EU-Armenia Partnership Council", "the NATO-Ukraine Council": the partners' joint body
        # is where they work together, not one more party
        parties = [p for p in parties if not _JOINT_BODY.match(p.label)]
        if len(unique_entities(parties)) < 2:
            continue
        partnership = Partnership(partners=set(), framework=framework, since=started, articles={article.key},
                                  evidence=[Evidence(article.key, sent.text.strip())])
        result.partnerships.append((partnership, parties))


def _owned(text: str, parties: list[Entity]) -> bool:
    """"the Commission’s Directorate-General": a body and its own part are not partners."""
    def owner_names(entity: Entity) -> set[str]:  # "the Commission’s": the European Commission
        return set(entity.names()) | {n.split()[-1] for n in entity.names() if n.split()[-1] in lx.ORG_HEADS}
    return any(re.search(rf"\b{re.escape(a_name)}[’']s\s+(?:\w+\s+)?{re.escape(b_name)}", text)
               for a in parties for b in parties if a is not b for a_name in owner_names(a) for b_name in b.names()
               if len(a_name) > 1 and len(b_name) > 1)


def _for_parent(entity: Entity, lookup) -> Entity:
    """"The North Atlantic Council approved a partnership programme with X": the organ acts for
    its organisation, which is the partner."""
    parent = lx.ORGAN_OF.get(entity.label)
    return (lookup(parent) or entity) if parent else entity


def _placed(text: str, start: int, entity: Entity) -> bool:
    """"in Luxembourg": a country named as where something happens, not as a party."""
    return bool(re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(0, start - 10):start]))


def add_partnership(partnerships: list[Partnership], new: Partnership) -> None:
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
