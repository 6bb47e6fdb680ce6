"""A class game's options: its name, its teams, what the seats may not see, and the teacher's PIN.

They are chosen once, at the start, saved with the game and shown in its exports; the class code is the game's
seed (`GameState.seed`), so it is not stored twice. The view (`PowerView`) honours `hide_odds` and
`hide_consequences`, and `Game.submit` refuses a decision without a reason when `require_reason` is set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from .notes import clean_text

MAX_NAME = 60            # characters of a class's or a team's name
MAX_TIMER = 180          # minutes of a seat's turn at most (0: no timer)
MAX_PIN = 12             # digits of the teacher's PIN
_ID = re.compile(r"[a-z][a-z0-9_]*")
FLAGS = ("hide_odds", "hide_consequences", "require_reason")


@dataclass(frozen=True, slots=True)
class ClassOptions:
    """The options of a class game (all empty or off for a game that is no class's)."""

    name: str = ""                                   # the class, as the teacher calls it
    teams: tuple[tuple[str, str], ...] = ()          # (power id, team name), by power id
    hide_odds: bool = False                          # drafts show no forecast of the other parties' answers
    hide_consequences: bool = False                  # actions, clauses and choices show no known consequences
    require_reason: bool = False                     # every decision needs a typed reason
    turn_timer_minutes: int = 0                      # minutes for a seat's turn (0: no timer)
    start: str | None = None                         # the checkpoint the game started from (None: the start)
    stop: str | None = None                          # the checkpoint the lesson stops at (None: the end)
    pin: str = field(default="", repr=False)         # the teacher's PIN for the console ("" : none)

    @classmethod
    def typed(cls, name: str = "", teams: dict[str, str] | None = None, *, pin: str = "", **options: Any) -> ClassOptions:
        """Options as a teacher typed them: names cleaned to a line; ValueError says what is wrong."""
        made = cls(clean_text(name, MAX_NAME, False),
                   tuple((p, clean_text(t, MAX_NAME, False)) for p, t in (teams or {}).items()
                         if clean_text(t, MAX_NAME, False)),
                   pin=pin.strip(), **options)
        return check_options(made.to_dict())

    @property
    def is_class(self) -> bool:
        """Whether any option is set (a game without any is saved as before classes existed)."""
        return self != ClassOptions()

    def team(self, power: str) -> str:
        """The team name of a power's seat ("" if it has none)."""
        return dict(self.teams).get(power, "")

    def unlocks(self, typed: str) -> bool:
        """Whether the PIN typed opens the teacher's console (always, if the class has no PIN)."""
        return not self.pin or typed.strip() == self.pin

    def public(self) -> ClassOptions:
        """The options a seat may see: all but the PIN."""
        return replace(self, pin="")

    def to_dict(self) -> dict[str, Any]:
        """As saved: only the options that are set."""
        data: dict[str, Any] = {"name": self.name, "teams": dict(self.teams), "turn_timer_minutes":
                                self.turn_timer_minutes, "start": self.start, "stop": self.stop, "pin": self.pin}
        data.update({flag: getattr(self, flag) for flag in FLAGS})
        return {k: v for k, v in data.items() if v}


def _fail(where: str, message: str) -> None:
    raise ValueError(f"{where}: {message}")


def _line(value: Any, where: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_NAME or value != clean_text(value, MAX_NAME, False):
        _fail(where, f"expected a name of one line (at most {MAX_NAME} characters), found {value!r:.50}")
    return value


def check_options(data: Any, powers: frozenset[str] | None = None,
                  checkpoints: frozenset[str] | None = None) -> ClassOptions:
    """A class's options read from a save (or typed), checked strictly; ValueError("class.FIELD: what") if not.
    With `powers`, every team must be a power of the scenario; with `checkpoints`, the start and the stop must
    be checkpoints of it."""
    if not isinstance(data, dict):
        _fail("class", "expected a mapping of the class's options")
    unknown = set(data) - {"name", "teams", "turn_timer_minutes", "start", "stop", "pin", *FLAGS}
    if unknown:
        _fail("class", f"unknown option {sorted(unknown)[0]!r}")
    teams = _teams(data.get("teams", {}), powers)
    for flag in FLAGS:
        if not isinstance(data.get(flag, False), bool):
            _fail(f"class.{flag}", "expected true or false")
    timer = data.get("turn_timer_minutes", 0)
    if isinstance(timer, bool) or not isinstance(timer, int) or not 0 <= timer <= MAX_TIMER:
        _fail("class.turn_timer_minutes", f"expected a whole number of minutes from 0 to {MAX_TIMER}")
    start, stop = (_checkpoint(data.get(key), f"class.{key}", checkpoints) for key in ("start", "stop"))
    pin = data.get("pin", "")
    if not isinstance(pin, str) or not re.fullmatch(rf"[0-9]{{0,{MAX_PIN}}}", pin):
        _fail("class.pin", f"a PIN is up to {MAX_PIN} digits")
    return ClassOptions(_line(data.get("name", ""), "class.name"), tuple(sorted(teams.items())),
                        *(data.get(flag, False) for flag in FLAGS), timer, start, stop, pin)


def _teams(teams: Any, powers: frozenset[str] | None) -> dict[str, str]:
    """A mapping of power id to team name, each a power of the scenario if `powers` is given."""
    if not isinstance(teams, dict):
        _fail("class.teams", "expected a mapping of power id to team name")
    for power, team in teams.items():
        if not isinstance(power, str) or (powers is not None and power not in powers) or not _ID.fullmatch(power):
            _fail(f"class.teams.{power}", "not a power of this scenario")
        _line(team, f"class.teams.{power}")
    return teams


def _checkpoint(value: Any, where: str, checkpoints: frozenset[str] | None) -> str | None:
    """A checkpoint's id (None: none), one of `checkpoints` if given."""
    if value is not None and (not isinstance(value, str) or not _ID.fullmatch(value) or len(value) > 64):
        _fail(where, "expected the id of a checkpoint")
    if value is not None and checkpoints is not None and value not in checkpoints:
        _fail(where, f"the scenario has no checkpoint {value!r}")
    return value
