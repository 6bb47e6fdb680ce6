"""The part of the game that effects may read and change.

Effects are applied by the game (game.Game) and ask it to log, propose, sign, fire events and so on; they are
typed against this protocol rather than the Game class, so that the game and its effects do not import each
other.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from ..scenario.model import EventDef, Offer, Scenario
from .ledger import Ledger
from .state import GameState


class Drafts(Protocol):
    """The compiled scenario's cached draft editing (compiled.Compiled)."""

    def edited(self, offer: Offer, draft: Iterable[str], add: Iterable[str] = (),
               remove: Iterable[str] = ()) -> tuple[str, ...]: ...


class Negotiation(Protocol):
    """The game's negotiation table (table.Table): the one place that changes an offer's state."""

    def open(self, offer: Offer) -> None: ...

    def close(self, offer: Offer) -> None: ...

    def propose(self, offer: Offer, power: str, clauses: Iterable[str]) -> None: ...

    def edit(self, offer: Offer, add: Iterable[str] = (), remove: Iterable[str] = ()) -> None: ...


class Target(Protocol):
    """What an effect may read and ask of the game it applies to: game.Game is one."""

    st: GameState
    ledger: Ledger | None   # the changes and their causes, in a game with people in it

    @property
    def cx(self) -> Drafts: ...

    def log(self, kind: str, title: str, text: str = "", *, ref: str = "",
            visible_to: tuple[str, ...] | None = None) -> None: ...

    @property
    def table(self) -> Negotiation: ...

    def sign(self, offer: Offer) -> None: ...

    def fire(self, event: EventDef, date: str | None = None) -> None: ...

    def end(self, outcome_id: str) -> None: ...

    def unlock(self, sources: Iterable[str]) -> None: ...

    def random(self) -> float: ...


class Play(Target, Protocol):
    """The game as the action kinds (actions.py), the controllers and the week loop (week.py) use it: game.Game
    is one. Typed here so that none of them imports game.py, which imports them."""

    sc: Scenario
    seats: tuple[str, ...]
    humans: tuple[str, ...]
    unlocked: set[str]
    next_free: dict[str, int]
    ai_turns: list[tuple[str, Any]]
    diary: Any   # days.Diary

    @property
    def cx(self) -> Any: ...   # compiled.Compiled

    def pending_choices(self, power: str) -> list[EventDef]: ...

    def short(self, power: str) -> str: ...

    def clause_refusal(self, offer_id: str, clause_id: str) -> str | None: ...

    def answer_score(self, offer: Offer, party: str, clauses: Any, weeks: int = 0) -> float: ...

    def blocker(self, offer_id: str, clauses: Any, party: str, weeks: int | None = None) -> str: ...

    def check(self, action: Any, explain_why: bool = True) -> Any: ...

    def perform(self, action: Any, checked: bool = False, causes: Any = None) -> Any: ...

    def accept(self, offer: Offer, power: str) -> None: ...

    def choose(self, event: EventDef, option_id: str, power: str) -> None: ...

    def clock_on(self, before: str) -> None: ...

    def continue_week(self) -> None: ...

    @property
    def over(self) -> bool: ...

    def reseat(self) -> None: ...

    def resolve_week(self) -> None: ...
