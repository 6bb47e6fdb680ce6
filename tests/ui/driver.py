"""Drive the real screens with synthetic pygame events, by mouse or by keyboard only."""

from __future__ import annotations

import time

import pygame

from game.engine import Action
from game.ui.screens.decide import DecideDialog
from game.ui.screens.desk import DeskScreen
from game.ui.screens.dialog import ConfirmDialog, Dialog
from game.ui.screens.ending import EndingScreen
from game.ui.screens.event import EventDialog
from game.ui.screens.negotiation import NegotiationScreen

CONFIRMS = (ConfirmDialog, DecideDialog)   # a question before a step; in a class game, the decision dialog


class Driver:
    def __init__(self, app, mode: str = "mouse"):
        self.app, self.mode = app, mode
        self.surf = pygame.Surface(app.size)

    def frame(self) -> None:
        if self.app.dirty:
            if self.surf.get_size() != self.app.size:
                self.surf = pygame.Surface(self.app.size)
            self.app.draw(self.surf)
            self.app.dirty = False

    def settle(self, seconds: float = 60) -> None:
        """Run the app's pending tasks, as the loop does between frames, until none is left (files the
        scenario chooser reads in the background are read by then)."""
        deadline = time.monotonic() + seconds
        while self.app.tasks and time.monotonic() < deadline:
            self.app.tasks.pop(0)()
            self.app.dirty = True
            self.frame()
            time.sleep(0.005)
        assert not self.app.tasks, "the app's tasks never finished"

    def key(self, key: int, mod: int = 0) -> None:
        self.app.handle(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
        self.app.handle(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
        self.frame()

    def find(self, pred):
        screen = self.app.top
        screen.ensure_layout()
        for i, w in enumerate(screen.widgets):
            if pred(w):
                return i, w
        return -1, None

    def press(self, pred) -> bool:
        """Press the widget matching pred: by a click at its centre, or by Tab to it and Enter."""
        i, w = self.find(pred)
        if w is None:
            return False
        screen = self.app.top
        if self.mode == "mouse":
            if w.scroller:
                w.scroller.ensure(w.rect)
            pos = w.screen_rect().center
            self.app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
            self.app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        else:
            for _ in range(len(screen.widgets) + 1):
                if screen.focus == i:
                    break
                self.key(pygame.K_TAB)
            assert screen.focus == i, f"cannot reach {w.wid} with Tab"
            self.key(pygame.K_RETURN)
        self.frame()
        return True

    def focus(self, wid: str) -> None:
        """Tab to the widget with this id, as a keyboard user does (a text box: Enter would move on from it)."""
        screen = self.app.top
        for _ in range(len(screen.widgets) + 1):
            if screen.focused() is not None and screen.focused().wid == wid:
                return
            self.key(pygame.K_TAB)
        raise AssertionError(f"cannot reach {wid} with Tab")

    def wid(self, ident: str):
        return lambda w: w.wid == ident

    # --------------------------------------------------------- a whole game
    def play(self, plan, choices: dict[str, str], max_steps: int = 3000) -> str:
        app = self.app
        assert self.press(lambda w: getattr(w, "label", "") == "New game")
        for _ in range(max_steps):
            top = app.top
            game = app.session.game if app.session else None
            if isinstance(top, EndingScreen):
                return game.state.outcome
            if isinstance(top, EventDialog):
                ev = top.event
                want = choices.get(ev.id) or ev.default_choice().id
                assert self.press(self.wid(want))
            elif isinstance(top, DeskScreen):
                self.week(plan)
            elif isinstance(top, CONFIRMS):
                self.confirm()
            elif isinstance(top, (Dialog, NegotiationScreen)):
                self.key(pygame.K_ESCAPE) if isinstance(top, NegotiationScreen) else self.close_dialog()
            else:
                raise AssertionError(f"unexpected screen {top!r}")
        raise AssertionError("the game did not end")

    def confirm(self) -> None:
        """Take the step a confirmation asks about (its last button; the decision dialog's Confirm)."""
        top = self.app.top
        assert isinstance(top, CONFIRMS), top
        if isinstance(top, DecideDialog):
            assert self.press(self.wid("confirm"))
            return
        assert self.press(lambda w: w is [b for b in top.widgets if getattr(b, "label", "")][-1])

    def end_week(self) -> None:
        """End the week by its key, saying yes (E again) if asked about unused points."""
        self.key(pygame.K_e)
        if isinstance(self.app.top, ConfirmDialog):
            self.key(pygame.K_e)

    def answer(self, number: int = 1) -> None:
        """Answer the question on top with its numbered option: the number picks it, Enter presses it."""
        self.key(pygame.K_1 + number - 1)
        self.key(pygame.K_RETURN)
        if isinstance(self.app.top, CONFIRMS):
            self.confirm()

    def close_dialog(self) -> None:
        if self.mode == "keys":
            self.key(pygame.K_RETURN)
        else:
            assert self.press(lambda w: getattr(w, "label", "") in ("Continue", "To the desk", "Close", "To the ending"))

    def tab(self, name: str) -> None:
        if self.mode == "keys":
            self.key({"actions": pygame.K_1, "treaties": pygame.K_2}[name])
        else:
            self.press(self.wid(f"tab:{name}"))

    def week(self, plan) -> None:
        app = self.app
        s = app.session
        game, power = s.game, s.power
        if plan is not None:
            from game.engine.conditions import compile_condition

            for rule in plan.rules:
                holds, do = compile_condition(rule.when, game.sc), rule.do
                if game.over or not isinstance(app.top, DeskScreen) or not holds(game.state):
                    continue
                if do.kind == "action":
                    self.tab("actions")
                    _, w = self.find(self.wid(f"act:{do.target}"))
                    if w is not None and w.enabled:
                        self.press(self.wid(f"act:{do.target}"))
                        if isinstance(app.top, CONFIRMS):
                            self.confirm()
                elif do.kind == "propose" or (do.kind in ("accept", "reject") and do.target in game.drafts_for(power)):
                    self.negotiate(do)
        if isinstance(app.top, DeskScreen) and not game.over:
            if self.mode == "keys":
                self.end_week()
            else:
                self.press(lambda w: getattr(w, "label", "") == "End week")

    def negotiate(self, do) -> None:
        app = self.app
        game = app.session.game
        if game.state.offers[do.target].status not in ("open", "proposed"):
            return
        self.tab("treaties")
        if not self.press(self.wid(f"offer:{do.target}")):
            return
        neg = app.top
        assert isinstance(neg, NegotiationScreen)
        label = {"propose": "Propose this draft", "accept": "Accept", "reject": "Reject"}[do.kind]
        if do.kind == "propose":
            offer = game.sc.offer(do.target)
            current = set(game.state.offers[do.target].clauses)
            want = set(do.clauses) if do.clauses is not None else (current | set(do.add)) - set(do.remove)
            want = set(game.normalized(offer, want))
            for c in offer.clauses:
                if (c.id in neg.draft) != (c.id in want):
                    _, w = self.find(self.wid(f"clause:{c.id}"))
                    if w is not None and w.enabled:
                        self.press(self.wid(f"clause:{c.id}"))
        _, w = self.find(lambda w: getattr(w, "label", "") == label)
        if w is not None and w.enabled and app.top is neg:
            self.press(lambda w: getattr(w, "label", "") == label)
            if isinstance(app.top, CONFIRMS):
                self.confirm()
        if app.top is neg:
            self.key(pygame.K_ESCAPE)


def end_turn(app) -> Action:
    return Action("end_turn", app.session.power)
