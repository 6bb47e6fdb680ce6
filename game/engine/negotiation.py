"""How AI parties value drafts: clause values weighted by trust and urgency."""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..scenario.model import Offer, PartyAI
from .state import GameState

NO_AI = PartyAI()


def score(offer: Offer, party: str, clauses: Iterable[str], st: GameState) -> float:
    """The party's net wish to sign this draft (positive: more likely than not)."""
    ai = offer.ai.get(party, NO_AI)
    total = -ai.threshold
    for clause in offer.clauses:
        if clause.id in clauses:
            total += clause.values.get(party, 0.0)
    if ai.trust_weight:
        others = [p for p in offer.parties if p != party]
        mean = sum(st.trust[party][p] for p in others) / len(others)
        total += ai.trust_weight * (mean - 50.0)
    if ai.urgency and ai.urgency_weight:
        total += ai.urgency_weight * st.meters[ai.urgency]
    return total


def acceptance(value: float, spread: float) -> float:
    """Probability of accepting a draft with this score."""
    x = max(-60.0, min(60.0, value / spread))
    return 1.0 / (1.0 + math.exp(-x))


def likely_range(offer: Offer, party: str, clauses: Iterable[str], st: GameState) -> tuple[float, float]:
    """What the other side would probably do, as a probability range the player may see."""
    value = score(offer, party, tuple(clauses), st)
    return acceptance(value - offer.spread, offer.spread), acceptance(value + offer.spread, offer.spread)
