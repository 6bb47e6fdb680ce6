"""Effects in words, for showing players the known consequences of a choice.

Each effect type of the registry has its wording here (a test checks none is missing). Hidden
meters are never described, so the player learns nothing from them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..scenario.model import Scenario
from ..scenario.vocabulary import Stmt


def signed(x: float) -> str:
    return f"+{x:g}" if x > 0 else f"{x:g}"


def _amount(arg: dict) -> str:
    return signed(arg["add"]) if arg.get("set") is None else f"set to {arg['set']:g}"


def _meter(sc: Scenario, arg: dict) -> list[str]:
    meter = sc.meter(arg["id"])
    return [] if meter.hidden else [f"{meter.name} {_amount(arg)}"]


def _trust(sc: Scenario, arg: dict) -> list[str]:
    both = " (both ways)" if arg.get("mutual") else ""
    return [f"{sc.power(arg['src']).short}'s trust in {sc.power(arg['dst']).short} {_amount(arg)}{both}"]


def _territory(verb: str) -> Callable[[Scenario, dict], list[str]]:
    def words(sc: Scenario, arg: dict) -> list[str]:
        who = sc.power(arg["power"]).short if arg.get("power") else "nobody"
        return [f"{sc.territory(arg['territory']).name} {verb} {who}"]

    return words


def _branch(label: Callable[[dict], str]) -> Callable[[Scenario, dict], list[str]]:
    def words(sc: Scenario, arg: dict) -> list[str]:
        inner = describe_effects(arg.get("then") or (), sc)
        return [label(arg) + "; ".join(inner)] if inner else []

    return words


def _clause(verb: str) -> Callable[[Scenario, dict], list[str]]:
    return lambda sc, a: [f"{verb} ‘{sc.offer(a['offer']).clause(a['clause']).name}’ {'to' if verb == 'Adds' else 'from'} the draft"]


def _silent(sc: Scenario, arg: Any) -> list[str]:
    return []


WORDS: dict[str, Callable[[Scenario, Any], list[str]]] = {
    "meter": _meter,
    "trust": _trust,
    "set_flag": _silent,
    "clear_flag": _silent,
    "open_offer": lambda sc, a: [f"Puts the {sc.offer(a).name} on the table"],
    "close_offer": lambda sc, a: [f"Takes the {sc.offer(a).name} off the table"],
    "propose": lambda sc, a: [f"{sc.power(a['by']).short} sends a draft of the {sc.offer(a['offer']).name}"],
    "add_clause": _clause("Adds"),
    "remove_clause": _clause("Drops"),
    "sign": lambda sc, a: [f"Signs the {sc.offer(a).name}"],
    "sphere": _territory("into the sphere of"),
    "owner": _territory("held by"),
    "fire": lambda sc, a: [f"Leads to: {sc.event(a).title}"],
    "end_game": lambda sc, a: [f"Ends the game: {sc.outcome(a).title}"],
    "if": _branch(lambda a: "If conditions allow: "),
    "chance": _branch(lambda a: f"Perhaps ({a['p'] * 100:.0f}%): "),
    "unlock": lambda sc, a: [f"New source in the archive: {sc.source(a).title}"],
    "reply_weeks": lambda sc, a: [f"{sc.power(a['power']).short} now answers in {a['set']} week{'s' if a['set'] != 1 else ''}"],
    "appoint": lambda sc, a: [f"{a['name']} appointed ({sc.power(a['power']).short})"],
    "message": _silent,
    "budget": lambda sc, a: [f"{sc.power(a['power']).short} action points {signed(a['add'])} this week"],
}


def describe_effects(effects: Iterable[Stmt], sc: Scenario) -> list[str]:
    """One line per visible consequence (flags, messages and hidden meters say nothing)."""
    lines: list[str] = []
    for effect in effects:
        lines.extend(WORDS[effect.kind](sc, effect.arg))
    return lines
