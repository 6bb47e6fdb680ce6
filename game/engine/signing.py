"""The signature that ended a game: the treaty, where and when it was signed, who signed it for each party, and its
clauses, as one power may read them (secret clauses only for its parties), for the card the ending opens with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..scenario.calendar import day_words
from ..scenario.model import Offer
from .game import Game


@dataclass(frozen=True, slots=True)
class Signing:
    """A treaty signed in the game's last week."""

    offer: str
    name: str
    date: str                                    # ISO date of the signature
    place: str                                   # "" when the scenario does not say
    signers: tuple[tuple[str, str, str], ...]    # (name, title, power's short name): each party's foreign minister
    clauses: tuple[tuple[str, str], ...]         # (name, text) of the public clauses
    secret: tuple[tuple[str, str], ...]          # (name, text) of the secret ones (empty for a power no party)
    history: str = ""                            # ISO date of the signature in history ("" if none)

    @property
    def compared(self) -> str:
        """'Signed in Moscow on 21 August 1939, two days before the historical signature of 23 August 1939.'"""
        place = f" in {self.place}" if self.place else ""
        said = f"Signed{place} on {long_day(self.date)}"
        if not self.history:
            return said + "."
        days = (dt.date.fromisoformat(self.history) - dt.date.fromisoformat(self.date)).days
        if not days:
            return f"{said}, the same day as in history."
        span = "one day" if abs(days) == 1 else f"{abs(days)} days"
        return f"{said}, {span} {'before' if days > 0 else 'after'} the historical signature of {long_day(self.history)}."


def long_day(iso: str) -> str:
    """'23 August 1939' for 1939-08-23 (the calendar's words)."""
    return day_words(iso)


def signing(game: Game, power: str) -> Signing | None:
    """The treaty whose signature ended the game (the last signed in its final week), if one did."""
    st, sc = game.state, game.scenario
    if st.outcome is None:
        return None
    entry = next((e for e in reversed(st.log) if e.kind == "sign" and e.turn == st.turn and e.visible(power)), None)
    if entry is None:
        return None
    offer = sc.offer(entry.ref)
    chosen = set(st.offers[offer.id].clauses)
    party = power in offer.parties
    return Signing(offer.id, offer.name, entry.date, offer.signed_at, _signers(game, offer),
                   tuple((c.name, c.text.strip()) for c in offer.clauses if c.id in chosen and not c.secret),
                   tuple((c.name, c.text.strip()) for c in offer.clauses if c.id in chosen and c.secret and party),
                   offer.signed_in_history.isoformat() if offer.signed_in_history else "")


def _signers(game: Game, offer: Offer) -> tuple[tuple[str, str, str], ...]:
    """(name, title, power's short name) of each party's foreign minister."""
    signers = []
    for party in offer.parties:
        name, title = (game.state.people.get(party, {}).get("foreign_minister") or ["", ""])[:2]
        signers.append((name, title, game.scenario.power(party).short))
    return tuple(signers)
