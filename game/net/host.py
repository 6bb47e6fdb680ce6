"""The host of a class's network game: the only authority. It holds the engine's Game, hands out seat tokens for
join codes, answers each seat with its own view, takes each seat's actions through `Game.submit` and saves after
each one before it acknowledges it. It is thread-safe (one lock): the host window calls it from its thread, the
web server from its event loop's."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engine import saves
from ..engine.actions import ACTION_KINDS, Action
from ..engine.checkpoints import crossed, stop_next_lesson
from ..engine.game import Game
from ..engine.notes import MAX_REASON, clean_reason
from ..engine.script import finish_week
from ..engine.teacher import TEACHER
from ..engine.view import to_json
from ..files import read_regular, write_atomic
from ..scenario.model import Checkpoint, Scenario
from . import wire
from .codes import JoinLimiter, OddsLimiter, SeatKeys
from .odds import weigh
from .refused import Refused

Listener = Callable[[dict[str, Any]], None]
Saver = Callable[[Game, Path], None]
STEP_FIELDS = {"kind", "power", "target", "clauses", "option", "votes", "turn", "why"}


@dataclass(frozen=True, slots=True)
class SeatStatus:
    """A seat as the teacher's window shows it: its code, how many devices hold a token, whether the week waits."""

    seat: str
    short: str
    team: str
    code: str
    devices: int
    waiting: bool
    policy: str          # "" while its team plays it, else the policy the teacher handed it to
    reissued: bool = False   # the teacher gave it a new code: told to its team alone, never shown to the room


def save_actions(game: Game, path: Path) -> None:
    """The host's save after each action: the game's seed and actions, which rebuild it exactly when it is loaded.
    Its state as JSON too would cost most of an action's round trip (docs/NETWORK.md, "Load")."""
    write_atomic(Path(path), saves.dumps(game, with_state=False))


def keys_path(save_path: Path) -> Path:
    """Where the seats' codes and token digests are kept: beside the autosave."""
    return save_path.with_name(save_path.stem + ".seats.json")


class NetworkHost:
    """A class's game served to network seats. `clock` (seconds, monotonic) and `saver` may be replaced in tests."""

    def __init__(self, game: Game, save_path: Path, keys: SeatKeys | None = None, *,
                 clock: Callable[[], float] = time.monotonic, saver: Saver | None = None, kept_clock: Any = None):
        if not game.seats:
            raise ValueError("a network game needs at least one seat played by people")
        self.game, self.save_path = game, Path(save_path)
        self.keys = keys or SeatKeys.fresh(game.seats)
        self.clock, self.saver = clock, saver or save_actions
        self.limiter = JoinLimiter(clock)
        self.odds_limiter = OddsLimiter(clock)
        self.lock = threading.RLock()
        self.listeners: list[Listener] = []
        self.week_began = clock()
        self.week_seen = game.state.turn
        self.paused_at: float | None = None
        self.started = False                  # the class's clock runs once every team has joined
        self.version = 0                      # raised with every change of the game (views are kept per version)
        self.since_week = game.state.turn     # this lesson began here: it stops at a checkpoint reached since
        self.warning = ""                     # said to the teacher when the host starts (e.g. new join codes)
        self._views: dict[str | None, tuple[int, dict[str, Any]]] = {}
        self._texts: dict[str | None, tuple[int, str]] = {}
        self._clock_started()
        self._keep_pause(kept_clock)
        self._write_keys()
        self._save()

    @classmethod
    def resume(cls, save_path: Path, scenario: Scenario | None = None, stop: str | None = None,
               **kwargs: Any) -> NetworkHost:
        """Go on from an autosave with the same seats and join codes (the next lesson: past the checkpoint the last
        one stopped at, up to `stop` if given); the scenario is the one the save names if none is given
        (ScenarioError if either cannot be read; ValueError if the codes beside it are damaged or `stop` is a
        checkpoint the game has reached)."""
        if scenario is None:
            from ..scenario import load_scenario

            scenario = load_scenario(Path(saves.scenario_of(save_path)[1]))
        game, _notes = saves.load_game(save_path, scenario)
        if stop is not None:
            stop_next_lesson(game, stop)
        path = keys_path(Path(save_path))
        try:
            kept = _read_json(path)
        except FileNotFoundError:
            host = cls(game, Path(save_path), **kwargs)
            host.warning = (f"{path} was not found, so every seat has a new join code: each team joins again "
                            "with its new code.")
            return host
        keys = SeatKeys.from_dict(kept, game.seats)
        return cls(game, Path(save_path), keys, kept_clock=kept.get("clock"), **kwargs)

    # ------------------------------------------------------------------ reading
    @contextlib.contextmanager
    def reading(self) -> Iterator[Game]:
        """The game, held still while the caller reads it (the host window draws from it)."""
        with self.lock:
            yield self.game

    def clock_state(self) -> wire.Clock:
        minutes = self.game.options.turn_timer_minutes
        if not minutes or self.game.over or self.lesson_stop():
            return wire.Clock()
        if not self._clock_started():
            return wire.Clock(minutes * 60, self.paused_at is not None, waiting=True)
        now = self.paused_at if self.paused_at is not None else self.clock()
        left = max(0, round(minutes * 60 - (now - self.week_began)))
        return wire.Clock(left, self.paused_at is not None)

    def _clock_started(self) -> bool:
        """Whether the week's time runs: not before every seat played by a team has joined once (a host started
        before the bell loses no week); from then on the week began when the last team joined."""
        with self.lock:
            if not self.started:
                handed = self.game.state.ai_seats
                if all(self.keys.tokens.get(p) for p in self.game.seats if p not in handed):
                    self.started, self.week_began = True, self.clock()
                    if self.paused_at is not None:
                        self.paused_at = self.week_began
            return self.started

    def _keep_pause(self, kept: Any) -> None:
        """The clock kept beside the autosave by the host before: its pause, and the week's time used (kept at a
        pause, or when that host stopped cleanly), if the game is still in that week."""
        if not isinstance(kept, dict):
            return
        now, used = self.clock(), kept.get("used")
        self.started = self.started or kept.get("started") is True   # (a seat given a new code since: still runs)
        if (self.started and kept.get("turn") == self.game.state.turn and isinstance(used, (int, float))
                and not isinstance(used, bool) and used >= 0):
            self.week_began = now - used
        if kept.get("paused") is True:
            self.paused_at = now

    def _kept_clock(self, stopping: bool = False) -> dict[str, Any]:
        """The clock as it is kept beside the autosave: whether paused, and the week's time used if it is known
        for sure (at a pause, and when the host stops cleanly; a host killed while the timer ran has not said)."""
        paused = self.paused_at is not None
        kept: dict[str, Any] = {"turn": self.game.state.turn, "paused": paused, "started": self.started}
        if self.started and (paused or stopping):
            now = self.paused_at if self.paused_at is not None else self.clock()
            kept["used"] = round(now - self.week_began, 3)
        return kept

    def close(self) -> None:
        """The host stops serving: keep the week's time used, which a resumed host goes on with."""
        with self.lock, contextlib.suppress(OSError):
            self._write_keys(stopping=True)

    def lesson_stop(self) -> Checkpoint | None:
        """The checkpoint this lesson stops at, once the game has reached it since the host started (or resumed):
        from then on the seats' actions are refused and the week's timer no longer runs."""
        with self.lock:
            return crossed(self.game, self.game.options.stop, self.since_week)

    def view(self, seat: str | None) -> dict[str, Any]:
        """A seat's view, or the public view for a watcher (None); read-only, since it is shared. Built once per
        change of the game and kept: after each change every client fetches its view again, and seven seats with
        twenty watchers must not build thirty views while an action waits for the lock."""
        with self.lock:
            return {**self._built(seat), "timer": to_json(self.clock_state())}

    def view_text(self, seat: str | None) -> str:
        """The view as JSON text (what `GET /api/view` sends), likewise written once per change of the game."""
        with self.lock:
            timer = json.dumps(to_json(self.clock_state()))
            kept = self._texts.get(seat)
            if kept is None or kept[0] != self.version:
                text = json.dumps(self._built(seat), ensure_ascii=False, separators=(",", ":"))
                kept = self._texts[seat] = (self.version, text[:-1])   # (without its closing brace)
            return f'{kept[1]},"timer":{timer}}}'

    def _built(self, seat: str | None) -> dict[str, Any]:
        """The view without the timer, built once per version of the game."""
        kept = self._views.get(seat)
        if kept is None or kept[0] != self.version:
            stop = self.lesson_stop()
            built = (wire.public_view(self.game, lesson=stop) if seat is None
                     else wire.seat_view(self.game, seat, lesson=stop))
            kept = self._views[seat] = (self.version, built)
        return kept[1]

    @property
    def turn(self) -> int:
        with self.lock:
            return self.game.state.turn

    def seats(self) -> list[SeatStatus]:
        with self.lock:
            game, waiting = self.game, set(self.game.waiting_for())
            return [SeatStatus(p, game.short(p), game.options.team(p), self.keys.codes[p],
                               len(self.keys.tokens.get(p, [])), p in waiting, game.state.ai_seats.get(p, ""),
                               p in self.keys.reissued)
                    for p in game.seats]

    def finished(self, seat: str) -> bool:
        """Whether the week no longer waits for this seat."""
        with self.lock:
            return seat not in self.game.waiting_for()

    # ------------------------------------------------------------------ joining
    def join(self, code: str, addr: str) -> dict[str, str]:
        """A token for the seat whose code this is; Refused(429) while the address guessed too often."""
        with self.lock:
            wait = self.limiter.wait(addr)
            if wait:
                raise Refused(429, f"Too many wrong codes from this device: try again in {wait} seconds.",
                              {"Retry-After": str(wait)})
            seat = self.keys.seat_of_code(code) if isinstance(code, str) else None
            if seat is None:
                self.limiter.failed(addr)
                raise Refused(403, "No seat has this code. Check it with your teacher.")
            token = self.keys.issue(seat)
            try:
                self._write_keys()
            except OSError as exc:
                self.keys.tokens[seat].pop()
                raise Refused(503, f"The host could not record your seat ({exc.strerror or exc}).") from None
            was_started = self.started
            self._clock_started()
        if self.started and not was_started:   # the last team is in: every page is told that the week's clock runs
            self._changed()
        else:                                   # the projector marks the seat joined
            self._notify({"type": "joined", "seat": seat})
        return {"token": token, "seat": seat}

    def seat_of(self, token: str) -> str | None:
        with self.lock:
            return self.keys.seat_of_token(token) if token else None

    # ------------------------------------------------------------------ acting
    def act(self, seat: str, step: Any, why: str = "") -> dict[str, Any]:
        """Take a seat's action: {"ok": True, "result": ...} once it is in the log and saved, else {"ok": False,
        "reason": ...} with nothing changed."""
        with self.lock:
            try:
                action = self._action(seat, step, why)
            except Refused as exc:
                return {"ok": False, "reason": exc.reason}
            answer = self._submit([action])
        if answer["ok"]:
            self._changed()
        return answer

    def end_turn(self, seat: str) -> dict[str, Any]:
        return self.act(seat, {"kind": "end_turn"})

    def odds(self, seat: str, asked: Any) -> dict[str, Any]:
        """The seat's own odds for a draft it has not sent (`POST /api/odds`, game/net/odds.py): read-only."""
        with self.lock:
            return weigh(self.game, seat, asked, self.odds_limiter)

    def _action(self, seat: str, step: Any, why: str) -> Action:
        """The seat's step as an engine action (Refused says why it cannot be one)."""
        if not isinstance(step, dict):
            raise Refused(400, "An action is a mapping like {\"kind\": \"act\", \"target\": \"...\"}.")
        stop = self.lesson_stop()
        if stop is not None:
            raise Refused(409, wire.lesson_stopped(stop))
        unknown = set(step) - STEP_FIELDS
        if unknown:
            raise Refused(400, f"Unknown action field(s): {', '.join(sorted(map(str, unknown)))}.")
        game, named = self.game, step.get("power", seat)
        if named != seat:
            raise Refused(403, f"You play {game.short(seat)}; this seat cannot act for {named!r}.")
        if step.get("kind") in ACTION_KINDS and ACTION_KINDS[step["kind"]].teacher:
            raise Refused(403, "Only the teacher takes this step, at the host's own screen.")
        if seat not in game.humans:
            raise Refused(409, "The teacher has handed this seat to the game for now.")
        turn = step.get("turn")
        if turn is not None and turn != game.state.turn:
            raise Refused(409, game.scenario.calendar.words(
                f"This was meant for week {turn}; it is now week {game.state.turn}."))
        reason = why or step.get("why", "")
        if not isinstance(reason, str):
            raise Refused(400, "A reason is text.")
        if len(reason) > MAX_REASON:
            raise Refused(413, f"A reason is at most {MAX_REASON} characters (this one has {len(reason)}).")
        fields = {k: v for k, v in step.items() if k != "turn"}
        fields.update(power=seat, why=clean_reason(reason))
        try:
            return Action.from_dict(fields)
        except ValueError as exc:
            raise Refused(400, str(exc)) from None

    def _submit(self, actions: list[Action]) -> dict[str, Any]:
        """Submit actions in order; keep them only if every one is taken and the game is then saved."""
        game = self.game
        kept = len(game.record)
        for action in actions:
            result = game.submit(action)
            if not result.ok:
                if len(game.record) > kept:
                    self._roll_back(kept)
                return {"ok": False, "reason": result.reason}
        try:
            self._save()
        except OSError as exc:
            self._roll_back(kept)
            return {"ok": False, "reason": f"The host could not save the game ({exc.strerror or exc}); "
                                          "nothing was changed. Tell your teacher."}
        last = actions[-1]
        return {"ok": True, "result": {"confirmation": ACTION_KINDS[last.kind].confirmation(game.scenario, last),
                                       "turn": game.state.turn, "actions": len(game.record)}}

    def _roll_back(self, kept: int) -> None:
        """The game as it stood with only the first `kept` actions of its log (replayed exactly)."""
        game = self.game
        self.version += 1
        self.game = saves.replay(game.scenario, game.state.seed, list(game.seats), game.given_policies,
                                 game.record[:kept], game.options)

    # ------------------------------------------------------------------ the teacher (host window only)
    def teacher(self, kind: str, target: str = "", option: str = "", why: str = "") -> dict[str, Any]:
        """A teacher's step (inject, seat, stop): from the host's own screen, never from the network."""
        with self.lock:
            answer = self._submit([Action(kind, TEACHER, target, (), option, clean_reason(why))])
            self._clock_started()
        if answer["ok"]:
            self._changed()
        return answer

    def hand_to_ai(self, seat: str, policy: str = "ai", why: str = "") -> dict[str, Any]:
        return self.teacher("seat", seat, policy, why)

    def give_back(self, seat: str, why: str = "") -> dict[str, Any]:
        return self.teacher("seat", seat, "", why)

    def revoke(self, seat: str) -> str:
        """Cancel the seat's tokens and code; the new code (returned) is the only way back to the seat."""
        with self.lock:
            code = self.keys.revoke(seat)
            self._write_keys()
        self._notify({"type": "revoked", "seat": seat})
        return code

    def rewind(self, week: int) -> None:
        """Roll the game back to the start of an earlier week (ValueError for a week not yet begun)."""
        with self.lock:
            previous = self.game
            self.game = saves.rewind_to_week(previous, week)
            try:
                self._save()
            except OSError:
                self.game = previous
                raise
        self._changed()

    def pause(self, paused: bool) -> None:
        """Stop or restart the class timer (the time left is kept)."""
        with self.lock:
            now = self.clock()
            if paused and self.paused_at is None:
                self.paused_at = now
            elif not paused and self.paused_at is not None:
                self.week_began += now - self.paused_at
                self.paused_at = None
            self._keep_clock()
        self._changed()

    # ------------------------------------------------------------------ the week's clock
    def tick(self) -> bool:
        """Run out the class timer: once the week's time is up, end the turn of every seat it still waits for
        (its open questions answered by their default option). True if the week was ended so."""
        with self.lock:
            left = self.clock_state().seconds_left
            if (left is None or left > 0 or self.paused_at is not None or not self.started
                    or not self.game.waiting_for() or self.lesson_stop()):
                return False
            kept = len(self.game.record)
            for seat in self.game.waiting_for():
                finish_week(self.game, seat)
            try:
                self._save()
            except OSError:
                self._roll_back(kept)
                return False
        self._changed()
        return True

    # ------------------------------------------------------------------ notices and saving
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` with each notice ({"type": "changed", "turn": n}, {"type": "revoked", "seat": s},
        {"type": "joined", "seat": s});
        it may be called from any thread, so it must only hand the notice on. Returns the unsubscribe."""
        with self.lock:
            self.listeners.append(listener)
        return lambda: self.listeners.remove(listener) if listener in self.listeners else None

    def _changed(self) -> None:
        with self.lock:
            if self.game.state.turn != self.week_seen:
                self.week_seen, self.week_began = self.game.state.turn, self.clock()
                if self.paused_at is not None:
                    self.paused_at = self.week_began
                self._keep_clock()
            notice = {"type": "changed", "turn": self.game.state.turn, "over": self.game.over}
        self._notify(notice)

    def _notify(self, notice: dict[str, Any]) -> None:
        for listener in list(self.listeners):
            listener(notice)

    def _save(self) -> None:
        self.version += 1   # (before saving: a failed save rolls the game back, which changes it again)
        self.saver(self.game, self.save_path)

    def _write_keys(self, stopping: bool = False) -> None:
        """The seats' codes, their tokens' digests and the clock, beside the autosave (written whole or not at all)."""
        kept = {**self.keys.to_dict(), "clock": self._kept_clock(stopping)}
        write_atomic(keys_path(self.save_path), json.dumps(kept, sort_keys=True, indent=1))

    def _keep_clock(self) -> None:
        """Keep the pause beside the autosave; if that cannot be written, the pause still holds until the host
        stops (a timer is no reason to refuse the teacher)."""
        with contextlib.suppress(OSError):
            self._write_keys()


def _read_json(path: Path) -> Any:
    try:
        return json.loads(read_regular(path, 1 << 20).decode("utf-8"))
    except FileNotFoundError:
        raise
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"{path}: the seats' codes cannot be read ({exc})") from None

