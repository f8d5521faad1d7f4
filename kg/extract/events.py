"""Meetings: who came together, where, when, announced or reported, from a sentence's words.

The words of meeting sentences: whether a sentence speaks of a meeting, what kind, whether it
is announced or reported, and the named event it is. Assembling meetings from sentences is
kg.extract.pipeline's job.
"""

from __future__ import annotations

import re

TRIGGER = re.compile(
    r"\b(?:meet|meets|met|meeting|visit|visits|visited|visiting|attend|attends|attended|toured|tours|touring|"
    r"participat\w*|took part|take part|takes part|taking part|observed|accompan\w+|host|hosts|hosted|receive|receives|received|"
    r"welcom\w+|convene\w*|chair\w*|travel\w*|gather\w*|conven\w+|brief\w*|address\w*|"
    r"summit|ministerial|conference|session|workshop|forum|dialogue|call|ceremony|dinner|"
    r"roundtable|talks|joined|joins|discuss\w*|sign|signs|signed|signing|spoke|speaks|conversation|"
    # "called on President X": a courtesy visit ("called on all parties to" is a demand)
    r"call(?:ed|s)?\s+on\s+(?:the\s+)?(?:President|Prime|Minister|King|Queen|Emir|Chancellor|Governor|Speaker|"
    r"Secretary|Vice|Foreign|Defence|H\.E\.|His|Her|Mr|Ms|Dr)\b|"
    r"lunch|dinner|breakfast|consultations|lecture\w*|speech|speaking|keynote|(?:co-?)?organi[sz]ed\s+by|"
    r"delegations?|handed\s+over|presented\s+(?:\w+\s+){0,4}?to|video-?conferences?|teleconferences?|"
    r"opened\s+the\s+(?:\w+\s+){0,3}?(?:programme|conference|meeting|event|session|workshop|course|summit|forum|dialogue)|"
    # "She began at the X Airbase", "He ended his visit in Y": a stop on a trip
    r"(?:began|started|ended|concluded|stopped)\s+(?:(?:the|her|his|their)\s+(?:day|visit|trip|tour)\s+)?(?:at|in))\b",
    re.IGNORECASE,
)
# Words that say the sentence announces rather than reports.
FUTURE = re.compile(r"\b(?:will|shall|to be held|is scheduled|are scheduled|upcoming|forthcoming)\b", re.I)
_TYPES = (
    ("Call", re.compile(r"\b(?:phone call|telephone call|telephone conversation|phone conversation|"
                        r"video call|call with|spoke by (?:tele)?phone|(?<!via )video-?conference|(?<!via )teleconference)\b", re.I)),
    ("Summit", re.compile(r"\bsummit\b", re.I)),
    ("Ministerial", re.compile(r"\b(?:ministerial|(?:defence|foreign|defense) ministers)\b", re.I)),
    ("CouncilSession", re.compile(r"\b(?:council|committee)\b.*\b(?:session|met|meeting|meets)\b|\bsession of the\b", re.I)),
    ("Conference", re.compile(r"\b(?:conference|forum|dialogue|assembly|symposium)\b", re.I)),
    ("Workshop", re.compile(r"\b(?:workshop|seminar|course|training|programme)\b", re.I)),
    ("Ceremony", re.compile(r"\b(?:ceremony|opening|inauguration|signing)\b", re.I)),
    ("Visit", re.compile(r"\b(?:visit\w*|travel\w*)\b", re.I)),
)
_EVENT_NAME = re.compile(
    r"\b((?:[A-Z0-9][\w’'&\-]*\s+){0,6}?(?:Conference|Summit|Session|Dialogue|Forum|Meeting|Council|Assembly))\b"
)


# "to meet demand", "meets NATO standards": meeting a need, not a person.
_MEET_A_NEED = re.compile(
    r"\bmeet(?:s|ing)?\s+(?:the\s+|its\s+|their\s+|this\s+|these\s+|all\s+|[A-Z]+\s+)?(?:\w+\s+)?"
    r"(?:demand|needs|requirements?|targets?|goals?|standards?|criteria|obligations|commitments|"
    r"challenges?|expectations|deadlines?|threshold|benchmark)\b", re.IGNORECASE)


# "welcomed the agreement", "welcomed progress on": approval of a thing, not a meeting.
_WELCOMED_A_THING = re.compile(
    r"\bwelcom\w+\s+(?:the\s+|this\s+|its\s+|their\s+)?(?:\w+\s+){0,3}?(?:agreement|decision|progress|adoption|"
    r"steps?|efforts?|announcement|commitments?|initiative|results?|outcome|signing|conclusion|release|launch|plans?|"
    r"proposals?|reports?|statement|opportunity|entry|accession|ratification|readiness|contribution|support)\b",
    re.IGNORECASE)


# "the first contracts could be signed in 2026": a possibility, not an event.
_MAYBE = re.compile(r"\b(?:could|would|might|may)\s+(?:\w+\s+)?be\s+\w+ed\b", re.IGNORECASE)


def is_meeting_sentence(text: str) -> bool:
    """Whether a sentence speaks of a meeting."""
    return bool(TRIGGER.search(_WELCOMED_A_THING.sub(" ", _MAYBE.sub(" ", _MEET_A_NEED.sub(" ", text)))))


# "X joined the talks by videoconference": one taking part from afar in a meeting held somewhere
_FROM_AFAR = re.compile(r"\b(?:joined|join|joins|participated|took\s+part|connected|attended)\b[^.;]{0,40}?"
                        r"\b(?:by|via)\s+(?:video-?conference|video\s+link|teleconference)\b", re.IGNORECASE)


def meeting_type(text: str, n_persons: int) -> str:
    """The kg:MeetingType local name that the sentence's words suggest."""
    text = _FROM_AFAR.sub(" ", text)
    for name, pattern in _TYPES:
        if pattern.search(text):
            return name
    return "BilateralMeeting" if n_persons == 2 else "OtherMeeting"


def status(text: str, article_title: str) -> str:
    """'planned' for an announcement, 'held' for a report."""
    if FUTURE.search(text):
        return "planned"
    if re.search(r"\bto (?:visit|meet|attend|participate|travel|host|hold|discuss|address)\b", article_title, re.I) \
            and not re.search(r"\b(?:met|visited|attended|participated|hosted|held|discussed)\b", text):
        return "planned"
    return "held"


# "the decisions taken at the X Summit": an earlier event the sentence recalls
_DECIDED_AT = re.compile(r"\b(?:taken|agreed|made|adopted|decided|set|launched|reached|endorsed|announced)\s+"
                         r"(?:at|in)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
_TAKING_PART = re.compile(
    r"\b(?:attend\w*|participat\w*\s+in|took\s+part\s+in|take\s+part\s+in|joined|opened|chaired|"
    r"hosted|convened|addressed|at|in)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def event_name(text: str) -> str | None:
    """The named event the sentence says someone took part in ("attended the Munich Security
    Conference"), if any; a name merely mentioned ("ahead of the Summit") is not the event."""
    for match in _EVENT_NAME.finditer(text):
        name = match.group(1).strip()
        before = text[max(0, match.start(1) - 40):match.start(1)]
        if len(name.split()) >= 2 and not name.lower().startswith(("the ", "a ")) and _TAKING_PART.search(before) \
                and not _DECIDED_AT.search(before):
            return name
    return None
