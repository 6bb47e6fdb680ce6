"""F1 shows the keys of the screen it is pressed on; README's key table lists the same keys."""

from __future__ import annotations

import re

import pygame

from game.ui.screens import KEYED, keys_table, screen_class
from game.ui.screens.dialog import HelpDialog
from game.ui.widgets.buttons import key_label
from tests.conftest import ROOT
from tests.ui.driver import Driver
from tests.ui.test_turns import to_desk, to_question


def help_text(app) -> str:
    d = Driver(app, "keys")
    below = app.top
    d.key(pygame.K_F1)
    assert isinstance(app.top, HelpDialog)
    text = " ".join(line.text for w in app.top.widgets for line in getattr(w, "lines", []))
    d.key(pygame.K_ESCAPE)
    assert app.top is below
    return text


def test_readme_lists_the_keys_each_screen_declares():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- keys -->\n(.*?)\n<!-- end:keys -->", readme, re.S)
    assert found, "README has no key table between <!-- keys --> and <!-- end:keys -->"
    assert found.group(1) == keys_table(), "README's key table differs; paste game.ui.screens.keys_table()"


def test_f1_shows_the_keys_of_the_screen_it_is_pressed_on(app):
    d = to_desk(app)
    desk = help_text(app)
    assert "end the week" in desk and "Keys here" in desk
    d.key(pygame.K_2)
    d.key(pygame.K_RETURN)                        # the first treaty: the negotiation table
    table = help_text(app)
    assert "propose this draft" in table and "end the week" not in table
    assert desk != table


def declared(name: str) -> set[str]:
    return {token for key, _ in screen_class(name).keys for token in re.split(r"[ ,]+", key)}


def assert_button_keys_declared(app) -> str:
    """Every key shown on a button of the screen on top is among the keys it declares."""
    screen = app.top
    screen.ensure_layout()
    tokens = declared(screen.name)
    for w in screen.widgets:
        if w.key_code is None:
            continue
        label = key_label(w.key_code)
        digit_run = label.isdigit() and "..." in tokens
        assert label in tokens or digit_run, f"{screen.name}: the key {label} of {getattr(w, 'label', w.wid)!r} " \
                                             f"is not in its keys {sorted(tokens)}"
    return screen.name


def test_every_key_shown_on_a_button_is_in_its_screen_keys(app):
    seen = {assert_button_keys_declared(app)}                 # title
    d = to_desk(app)
    seen.add(assert_button_keys_declared(app))
    for key in (pygame.K_b, pygame.K_a, pygame.K_m):
        d.key(key)
        seen.add(assert_button_keys_declared(app))
        d.key(pygame.K_ESCAPE)
        if app.top.name != "desk":
            d.key(pygame.K_RETURN)
    d.key(pygame.K_ESCAPE)                                     # the menu
    seen.add(assert_button_keys_declared(app))
    for key in (pygame.K_o, pygame.K_l):
        d.key(key)
        seen.add(assert_button_keys_declared(app))
        d.key(pygame.K_ESCAPE)
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_2)
    d.key(pygame.K_RETURN)
    seen.add(assert_button_keys_declared(app))
    d.key(pygame.K_ESCAPE)
    d.end_week()
    seen.add(assert_button_keys_declared(app))                 # the week's report
    d.key(pygame.K_RETURN)
    to_question(app, "litvinov_question")
    seen.add(assert_button_keys_declared(app))
    assert seen >= set(KEYED) - {"ending"}, set(KEYED) - seen


def test_a_key_that_takes_a_step_in_the_game_means_nothing_else_on_any_screen():
    """A letter pressed out of habit from another screen (A: the desk's archive) must never take a step in the
    game (A: accept a treaty): each screen's step keys are used by no other screen."""
    for name in KEYED:
        for key in screen_class(name).step_keys:
            assert key in declared(name), f"{name}: the step key {key} is not among its keys"
            elsewhere = [other for other in KEYED if other != name and key in declared(other)]
            assert not elsewhere, f"{key} takes a step on the {name} screen but means something else on {elsewhere}"


def test_the_answers_to_a_draft_have_their_own_keys(app):
    from game.ui.screens.negotiation import ANSWER_KEYS, NegotiationScreen

    steps = NegotiationScreen.step_keys
    for kind in ("propose", "accept", "reject", "stall"):
        assert key_label(ANSWER_KEYS[kind]) in steps, kind
    assert "A" not in declared("negotiation")
