"""What a decision would change, as the deciding power is shown it before it decides: worked out from the very
effects the game applies (the visible and the hidden ones, the branch of an `if` that holds now, each gauge and
trust clamped as it would be), for the gauges the power sees and the trust to and from it. A hidden gauge, trust
between other powers and a hidden effect that moves neither say nothing; a `chance` says what it may do."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from ..scenario.model import Scenario
from ..scenario.vocabulary import Stmt
from .conditions import compile_condition
from .effects import EFFECTS, clamp, describe_effects, signed
from .state import GameState

TRUST_LIMITS = (0, 100)


class Foreseen(NamedTuple):
    """One change a power is shown: a gauge ("meter", its id) or trust ("trust", (from, to)), by how much, and
    whether it is sure or only possible (inside a `chance`, with its probability)."""

    kind: str
    key: Any
    delta: float
    chance: float = 1.0


class _Scratch:
    """The gauges and trust as the effects so far would leave them (a copy made on first change)."""

    def __init__(self, st: GameState):
        self.st, self.meters, self.trust = st, dict(st.meters), {}

    def trust_of(self, src: str, dst: str) -> float:
        return self.trust.get((src, dst), self.st.trust[src][dst])


def foresee(sc: Scenario, st: GameState, power: str, effects: Iterable[Stmt], hidden: Iterable[Stmt] = ()
            ) -> list[Foreseen]:
    """The changes the effects (then the hidden ones) would make now that `power` is shown, in the order they
    come, each gauge or trust pair once with its whole change."""
    scratch, found = _Scratch(st), {}
    for stmt in [*effects, *hidden]:
        _walk(sc, scratch, power, stmt, 1.0, found)
    return [f for f in found.values() if f.delta]


def _walk(sc: Scenario, scratch: _Scratch, power: str, stmt: Stmt, chance: float, found: dict) -> None:
    """Follow one effect: an `if` by the branch that holds, a `chance` by both, a gauge or trust by its change."""
    walker = _WALKERS.get(stmt.kind)
    if walker:
        walker(sc, scratch, power, stmt.arg, chance, found)


def _walk_if(sc: Scenario, scratch: _Scratch, power: str, arg: dict, chance: float, found: dict) -> None:
    branch = arg["then"] if compile_condition(arg["when"], sc)(scratch.st) else arg["otherwise"]
    for inner in branch or ():
        _walk(sc, scratch, power, inner, chance, found)


def _walk_chance(sc: Scenario, scratch: _Scratch, power: str, arg: dict, chance: float, found: dict) -> None:
    """Both branches, each with its probability; an unsure branch works on a scratch of its own."""
    for inner, p in ((arg["then"], arg["p"]), (arg["otherwise"], 1 - arg["p"])):
        branch = _Scratch(scratch.st) if p < 1 else scratch
        for each in inner or ():
            _walk(sc, branch, power, each, chance * p, found)


def _walk_meter(sc: Scenario, scratch: _Scratch, power: str, arg: dict, chance: float, found: dict) -> None:
    meter = sc.meter(arg["id"])
    before = scratch.meters[meter.id]
    after = _moved(before, arg, meter.min, meter.max)
    scratch.meters[meter.id] = after
    if meter.shown(power):
        _add(found, Foreseen("meter", meter.id, after - before, chance))


def _walk_trust(sc: Scenario, scratch: _Scratch, power: str, arg: dict, chance: float, found: dict) -> None:
    pairs = [(arg["src"], arg["dst"])] + ([(arg["dst"], arg["src"])] if arg["mutual"] else [])
    for src, dst in pairs:
        before = scratch.trust_of(src, dst)
        after = _moved(before, arg, *TRUST_LIMITS)
        scratch.trust[(src, dst)] = after
        if power in (src, dst) and src != dst:
            _add(found, Foreseen("trust", (src, dst), after - before, chance))


def _moved(before: float, arg: dict, low: float, high: float) -> float:
    """A gauge or trust after an effect that adds to it or sets it, clamped to its limits."""
    return clamp(before + arg["add"] if arg["set"] is None else arg["set"], low, high)


_WALKERS = {"if": _walk_if, "chance": _walk_chance, "meter": _walk_meter, "trust": _walk_trust}


def _add(found: dict, change: Foreseen) -> None:
    """Sum the changes of one gauge or trust pair that are equally sure."""
    key = (change.kind, change.key, change.chance)
    old = found.get(key)
    found[key] = change if old is None else old._replace(delta=old.delta + change.delta)


def words(sc: Scenario, power: str, change: Foreseen) -> str:
    """'Security in the West +5', 'Germany's trust in you −2', 'Perhaps (40%): your trust in Britain +3'."""
    if change.kind == "meter":
        name = sc.meter(change.key).name
    else:
        src, dst = change.key
        name = f"{sc.power(src).short}'s trust in you" if dst == power else f"Your trust in {sc.power(dst).short}"
    said = f"{name} {signed(round(change.delta, 1)).replace('-', '−')}"
    if change.chance < 1:
        return f"Perhaps ({change.chance * 100:.0f}%): {said[0].lower()}{said[1:]}"
    return said


def consequences(sc: Scenario, st: GameState, power: str, effects: Iterable[Stmt], hidden: Iterable[Stmt] = ()
                 ) -> list[str]:
    """A decision's known consequences in words for `power`: the changes it is shown (see `foresee`), then the
    other visible effects as the scenario words them (treaties, spheres, offers; flags and messages say nothing)."""
    effects = tuple(effects)
    lines = [words(sc, power, change) for change in foresee(sc, st, power, effects, hidden)]
    return lines + _other_words(sc, st, effects, "")


def _other_words(sc: Scenario, st: GameState, effects: Iterable[Stmt], prefix: str) -> list[str]:
    """The visible effects that move no gauge or trust, in the scenario's words (an `if` by the branch that holds
    now, a `chance` as what it may do)."""
    lines = []
    for stmt in effects:
        kind, arg = stmt.kind, stmt.arg
        if kind == "if":
            branch = arg["then"] if compile_condition(arg["when"], sc)(st) else arg["otherwise"]
            lines += _other_words(sc, st, branch or (), prefix)
        elif kind == "chance":
            lines += _other_words(sc, st, arg["then"] or (), f"Perhaps ({arg['p'] * 100:.0f}%): ")
        elif kind not in ("meter", "trust"):
            lines += [prefix + line for line in EFFECTS[stmt.kind].words(arg, sc)]
    return lines


def described(effects: Any, sc: Any) -> list[str]:
    """Effects in words (hidden meters say nothing); wording must never stop the game."""
    try:
        return describe_effects(effects, sc)
    except Exception:
        return []
