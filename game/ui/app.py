"""The window and its loop: a stack of screens, redrawn only when something changed.

The loop polls events, sleeps with Clock.tick(30), and draws only when a handler says the picture
changed, so an idle window costs almost nothing. The requests screens return (game.ui.flow) are carried
out here: screens are opened by their registered name, and actions go to the engine through the session,
which accepts or refuses them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from . import flow, hosting, reloading, saving_flow, seating, teaching, turn_timer, window_events
from .frame import Frame
from .screens import screen_class
from .screens.dialog import error_lines
from .settings import Settings
from .theme import TEXT_STEPS, Theme, reset_caches
from .widgets.reason import ShortcutEcho
from .wording import done_notice, undone_notice

SCREEN_EVENTS = (pygame.KEYDOWN, pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL, pygame.TEXTINPUT,
                 pygame.TEXTEDITING)


class App:
    def __init__(self, settings: Settings | None = None, scenario_path: Path | None = None,
                 size: tuple[int, int] | None = None, window: bool = True):
        self.settings = settings or Settings()
        self.window = window
        self.size = size or tuple(self.settings.window)
        reset_caches()
        self.theme = Theme(self.size, self.settings.text_step, self.settings.high_contrast)
        self.stack: list[Any] = []
        self.session = None
        self.answered = False   # a question was just answered: the telegrams it released come before the next
        self.scenario_path = scenario_path
        self.notice: flow.Notice | None = None
        self.notice_until = 0.0
        self.notice_owner: Any = None             # the screen the notice is about
        self.notice_held: float | None = None     # its time left, while a dialog over that screen hides it
        self.running = True
        self.asked_to_close = False
        self.held: set[int] = set()   # Enter or Space keys down and not yet released
        self.echo = ShortcutEcho()    # the text of a key pressed as a shortcut is not typed
        self.dirty = True
        self.tasks: list[Any] = []
        self.frame = Frame()
        self.timer: turn_timer.TurnTimer | None = None   # the seat's turn, in a class game with a timer
        self.host: hosting.HostLink | None = None         # a game served to network seats (game.net)
        self.watch = reloading.Watch()   # the scenario's files, for a hot reload

    # ----------------------------------------------------------------- stack
    @property
    def top(self) -> Any:
        return self.stack[-1] if self.stack else None

    def push(self, screen: Any) -> None:
        self.stack.append(screen)
        self.dirty = True

    def restyle(self) -> None:
        """The theme or the size changed: rebuild fonts and every screen's layout."""
        self.theme = Theme(self.size, self.settings.text_step, self.settings.high_contrast)
        self.invalidate()

    def invalidate(self) -> None:
        for s in self.stack:
            s.stale = True
        self.frame.forget()
        self.dirty = True

    def notify(self, text: str, kind: str = "info", seconds: float = 4.0) -> None:
        """Show a notice about the screen on top now (see `shown_notice`)."""
        self.notice = flow.Notice(text, kind)
        self.notice_until = time.monotonic() + seconds
        self.notice_owner, self.notice_held = self.top, None
        self.dirty = True

    def shown_notice(self) -> flow.Notice | None:
        """The notice if it may show now: over the screen it is about, never over a dialog or the ending opened
        over that screen (it waits, its time stopped, until they close); if that screen has gone, over the next
        plain screen on top (not a dialog, not the ending), else not at all."""
        top, now = self.top, time.monotonic()
        if self.notice is None or top is None:
            return None
        if self.notice_owner is not top and self.notice_owner in self.stack:   # covered: wait
            if self.notice_held is None:
                self.notice_held = max(0.0, self.notice_until - now)
            return None
        if self.notice_owner is not top:
            if top.modal or top.quiet:
                return None
            self.notice_owner = top
        if self.notice_held is not None:
            self.notice_until, self.notice_held = now + self.notice_held, None
        return self.notice

    # ------------------------------------------------------------- requests
    def open(self, name: str, **args: Any) -> Any:
        """Build the screen registered under name and put it on top of the stack."""
        screen = screen_class(name)(self, **args)
        self.push(screen)
        return screen

    def top_is(self, name: str) -> bool:
        return self.top is not None and self.top.name == name

    def apply(self, request: Any) -> None:
        """Carry out what a screen asked for (all of a Many), then ask any question the player now owes."""
        if request is None:
            return
        self.dirty = True
        self._apply_one(request)
        self.prompt()

    def _apply_one(self, request: Any) -> None:
        if isinstance(request, flow.Many):
            for item in request.items:
                self._apply_one(item)
            return
        carry_out = self._carriers().get(type(request))
        if carry_out is None:
            raise TypeError(f"a screen returned {request!r}, which is not a request (game.ui.flow)")
        carry_out(request)

    def _carriers(self) -> dict[type, Callable[[Any], None]]:
        """How each kind of request (game.ui.flow) is carried out."""
        return {
            flow.Open: lambda r: self.open(r.name, **r.args),
            flow.Pop: lambda r: self.back(r.count),
            flow.Submit: lambda r: self.submit(r.action),
            flow.NewGame: lambda r: self.new_game(r.scenario_path, r.seed, r.seats, r.options),
            flow.HostGame: lambda r: hosting.start(self, r),
            flow.TakeSeat: lambda r: seating.take_seat(self, r.power),
            flow.LoadSave: lambda r: self.load_save(r.path),
            flow.SaveGame: lambda r: saving_flow.save_game(self, r.folder, r.leaving),
            flow.Autosave: lambda r: saving_flow.autosave(self, r.leaving),
            flow.ToTitle: lambda r: self.to_title(r.save),
            flow.Notice: lambda r: self.notify(r.text, r.kind),
            flow.Quit: lambda r: setattr(self, "running", False),
            flow.Undo: lambda r: self.undo(),
            **dict.fromkeys(flow.TEACHING, lambda r: teaching.apply(self, r)),
        }

    def back(self, count: int = 1) -> None:
        for _ in range(count):
            if len(self.stack) > 1:
                self.stack.pop()
        self.top.rest()
        self.invalidate()

    def submit(self, action: Any) -> None:
        if self.session is None:
            return
        before = self.session.view.week().turn
        result = self.session.submit(action)
        if not result.ok:
            self.notify(result.reason, "bad", 6.0)
            return
        self.invalidate()
        from ..engine.actions import ACTION_KINDS

        kind = ACTION_KINDS[action.kind]
        if kind.ends_week:   # what the week's steps said is over: it must not show in the next week (or seat)
            self.notice = None
        if kind.ends_week and teaching.lesson_ends(self, before):
            return
        if self.session.game.over:
            self.stack = []
            self.open("ending")
            if self.session.view.signing() is not None:   # a treaty ended it: the signature comes first
                self.open("signing")
        elif kind.ends_week and self.session.handover_due():
            seating.hand_over(self)
        elif kind.ends_week:
            self.open("week_report", entries=self.session.new_entries(), changes=self.session.new_changes())
        elif kind.answers_question:
            self.answered = True
        elif notice := done_notice(action, self.session.scenario):
            self.notify(notice, "good")
        if kind.ends_week and self.session.save_problem is not None:   # the week's autosave failed
            saving_flow.save_failed(self)

    def undo(self) -> None:
        """Take back the week's last step (the question it answered, if any, is asked again)."""
        step = self.session.undo() if self.session is not None else None
        if step is None:
            unit = self.session.scenario.calendar.unit if self.session else "turn"
            self.notify(f"Nothing to undo: the {unit} has just begun, or its last step cannot be taken back.", "bad")
            return
        self.invalidate()
        self.notify(undone_notice(step, self.session.scenario), "good")

    def prompt(self) -> None:
        """If the player owes the engine a choice and the desk is on top, show the question."""
        s = self.session
        if s is None or s.game.over or not self.top_is("desk"):
            return
        answered, self.answered = self.answered, False
        if answered and any(e.kind in ("event", "message") for e in s.unseen()):
            # the week's later events wait in the engine until the answer: shown (with all else unseen) before
            # any next question; otherwise what the answer caused waits for the week's report
            self.open("week_report", entries=s.new_entries(), changes=s.new_changes(), later=True)
            return
        waiting = s.view.questions()
        if waiting:
            self.open("event", event=s.scenario.event(waiting[0].event))

    # -------------------------------------------------------------- session
    def new_game(self, scenario_path: Path | None, seed: int | None, seats: tuple[str, ...] = (),
                 options: Any = None) -> None:
        """Start a game (the engine is imported here, with the first game, so that the title shows at once)."""
        from .session import Session

        try:
            session = Session.new(scenario_path, seed, seats=seats, options=options)
        except Exception as exc:
            self.open("error", title="This scenario cannot be played", lines=error_lines(exc),
                      intro="The scenario file has errors. Fix them (or choose another scenario):")
            return
        session.autosave()   # from its first week, Continue offers this game, not the one before it
        self.start_session(session)

    def load_save(self, path: Path) -> None:
        from .scenario_lookup import ScenarioMissing
        from .session import Session

        try:
            # with `play SCENARIO --load SAVE`, that scenario is used if it has the save's id
            session = Session.load(path, self.scenario_path)
        except Exception as exc:
            intro = ("The scenario this game was played with cannot be used. Your other saves are untouched."
                     if isinstance(exc, ScenarioMissing) else
                     "The save file could not be read. Your other saves are untouched.")
            self.open("error", title="This save cannot be loaded", lines=error_lines(exc), intro=intro)
            return
        self.notify(f"Loaded {path.name}: {session.scenario.calendar.numbered(session.view.week().turn).lower()}.", "good")
        self.start_session(session, briefing=False)  # its notes about the save, if any, replace this notice

    def to_title(self, save: bool = True) -> None:
        s = self.session
        if save and s is not None and not s.game.over and not s.autosave():
            saving_flow.save_failed(self, leaving="title")   # never leave a game that is saved nowhere without asking
            return
        hosting.stop(self)
        self.session = None
        self.stack = []
        self.open("title")

    def start_session(self, session: Any, briefing: bool = True) -> None:
        self.session = session
        self.answered = False
        self.stack = []
        if session.game.over:
            self.open("ending")
            return
        if session.notes:  # every note in one notice (a second notice would replace the first)
            self.notify(" ".join(session.notes), "info", 6.0 + 4.0 * len(session.notes))
        if session.hot_seat:   # (the notice about the save, if any, stays)
            seating.hand_over(self, after_a_seat=False)
            return
        self.open("desk")
        if briefing:   # a new game: the briefing, then the first week's telegrams, then any question
            fresh, changes = session.new_entries(), session.new_changes()
            if fresh or changes:
                self.open("week_report", entries=fresh, changes=changes)
            self.open("briefing")
        else:
            self.prompt()

    # --------------------------------------------------------------- events
    def handle(self, event: pygame.event.Event) -> None:
        """One event: the window's own, a key every screen shares, or one for the top screen, whose request is
        carried out."""
        if window_events.held_repeat(self, event) or self.echo.swallowed(event, self.top.focused() if self.top else None):
            return
        if window_events.window_event(self, event) or (event.type == pygame.KEYDOWN and window_events.global_key(self, event)):
            return
        if self.top is None or event.type not in SCREEN_EVENTS:
            return
        redraw, result = self.top.handle(event)
        if redraw:
            self.dirty = True
        if result is not None:
            self.apply(result)

    # ------------------------------------------------------------- settings
    def set_text_step(self, step: int) -> None:
        step = max(0, min(len(TEXT_STEPS) - 1, step))
        if step != self.settings.text_step:
            self.settings.text_step = step
            self.settings.save()
            self.restyle()
            self.notify(f"Text size: {TEXT_STEPS[step][0]}")

    def set_contrast(self, on: bool) -> None:
        self.settings.high_contrast = on
        self.settings.save()
        self.restyle()

    def set_fullscreen(self, on: bool) -> None:
        self.settings.fullscreen = on
        self.settings.save()
        if self.window:
            self.open_window()
        self.restyle()

    def resize(self, size: tuple[int, int], remember: bool = False) -> None:
        self.size = size
        if remember:
            self.settings.window = size
            self.settings.save()
        if self.window and not self.settings.fullscreen:
            pygame.display.set_mode(size, pygame.RESIZABLE)
        self.restyle()

    def open_window(self) -> pygame.Surface:
        if self.settings.fullscreen:
            surf = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            surf = pygame.display.set_mode(tuple(self.settings.window), pygame.RESIZABLE)
        self.size = surf.get_size()
        return surf

    # ----------------------------------------------------------------- draw
    def draw(self, surf: pygame.Surface) -> list[pygame.Rect] | None:
        """Draw the frame; return the rectangles that changed, or None if the whole window did."""
        changed = self.frame.draw(surf, self.stack, self.theme, self.shown_notice())
        timer = turn_timer.draw(self, surf)
        return [*changed, timer] if changed is not None and timer is not None else changed

    def expire(self) -> None:
        if self.notice and self.notice_held is None and time.monotonic() >= self.notice_until:
            self.notice = None
            self.dirty = True

    # ----------------------------------------------------------------- loop
    def run(self, max_frames: int | None = None, safe: bool = False) -> int:
        """The loop. safe: an error in a screen is logged and shown, and the player returns to the title
        (a damaged save or a bug must not close the window); a second error in a row is raised."""
        clock = pygame.time.Clock()
        frames = 0
        failures = 0
        loops = 0
        while self.running:
            loops += 1
            try:
                frames += self.step()
                failures = 0
            except Exception as exc:
                failures += 1
                if not safe or failures > 1:
                    raise
                self.recover(exc)
            if max_frames is not None and (frames >= max_frames or loops >= max_frames * 10):
                break   # (tests and benchmarks: a few frames, or give up after a while if nothing changes)
            clock.tick(30)
        return 0

    def step(self) -> int:
        """Handle waiting events; draw if something changed; return 1 if a frame was drawn."""
        with hosting.holding(self):   # a hosted game stands still while the window reads it
            for event in pygame.event.get():
                self.handle(event)
            if not self.running:
                return 0
            hosting.poll(self)
            reloading.poll(self)
            turn_timer.tick(self)
            self.expire()
            if not self.dirty:
                return 0
            surf = pygame.display.get_surface()
            changed = self.draw(surf)
        if changed is None:
            pygame.display.flip()
        elif changed:
            pygame.display.update(changed)
        self.dirty = False
        if self.tasks:
            self.tasks.pop(0)()
            self.dirty = True
        return 1

    def recover(self, exc: Exception) -> None:
        """Log the error, keep the autosave, and show what happened over the title screen."""
        from ..cli.crash import write_crash_log

        where = write_crash_log(exc, saving_flow.rescue_note(self))
        surf = pygame.display.get_surface()
        if surf is not None:   # drawing state a failed frame may have left behind
            surf.set_clip(None)
        hosting.stop(self)
        self.session = None
        self.stack = []
        self.open("title")
        self.open("error", title="Something went wrong", lines=[f"{type(exc).__name__}: {exc}"],
                  intro="The game met an error it did not expect (a damaged save, or a bug). Your autosave "
                        "is kept." + (f" Details are in {where}." if where else ""))
        self.invalidate()

