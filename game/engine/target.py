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


class Target(Protocol):
    """What an effect may read and ask of the game it applies to: game.Game is one."""

    st: GameState

    @property
    def cx(self) -> Drafts: ...

    def log(self, kind: str, title: str, text: str = "", *, ref: str = "",
            visible_to: tuple[str, ...] | None = None) -> None: ...

    def set_waiting(self, offer_id: str, waiting: dict[str, int]) -> None: ...

    def propose(self, offer: Offer, power: str, clauses: Iterable[str]) -> None: ...

    def sign(self, offer: Offer) -> None: ...

    def fire(self, event: EventDef, date: str | None = None) -> None: ...

    def end(self, outcome_id: str) -> None: ...

    def unlock(self, sources: Iterable[str]) -> None: ...

    def random(self) -> float: ...
