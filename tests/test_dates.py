"""Specification of date finding and parsing on invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from kg.dates import DateMention, find_dates, parse_date

REF = date(2025, 4, 2)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 April 2025", date(2025, 4, 3)),
        ("On Thursday (3 April 2025), the minister spoke.", date(2025, 4, 3)),
        ("The talks ended on 28 May 2025.", date(2025, 5, 28)),
        ("On 07 and 08 February 2025, the chair visited.", date(2025, 2, 7)),
        ("The conference ran on 14-15 February 2025.", date(2025, 2, 14)),
        ("Leaders met on 26–27 May 2025 in a castle.", date(2025, 5, 26)),
        ("On Friday 16 May (2025), the envoy arrived.", date(2025, 5, 16)),
        ("On Wednesday 28 May [2025], at the palace.", date(2025, 5, 28)),
        ("19 Mar. 2025 photo.jpg, 55KB", date(2025, 3, 19)),
        ("Published 2025-05-28.", date(2025, 5, 28)),
        ("Released May 28, 2025 by the ministry.", date(2025, 5, 28)),
        ("It opened on the 1st March 2025.", date(2025, 3, 1)),
        ("From 30 December 2024 to 2 January 2025 the office closes.", date(2024, 12, 30)),
        ("The minister arrived on Monday (17/2/2025).", date(2025, 2, 17)),
        ("Signed in Vilnius, 03.04.2025.", date(2025, 4, 3)),
    ],
)
def test_parse_date_finds_the_first_day_of_the_first_full_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "No date here at all.",
        "Allies may 3 times march.",  # lower-case month words are verbs
        "The meeting is on 8 April.",  # no year and no reference
        "The summit is in June 2025.",  # a month is not a date
        "31 February 2025 never happened.",
        "Remarks at 12:20 (CEST) by the 23rd delegation.",
        "Released 2/17/2025 by the department.",  # month first: left unread rather than misread
        "Growth of 1.5 per cent in 2025.",
    ],
)
def test_parse_date_without_a_full_date_returns_none(text: str) -> None:
    assert parse_date(text) is None


def test_partial_date_takes_the_reference_year() -> None:
    assert parse_date("On Tuesday, 8 April, the minister meets", reference=REF) == date(2025, 4, 8)
    assert parse_date("On 19 March, students visited", reference=date(2024, 6, 1)) == date(2024, 3, 19)


def test_lone_weekday_is_the_nearest_such_day_to_the_reference() -> None:
    assert parse_date("On Monday the council met.", reference=REF) == date(2025, 3, 31)
    assert parse_date("On Friday the council meets.", reference=REF) == date(2025, 4, 4)
    assert parse_date("Wednesday is the deadline.", reference=REF) == REF


def test_full_date_comes_before_later_partial_ones() -> None:
    text = "Published 1 May 2025. On 3 May the envoy travels."
    assert parse_date(text, reference=date(2025, 1, 1)) == date(2025, 5, 1)


def _spans(text: str, reference: date | None = None) -> list[tuple[date, date, str]]:
    return [(m.start, m.end, m.text) for m in find_dates(text, reference)]


@pytest.mark.parametrize(
    ("text", "start", "end", "expression"),
    [
        ("Talks on 7-8 April 2025.", date(2025, 4, 7), date(2025, 4, 8), "7-8 April 2025"),
        ("A tour from 7 to 11 May 2025.", date(2025, 5, 7), date(2025, 5, 11), "from 7 to 11 May 2025"),
        ("From 11 to 18 March 2025 the drill runs.", date(2025, 3, 11), date(2025, 3, 18),
         "From 11 to 18 March 2025"),
        ("On Thursday and Friday (3 and 4 April) ministers meet.", date(2025, 4, 3),
         date(2025, 4, 4), "Thursday and Friday (3 and 4 April)"),
        ("On Wednesday 14 and Thursday 15 May, ministers meet.", date(2025, 5, 14),
         date(2025, 5, 15), "Wednesday 14 and Thursday 15 May"),
        ("A fair from 30 May – 2 June 2025.", date(2025, 5, 30), date(2025, 6, 2),
         "from 30 May – 2 June 2025"),
        ("Held May 28-29, 2025 in a port.", date(2025, 5, 28), date(2025, 5, 29), "May 28-29, 2025"),
        ("On 25 February (Tuesday), the board met.", date(2025, 2, 25), date(2025, 2, 25),
         "25 February (Tuesday)"),
    ],
)
def test_find_dates_reports_ranges_with_their_text(text: str, start: date, end: date, expression: str) -> None:
    assert _spans(text, REF) == [(start, end, expression)]


def test_find_dates_gives_offsets_into_the_text_in_order() -> None:
    text = "On 2 May 2025 the board met; on Tuesday, 6 May, it reports; on Friday it rests."
    mentions = find_dates(text, reference=date(2025, 5, 2))
    assert [m.text for m in mentions] == ["2 May 2025", "Tuesday, 6 May", "Friday"]
    for mention in mentions:
        assert text[mention.begin:mention.end_char] == mention.text
    assert [m.start for m in mentions] == [date(2025, 5, 2), date(2025, 5, 6), date(2025, 5, 2)]


def test_find_dates_without_reference_skips_partial_dates() -> None:
    assert _spans("On 8 April and on Monday, then 9 April 2025.") == [
        (date(2025, 4, 9), date(2025, 4, 9), "9 April 2025")
    ]


def test_date_mention_is_immutable() -> None:
    mention = find_dates("1 June 2025")[0]
    assert isinstance(mention, DateMention)
    with pytest.raises(AttributeError):
        mention.start = date(2020, 1, 1)  # type: ignore[misc]


def test_a_day_of_a_month_is_a_date():
    (found,) = find_dates("They met on the 4th of July 2025.")
    assert (found.start, found.end) == (date(2025, 7, 4), date(2025, 7, 4))


def test_two_ordinal_days_of_one_month():
    [span] = find_dates("On the 2nd and 3rd of October, the ministers visited.", date(2025, 10, 4))
    assert (span.start, span.end) == (date(2025, 10, 2), date(2025, 10, 3))
