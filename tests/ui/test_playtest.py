"""Defects found by play-testing in a real window, pinned by behaviour."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.screens.desk import DeskScreen
from game.ui.screens.event import EventDialog
from game.ui.screens.negotiation import NegotiationScreen
from game.ui.wording import chance
from tests.ui.driver import Driver


def to_desk(app, mode: str = "mouse") -> Driver:
    d = Driver(app, mode)
    d.key(pygame.K_n)
    d.key(pygame.K_RETURN)       # the briefing
    d.key(pygame.K_RETURN)       # the first week's telegrams
    assert isinstance(app.top, DeskScreen)
    return d


def first_question(app, d: Driver) -> EventDialog:
    """End weeks (closing the telegrams) until a question arrives."""
    for _ in range(30):
        top = app.top
        if isinstance(top, EventDialog):
            return top
        if isinstance(top, DeskScreen):
            d.end_week()
        else:
            d.key(pygame.K_RETURN)
    raise AssertionError("no question in 30 steps")


def open_chooser(app) -> tuple[Driver, Any]:
    """From the title, the scenario chooser (S), laid out."""
    from game.ui.screens.title import ScenarioChooser

    d = Driver(app, "keys")
    d.key(pygame.K_s)
    d.settle()
    chooser = app.top
    assert isinstance(chooser, ScenarioChooser)
    chooser.ensure_layout()
    return d, chooser


def test_answering_a_question_by_mouse_closes_it_once(app):
    d = to_desk(app)
    dialog = first_question(app, d)
    event_id = dialog.event.id
    choice = dialog.event.choices[-1].id
    assert d.press(d.wid(choice))
    assert app.notice is None or app.notice.kind != "bad", app.notice
    still = [s for s in app.stack if isinstance(s, EventDialog) and s.event.id == event_id]
    assert still == [], "the same question was asked again after it was answered"
    assert all(p.event != event_id for p in app.session.game.state.pending)


def test_a_choice_without_known_effects_says_so_plainly(app, monkeypatch):
    import game.engine.view as view

    d = to_desk(app)
    dialog = first_question(app, d)
    monkeypatch.setattr(view, "consequences", lambda *a, **k: [])
    dialog.stale = True
    dialog.ensure_layout()
    ids = {c.id for c in dialog.event.choices}
    subs = [w.item.sub for w in dialog.widgets if getattr(w, "wid", "") in ids]
    assert subs and all(s == "No consequences known in advance." for s in subs)


def test_chance_wording():
    assert chance(0.0, 0.001) == "almost no chance"
    assert chance(0.999, 1.0) == "almost certain"
    assert chance(0.4, 0.4) == "about 40% chance"
    assert chance(0.33, 0.79) == "33%–79% chance"


def test_negotiation_never_shows_an_empty_range(app):
    d = to_desk(app)
    d.key(pygame.K_2)
    assert d.press(d.wid("offer:anglo_french_alliance"))
    neg = app.top
    assert isinstance(neg, NegotiationScreen)
    text = " ".join(b.text for b in neg.side_blocks())
    assert "0%–0%" not in text and "100%–100%" not in text


def test_wheel_scroll_moves_the_hover_with_the_content(app, monkeypatch):
    to_desk(app)
    desk = app.top
    desk.ensure_layout()
    items = [w for w in desk.widgets if w.scroller is not None]
    view = items[0].scroller.view
    pos = (view.centerx, view.y + view.h // 3)
    monkeypatch.setattr(pygame.mouse, "get_pos", lambda: pos)
    app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    before = desk.widgets[desk.hover]
    for _ in range(3):
        app.handle(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
    assert items[0].scroller.offset > 0
    now = desk.widgets[desk.hover] if desk.hover >= 0 else None
    assert now is not before and (now is None or now.hit(pos))
    tip = desk.current_tooltip()   # never the tooltip of the widget that scrolled away from under the mouse
    assert tip is None if now is None else tip is not None and tip[0] == now.tip() and tip[1].collidepoint(pos)


def test_debrief_chart_labels_do_not_overlap():
    import itertools
    import re

    from game.export.chart_svg import svg_chart as _svg_chart

    meters = [{"id": f"m{i}", "name": f"Gauge {i}", "min": 0, "max": 100, "start": 30} for i in range(5)]
    history = [{f"m{i}": 30 for i in range(5)}, {"m0": 47, "m1": 47, "m2": 48, "m3": 46, "m4": 100}]
    svg = _svg_chart(history, [0, 1], meters)
    ys = sorted(float(y) for y in re.findall(r'<text x="[\d.]+" y="([\d.]+)" font-size="11" fill=', svg))
    assert len(ys) == 5
    assert all(b - a >= 12 for a, b in itertools.pairwise(ys)), ys
    assert all(0 <= y <= 300 for y in ys)


def test_a_dialog_opened_by_mouse_shows_no_tooltip_until_a_key_is_pressed(app):
    d = Driver(app, "mouse")
    assert d.press(lambda w: getattr(w, "label", "") == "Settings")
    settings = app.top
    d.frame()
    assert settings.focus >= 0                    # Enter still works at once
    assert settings.current_tooltip() is None     # but nothing covers the headings
    d.key(pygame.K_TAB)
    assert settings.current_tooltip() is not None


def test_scenario_chooser_reaches_every_file(app, home):
    from game.ui.settings import mods_dir

    mods_dir().mkdir(parents=True, exist_ok=True)
    for i in range(12):
        (mods_dir() / f"broken{i:02d}.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    d, chooser = open_chooser(app)
    wids = {w.wid for w in chooser.widgets}
    assert all(str(mods_dir() / f"broken{i:02d}.yaml") in wids for i in range(12))
    last = str(mods_dir() / "broken11.yaml")
    for _ in range(40):                      # Tab down to the last file: it scrolls into view
        if chooser.widgets[chooser.focus].wid == last:
            break
        d.key(pygame.K_TAB)
    w = chooser.widgets[chooser.focus]
    assert w.wid == last and w.scroller.view.contains(w.screen_rect())
    d.key(pygame.K_RETURN)
    assert type(app.top).__name__ == "ErrorDialog"
    text = " ".join(line.text for line in app.top.widgets[0].lines)
    assert "broken11.yaml:2:1: error: invalid YAML" in text      # located, not a traceback


def test_arrows_leave_a_scrolled_text_at_its_end(app):
    from game.ui.widgets.core import ScrollText

    to_desk(app, "keys")
    d = Driver(app, "keys")
    d.key(pygame.K_b)                       # the briefing: a long text, then "To the desk"
    brief = app.top
    brief.ensure_layout()
    text_i = next(i for i, w in enumerate(brief.widgets) if isinstance(w, ScrollText))
    brief.focus = text_i
    d.key(pygame.K_DOWN)
    assert brief.focus == text_i and brief.widgets[text_i].offset > 0     # scrolls while there is more
    d.key(pygame.K_END)
    d.key(pygame.K_DOWN)
    assert brief.focus != text_i, "Down at the end of the text should move to the next control"


def test_ending_chart_labels_do_not_overprint():
    import itertools

    from game.export.chart_svg import spread

    ends = [(300.0, 0), (300.0, 1), (299.0, 2), (150.0, 3), (10.0, 4), (5.0, 5)]
    placed = spread(ends, 16, 8, 300)
    ys = sorted(y for y, _ in placed)
    assert sorted(i for _, i in placed) == list(range(6))
    assert all(b - a >= 16 for a, b in itertools.pairwise(ys))
    assert ys[0] >= 8 and ys[-1] <= 300


def test_a_long_scenario_summary_is_cut_at_a_word(app):
    from game.ui.settings import mods_dir
    from tests.conftest import MINI

    mods_dir().mkdir(parents=True, exist_ok=True)
    text = MINI.read_text(encoding="utf-8").replace("title: Mini scenario", "title: Long")
    (mods_dir() / "long.yaml").write_text(text.replace("summary: Two suitors and a deadline.",
                                                       "summary: " + "word " * 100), encoding="utf-8")
    _d, chooser = open_chooser(app)
    sub = next(w.item.sub for w in chooser.widgets if getattr(w, "label", "") == "Long")
    assert sub.endswith("word…") and len(sub) <= 301


def test_taking_an_action_does_not_move_the_others_under_the_mouse(app):
    d = to_desk(app)
    desk = app.top

    def positions():
        desk.ensure_layout()
        return {w.wid: w.rect.topleft for w in desk.widgets if getattr(w, "wid", "").startswith("act:")}

    before = positions()
    enabled = [w for w in desk.widgets if getattr(w, "wid", "").startswith("act:") and w.enabled]
    assert len(enabled) >= 2
    assert d.press(d.wid(enabled[0].wid))
    assert isinstance(app.top, DeskScreen)
    after = positions()
    kept = {w.wid for w in enabled}  # what could be done when the week began stays where it was
    assert {k: after[k] for k in kept} == {k: before[k] for k in kept}, "taking an action moved the others"
    taken = [w for w in desk.widgets if getattr(w, "wid", "") == enabled[0].wid]
    assert taken and not taken[0].enabled


def test_the_first_tab_on_the_desk_goes_to_the_first_action_not_end_week(app):
    d = to_desk(app)
    desk = app.top
    desk.focus = -1
    d.key(pygame.K_TAB)
    focused = desk.widgets[desk.focus]
    assert focused.wid.startswith("act:"), focused.wid
    turn = app.session.game.state.turn
    d.key(pygame.K_RETURN)
    assert app.session.game.state.turn == turn, "Tab, Enter ended the week"


def test_telegrams_held_by_a_question_are_shown_before_the_next_question(app):
    """Later-dated telegrams wait in the engine until the player answers; the desk then shows them first."""
    import copy

    from game.engine import Action, Game
    from game.engine.state import GameState
    from game.ui.screens.event import WeekReport

    to_desk(app)
    s = app.session
    game, power = s.game, s.power

    def releases(question) -> bool:
        probe = Game(s.scenario, GameState.from_dict(copy.deepcopy(game.state.to_dict())), game.humans)
        before = len(probe.state.log)
        option = s.scenario.event(question.event).default_choice().id
        probe.submit(Action("choose", power, question.event, option=option))
        return any(e.kind == "event" for e in probe.state.log[before:])

    for _ in range(200):
        assert not game.over, "no question held back any telegram"
        if game.state.pending:
            question = game.state.pending[0]
            if releases(question):
                break
            option = s.scenario.event(question.event).default_choice().id
            game.submit(Action("choose", power, question.event, option=option))
        else:
            game.submit(Action("end_turn", power))
    s.new_entries()                      # the player has read everything so far
    app.stack = app.stack[:1]            # the desk
    app.prompt()
    dialog = app.top
    assert isinstance(dialog, EventDialog) and dialog.event.id == question.event
    d = Driver(app, "keys")
    d.answer(1)
    report = app.top
    assert isinstance(report, WeekReport), type(report)
    held = [e for e in report.entries if e.kind == "event"]
    assert held and all(e.date >= question.date for e in held)
    d.key(pygame.K_RETURN)
    assert not isinstance(app.top, WeekReport)


def test_what_an_answer_caused_without_telegrams_reaches_the_week_report(app):
    """An answer whose consequences are only treaty news (a draft, an offer on the table, a signature) shows no
    report of its own; those entries come with the end of the week, not never."""
    import copy

    from game.engine import Action, Game
    from game.engine.state import GameState
    from game.ui.screens.event import WeekReport
    from tests.conftest import ROOT

    # in the small scenario, listening to Grey's note puts the pact on the table and nothing else (with this
    # seed no leak follows in the same week); in 1939 the 31 May counter-draft now comes with its 2 June telegram
    app.top.seed = 2
    app.top.scenario_path = ROOT / "tests" / "fixtures" / "mini.yaml"
    to_desk(app)
    s = app.session
    game, power = s.game, s.power

    def caused(question, option) -> list:
        probe = Game(s.scenario, GameState.from_dict(copy.deepcopy(game.state.to_dict())), game.humans)
        before = len(probe.state.log)
        probe.submit(Action("choose", power, question.event, option=option))
        return [e for e in probe.state.log[before:] if e.visible(power)]

    found = None
    for _ in range(300):
        assert not game.over, "no answer caused treaty news alone"
        if game.state.pending:
            question = game.state.pending[0]
            for choice in s.scenario.event(question.event).choices:
                news = caused(question, choice.id)
                kinds = {e.kind for e in news}
                if kinds & {"propose", "sign", "offer"} and not kinds & {"event", "message"}:
                    found = (question, choice, news)
                    break
            if found:
                break
            option = s.scenario.event(question.event).default_choice().id
            game.submit(Action("choose", power, question.event, option=option))
        else:
            game.submit(Action("end_turn", power))
    question, choice, news = found
    s.new_entries()
    app.stack = app.stack[:1]
    app.prompt()
    d = Driver(app, "keys")
    index = [c.id for c in s.scenario.event(question.event).choices].index(choice.id)
    d.answer(index + 1)
    assert not isinstance(app.top, WeekReport)       # nothing to report at once
    while app.top.__class__.__name__ == "EventDialog":
        d.answer(1)
    d.end_week()                                 # end the week
    report = app.top
    assert isinstance(report, WeekReport)
    shown = {(e.kind, e.title) for e in report.entries}
    assert {(e.kind, e.title) for e in news if e.kind in ("propose", "sign", "offer")} <= shown


def test_an_action_taken_in_an_earlier_week_is_not_called_done(app):
    """In the week's stable list an action that is off says 'Done' only if it was taken this week (its text starts
    with its state; the note keeps the cost, so the title never wraps otherwise)."""
    from game.engine import Action

    to_desk(app)
    s, g = app.session, app.session.game
    legal = [a.target for a in g.legal_actions(s.power) if a.kind == "act"]
    target = next(t for t in legal if s.scenario.action(t).cooldown and not s.scenario.action(t).once)
    assert g.submit(Action("act", s.power, target)).ok
    for _ in range(12):
        g.submit(Action("end_turn", s.power))
        while g.pending_choices(s.power):
            e = g.pending_choices(s.power)[0]
            g.submit(Action("choose", s.power, e.id, option=e.default_choice().id))
        if target in {a.target for a in g.legal_actions(s.power) if a.kind == "act"}:
            break
    s.new_entries()
    app.stack = app.stack[:1]
    desk = app.top
    desk.stale = True
    desk.ensure_layout()                 # the week's order is fixed now, with the action available
    for _ in range(6):                   # spend the points elsewhere until it is off
        legal = [a.target for a in g.legal_actions(s.power) if a.kind == "act"]
        if target not in legal:
            break
        g.submit(Action("act", s.power, next(x for x in legal if x != target)))
    desk.stale = True
    desk.ensure_layout()
    button = next(w for w in desk.widgets if getattr(w, "wid", "") == f"act:{target}")
    assert not button.enabled and g.state.taken[target] < g.state.turn
    assert button.item.sub.startswith("Not now:") and not button.item.sub.startswith("Done")
