"""The grading sheet: one printed page per class, with the class, its teams, reasons and votes beside the record."""

from __future__ import annotations

import re
import subprocess

import pytest

from game.engine import Action, Game
from game.engine.classroom import ClassOptions
from game.export.debrief import class_debrief
from game.export.decisions import ClassInfo
from game.export.files import write_debrief
from game.export.grading import REASON_CHARS, grading_html
from game.paths import DEFAULT_SCENARIO
from game.scenario import load_scenario
from tests.test_handouts import CHROMIUM, _print, text_of

SEATS = ("ussr", "britain", "germany")
LONG = ("We weigh what each side offers against what it would cost the people between the two camps; "
        "the vote was close and the minority asked to record that the risk of war is greater than we think. ") * 3


@pytest.fixture(scope="module")
def sc():
    return load_scenario(DEFAULT_SCENARIO)


def played(sc, weeks: int, why: str) -> Game:
    """Three seats each take an action a week (with a reason and a vote) and answer every question."""
    options = ClassOptions.typed("7B <Historia>", {"ussr": "Politbiuro ąę", "britain": "Кабинет"})
    game = Game.new(sc, seed=11, humans=SEATS, options=options)
    while not game.over and game.state.turn <= weeks:
        for power in SEATS:
            for event in game.pending_choices(power):
                game.submit(Action("choose", power, event.id, option=event.default_choice().id, why=why))
            act = next((a for a in game.legal_actions(power) if a.kind == "act"), None)
            if act is not None and not game.over:
                game.submit(Action("act", power, act.target, why=why, votes=(("for", 9), ("against", 4))))
            if not game.over:
                game.submit(Action("end_turn", power))
    return game


def test_the_sheet_has_the_class_teams_code_reasons_votes_record_gauges_and_questions(sc):
    game = played(sc, 3, "Zgoda — согласие")
    data = class_debrief(game, SEATS, ClassInfo.of(game))
    page = grading_html(data, sc, report="report.html")
    text = text_of(page)
    assert "Class 7B <Historia> · code 11" in text and "&lt;Historia&gt;" in page
    assert "USSR — Politbiuro ąę" in text and "Britain — Кабинет" in text
    assert "“Zgoda — согласие”" in text and "vote: for 9, against 4" in text
    assert any(r["title"][:40] in text for r in data["historical_decisions"] if r["turn"] <= 3)
    assert all(s["name"] in text for s in data["scores"]) and all(q in text for q in data["questions"])


def test_what_does_not_fit_is_cut_visibly_and_points_to_the_full_report(sc):
    game = played(sc, 20, LONG)
    data = class_debrief(game, SEATS, ClassInfo.of(game))
    text = text_of(grading_html(data, sc, report="debrief-7b-11.html"))
    assert re.search(r"\d+ more decisions: see the full report \(debrief-7b-11\.html\)", text)
    assert LONG.strip() not in text and LONG[:REASON_CHARS // 2] in text


def test_an_export_writes_the_sheet_beside_the_report_and_the_table(sc, tmp_path):
    game = played(sc, 2, "why")
    written = write_debrief(game, SEATS, tmp_path, ClassInfo.of(game))
    assert written.grading.name == written.html.name.replace(".html", "-grading.html")
    assert written.html.name in written.grading.read_text(encoding="utf-8")


@pytest.mark.skipif(not CHROMIUM, reason="needs chromium (apt-get install -y chromium poppler-utils)")
@pytest.mark.parametrize("weeks, why", [(20, LONG), (3, "short")])
def test_the_grading_sheet_prints_on_one_page_of_a4_and_of_letter(sc, tmp_path, weeks, why):
    game = played(sc, weeks, why)
    data = class_debrief(game, SEATS, ClassInfo.of(game))
    for paper in ("A4", "letter"):
        path = tmp_path / f"{paper}.html"
        path.write_text(grading_html(data, sc, "2026-12-07 10:00", "report.html", paper), encoding="utf-8")
        pdf = path.with_suffix(".pdf")
        _print(path, pdf, tmp_path / "profile")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), f"{paper}: {info}"
