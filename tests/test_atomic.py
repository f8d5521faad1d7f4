"""kg.atomic.write_text: the target holds the old text or the new text, never a mix, never litter."""

from __future__ import annotations

import os

import pytest

from kg import atomic


def _names(directory) -> set[str]:
    return {p.name for p in directory.iterdir()}


def test_write_text_creates_a_new_file_with_the_text(tmp_path):
    target = tmp_path / "graph.ttl"
    atomic.write_text(target, "hello\n")
    assert target.read_text(encoding="utf-8") == "hello\n"
    assert _names(tmp_path) == {"graph.ttl"}


def test_write_text_replaces_the_content_of_an_existing_file(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old content that is longer than the new one\n", encoding="utf-8")
    atomic.write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert _names(tmp_path) == {"graph.ttl"}


def test_write_text_accepts_a_string_path_and_creates_missing_parent_directories(tmp_path):
    target = tmp_path / "a" / "b" / "out.txt"
    atomic.write_text(str(target), "x")
    assert target.read_text(encoding="utf-8") == "x"


def test_write_text_writes_utf8_and_keeps_newlines_as_given(tmp_path):
    target = tmp_path / "out.txt"
    text = "Zoë “quoted” 北京\nline two\n"
    atomic.write_text(target, text)
    assert target.read_bytes() == text.encode("utf-8")


def test_an_encoding_error_while_writing_leaves_the_old_file_and_no_temp_file(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("previous\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        atomic.write_text(target, "a lone surrogate cannot be encoded: \ud800")
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert _names(tmp_path) == {"graph.ttl"}


def test_a_failure_after_writing_before_the_rename_leaves_the_old_file_and_no_temp_file(
        tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_text("previous\n", encoding="utf-8")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        atomic.write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert _names(tmp_path) == {"graph.ttl"}


def test_an_interrupt_while_writing_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_text("previous\n", encoding="utf-8")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert _names(tmp_path) == {"graph.ttl"}


def test_a_failed_first_write_creates_no_file_at_all(tmp_path):
    target = tmp_path / "graph.ttl"
    with pytest.raises(UnicodeEncodeError):
        atomic.write_text(target, "\udfff")
    assert _names(tmp_path) == set()
