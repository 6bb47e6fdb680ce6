"""The ledger of a game with people in it: every change of a gauge or of trust, with its cause (the action, event,
choice, signature, ending or weekly drift whose effects made it). It is kept beside the state, not in it: a
save and the pinned digests stay as they were, and a replay (a load, an undo) writes the same ledger again."""

from __future__ import annotations

from typing import NamedTuple

from .state import GameState

CAUSE_KINDS = ("action", "event", "choice", "sign", "outcome", "drift")


class Cause(NamedTuple):
    """What made a change: its kind (CAUSE_KINDS), the id of the action, event, offer or outcome, and the power
    that acted (an action's or a choice's)."""

    kind: str
    ref: str = ""
    power: str | None = None


class Change(NamedTuple):
    """One gauge (`meter`) or one power's trust in another (`src`, `dst`; meter "") going from `before` to
    `after` on a day, for a cause."""

    turn: int
    date: str
    meter: str
    src: str
    dst: str
    before: float
    after: float
    cause: Cause


class Ledger:
    """Changes as they are applied. Whoever applies effects opens their cause first (`open`) and closes it after;
    a cause opened inside another (a treaty signed by an action) takes the changes made while it is open, the
    outer one those before and after it."""

    def __init__(self, st: GameState):
        self.st = st
        self.changes: list[Change] = []
        self.reasons: dict[tuple[int, str, str, str], str] = {}   # (turn, answer, party, offer): why an AI answered so
        self.causes: list[Cause] = []
        self.meters, self.trust = self._now()

    def _now(self) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
        st = self.st
        return dict(st.meters), {power: dict(row) for power, row in st.trust.items()}

    def _settle(self) -> None:
        """Put what changed since the last look down to the cause now open (nothing is open: nothing changes)."""
        st = self.st
        if self.causes:
            cause, turn, date = self.causes[-1], st.turn, st.today
            for meter, value in st.meters.items():
                before = self.meters.get(meter, value)
                if value != before:
                    self.changes.append(Change(turn, date, meter, "", "", before, value, cause))
            for src, row in st.trust.items():
                old = self.trust.get(src, {})
                for dst, value in row.items():
                    before = old.get(dst, value)
                    if value != before:
                        self.changes.append(Change(turn, date, "", src, dst, before, value, cause))
        self.meters, self.trust = self._now()

    def reason(self, turn: int, answer: str, party: str, offer: str, words: str) -> None:
        """Why an AI party answered a draft as it did ("accept", "reject" or "propose"), in words after its name."""
        self.reasons[(turn, answer, party, offer)] = words

    def open(self, cause: Cause) -> None:
        self._settle()
        self.causes.append(cause)

    def close(self) -> None:
        self._settle()
        self.causes.pop()
