"""`simulate --coverage`: what many games by each policy never reached."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import MINI, ROOT

IMPOSSIBLE = """  - id: never_happens
    title: Something that cannot happen
    text: The security meter would have to be above its maximum.
    when: {meter: {id: security, min: 1000}}
"""


def main_py(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_an_event_with_an_impossible_condition_is_listed_as_never_fired(tmp_path):
    text = MINI.read_text(encoding="utf-8")
    path = tmp_path / "mini.yaml"
    path.write_text(text.replace("events:\n", "events:\n" + IMPOSSIBLE, 1), encoding="utf-8")
    out = main_py("simulate", str(path), "--coverage", "--games", "20", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert "never_happens" in data["never"]["events"]
    assert "opening" not in data["never"]["events"]
    assert set(data["never"]) == {"events", "actions", "clauses", "outcomes", "sources"}
    assert "random" in data["policies"] and "passive" in data["policies"]


def test_coverage_by_one_policy_lists_what_it_never_does():
    out = main_py("simulate", str(MINI), "--coverage", "--games", "5", "--policy", "passive", "--json")
    data = json.loads(out.stdout)
    assert data["policies"] == ["passive"]
    assert {"open_talks", "speech"} <= set(data["never"]["actions"])   # the player's actions, never taken
    text = main_py("simulate", str(MINI), "--coverage", "--games", "5", "--policy", "passive").stdout
    assert "events never fired:" in text and "clauses never signed:" in text
