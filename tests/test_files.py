"""Atomic file writes: one helper for saves, settings and debriefs; stale temporary files are cleaned."""

from __future__ import annotations

import os
import time

import pytest

from game.files import STALE_SECONDS, write_atomic


def test_write_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "sub" / "a.json"
    write_atomic(path, "one")
    write_atomic(path, "two")
    assert path.read_text(encoding="utf-8") == "two"
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.json"]


def test_a_failed_write_keeps_the_old_file_and_removes_its_temporary(tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    write_atomic(path, "old")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_stale_temporaries_of_a_killed_save_are_removed_on_the_next_write(tmp_path):
    """A kill during a save leaves .NAME.RANDOM.tmp behind; the next write of that folder removes old ones,
    but not a fresh one (another window may be writing it) and not files of other names."""
    old = tmp_path / ".autosave.json.k1ll3d00.tmp"
    fresh = tmp_path / ".autosave.json.wr1t1ng0.tmp"
    other = tmp_path / "notes.tmp"
    for p in (old, fresh, other):
        p.write_text("partial", encoding="utf-8")
    past = time.time() - STALE_SECONDS - 60
    os.utime(old, (past, past))
    os.utime(other, (past, past))
    write_atomic(tmp_path / "game.json", "{}")
    assert not old.exists() and fresh.exists() and other.exists()
