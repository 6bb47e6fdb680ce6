"""The reason box: real text input in every decision of a class game, kept with the decision to the debrief."""

from __future__ import annotations

import csv

import pygame
import pytest

from game.engine.classroom import ClassOptions
from game.engine.saves import load_game
from game.export.decisions import ClassInfo
from game.export.files import write_debrief
from game.ui import flow
from game.ui.screens.decide import DecideDialog
from game.ui.screens.desk import DeskScreen
from game.ui.screens.handover import HandoverScreen
from game.ui.widgets.editing import TextEdit, wrap_spans
from game.ui.widgets.reason import Counter, ReasonBox
from tests.ui.driver import Driver

WHY = "Zgoda — согласие ąę"
CLASS = ClassOptions.typed("7B", {"ussr": "Politburo", "britain": "Cabinet"}, require_reason=True)


def type_text(d: Driver, text: str) -> None:
    """Type as a keyboard does: each key's KEYDOWN (letters carry their key code), then its TEXTINPUT."""
    for ch in text:
        key = ord(ch) if ch.isascii() and ch.isalnum() else 0
        d.app.handle(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=ch, scancode=0))
        d.app.handle(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        d.app.handle(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=ch, scancode=0))
    d.frame()


def class_desk(app, options: ClassOptions = CLASS) -> Driver:
    d = Driver(app, "keys")
    app.apply(flow.NewGame(None, 5, ("ussr", "britain"), options))
    d.frame()
    for _ in range(20):
        if isinstance(app.top, DeskScreen):
            return d
        d.key(pygame.K_t) if isinstance(app.top, HandoverScreen) else d.close_dialog()
    raise AssertionError(f"no desk: {app.top!r}")


def open_decision(d: Driver) -> DecideDialog:
    d.tab("actions")
    _, entry = d.find(lambda w: w.wid.startswith("act:") and w.enabled)
    assert entry is not None
    assert d.press(d.wid(entry.wid))
    top = d.app.top
    assert isinstance(top, DecideDialog)
    return top


def test_a_reason_typed_in_any_alphabet_reaches_the_log_the_save_and_the_debrief(app, tmp_path):
    d = class_desk(app)
    dialog = open_decision(d)
    _, confirm = d.find(d.wid("confirm"))
    assert not confirm.enabled and "reason" in confirm.tooltip
    type_text(d, WHY)
    dialog.votes[0].count, dialog.votes[1].count = 5, 2
    d.confirm()
    game = app.session.game
    assert game.record[-1].why == WHY and game.record[-1].votes == (("for", 5), ("against", 2), ("abstain", 0))
    assert any(e.why == WHY for e in game.state.log)
    path = tmp_path / "class.json"
    app.session.save(path)
    loaded, _ = load_game(path, app.session.scenario)
    assert any(e.why == WHY for e in loaded.state.log) and loaded.options == CLASS
    written = write_debrief(loaded, loaded.humans, tmp_path, ClassInfo.of(loaded))
    rows = list(csv.DictReader(written.csv.read_text(encoding="utf-8-sig").splitlines()))
    assert any(r["reason"] == WHY and r["team"] == "Politburo" for r in rows)


def test_typing_in_the_box_never_presses_the_screens_keys(app):
    d = class_desk(app)
    dialog = open_decision(d)
    before = len(app.session.game.record)
    type_text(d, "e u 1 2 E U")
    d.key(pygame.K_SPACE)
    assert app.top is dialog and dialog.box.text == "e u 1 2 E U"
    assert len(app.session.game.record) == before and not app.session.game.state.ended


def test_enter_moves_on_from_the_box_and_esc_goes_back(app):
    d = class_desk(app)
    dialog = open_decision(d)
    type_text(d, "ab")
    d.key(pygame.K_RETURN)
    assert app.top is dialog and dialog.focused() is not dialog.box and dialog.box.text == "ab"
    d.key(pygame.K_ESCAPE)
    assert isinstance(app.top, DeskScreen) and not app.session.game.record


def test_an_answer_to_a_question_carries_its_reason(app):
    d = class_desk(app)
    game = app.session.game
    for _ in range(30):
        if app.session.view.questions() or game.over:
            break
        d.end_week() if isinstance(app.top, DeskScreen) else d.key(pygame.K_t)
        if not isinstance(app.top, (DeskScreen, HandoverScreen)):
            d.close_dialog()
    question = app.session.view.questions()[0]
    app.prompt()
    d.frame()
    d.key(pygame.K_1)
    d.key(pygame.K_RETURN)
    dialog = app.top
    assert isinstance(dialog, DecideDialog)
    type_text(d, "Gain time")
    d.confirm()
    assert game.record[-1].kind == "choose" and game.record[-1].why == "Gain time"
    assert game.record[-1].target == question.event


# ----------------------------------------------------------------- the box itself
@pytest.fixture
def box(app):
    return ReasonBox(pygame.Rect(0, 0, 400, 120), limit=40)


def press(box: ReasonBox, key: int, mod: int = 0) -> bool:
    handled, _ = box.key(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=""))
    return handled


def typed(box: ReasonBox, text: str) -> None:
    box.text_input(pygame.event.Event(pygame.TEXTINPUT, text=text))


def test_the_caret_moves_and_edits_by_character_and_word(app, box):
    typed(box, "one two three")
    press(box, pygame.K_BACKSPACE, pygame.KMOD_CTRL)
    assert box.text == "one two "
    press(box, pygame.K_HOME)
    press(box, pygame.K_RIGHT)
    typed(box, "X")
    assert box.text == "oXne two "
    press(box, pygame.K_DELETE)
    press(box, pygame.K_END)
    press(box, pygame.K_BACKSPACE)
    press(box, pygame.K_LEFT, pygame.KMOD_CTRL)
    typed(box, "-")
    assert box.text == "oXe -two"


def test_the_box_keeps_to_its_limit_and_drops_control_characters(app, box):
    typed(box, "a\u202eb\x07c")
    assert box.text == "abc"
    typed(box, "x" * 100)
    assert len(box.text) == 40


def test_an_input_methods_composition_is_shown_but_typed_only_when_done(app, box):
    box.text_input(pygame.event.Event(pygame.TEXTEDITING, text="ni", start=2, length=0))
    assert box.text == "" and box.composing == "ni"
    typed(box, "你")
    assert box.text == "你" and box.composing == ""


def test_paste_falls_back_to_what_was_copied_here(app, box, monkeypatch):
    import game.ui.widgets.editing as editing

    monkeypatch.setattr(editing.pygame.scrap, "get_text", lambda: "")
    typed(box, "Zgoda")
    press(box, pygame.K_c, pygame.KMOD_CTRL)
    press(box, pygame.K_v, pygame.KMOD_CTRL)
    assert box.text == "ZgodaZgoda"


def test_shift_enter_starts_a_new_line_and_long_text_wraps(app, box):
    typed(box, "first")
    press(box, pygame.K_RETURN, pygame.KMOD_SHIFT)
    typed(box, "second")
    assert box.text == "first\nsecond"
    assert not press(box, pygame.K_RETURN)   # plain Enter goes on to the screen
    spans = wrap_spans("aaa bbb ccc", 6, len)
    assert ["aaa bbb ccc"[a:b] for a, b in spans] == ["aaa ", "bbb ", "ccc"]


def test_up_and_down_move_between_lines_and_leave_the_box_at_its_ends(app, box):
    typed(box, "ab\ncd")
    box.reflow(app.theme)
    assert press(box, pygame.K_UP) and box.edit.caret == 2
    assert not press(box, pygame.K_UP)


def test_word_edits_skip_the_spaces_before_a_word():
    edit = TextEdit("a  bc  ")
    assert edit.word_start() == 3 and edit.backspace(word=True) and edit.text == "a  "


def test_a_vote_counter_takes_digits_plus_minus_and_clicks(app):
    counter = Counter(pygame.Rect(0, 0, 200, 30), "for")
    counter.text_input(pygame.event.Event(pygame.TEXTINPUT, text="1"))
    counter.text_input(pygame.event.Event(pygame.TEXTINPUT, text="2"))
    counter.text_input(pygame.event.Event(pygame.TEXTINPUT, text="+"))
    assert counter.count == 13
    counter.point((5, 10))
    counter.activate()
    assert counter.count == 12
    counter.key(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_BACKSPACE, mod=0, unicode=""))
    assert counter.count == 1


def test_a_draft_sent_from_the_negotiation_table_carries_its_reason(app):
    d = class_desk(app)
    view = app.session.view
    offer = next(o for o in view.offers() if o.editable)
    clause = next(c.id for c in view.clauses(offer.id) if not c.required and not c.refusal
                  and not view.draft(offer.id, view.toggle(offer.id, offer.clauses, c.id)).refusal)
    d.tab("treaties")
    assert d.press(d.wid(f"offer:{offer.id}"))
    assert d.press(d.wid(f"clause:{clause}"))   # a draft that differs from the one on its way
    assert d.press(lambda w: getattr(w, "label", "") == "Propose this draft")
    assert isinstance(app.top, DecideDialog)
    type_text(d, "Żeby zyskać czas")
    d.confirm()
    last = app.session.game.record[-1]
    assert (last.kind, last.target, last.why) == ("propose", offer.id, "Żeby zyskać czas")
