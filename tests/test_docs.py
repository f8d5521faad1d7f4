"""The documentation keeps up with the code: every command has help text and a documented use,
every saved query is named in the docs, and the walk-through only runs commands that exist."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.queries import query_names

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
USAGE = ROOT / "docs" / "usage.md"
QUERIES_README = ROOT / "queries" / "README.md"


CommandPath = tuple[str, ...]  # e.g. ("query", "run")


def walk(command: click.Command,
         path: CommandPath = ()) -> Iterator[tuple[CommandPath, click.Command]]:
    """Every command below `command` (itself excluded), with its path of names."""
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            sub = command.commands[name]
            yield path + (name,), sub
            yield from walk(sub, path + (name,))


def missing_help(group: click.Group) -> list[str]:
    """Commands with no help text, and options (other than --help) with none."""
    problems = []
    for path, command in walk(group):
        where = " ".join(path)
        if not (command.help or "").strip():
            problems.append(f"kg {where}: no help text")
        for param in command.params:
            if isinstance(param, click.Option) and not (param.help or "").strip():
                problems.append(f"kg {where} {param.opts[-1]}: no help text")
    return problems


def mentioned(words: str, text: str) -> bool:
    """Whether `words` occur in `text` as a whole, e.g. 'kg query' but not in 'kg query-x'."""
    return re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text) is not None


def undocumented(group: click.Group, text: str) -> list[str]:
    """Commands that the text never mentions as `kg <path>`."""
    return [f"kg {' '.join(path)}" for path, _ in walk(group)
            if not mentioned(f"kg {' '.join(path)}", text)]


def docs_text() -> str:
    return README.read_text(encoding="utf-8") + "\n" + USAGE.read_text(encoding="utf-8")


COMMANDS = [path for path, _ in walk(cli)]


# ---------------------------------------------------------------- the checks work


@pytest.fixture
def toy() -> click.Group:
    @click.group()
    def root() -> None:
        """A toy command line."""

    @root.command()
    @click.option("--fast", is_flag=True, help="Go fast.")
    def good() -> None:
        """Documented."""

    @root.group()
    def nested() -> None:
        """A group."""

    @nested.command("bare")
    @click.option("--quiet", is_flag=True)
    def bare() -> None:
        pass

    return root


def test_the_help_check_names_commands_and_options_without_help(toy):
    assert missing_help(toy) == ["kg nested bare: no help text",
                                 "kg nested bare --quiet: no help text"]


def test_the_mention_check_names_commands_the_docs_leave_out(toy):
    text = "Run `kg good`, or `kg nested-thing` which is another word."
    assert undocumented(toy, text) == ["kg nested", "kg nested bare"]
    assert undocumented(toy, "kg good, kg nested, kg nested bare") == []


# ---------------------------------------------------------------- the real command line


def test_there_are_commands_and_subcommands_to_check():
    assert {("build",), ("query",), ("query", "run")} <= set(COMMANDS)


def test_every_command_and_option_has_help_text():
    assert missing_help(cli) == []


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_prints_its_help(path):
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="kg")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: kg {' '.join(path)}")
    command = cli
    for name in path:
        command = command.commands[name]
    first_line = (command.help or "").strip().splitlines()[0]
    assert first_line[:40] in " ".join(result.output.split())


def test_every_command_is_shown_in_the_readme_or_the_usage_guide():
    assert undocumented(cli, docs_text()) == []


def test_every_saved_query_is_named_in_the_query_readme_or_the_usage_guide():
    text = QUERIES_README.read_text(encoding="utf-8") + "\n" + USAGE.read_text(encoding="utf-8")
    assert [name for name in query_names() if not mentioned(name, text)] == []


# ---------------------------------------------------------------- the walk-through is current


def shown_commands() -> list[list[str]]:
    """The words of every `$ kg ...` line of the usage guide."""
    lines = re.findall(r"^\$ kg\b(.*)$", USAGE.read_text(encoding="utf-8"), re.MULTILINE)
    return [line.split() for line in lines]


def test_the_usage_guide_runs_every_command():
    shown = {tuple(words[:2]) for words in shown_commands()} | {
        tuple(words[:1]) for words in shown_commands()}
    assert [path for path in COMMANDS if path not in shown] == []


def test_the_usage_guide_runs_only_commands_and_queries_that_exist():
    for words in shown_commands():
        names = [w for w in words if not w.startswith("-")]
        if not names or words[0].startswith("-"):
            continue  # `kg --help`, `kg --version`
        assert names[0] in cli.commands, words
        command = cli.commands[names[0]]
        if isinstance(command, click.Group) and len(names) > 1:
            assert names[1] in command.commands, words
            if names[:2] in (["query", "run"], ["query", "show"]) and len(names) > 2:
                assert names[2] in query_names(), words


def test_the_usage_guide_is_generated_by_its_script():
    script = ROOT / "docs" / "make-usage.sh"
    assert script.is_file()
    assert "docs/make-usage.sh" in USAGE.read_text(encoding="utf-8")
