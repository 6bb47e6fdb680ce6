"""`python main.py screenshot`: render every screen with a representative state to PNG, without a display."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..engine import Action

PROJECTOR = ((1280, 720), 3)   # a classroom's projector: 1280×720, Projector text (theme.TEXT_STEPS[3])


def _advance(session: Any, weeks: int) -> None:
    """Play the player's side simply: take the first available action, answer questions, end the week."""
    game, power = session.game, session.power
    for _ in range(weeks):
        if game.over:
            return
        for _ in range(10):
            choices = game.pending_choices(power)
            if not choices:
                break
            ev = choices[0]
            game.submit(Action("choose", power, ev.id, option=ev.default_choice().id))
        acts = [a for a in game.legal_actions(power) if a.kind == "act"]
        if acts:
            game.submit(acts[0])
        game.submit(Action("end_turn", power))
    session.new_entries()


@contextlib.contextmanager
def _sample_saves(session: Any) -> Iterator[None]:
    """A private saves folder holding an autosave, a saved game and a damaged file (the player's stay untouched)."""
    import time

    from .settings import saves_dir

    before = os.environ.get("MOSCOW1939_HOME")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MOSCOW1939_HOME"] = tmp
        try:
            saved = session.save_new()
            auto = saves_dir() / "autosave.json" if session.autosave() else None
            broken = saves_dir() / "copied-from-a-usb-stick.json"
            broken.write_text('{"format": "moscow1939-save", "version": 1, "scen', encoding="utf-8")
            now = time.time()
            for path, age in ((auto, 60), (saved, 3600), (broken, 86400 * 3)):
                if path is not None:
                    os.utime(path, (now - age, now - age))
            yield
        finally:
            session.last_save = None
            if before is None:
                os.environ.pop("MOSCOW1939_HOME", None)
            else:
                os.environ["MOSCOW1939_HOME"] = before


def render_all(out_dir: Path, scenario_path: Path | None, *, canvas: Callable[[tuple[int, int]], Any] | None = None,
               only: tuple[tuple[int, int], int] | None = None) -> list[Path]:
    """Every screen to a PNG in out_dir; canvas: what each is drawn on (a pygame.Surface of the size); only: every
    screen at this size and text step (PROJECTOR, say), whatever size and text it is usually shown at."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from .app import App
    from .session import Session
    from .settings import Settings

    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1, 1))
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def shot(app: App, name: str, size: tuple[int, int] = (1920, 1080)) -> None:
        if only is not None:
            size, app.settings.text_step = only
            app.restyle()
        if app.size != size:
            app.size = size
            app.restyle()
        surf = (canvas or pygame.Surface)(size)
        app.dirty = True
        app.draw(surf)
        path = out_dir / f"{len(written) + 1:02d}-{name}.png"
        pygame.image.save(surf, str(path))
        written.append(path)

    app = App(Settings(), scenario_path, size=(1920, 1080), window=False)
    title = app.open("title")
    app.tasks.clear()
    title.load_meta()
    shot(app, "title")
    session = Session.new(scenario_path, seed=7)
    if not session.game.over:   # a scenario may end before its first week is played
        _game_shots(app, session, shot)
    _ending_shots(app, scenario_path, shot)
    _handover_shots(app, scenario_path, shot)
    _class_shots(app, scenario_path, shot)
    _console_shots(app, scenario_path, shot)
    _host_shots(app, scenario_path, shot)
    return written


@contextlib.contextmanager
def _projector_text(app: Any) -> Iterator[None]:
    """Projector text (theme.TEXT_STEPS[3]) for the shots taken inside, then Normal text again."""
    app.settings.text_step = 3
    app.restyle()
    try:
        yield
    finally:
        app.settings.text_step = 1
        app.restyle()


def _ending_shots(app: Any, scenario_path: Path | None, shot: Callable[..., None]) -> None:
    """The ending of a finished game (and the signature a treaty ending opens with), also at 1280×720 with
    projector text, and the map at the end."""
    app.session = _ended(scenario_path)
    app.stack = []
    app.open("ending")
    shot(app, "ending")
    with _projector_text(app):
        shot(app, "ending-1280x720", (1280, 720))
    if app.session.view.signing() is not None:   # a treaty ending opens with the signature
        app.open("signing")
        shot(app, "signing")
        with _projector_text(app):
            shot(app, "signing-1280x720", (1280, 720))
        app.stack = app.stack[:1]
    app.open("map")
    shot(app, "map-at-the-end")


def _handover_shots(app: Any, scenario_path: Path | None, shot: Callable[..., None]) -> None:
    """The hand-over between seats of a hot-seat game (up to three seats; the first has ended its week), with
    projector text at 1920×1080 and 1280×720."""
    from .session import Session

    probe = Session.new(scenario_path, seed=7)
    seats = [p.id for p in probe.scenario.powers][:3]
    session = Session.new(scenario_path, seed=7, seats=seats)
    if session.game.over:
        return
    session.game.submit(Action("end_turn", session.power))
    app.session = session
    with _projector_text(app):
        app.stack = []
        app.open("handover", seat=session.next_seat())
        shot(app, "handover")
        shot(app, "handover-1280x720", (1280, 720))


def _game_shots(app: Any, session: Any, shot: Callable[..., None]) -> None:
    """The screens of a game in progress, after a few weeks of play."""
    from . import flow

    app.start_session(session)
    shot(app, "briefing")
    app.apply(flow.Pop())
    _advance(session, 3)
    app.invalidate()
    app.stack = []
    desk = app.open("desk")
    for tab in ("actions", "treaties", "powers", "telegrams"):
        desk.set_tab(tab)
        shot(app, f"desk-{tab}")
    desk.set_tab("actions")

    sc, game = session.scenario, session.game
    offers = session.view.offers()
    if offers:   # a scenario may have no offer for the player
        offer = next((o.id for o in offers if o.editable), offers[0].id)
        app.open("negotiation", offer_id=offer)
        shot(app, "negotiation")
        app.stack = [desk]
    watched = session.view.watched()
    if watched:   # talks the player watches as an observer: the table, read-only
        app.open("negotiation", offer_id=watched[0].id)
        shot(app, "negotiation-watching")
        with _projector_text(app):
            shot(app, "negotiation-watching-1280x720", (1280, 720))
        app.stack = [desk]
    event = next((e for e in game.pending_choices(session.power)), None) or next(
        (e for e in sc.events if e.choices), None)
    for size, step, suffix in (((1920, 1080), 1, ""), ((1280, 720), 3, "-1280x720")):   # projector text too
        app.settings.text_step = step
        app.restyle()
        if event is not None:
            app.open("event", event=event)
            shot(app, "event" + suffix, size)
            app.stack = [desk]
        app.open("week_report", entries=game.inbox(session.power)[-6:], changes=session.view.changes()[-4:])
        shot(app, "week-report" + suffix, size)
        app.stack = [desk]
    app.settings.text_step = 1
    app.restyle()
    app.open("archive")
    shot(app, "archive")
    _menu_shots(app, session, desk, shot)
    app.stack = [desk]
    shot(app, "desk-1280x720", (1280, 720))
    app.settings.high_contrast = True
    app.settings.text_step = 3
    app.restyle()
    shot(app, "desk-high-contrast-projector", (1920, 1080))
    app.settings.high_contrast = False
    app.settings.text_step = 1
    app.restyle()


def _menu_shots(app: Any, session: Any, desk: Any, shot: Callable[..., None]) -> None:
    """The menu over the desk, its settings and saves, and the dialogs of a save that failed."""
    from . import flow
    from .session import SaveProblem

    app.stack = [desk]
    app.open("pause")
    shot(app, "pause")
    app.open("settings")
    shot(app, "settings")
    with _sample_saves(session):
        app.stack = [desk]
        app.open("pause")
        app.open("load")
    shot(app, "load")
    full = SaveProblem(Path.home() / "Documents" / "saves", "No space left on device", session.view.week().turn)
    app.stack = [desk]
    app.open("save_failed", problem=full, retry=flow.Autosave())
    shot(app, "save-failed")
    app.open("save_elsewhere", failed=full.folder)
    shot(app, "save-elsewhere")


def _ended(scenario_path: Path | None) -> Any:
    """A session whose game has ended: as it really did if the scenario has a historical policy for the player,
    else as random play ends it."""
    from ..engine import Game
    from ..engine.checkpoints import hand
    from .session import Session

    end = Session.new(scenario_path, seed=7)
    historical = end.scenario.index["policies"].get("historical")
    policy = "historical" if historical is not None and historical.power == end.power else "random"
    end.game = Game.new(end.scenario, seed=7, humans=[end.power])   # a seat, so that the ledger traces its decisions
    hand(end.game, {end.power: policy})
    end.game.reseat()
    end.game.run_until_human()
    return end


def _class_shots(app: Any, scenario_path: Path | None, shot: Callable[..., None]) -> None:
    """A class game: the decision dialog with a reason typed and a vote, at 1920×1080 and at 1280×720 with
    projector text."""
    import pygame

    from ..engine.classroom import ClassOptions
    from . import flow
    from .session import Session

    probe = Session.new(scenario_path, seed=7)
    app.stack = []
    setup = app.open("class_setup", scenario=probe.scenario, scenario_path=probe.scenario.path, seed=4711)
    shot(app, "class-setup")
    with _projector_text(app):
        setup.ensure_layout()
        shot(app, "class-setup-1280x720", (1280, 720))
    app.stack = []
    app.open("title")
    app.tasks.clear()
    app.open("handouts", scenario_path=probe.scenario.path)
    shot(app, "handouts")
    seats = [p.id for p in probe.scenario.powers][:2]
    options = ClassOptions.typed("7B History", {p: f"Team {p}" for p in seats}, require_reason=True)
    session = Session.new(scenario_path, seed=7, seats=seats, options=options)
    action = next((a for a in session.view.legal_actions() if a.kind == "act"), None)
    if session.game.over or action is None:
        return
    app.session = session
    app.stack = []
    desk = app.open("desk")
    name = session.scenario.action(action.target).name
    dialog = app.open("decide", what=name, irreversible=session.view.irreversible(action),
                      request=flow.Submit(action))
    dialog.ensure_layout()
    for text in ("Zgoda — согласие ąę. ", "We gain time while the others decide; the risk is that "
                 "both sides read it as weakness."):
        dialog.handle(pygame.event.Event(pygame.TEXTINPUT, text=text))
    dialog.votes[0].count, dialog.votes[1].count, dialog.votes[2].count = 17, 9, 2
    shot(app, "class-decision")
    app.settings.text_step = 3
    app.restyle()
    shot(app, "class-decision-1280x720", (1280, 720))
    app.stack = [desk]
    shot(app, "class-desk-1280x720", (1280, 720))
    app.settings.text_step = 1
    app.restyle()


def _console_shots(app: Any, scenario_path: Path | None, shot: Callable[..., None]) -> None:
    """A class game of three seats two weeks in, with an event brought in: the teacher's console, its dialog to
    bring in an event, the timer over a desk and the end of the lesson, at 1920×1080 and at 1280×720 with
    projector text."""
    from ..engine.classroom import ClassOptions
    from ..engine.script import finish_weeks
    from ..engine.teacher import TEACHER
    from ..scenario.model import Checkpoint
    from .session import Session
    from .turn_timer import TurnTimer

    probe = Session.new(scenario_path, seed=7)
    seats = [p.id for p in probe.scenario.powers][:3]
    options = ClassOptions.typed("7B History", {p: f"Team {p}" for p in seats}, turn_timer_minutes=8)
    session = Session.new(scenario_path, seed=7, seats=seats, options=options)
    for _ in range(2):
        if not session.game.over:
            finish_weeks(session.game)
    if session.game.over:
        return
    events = [e for e in session.console.events() if not e.refusal]
    if events:
        session.game.submit(Action("inject", TEACHER, events[0].id, why="To see how the teams take a leak."))
    app.session, app.stack = session, []
    app.open("console")
    shot(app, "console")
    app.open("console_inject")
    shot(app, "console-inject")
    app.stack, app.settings.text_step = [], 3
    app.restyle()
    app.open("console")
    shot(app, "console-1280x720", (1280, 720))
    app.open("console_inject")
    shot(app, "console-inject-1280x720", (1280, 720))
    app.stack = []
    app.open("desk")
    app.timer = TurnTimer(8 * 60, (session.view.week().turn, session.power))
    shot(app, "class-desk-timer-1280x720", (1280, 720))
    app.timer = None
    sc = session.scenario
    point = sc.checkpoints[0] if sc.checkpoints else Checkpoint("end", sc.calendar.end, "The end of the lesson", "")
    saved = Path("saves") / f"7b-history-{session.code}-week{session.view.week().turn:02d}-2026-12-07-1030.json"
    app.stack = []
    app.open("lesson_end", checkpoint=point, saved=saved)
    shot(app, "lesson-end-1280x720", (1280, 720))
    app.settings.text_step = 1
    app.restyle()
    shot(app, "lesson-end")


def _host_shots(app: Any, scenario_path: Path | None, shot: Callable[..., None]) -> None:
    """A class game served to the teams' own devices, every power a seat, some joined, one finished and one given a
    new code: the host's window for the projector, the teacher's console over it, its seats, its join codes and
    a new code, at 1920×1080 and at 1280×720 with projector text (the host is real; no port is opened)."""
    from types import SimpleNamespace

    from ..engine import Game
    from ..engine.classroom import ClassOptions
    from ..net.host import NetworkHost
    from . import hosting
    from .session import Session

    probe = Session.new(scenario_path, seed=7)
    seats = [p.id for p in probe.scenario.powers]
    options = ClassOptions.typed("7B History", {p.id: f"Team {p.short}" for p in probe.scenario.powers}, turn_timer_minutes=8)
    game = Game.new(probe.scenario, seed=4711, humans=seats, options=options)
    if game.over:
        return
    with tempfile.TemporaryDirectory() as tmp:
        host = NetworkHost(game, Path(tmp) / "host.json")
        for seat in seats[:3]:
            host.join(host.keys.codes[seat], "192.168.1.40")
        for seat in seats[1:2]:   # (a scenario may have one power)
            host.end_turn(seat)
        code = host.revoke(seats[-1])
        hosting.show(app, host, SimpleNamespace(url="http://192.168.1.20:8039/", stop=lambda: None), owned=False)
        for size, step, suffix in (((1920, 1080), 1, ""), ((1280, 720), 3, "-1280x720")):
            app.settings.text_step = step
            app.restyle()
            for names, args in ((["host"], {}), (["host", "console"], {}), (["host", "console", "console_seats"], {}),
                                (["host", "console", "console_codes"], {}),
                                (["host", "console", "console_code"], {"power": seats[-1], "code": code})):
                app.stack = []
                for name in names[:-1]:
                    app.open(name)
                app.open(names[-1], **args)
                shot(app, "host" + ("-" + names[-1].replace("_", "-") if len(names) > 1 else "") + suffix, size)
        app.settings.text_step = 1
        app.restyle()
        hosting.stop(app)
