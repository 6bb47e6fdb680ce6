"""A class's game from a script for several powers, with reasons and votes, written as a debrief and a CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from game.engine import Action, Game
from game.export.decisions import ClassInfo
from game.export.files import reserve, stem, write_debrief
from tests.test_cli import MINI, main_py

SCRIPT = """\
seed: 5
class: "3b Łódź"
teams: {ussr: Politburo, britain: "Кабинет"}
actions:
  - {turn: 1, power: ussr, kind: act, target: open_secret_contacts,
     why: "Zyskać czas — выиграть время", votes: {for: 5, against: 2, abstain: 1}}
  - {turn: 1, power: britain, kind: act, target: commons_pressure, why: "<script>alert('x')</script>"}
  - {turn: 2, power: ussr, kind: act, target: speech_collective_security, why: "=SUM(A1)"}
"""


@pytest.fixture
def run_with_debrief(tmp_path):
    script = tmp_path / "class.yaml"
    script.write_text(SCRIPT, encoding="utf-8")
    out = main_py("run", "--script", str(script), "--debrief", str(tmp_path / "out"), "--json")
    assert out.returncode == 0, out.stdout + out.stderr
    return json.loads(out.stdout)


def test_powers_named_in_steps_are_the_seats_and_their_steps_carry_reasons(run_with_debrief):
    report = run_with_debrief
    acts = [a for a in report["actions"] if a["kind"] == "act"]
    assert [(a["power"], a["target"]) for a in acts] == [("ussr", "open_secret_contacts"),
                                                         ("britain", "commons_pressure"),
                                                         ("ussr", "speech_collective_security")]
    assert acts[0]["votes"] == [["for", 5], ["against", 2], ["abstain", 1]]
    entry = next(e for e in report["log"] if e["ref"] == "open_secret_contacts")
    assert entry["why"] == "Zyskać czas — выиграть время"


def test_the_csv_rows_carry_the_seats_teams_dates_and_reasons(run_with_debrief):
    text = Path(run_with_debrief["debrief"]["csv"]).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["seat", "team", "week", "date", "decision", "reason", "votes"]
    mine = [r for r in rows if r["reason"]]
    assert [(r["seat"], r["team"], r["week"], r["date"]) for r in mine] == [
        ("USSR", "Politburo", "1", "1939-04-17"), ("Britain", "Кабинет", "1", "1939-04-17"),
        ("USSR", "Politburo", "2", "1939-04-28")]
    assert mine[0]["reason"] == "Zyskać czas — выиграть время" and mine[0]["votes"] == "for 5, against 2, abstain 1"
    assert mine[2]["reason"] == "'=SUM(A1)"   # a spreadsheet shows it as text, never runs it


def test_the_debrief_shows_the_reasons_escaped_beside_the_record(run_with_debrief):
    page = Path(run_with_debrief["debrief"]["html"]).read_text(encoding="utf-8")
    assert "Zyskać czas — выиграть время" in page and "for 5, against 2, abstain 1" in page
    assert "<script>" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Class 3b Łódź" in page and "code <b>5</b>" in page and "Кабинет" in page
    assert "What the governments did (the record)" in page and "Questions for discussion" in page


def test_the_debrief_files_are_named_for_the_class_code_and_time(run_with_debrief):
    name = run_with_debrief["debrief"]["html"].rsplit("/", 1)[1]
    assert name.startswith("debrief-3b-łódź-5-") and name.endswith(".html")


def test_a_second_export_in_the_same_minute_gets_a_counter_and_overwrites_nothing(mini, tmp_path):
    game = Game.new(mini, seed=9, humans=["red"])
    game.submit(Action("act", "red", "speech", why="first"))
    now = dt.datetime(2026, 3, 2, 10, 15)
    first = write_debrief(game, ["red"], tmp_path, ClassInfo("7a"), now)
    before = first.html.read_text(encoding="utf-8")
    second = write_debrief(game, ["red"], tmp_path, ClassInfo("7a"), now)
    assert first.html.name == "debrief-7a-9-2026-03-02-1015.html"
    assert second.html.name == "debrief-7a-9-2026-03-02-1015-2.html" and second.csv.name.endswith("-2.csv")
    assert first.html.read_text(encoding="utf-8") == before


def test_a_name_taken_by_either_file_moves_both_to_the_next_counter(tmp_path):
    base = stem(ClassInfo(), "mini", 3, dt.datetime(2026, 1, 1, 9, 0))
    (tmp_path / f"{base}.csv").write_text("kept", encoding="utf-8")
    html_path, csv_path = reserve(tmp_path, base, (".html", ".csv"))
    assert html_path.name == f"{base}-2.html" and csv_path.name == f"{base}-2.csv"
    assert (tmp_path / f"{base}.csv").read_text(encoding="utf-8") == "kept"


def test_class_and_team_names_lose_control_characters():
    info = ClassInfo.typed("3b\x1b[2J\n", {"ussr": "Polit\x00buro"})
    assert info == ClassInfo("3b[2J", {"ussr": "Politburo"})


@pytest.mark.parametrize("step, message", [
    ("{power: atlantis, kind: end_turn}", "2:13: error: unknown power 'atlantis'"),
    ("{kind: act, target: speech, why: 5}", "error: 'why' must be text"),
    ("{kind: act, target: speech, votes: {for: -1}}", "error: the votes 'for' must be a whole number"),
    ("{kind: act, target: speech, votes: [1, 2]}", "2:40: error: votes must be a mapping"),
])
def test_bad_powers_reasons_and_votes_in_a_script_are_located(tmp_path, step, message):
    script = tmp_path / "s.yaml"
    script.write_text(f"actions:\n  - {step}\n", encoding="utf-8")
    out = main_py("run", str(MINI), "--script", str(script))
    assert out.returncode == 1 and out.stdout.startswith(f"{script}:") and message in out.stdout, out.stdout


def test_a_debrief_folder_that_cannot_be_written_is_an_error_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    out = main_py("run", str(MINI), "--policy", "passive", "--debrief", str(blocker / "sub"))
    assert out.returncode == 1 and "error: cannot write the debrief" in out.stderr and "Traceback" not in out.stderr


def test_a_failed_export_leaves_no_empty_file_behind(mini, tmp_path, monkeypatch):
    import game.export.files as files

    real = files.write_atomic

    def full_disk(path, text):
        if path.suffix == ".csv":
            raise OSError(28, "No space left on device")
        real(path, text)

    monkeypatch.setattr(files, "write_atomic", full_disk)
    game = Game.new(mini, seed=9, humans=["red"])
    with pytest.raises(OSError):
        write_debrief(game, ["red"], tmp_path, ClassInfo("7a"))
    # the grading sheet and the report were written; the empty claim of the table is gone
    names = [p.name for p in tmp_path.iterdir()]
    assert len(names) == 2 and all(n.endswith(".html") for n in names)
    assert sum(n.endswith("-grading.html") for n in names) == 1
