"""Specification of the article reader on small invented inputs, plus one count check on the seeds."""

from __future__ import annotations

import json
import re
import random
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import InputError
from kg.reader import Article, read_sources
from kg.slug import slugify

DATA = Path(__file__).parent / "data" / "reader"
SEEDS = Path(__file__).parents[1] / "seeds"


def _by_title(articles: list[Article]) -> dict[str, Article]:
    return {a.title: a for a in articles}


def test_multi_article_text_splits_on_source_lines() -> None:
    result = read_sources([DATA / "multi.txt"])
    assert result.problems == []
    articles = _by_title(result.articles)
    assert sorted(articles) == [
        "Harbour Council to meet next week",
        "Minister of Harbours visits Norway",
        "Ministry of Harbours opens new training centre",
    ]
    first = articles["Ministry of Harbours opens new training centre"]
    assert first.publisher == "Ministry of Harbours"
    assert first.body.startswith("On Tuesday (4 March 2025)")
    assert first.body.endswith("200 pilots a year.")
    assert first.date == date(2025, 3, 4)
    assert first.sources == ("multi.txt",)
    assert first.url is None


def test_article_without_full_date_borrows_the_reference_date_of_its_neighbour() -> None:
    articles = _by_title(read_sources([DATA / "multi.txt"]).articles)
    council = articles["Harbour Council to meet next week"]
    assert council.date is None
    assert council.reference_date == date(2025, 3, 4)  # the preceding article's date


def test_first_article_without_date_takes_the_following_articles_date(tmp_path: Path) -> None:
    text = (
        "Undated news\n\nSource: Agency\n\nSomething happened on Monday.\n\n"
        "Dated news\n\nSource: Agency\n\nOn 9 June 2025 it rained.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    articles = _by_title(read_sources([tmp_path]).articles)
    assert articles["Undated news"].date is None
    assert articles["Undated news"].reference_date == date(2025, 6, 9)


def test_source_line_inside_a_paragraph_is_body_text(tmp_path: Path) -> None:
    text = (
        "Port reopens\n\nSource: Agency\n\nThe port reopened on 2 May 2025.\n"
        "The figures were quoted by a trade paper.\nSource: Trade Weekly\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (article,) = read_sources([tmp_path / "a.txt"]).articles
    assert article.title == "Port reopens"
    assert article.body.endswith("Source: Trade Weekly")


def test_listing_page_items_carry_their_listing_date() -> None:
    result = read_sources([DATA / "listing.txt"])
    assert result.problems == []
    articles = _by_title(result.articles)
    assert set(articles) == {
        "Minister of Harbours visits Norway",
        "Statement on the anniversary of the Harbour Treaty",
        "Iceland joins the Harbour Safety Partnership",
    }
    iceland = articles["Iceland joins the Harbour Safety Partnership"]
    assert iceland.date == date(2025, 3, 3)  # the listing date, not the 1 March in the text
    assert iceland.body == "On 1 March 2025, Iceland joined the Harbour Safety Partnership."
    assert iceland.publisher is None
    statement = articles["Statement on the anniversary of the Harbour Treaty"]
    assert statement.body == ""
    assert statement.date == date(2025, 3, 12)


def test_json_lines_give_title_body_or_text_date_url_and_publisher() -> None:
    result = read_sources([DATA / "articles.jsonl"])
    assert result.problems == []
    articles = _by_title(result.articles)
    exercise = articles["Coast guard exercise concludes"]
    assert exercise.date == date(2025, 6, 6)
    assert exercise.url == "https://example.org/news/exercise"
    assert exercise.publisher == "Coast Guard"
    report = articles["Port authority publishes annual report"]
    assert report.body == "The report covers the year 2024."
    assert report.date == date(2025, 6, 12)  # free-text date
    undated = articles["Undated notice"]
    assert undated.date is None
    assert undated.reference_date == date(2025, 6, 12)


def test_bad_json_line_is_a_problem_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"title": "Good one", "body": "Text."}\n{not json\n["a list"]\n{"body": "no title"}\n',
        encoding="utf-8",
    )
    result = read_sources([path])
    assert [a.title for a in result.articles] == ["Good one"]
    messages = [p.message for p in result.problems]
    assert messages[0].startswith("line 2: invalid JSON")
    assert messages[1:] == ["line 3: expected a JSON object", 'line 4: missing "title"']
    assert all(p.path == str(path) and p.fatal for p in result.problems)


def test_unparseable_json_date_is_a_warning_and_the_body_date_is_used(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"title": "T", "body": "On 4 May 2025 x.", "date": "soon"}), encoding="utf-8")
    result = read_sources([path])
    assert result.articles[0].date == date(2025, 5, 4)
    assert [(p.message, p.fatal) for p in result.problems] == [("line 1: unrecognised date 'soon'", False)]


def test_json_array_file_is_read_like_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([{"title": "One", "body": "A."}, {"title": "Two", "text": "B."}]), encoding="utf-8")
    assert [a.title for a in read_sources([path]).articles] == ["One", "Two"]


def test_plain_text_is_one_article_titled_by_its_first_line() -> None:
    (article,) = read_sources([DATA / "plain.txt"]).articles
    assert article.title == "Fishermen meet regional ministers in Tromsø"
    assert article.body.startswith("Regional ministers met")
    assert article.body.endswith("in the autumn.")
    assert article.date == date(2025, 4, 2)
    assert article.publisher is None


def test_directory_is_read_recursively_and_duplicates_merge() -> None:
    result = read_sources([DATA])
    assert result.problems == []
    titles = [a.title for a in result.articles]
    assert len(titles) == len(set(titles)) == 3 + 3 + 3 + 1 - 1
    norway = _by_title(result.articles)["Minister of Harbours visits Norway"]
    assert norway.sources == ("listing.txt", "multi.txt")
    assert norway.body.startswith("From 18 to 20 March 2025")  # the longer body is kept
    assert norway.date == date(2025, 3, 21)  # the explicit listing date wins
    assert norway.publisher == "Ministry of Harbours"


def test_articles_are_sorted_by_key_and_key_is_the_title_slug() -> None:
    articles = read_sources([DATA]).articles
    assert [a.key for a in articles] == sorted(a.key for a in articles)
    assert _by_title(articles)["Undated notice"].key == "undated-notice"


def test_same_title_with_different_punctuation_is_one_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Minister’s visit ends\n\nSource: A\n\nShort.\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"title": "Minister\'s visit ends", "body": "Longer text."}\n')
    (article,) = read_sources([tmp_path]).articles
    assert article.sources == ("a.txt", "b.jsonl")
    assert article.body == "Longer text."


def test_input_order_never_changes_the_result(tmp_path: Path) -> None:
    files = []
    for index, name in enumerate(["multi.txt", "listing.txt", "articles.jsonl", "plain.txt"]):
        folder = tmp_path / f"d{index}"
        folder.mkdir()
        files.append(Path(shutil.copy(DATA / name, folder / name)))
    expected = read_sources(files)
    shuffled = files[:]
    for seed in range(3):
        random.Random(seed).shuffle(shuffled)
        assert read_sources(shuffled) == expected
    assert read_sources([*files, tmp_path]) == expected  # the same file twice is read once


def test_missing_file_is_a_fatal_problem(tmp_path: Path) -> None:
    result = read_sources([tmp_path / "nope.txt", DATA / "plain.txt"])
    assert len(result.articles) == 1
    assert [(p.message, p.fatal) for p in result.problems] == [("cannot read: No such file or directory", True)]


def test_file_that_fails_to_read_is_a_fatal_problem() -> None:
    # Reading this process's memory file fails with EIO even for root (unlike a chmod 0 file).
    result = read_sources(["/proc/self/mem"])
    assert [(p.message, p.fatal) for p in result.problems] == [("cannot read: Input/output error", True)]


def test_dangling_symlink_is_reported_as_missing(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    result = read_sources([link])
    assert [p.message for p in result.problems] == ["cannot read: No such file or directory"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n \t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (b"Just a headline and nothing else\n", "no article found"),
        (b"News\n\n10 Entries\n\nDateTitle\n\nBack To Top\n", "no article found"),
        (b"\xef\xbb\xbf", "empty file"),
    ],
)
def test_bad_input_is_a_fatal_problem_with_a_clear_message(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = read_sources([path])
    assert result.articles == []
    assert [(p.path, p.message, p.fatal) for p in result.problems] == [(str(path), message, True)]


def test_json_file_with_only_bad_lines_reports_no_article(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("{broken\n", encoding="utf-8")
    messages = [p.message for p in read_sources([path]).problems]
    assert messages[-1] == "no article found"


def test_empty_directory_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not an input")
    result = read_sources([tmp_path])
    assert result.articles == []
    assert [p.message for p in result.problems] == ["no .txt, .jsonl or .json files in this directory"]


def test_strict_mode_raises_input_error_on_the_first_problem(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError) as raised:
        read_sources([DATA / "plain.txt", path], strict=True)
    assert raised.value.path == path
    assert raised.value.problem == "empty file"
    assert str(raised.value) == f"{path}: empty file"


TEXT = "Café owners meet minister in Besançon\n\nThe minister met café owners on 5 May 2025 – “a good talk”.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_encodings_are_read_without_warning(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode(encoding))  # Python's utf-16 codec writes a BOM
    result = read_sources([path])
    assert result.problems == []
    (article,) = result.articles
    assert article.title == "Café owners meet minister in Besançon"
    assert "“a good talk”" in article.body
    assert article.date == date(2025, 5, 5)


def test_utf16_big_endian_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xfe\xff" + TEXT.encode("utf-16-be"))
    assert read_sources([path]).articles[0].title.startswith("Café")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_single_byte_text_is_decoded_as_windows_1252_with_a_warning(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    text = TEXT if encoding == "cp1252" else TEXT.replace("–", "-").replace("“", '"').replace("”", '"')
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    result = read_sources([path])
    (article,) = result.articles
    assert article.title == "Café owners meet minister in Besançon"
    assert "\r" not in article.body
    assert [(p.message, p.fatal) for p in result.problems] == [("not valid UTF-8; decoded as windows-1252", False)]
    with pytest.raises(InputError, match="decoded as windows-1252"):
        read_sources([path], strict=True)


def test_seed_files_hold_48_distinct_articles_one_of_them_in_two_files() -> None:
    result = read_sources([SEEDS])
    assert result.problems == []
    by_source: dict[str, int] = {}
    for article in result.articles:
        for source in article.sources:
            by_source[source[:3]] = by_source.get(source[:3], 0) + 1
    assert by_source == {"000": 9, "001": 10, "002": 10, "003": 10, "004": 10}
    assert len(result.articles) == 48
    shared = [a for a in result.articles if len(a.sources) == 2]
    assert len(shared) == 1
    assert shared[0].date is not None and shared[0].publisher is not None
    assert all(a.reference_date is not None for a in result.articles)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Minister’s visit ends", "minister-s-visit-ends"),
        ("Kristrún Frostadóttir", "kristrun-frostadottir"),
        ("Władysław Kosiniak-Kamysz", "wladyslaw-kosiniak-kamysz"),
        ("Science & Technology", "science-technology"),
        ("Straße in Łódź", "strasse-in-lodz"),
        ("NAC – PSC  meeting!", "nac-psc-meeting"),
        ("", "x"),
        ("???", "x"),
    ],
)
def test_slugify_folds_accents_and_hyphenates(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugify_cuts_at_max_len_without_a_trailing_hyphen() -> None:
    assert slugify("abc def ghi", max_len=8) == "abc-def"


@given(st.text(max_size=200), st.integers(min_value=1, max_value=100))
def test_slugify_always_gives_a_short_clean_ascii_slug(text: str, max_len: int) -> None:
    slug = slugify(text, max_len)
    assert slug and len(slug) <= max(max_len, 1)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
