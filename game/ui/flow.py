"""What a screen's handler returns: a request that the app carries out.

Screens never build one another nor touch the session's life cycle: they ask the app to open a screen by its
registered name (see screens/__init__.py), to go back, to submit an engine action, to start, load or save a game,
or to return to the title; the app does it (app.App.apply).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any


@dataclass(init=False)
class Open:
    """Open the screen registered under name on top of the stack, built with these keyword arguments."""

    name: str
    args: dict[str, Any] = field(default_factory=dict)

    def __init__(self, name: str, /, **args: Any):
        self.name, self.args = name, args


@dataclass
class Pop:
    """Go back: close the top screen (count of them; the bottom one stays)."""

    count: int = 1


@dataclass
class Submit:
    """Hand an engine action to the session; the engine accepts it or says why not."""

    action: Any


@dataclass
class NewGame:
    """Start the scenario at path from its first week (seed None: a random one)."""

    scenario_path: Path
    seed: int | None = None
    seats: tuple[str, ...] = ()   # the powers people play (none given: the scenario's player)
    options: Any = None           # a class game's options (engine.classroom.ClassOptions; None: no class)


@dataclass
class HostGame:
    """Start a class game that teams join from their own devices (game.net): join is "local" to serve this
    computer only, "network" to serve the school network; the window then shows the host's screen. A game of the
    same class and code saved already is never overwritten: the window asks to go on with it (resume)."""

    scenario_path: Path
    seed: int
    seats: tuple[str, ...]
    options: Any
    join: str = "local"
    resume: Path | None = None    # the hosted game of this class and code, saved already, to go on with


@dataclass
class TakeSeat:
    """The team of this seat has confirmed the hand-over: show its desk (its view) in the window."""

    power: str


@dataclass
class LoadSave:
    """Resume the game saved at path."""

    path: Path


@dataclass
class SaveGame:
    """Write a new save file of the game being played: in folder if given (the saves folder failed), then
    leave as `leaving` says ("": stay, "title", "quit")."""

    folder: Path | None = None
    leaving: str = ""


@dataclass
class Autosave:
    """Try the autosave again (it failed); then leave as `leaving` says."""

    leaving: str = ""


@dataclass
class ToTitle:
    """Leave the game (autosaving it if it is not over, unless save is False) and return to the title screen."""

    save: bool = True


@dataclass
class Notice:
    text: str
    kind: str = "info"  # info | good | bad


@dataclass
class Quit:
    pass


@dataclass
class Undo:
    """Take back the player's last step of this week."""


@dataclass
class TeacherStep:
    """A step of the teacher's (engine.teacher): bring in an event, hand a seat over, end the game."""

    action: Any


@dataclass
class PauseTimer:
    """Pause the turn's timer, or let it run again."""


@dataclass
class Rewind:
    """Roll the game back to the start of an earlier week (or of this one)."""

    week: int


@dataclass
class OpenConsole:
    """Open the teacher's console (after the PIN), as F9 does."""


@dataclass
class Revoke:
    """A network seat's join code and tokens are cancelled; the seat gets a new code (a hosted game)."""

    power: str


@dataclass
class ShowCodes:
    """Show (or hide again) on the projector the first join codes of the seats that joined (a hosted game)."""


TEACHING = (TeacherStep, Rewind, PauseTimer, OpenConsole, Revoke, ShowCodes)   # carried out by teaching.apply


@dataclass
class Many:
    """Several requests in order (e.g. submit an action, then close the dialog)."""

    items: tuple


def confirmed(reason: str, what: str, request: Any) -> Any:
    """The request as it is, or, if reason says why the step cannot be taken back, a question before it (its
    Back is the default, and taking the step has no key: see screens/dialog.ConfirmDialog)."""
    if not reason:
        return request
    return Open("confirm", title="This cannot be taken back", text=f"{what}\n\n{reason}", yes="Confirm",
                request=request)


def decided(ask: bool, reason: str, what: str, request: Any) -> Any:
    """A decision's request: in a class game (ask), first the decision dialog with the reason box (it says why the
    step cannot be taken back, if so); else as `confirmed` has it."""
    if ask:
        return Open("decide", what=what, irreversible=reason, request=request)
    return confirmed(reason, what, request)


def with_reason(request: Any, why: str, votes: tuple[tuple[str, int], ...]) -> Any:
    """The request with this reason and tally given to the action it submits."""
    if isinstance(request, Submit):
        return Submit(replace(request.action, why=why, votes=votes))
    if isinstance(request, Many):
        return Many(tuple(with_reason(r, why, votes) for r in request.items))
    return request


def submitted(request: Any) -> Any:
    """The action a request submits (None if it submits none)."""
    if isinstance(request, Submit):
        return request.action
    if isinstance(request, Many):
        return next((a for a in map(submitted, request.items) if a is not None), None)
    return None
