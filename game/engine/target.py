"""The part of the game that effects may read and change.

Effects are applied by the game (game.Game) and ask it to log, propose, sign, fire events and so on; they are
typed against this protocol rather than the Game class, so that the game and its effects do not import each
other.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from ..scenario.model import EventDef, Offer
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
