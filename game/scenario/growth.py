"""How long a game's log can grow: checked so that no valid scenario can exhaust memory or make huge saves.

The count is an upper bound. Anything that can happen every week (a repeating event, an action without
`once`, a round of negotiation, a rule of an AI plan) counts once per turn it can happen in; anything else
once. Each effect counts as two entries (a signature logs its public and its secret clauses).
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Effects
from .walk import nested_effects

MAX_LOG_ENTRIES = 200_000
ENTRIES_PER_EFFECT = 2
ENTRIES_PER_PARTY_WEEK = 3   # a party's draft, answer or stall on one offer in one week


def _entries(*effect_lists: Effects) -> int:
    """Log entries of one happening: its own entry and what its effects can log."""
    return 1 + ENTRIES_PER_EFFECT * sum(1 for effects in effect_lists for _ in nested_effects(effects))


def _times(once: bool, every: int, turns: int) -> int:
    """How often something can happen in a game of `turns` turns if it can happen every `every` turns."""
    return 1 if once else -(-turns // every)


def log_bound(fields: dict) -> int:
    """The most log entries a game of this scenario can write."""
    turns = fields["calendar"].last_turn
    total = 0
    for event in fields["events"]:
        choices = [c.effects for c in event.choices]
        total += _times(not event.repeat, 1, turns) * (_entries(event.effects, *choices) + bool(choices))
    for action in fields["actions"]:
        total += _times(action.once, action.cooldown + 1, turns) * _entries(action.effects, action.hidden_effects)
    for offer in fields["offers"]:
        total += turns * ENTRIES_PER_PARTY_WEEK * len(offer.parties)
        total += _entries(offer.on_sign, *(c.on_sign for c in offer.clauses)) + 1
    total += sum(_entries(o.effects) for o in fields["outcomes"])
    total += turns * sum(len(plan.rules) for plan in _plans(fields))
    return total


def _plans(fields: dict) -> Iterable:
    yield from (p.ai for p in fields["powers"])
    yield from (p.plan for p in fields["policies"])
