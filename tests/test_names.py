"""Specification of name normalisation: spellings an analyst would call the same name compare equal."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.names import fold, normalise_name, title_words


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Anna Lindqvist", "anna lindqvist"),
        ("ANNA  LINDQVIST", "anna lindqvist"),
        ("Zoë Müller-Łaska", "zoe muller-łaska"),
        ("Jón Þórsson", "jon þorsson"),
        ("  Anna\tLindqvist \n", "anna lindqvist"),
    ],
)
def test_case_accents_and_whitespace_are_folded(raw: str, expected: str) -> None:
    assert normalise_name(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["Mr Tomas Berg", "Mr. Tomas Berg", "Dr Tomas Berg", "Sir Tomas Berg", "Admiral Tomas Berg",
     "General Tomas Berg", "Lt Gen Tomas Berg", "Lt. Gen. Tomas Berg", "Lieutenant General Tomas Berg",
     "Major General Tomas Berg", "Maj Gen Tomas Berg", "Colonel Tomas Berg", "Ambassador Tomas Berg",
     "President Tomas Berg", "Minister Tomas Berg", "Prof. Tomas Berg", "His Excellency Tomas Berg",
     "H.E. Mr Tomas Berg", "Lt Gen (ret) Tomas Berg", "Mrs Tomas Berg", "Ms Tomas Berg"],
)
def test_honorifics_and_ranks_before_a_name_are_dropped(raw: str) -> None:
    assert normalise_name(raw) == "tomas berg"


def test_gen_alone_is_a_given_name_not_a_rank() -> None:
    assert normalise_name("Gen Tanaka") == "gen tanaka"
    assert normalise_name("Mr Gen Tanaka") == "gen tanaka"
    assert normalise_name("Maj Gen Tanaka") == "tanaka"


def test_a_lone_honorific_is_kept_rather_than_emptied() -> None:
    assert normalise_name("General") == "general"
    assert normalise_name("The") == "the"


def test_leading_the_is_dropped_only_at_the_start() -> None:
    assert normalise_name("the Alliance") == "alliance"
    assert normalise_name("The Hague Centre") == "hague centre"
    assert normalise_name("Coalition of the Willing") == "coalition of the willing"


def test_ampersand_reads_as_and() -> None:
    assert normalise_name("Science & Technology Board") == normalise_name("Science and Technology Board")
    assert normalise_name("R&D Agency") == "r and d agency"


def test_typographic_punctuation_is_normalised() -> None:
    assert normalise_name("Sean O\u2019Neill") == normalise_name("Sean O'Neill") == "sean o'neill"
    assert normalise_name("\u201cBlue Shield\u201d") == "blue shield"
    assert normalise_name("Euro \u2013 Atlantic Forum") == normalise_name("Euro-Atlantic Forum")


def test_commas_inside_a_name_are_optional() -> None:
    assert normalise_name("Centre for Analysis, Training and Education") == normalise_name(
        "Centre for Analysis Training and Education")


def test_trailing_punctuation_is_dropped() -> None:
    assert normalise_name("Tomas Berg.") == "tomas berg"
    assert normalise_name("Northern Council,") == "northern council"


def test_fold_keeps_titles_and_honorifics() -> None:
    assert fold("The President & Minister") == "the president and minister"


def test_title_words_ignore_function_words_and_order() -> None:
    assert title_words("Minister of Defence") == {"minister", "defence"}
    assert title_words("Defence Minister") == title_words("Minister for Defence")
    assert title_words("Secretary-General") == title_words("Secretary General")
    assert title_words("Secretary General") != title_words("Deputy Secretary General")
    assert title_words("Minister of Trade & Industry") == {"minister", "trade", "industry"}


_PIECES = ["Mr", "Mr.", "the", "The", "General", "Lt", "Gen", "Gen.", "(ret)", "H.E.", "Dr", "Anna",
           "Zoë", "&", "-", "–", ".", ",", "’s", "O’Neill", "", " ", "Sir"]


@given(st.lists(st.sampled_from(_PIECES), max_size=8), st.sampled_from([" ", "", "  "]))
def test_normalising_twice_changes_nothing(pieces: list[str], sep: str) -> None:
    once = normalise_name(sep.join(pieces))
    assert normalise_name(once) == once
