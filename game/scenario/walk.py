"""Walk every effect statement of a scenario (for cross-section checks and tools)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .compound import Struct
from .vocabulary import EFFECT, EFFECTS, Stmt


def nested_effects(effects: Iterable[Stmt]) -> Iterator[Stmt]:
    """The effects and, depth first, those nested in them (any field of an effect that is a list of effects)."""
    for effect in effects:
        yield effect
        form = EFFECT.entries[effect.kind].arg
        if isinstance(form, Struct):
            for field in form.fields:
                if field.type is EFFECTS:
                    yield from nested_effects(effect.arg[field.attr or field.key])


def effects_in(fields: dict) -> Iterator[Stmt]:
    """Every effect in actions, events, choices, clauses, offers and outcomes."""
    for action in fields["actions"]:
        yield from nested_effects(action.effects)
        yield from nested_effects(action.hidden_effects)
    for event in fields["events"]:
        yield from nested_effects(event.effects)
        for choice in event.choices:
            yield from nested_effects(choice.effects)
    for offer in fields["offers"]:
        yield from nested_effects(offer.on_sign)
        for clause in offer.clauses:
            yield from nested_effects(clause.on_sign)
    for outcome in fields["outcomes"]:
        yield from nested_effects(outcome.effects)
