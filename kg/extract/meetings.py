"""Meetings: assembled from an article's meeting sentences (merged across articles in
kg.extract.same_event).

A sentence with a meeting word (kg.extract.events) is a meeting sentence; its persons, and the
bodies that take part as such, are participants. Sentences on one day describe one meeting; a
new day, or a visit to another site, starts another.
"""

from __future__ import annotations

import datetime
import re

from kg.dates import find_dates
from kg.extract import events, lexicon as lx
from kg.extract.model import Entity, Evidence, Meeting
from kg.extract.parties import name_length
from kg.extract.places import (SPECIFICITY, another_site, dateline_place, locative, refinements,
                               title_scene)
from kg.extract.resolve import unique_entities
from kg.reader import Article

# Organisations that take part in a meeting as a body, by the last word of their name.
_BODY_HEADS = ("Council", "Committee", "Group", "Assembly", "Staff", "Network", "Community",
               "Coalition", "Commission", "Board", "Parliament", "Diet", "Command", "Ministry",
               "Division", "Directorate", "College", "Centre", "Center", "University")


_OF_TITLE = re.compile(
    r"\b(?:" + "|".join(re.escape(h) for h in sorted(lx.TITLE_HEADS, key=len, reverse=True))
    + r")\s+(?:of|for|to)\s+(?:the\s+)?(?:[A-Z]+\s+)?$"
)


def _in_title(text: str, start: int) -> bool:
    """Whether a body is named as the seat of a post ("Chair of the X Committee"), not as a party."""
    return bool(_OF_TITLE.search(text[max(0, start - 80):start]))


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:[^,;.]{0,70}?\s+and\s+(?:the\s+)?)?$")


def _party_to_an_agreement(text: str, start: int) -> bool:
    """"an agreement between the X College and the Y University": parties to a deal, not at the
    table; "on the sidelines of the X Assembly": the setting of a meeting, not a party to it."""
    return bool(_BETWEEN.search(text[max(0, start - 90):start]) or _SIDELINES.search(text[max(0, start - 60):start])
                or _TOPIC.search(text[max(0, start - 30):start]))


_DELEGATION_OF = re.compile(r"\bdelegations?\s+(?:of|from)\s+(?:the\s+)?$")
_WITNESSED_SIGNING = re.compile(
    r"\bwitness\w*\s+(?:the\s+)?(?:signing|exchange|signature)\b[^.;]*?(?P<between>\bbetween\b)"
    r"|\bin the presence of\b[^.;]*?\bsign(?:ed|s)\b", re.IGNORECASE)
_SIDELINES = re.compile(r"\b(?:sidelines|margins|margin|fringes?)\s+of\s+(?:the\s+)?(?:\w+\s+){0,4}$", re.IGNORECASE)
# "attended by representatives of the X and the Y", "convened jointly with the X": any body
# that sends people or co-hosts takes part as a body.
_REPRESENTED = re.compile(
    r"\b(?:(?:representatives?|delegations?|delegates|officials)\s+(?:from|of)|jointly\s+with)\s+(?:the\s+)?"
    r"(?:[^,;.]{0,70}?(?:,|\s+and)\s+(?:the\s+)?)?$", re.IGNORECASE)
_MEMBERS_OF = re.compile(r"[\w’'&.-]+(?:\s+[A-Z][\w’'&.-]*)*\s+(?:member|countries|nations|states)\b")  # "EU member states"
# "discussed the work of the X Group": a body talked about, not one at the table.
_TOPIC = re.compile(r"\b(?:work|role|future|activities|mandate|reform|situation|enlargement)\s+of\s+(?:the\s+)?$",
                    re.IGNORECASE)


# "He also visited ...", "She also delivered a lecture ...": a release lists a trip's activities.
_ANOTHER_ACTIVITY = re.compile(
    r"^\s*(?:(?:He|She|They|The \w+(?: \w+){0,3}?)\s+)?also\s+(?:visit\w*|deliver\w*|met|meet\w*|"
    r"address\w*|spoke|travel\w*|attend\w*|took part|gave|toured)\b")


_TRAVEL_TO = re.compile(r"\b(?:travel\w*|went|flew|moved|proceeded|continued)\s+(?:on\s+)?to\s+(?:the\s+)?(?=[A-Z])"
                        # "Later, she visited Examplecorp in Barrow": a visit in another city
                        r"|\b(?:later|then|afterwards)\b[^.;]{0,40}?\bvisit(?:ed|s)\b[^.;]{0,60}?\s(?:in|at)\s+(?=[A-Z])",
                        re.IGNORECASE)


# "In the afternoon, he met X": another meeting the same day, when someone new takes part.
_LATER_THAT_DAY = re.compile(r"\s*(?:Later (?:that|the same) (?:day|afternoon|evening)|In the (?:afternoon|evening)|Later in the day|"
                             r"(?:On|Also on) (?:the same|that) day|The same day|That (?:afternoon|evening)|"
                             r"Afterwards|Subsequently|(?:He|She|They) (?:then|later|subsequently|afterwards)\s+"
                             r"(?:met|held|called|visited|spoke|had))\b")

_THE_TRAVELLERS = re.compile(r"\b(?:the\s+(?:two\s+)?(?:ministers|leaders|delegations?|visitors|guests|heads\s+of\s+state|"
                             r"presidents|prime\s+ministers)|[Tt]hey|both"
                             r"|the\s+(?:visit|trip|programme)\s+continued)\b")
_HE_MET = re.compile(r"^[^.;]{0,40}?\b(?:[Hh]e|[Ss]he)\s+(?:also\s+|then\s+|later\s+)?(?:met|meet|held|visited|called|spoke|received|travel\w*|went|flew)\b")

# "The Ministers then met at X", "Talks were held at X": where the meeting already told took place.
_MET_AT = re.compile(r"\b(?:met|meet|talks|meeting|discussions)\b(?:\s+\w+){0,3}?\s+(?:at|in)\s+(?:the\s+)?[A-Z]")


def _within_scene(scene: list[Entity], places: list[Entity]) -> bool:
    """Whether a sentence's places are one facility inside the scene so far (same state, or no
    state known), not a site elsewhere."""
    sites = [p for p in places if p.place_kind == "facility"]
    states = {p.country_code for p in scene if p.country_code}
    # "at the Presidential Palace in Chisinau": the facility may come with its city, in the scene's state
    around = [p for p in places if p.place_kind != "facility"]
    if len(sites) != 1 or any(p.place_kind == "facility" for p in scene) \
            or any(p.place_kind != "city" or (states and p.country_code not in states) for p in around):
        return False
    return sites[0].country_code is None or not states or sites[0].country_code in states


def _travelled_to(sentence: str, places: list[Entity]) -> Entity | None:
    """The city or site a sentence says the party travelled on to."""
    for match in _TRAVEL_TO.finditer(sentence):
        rest = sentence[match.end():]
        for place in places:
            name = next((n for n in place.names() if rest.startswith(n)), None)
            if place.place_kind in ("city", "facility") and name is not None:
                # "will travel to Darwin to visit the X Barracks": the site, more exactly
                # or "... to Berlin, where he met X at the Federal Chancellery"
                then = re.match(r"[,\s]+(?:(?:to|and)\s+(?:visit|tour)\s+|where\s+[^.;]{0,80}?\s(?:at|in)\s+)(?:the\s+)?",
                                rest[len(name):])
                site = then and next((p for p in places if p.place_kind == "facility"
                                      and any(rest[len(name) + then.end():].startswith(n) for n in p.names())), None)
                return site or place
    return None


# "visited the X", "toured Y", "a visit to Z", "hosted by W": the body visited receives the
# visitor, so it takes part (its people show the visit round)
_VISITED = re.compile(r"\b(?:visit(?:ed|s|ing)?|tour(?:ed|s|ing)?|visits?\s+to|(?:stop|call)s?\s+at|hosted\s+by|"
                      r"welcomed\s+(?:\w+\s+)?(?:at|to)|received\s+(?:\w+\s+)?at)\s+(?:the\s+)?"
                      r"(?:(?:headquarters|premises|facilities|plant|site|offices|campus)\s+of\s+(?:the\s+)?)?$",
                      re.IGNORECASE)
_NEXT_IN_LIST = re.compile(r"^(?:\s*\([A-Z&]{2,10}\))?(?:\s*,\s*|\s+and\s+|\s*,\s+and\s+)(?:the\s+)?$")


# "On 7 May", "In the afternoon,", "Later": what may open a sentence before its subject
_OPENING = r"^(?:(?:On|In|Later|Then|Afterwards|Next)\b[^,]{0,40}?,?\s+)?"
_THE_TWO = re.compile(_OPENING + r"(?:[Tt]he|[Bb]oth)\s+(?:two\s+)?"
                      r"(?:ministers|leaders|presidents|prime\s+ministers|delegations)\s+(?:\w+ly\s+)?"
                      r"(?:visited|toured|travelled|traveled|went|met|inspected|will\s+(?:visit|tour|travel|meet))\b")
# "On 7 May she toured ...", "Later, he visited ...": the person the story follows
_PRONOUN_SUBJECT = re.compile(_OPENING + r"(?:[Ss]he|[Hh]e)\s+"
                              r"(?:\w+ly\s+)?(?:visited|toured|met|inspected|will\s+(?:visit|tour|meet))\b")


# "visited the X site", "visits X members deployed in Y": the body's name only qualifies what
# was visited
_ATTRIBUTIVE = re.compile(r"\s+(?!and\b|in\b|at\b|on\b|to\b|for\b|with\b|of\b|where\b|which\b|who\b|near\b)[a-z]"
                          r"|[’']s\s+[a-z]"  # "visited Examplecorp's plant": the plant, not the company
                          # "hosted by EU High Representative X", "visited NATO Headquarters Sarajevo": the
                          # body's name begins a longer name, of an office or a place
                          r"|\s+(?!and\b)[A-Z]")


def _visited(text: str, found) -> list[Entity]:
    """The bodies a sentence says were visited: "visited the X, the Y and Z"."""
    out: list[Entity] = []
    for i, (start, entity) in enumerate(found):
        if entity.kind != "organisation" or _in_title(text, start):
            continue
        if _VISITED.search(text[max(0, start - 40):start]) and not _ATTRIBUTIVE.match(
                text, start + name_length(text, start, entity)):
            out.append(entity)
        elif out and i > 0 and found[i - 1][1] is out[-1] and _NEXT_IN_LIST.match(
                text[found[i - 1][0] + name_length(text, found[i - 1][0], found[i - 1][1]):start]):
            out.append(entity)
    return out


def _sits_as_a_body(entity: Entity) -> bool:
    head = entity.label.split(" of the ")[0]
    return head.endswith(("Council", "Committee", "Assembly", "Parliament", "Staff", "Diet", "Group"))


def _is_body(entity: Entity) -> bool:
    """An organisation that sits and meets as such: a council, committee, group, coalition..."""
    head = entity.label.split(" of the ")[0]
    return any(head.endswith(h) for h in _BODY_HEADS)


def assemble_meetings(article: Article, text: str, sentences, by_sentence, result) -> None:
    """Add to `result.meetings` the meetings the article's sentences describe."""
    facts = []
    scenes: set[int] = set()  # sentences that only move the story to a day and a city
    sent_bodies: set[int] = set()  # "a delegation of X led by its head": X takes part as a body
    title_bodies: list[Entity] = []
    title_places: list[Entity] = []
    for index, sent in enumerate(sentences):
        found = sorted(by_sentence.get(index, []), key=lambda item: item[0])
        bodies = unique_entities(e for start, e in found if e.kind == "organisation"
                                 and (_is_body(e) or (_REPRESENTED.search(text[max(0, start - 90):start])
                                                      and not _MEMBERS_OF.match(text, start)))
                                 and not _in_title(text, start) and not _party_to_an_agreement(text, start))
        sent_bodies.update(id(e) for start, e in found if e.kind == "organisation"
                           and _DELEGATION_OF.search(text[max(0, start - 30):start]))
        witnessed = _WITNESSED_SIGNING.search(sent.text)
        if witnessed:
            # "the ministers witnessed the signing of an MoU between A and B", "In the presence of the
            # ministers, A and B signed": the bodies sign at the meeting, so they take part in it (the
            # bodies named after "signed" when people sign are what they sign about)
            signed_at = sent.start_char + witnessed.end()
            signatories = [e for start, e in found if e.kind == "organisation" and not _in_title(text, start)
                           and not re.search(r"\b(?:at|in)\s+(?:the\s+)?$", text[max(0, start - 8):start])
                           and (witnessed.group("between") or start < signed_at)
                           and not any(p.kind == "person" and start < q < signed_at for q, p in found)]
            bodies = unique_entities(bodies + signatories)
            sent_bodies.update(id(e) for e in signatories)
        visited = _visited(text, found)
        bodies = unique_entities(bodies + visited)
        sent_bodies.update(id(e) for e in visited)  # the host takes part even where its head receives the visitor
        places = unique_entities(e for start, e in found if e.kind == "location" and locative(text, start, e))
        # "visited Examplecorp’s Harbour Works": the owner of a visited site hosts the visit.
        bodies = unique_entities(bodies + [e for (start, e), (next_start, f) in zip(found, found[1:])
                                           if e.kind == "organisation" and f.place_kind == "facility"
                                           and re.search(r"[’']s\s+(?:the\s+)?$", text[start:next_start])
                                           and locative(text, next_start, f)])
        if sent.start_char < len(article.title):
            # The title repeats the body, so it opens no meeting of its own; but a headline such
            # as "X hosts Y at Z" names the bodies and the place of the article's main event.
            if events.is_meeting_sentence(sent.text):
                title_bodies += bodies
                title_places += [p for p in places if p.place_kind in ("facility", "city")]
            continue
        if not events.is_meeting_sentence(sent.text):
            if _TRAVEL_TO.search(sent.text) and places:
                # "On Tuesday, she continued to Podgorica.": no meeting, but the day and the city
                # of the meetings told next
                facts.append((index, sent, [], [], places))
                scenes.add(index)
            continue
        persons = unique_entities(e for _, e in found if e.kind == "person")
        # A meeting sentence without parties still tells when and where ("Ministers met in X").
        facts.append((index, sent, persons, bodies, places))
    if not facts:
        return
    reference = article.date or article.reference_date
    current: list | None = None
    drafts: list[list] = []
    span_start = None  # the first day of a visit of several days ("a two-day visit on 12-13 May")
    trip: list | None = None
    for index, sent, persons, bodies, places in facts:
        start, end = _sentence_dates(sent.text, reference, article.date)
        if start is None and current is not None and any(all(p is not q for q in current[2]) for p in persons):
            # "On the second day, he met X": another meeting, on that day; without anyone new,
            # the second day of a conference is the same meeting.
            start = _day_of_visit(sent.text, span_start, current[0])
            end = start
        elif span_start is None and end is not None and end > start:
            span_start = start
        moved = _travelled_to(sent.text, places)
        if current is not None and moved is not None and all(moved is not p for p in current[4]):
            places = [moved]  # "all participants travelled to Mons, where ...": the story moves on
        else:
            moved = None
        # "travelled to X on 16 and 17 June ... In Sarajevo on Monday, she met": one day of the
        # trip, told with its own city
        within_trip = current is not None and len(current[5]) == 1 and start is not None and current[0] is not None \
            and current[1] is not None and current[1] > current[0] and (end is None or end == start) \
            and any(p.place_kind in ("city", "facility") and all(p is not q for q in current[4]) for p in places)
        narrows = not within_trip and current is not None and not persons and not bodies and moved is None \
            and (start is None or start == current[0]) and _MET_AT.search(sent.text) and _within_scene(current[4], places)
        if narrows:
            # "The Ministers then met at Parliament House": the same meeting, placed more exactly
            current[4].extend(p for p in places if p.place_kind == "facility")
            current[5].append(sent.text.strip())
            continue
        later_that_day = current is not None and _LATER_THAT_DAY.match(sent.text) \
            and any(all(p is not q for q in current[2]) for p in persons)
        if later_that_day and _HE_MET.search(sent.text) and current[2]:
            persons = [current[2][0], *persons]  # "On the same day, he met Y": the one who met X
        if later_that_day and not places:
            # "In Santiago, he called on X at the Palace. On the same day, he met Y": in the city,
            # not necessarily in the building of the first meeting
            places = [p for p in current[4] if p.place_kind == "city"][:1]
        new_site = current is not None and (another_site(current[4], places) or moved is not None
                                            or _ANOTHER_ACTIVITY.search(sent.text) or later_that_day)
        if current is None or (start is not None and current[0] is not None and start != current[0]) or new_site \
                or within_trip:
            # A new day, or a visit to another site on the same day ("He will also visit the
            # X Naval Base"), is a meeting of its own.
            previous = current
            current = [start, end, [], [], [], []]
            if new_site and start is None:
                current[0], current[1] = previous[0], previous[1]
            if within_trip:
                trip = previous  # the trip's summary: its days and its people
            if trip is not None and index not in scenes and start is not None and trip[0] <= start <= trip[1] \
                    and _THE_TRAVELLERS.search(sent.text):
                persons = [*trip[2], *persons]  # "On Tuesday, the two ministers held talks": the trip's people
            drafts.append(current)
        elif current[0] is None and start is not None:
            current[0], current[1] = start, end
        current[2].extend(persons)
        current[3].extend(bodies)
        if not current[4]:
            current[4].extend(places)  # the first sentence that names a place sets the scene
        else:
            current[4].extend(refinements(current[4], places))
        current[5].append(sent.text.strip())
    last_place = dateline_place(text, sentences, by_sentence, len(article.title))
    if drafts:
        drafts[0][3][:0] = title_bodies
        headline = title_places or title_scene(text, sentences, by_sentence, len(article.title))
        if not drafts[0][4]:
            drafts[0][4].extend(headline)
        else:  # "welcomes X to NATO Headquarters" narrows the body's "in Brussels"
            drafts[0][4].extend(refinements(drafts[0][4], headline, headline=True))
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
    traveller: list[Entity] = []
    pair: list[Entity] = []
    for start, end, persons, bodies, places, texts in _without_trip_summary(_one_site_each(drafts)):
        if not persons and places and traveller and _PRONOUN_SUBJECT.search(texts[0]):
            persons = traveller  # "On 7 May she toured the X shipyard in Kiel": the visitor named before
        elif pair and _THE_TWO.search(texts[0]) and not any(p in persons for p in pair):
            persons = pair + persons  # "In the afternoon, the two ministers visited X": the pair met before
        traveller = persons[:1] or traveller
        pair = persons[:2] if len(persons) >= 2 else pair
        # An agency or a commission whose head takes part is represented by that person; a
        # council or committee sits with its chair ("the Chair of the X Committee ... led a meeting
        # of the Council and the X Committee").
        bodies = [b for b in bodies if _sits_as_a_body(b) or id(b) in sent_bodies
                  or not any((id(p), id(b)) in seats for p in persons)]
        participants = unique_entities(persons + bodies)
        if not participants:
            last_place = max(places, key=lambda p: SPECIFICITY.get(p.place_kind, 1), default=None) or last_place
            continue
        place = max(places, key=lambda p: SPECIFICITY.get(p.place_kind, 1), default=None) or last_place
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
        taken = {(m.label, m.start) for m, _, _, _ in result.meetings}
        if (meeting.label, meeting.start) in taken:
            # "A meets B" at two sites on one day (a visit to each): two meetings, two names
            base = meeting.label + (f" at {place.label}" if place is not None else "")
            meeting.label, n = base, 2
            while (meeting.label, meeting.start) in taken:
                meeting.label, n = f"{base} ({n})", n + 1
        result.meetings.append((meeting, participants, [], place))


_TRIP = re.compile(r"\b(?:\w+-day|official|working|state)\s+(?:official\s+)?(?:visit|trip|tour)\b|"
                   r"\bconclud\w*\s+(?:\w+\s+){0,4}?(?:visit|trip|tour)\b", re.IGNORECASE)


_VISIT = re.compile(r"\b(?:visit|visits|visited|visiting|travel\w*\s+to)\b", re.IGNORECASE)


def _without_trip_summary(drafts: list[list]) -> list[list]:
    """"X concluded a two-day visit to Y. On Monday she met A... On Tuesday she met B": the
    opening sentence sums up the trip whose meetings follow; it is no meeting of its own."""
    if len(drafts) < 3:
        return drafts
    first, rest = drafts[0], drafts[1:]
    persons = unique_entities(first[2])
    # "On Thursday and Friday (18 and 19 May), X will visit Y": the days of the meetings that follow
    spans = first[0] is not None and first[1] is not None and first[1] > first[0] \
        and all(d[0] is not None and first[0] <= d[0] <= first[1] for d in rest)
    # the trip's summary names no one its meetings leave out, but for the traveller ("he")
    told_later = sum(all(p is not q for d in rest for q in d[2]) for p in persons) <= 1
    # a summary placed in a city is no meeting either when its days are all told after it
    placed = any(p.place_kind == "facility" for p in first[4]) or (
        not (spans and told_later) and any(p.place_kind == "city" for p in first[4]))
    # "On Thursday X will visit Denmark. He will meet A at B... In the afternoon ... in C": a visit
    # to a state told by the meetings inside it, that day
    states = {p.country_code for p in first[4]}
    inside = bool(first[4]) and all(p.place_kind == "country" for p in first[4]) and len(states) == 1 \
        and _VISIT.search(first[5][0]) is not None and all(
            d[4] and all(p.country_code in states for p in d[4]) and d[0] in (None, first[0]) for d in rest)
    if len(first[5]) == 1 and (_TRIP.search(first[5][0]) or spans or inside) \
            and (len(persons) == 1 or spans and told_later) and not placed:
        return rest
    return drafts


def _one_site_each(drafts: list[list]) -> list[list]:
    """"He will also visit the X Naval Base and the Y Works": a visit to each site."""
    out = []
    for draft in drafts:
        sites = unique_entities(p for p in draft[4] if p.place_kind == "facility")
        if len(sites) >= 2 and len(draft[5]) == 1:
            out.extend([draft[0], draft[1], draft[2], draft[3], [site], draft[5]] for site in sites)
        else:
            out.append(draft)
    return out


# "discussed the elections scheduled for 28 September": the day of something else.
_OTHER_DAY = re.compile(
    r"\b(?:elections?|vote|referendum|deadline|anniversary|polls)\s+(?:\w+\s+){0,2}?(?:on|of|for)\s+"
    r"(?:\w+day,?\s+)?(?:the\s+)?$", re.IGNORECASE)
_ORDINAL_DAY = re.compile(r"\bthe\s+(first|second|third|fourth|fifth)\s+day\b|\bthe\s+(following|next)\s+day\b",
                          re.IGNORECASE)
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}


def _day_of_visit(sentence: str, span_start, previous):
    """"On the second day" of a visit that began on `span_start`; "the following day" after `previous`."""
    match = _ORDINAL_DAY.search(sentence)
    if match is None:
        return None
    if match.group(1) and span_start is not None:
        return span_start + datetime.timedelta(days=_ORDINALS[match.group(1).lower()])
    if match.group(2) and previous is not None:
        return previous + datetime.timedelta(days=1)
    return None


_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}
_WEEKDAY_NUMBER = {d: n for n, d in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                                "Saturday", "Sunday"))}
_ON_WEEKDAY = re.compile(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _sentence_dates(text: str, reference, published):
    """First and last day a sentence names, reading "today" and "yesterday" from publication."""
    dates = [d for d in find_dates(text, reference) if not _OTHER_DAY.search(text[max(0, d.begin - 50):d.begin])]
    if dates:
        first, last = min(d.start for d in dates), max(d.end for d in dates)
        weekday = _ON_WEEKDAY.search(text)
        weekdays = set(re.findall(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", text))
        if weekday and len(weekdays) == 1 and first != last and not any(weekday.start() >= d.begin and weekday.end() <= d.end_char for d in dates):
            # "this week (8-9 April) ... on Wednesday": the weekday picks its day of the span
            days = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
            hits = [d for d in days if d.weekday() == _WEEKDAY_NUMBER[weekday.group(1)]]
            if len(hits) == 1:
                return hits[0], hits[0]
        return first, last
    match = re.search(r"\b(today|yesterday|tomorrow)\b", text, re.IGNORECASE)
    if match and published is not None:
        day = published + datetime.timedelta(days=_RELATIVE[match.group(1).lower()])
        return day, day
    return None, None


def _last_date_before(text: str, sentence: str, reference):
    """The last date the text names before `sentence`, not one things date from ("in force since
    1 March 2021")."""
    at = text.find(sentence)
    dates = [d for d in (find_dates(text[:at], reference) if at > 0 else [])
             if not re.search(r"\b(?:since|from)\s+$", text[max(0, d.begin - 8):d.begin])]
    return dates[-1].start if dates else None


def _protagonist(sentences, by_sentence, title_end: int) -> list[Entity]:
    """The first person the body of the article names, directly or by title."""
    for index, sent in enumerate(sentences):
        if sent.start_char < title_end:
            continue
        persons = [e for _, e in sorted(by_sentence.get(index, []), key=lambda item: item[0]) if e.kind == "person"]
        if persons:
            return persons[:1]
    return []
