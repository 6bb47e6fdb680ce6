"""The names of office holders in texts: `{ussr.foreign_minister}` reads as whoever is the USSR's foreign
minister when the text is shown (after an `appoint`, the new one), `{germany.leader}` as Germany's leader. The
engine fills them in (`fill`) as it writes an event, a choice or a message to the log and as it shows a question;
`check` refuses a name of a power or an office the scenario does not have."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .hints import suggest
from .vocabulary import ROLES
from .yamlsource import LocDict, LocList

NAME = re.compile(r"\{([^{}]*)\}")
TEXTS = ("text", "title", "summary", "epilogue", "comparison", "briefing")   # the fields that may name people
SECTIONS = ("events", "actions", "outcomes", "powers")


def fill(text: str, people: Mapping[str, Mapping[str, Sequence[str]]]) -> str:
    """The text with each {POWER.ROLE} replaced by the name of who holds the office now (`people`: the state's,
    power → role → [name, title])."""
    if "{" not in text:
        return text

    def holder(found: re.Match) -> str:
        power, _, role = found.group(1).partition(".")
        who = people.get(power, {}).get(role)
        return who[0] if who else found.group(0)

    return NAME.sub(holder, text)


def check_names(fields: dict, raw: LocDict, ctx: Any) -> None:
    """Report every {...} in a text that names no office of a power of the scenario."""
    powers = [p.id for p in fields["powers"]]
    for section in SECTIONS:
        if isinstance(raw.get(section), LocList):
            _walk(raw[section], powers, ctx)


def _walk(node: Any, powers: list[str], ctx: Any) -> None:
    items = node.items() if isinstance(node, LocDict) else enumerate(node) if isinstance(node, LocList) else ()
    for key, value in items:
        if isinstance(value, str):
            if key in TEXTS and "{" in value:
                _check_text(value, node.at(key), powers, ctx)
        else:
            _walk(value, powers, ctx)


def _check_text(text: str, pos: Any, powers: list[str], ctx: Any) -> None:
    for found in NAME.finditer(text):
        power, dot, role = found.group(1).partition(".")
        if power not in powers:
            hint = suggest(power, powers)
            ctx.report.error(pos, f"unknown power {power!r} in the name {found.group(0)} (write {{POWER.leader}} or "
                                  f"{{POWER.foreign_minister}}){hint}")
        elif not dot or role not in ROLES:
            ctx.report.error(pos, f"unknown office {role!r} in the name {found.group(0)}; an office is one of "
                                  f"{', '.join(ROLES)}{suggest(role, ROLES)}")
