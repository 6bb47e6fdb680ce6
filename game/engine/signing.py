"""The signature that ended a game: the treaty, where and when it was signed, who signed it for each party, and its
clauses, as one power may read them (secret clauses only for its parties), for the card the ending opens with."""

from __future__ import annotations

from dataclasses import dataclass

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
    signers = []
    for party in offer.parties:
        name, title = (st.people.get(party, {}).get("foreign_minister") or ["", ""])[:2]
        signers.append((name, title, sc.power(party).short))
    party = power in offer.parties
    return Signing(offer.id, offer.name, entry.date, offer.signed_at, tuple(signers),
                   tuple((c.name, c.text.strip()) for c in offer.clauses if c.id in chosen and not c.secret),
                   tuple((c.name, c.text.strip()) for c in offer.clauses if c.id in chosen and c.secret and party))
