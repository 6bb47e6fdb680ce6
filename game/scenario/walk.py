"""Walk every effect statement of a scenario (for cross-section checks and tools)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .spec import Struct
from .vocabulary import EFFECT, EFFECTS, Stmt


def _walk(effects: Iterable[Stmt]) -> Iterator[Stmt]:
    """The effects and, depth first, those nested in them (any field of an effect that is a list of effects)."""
    for effect in effects:
        yield effect
        form = EFFECT.entries[effect.kind].arg
        if isinstance(form, Struct):
            for field in form.fields:
                if field.type is EFFECTS:
                    yield from _walk(effect.arg[field.attr or field.key])


def effects_in(fields: dict) -> Iterator[Stmt]:
    """Every effect in actions, events, choices, clauses, offers and outcomes."""
    for action in fields["actions"]:
        yield from _walk(action.effects)
        yield from _walk(action.hidden_effects)
    for event in fields["events"]:
        yield from _walk(event.effects)
        for choice in event.choices:
            yield from _walk(choice.effects)
    for offer in fields["offers"]:
        yield from _walk(offer.on_sign)
        for clause in offer.clauses:
            yield from _walk(clause.on_sign)
    for outcome in fields["outcomes"]:
        yield from _walk(outcome.effects)
