"""A power's dossier as the player's power knows it (from the desk's list of powers and from the map): who
governs, trust both ways, its known aims, the treaties and drafts the player is party to with it."""

from __future__ import annotations

from typing import Any

from ..scenario.calendar import day_words
from .flow import Open
from .widgets.text import Block
from .wording import STATUS, trust_word


def dossier(view: Any, pid: str, place: str = "") -> Open:
    """The dossier of power pid, read from the view; place: what the map said of the territory clicked."""
    p = next(x for x in view.powers() if x.id == pid)
    b = [Block("soft", p.name)]
    if place:
        b.append(Block("body", place))
    if pid != view.power:
        b += _relations(view, p)
    b += [Block("gap", ""), Block("head", "Who governs")]
    b += [Block("body", f"{name} — {title}", 10) for name, title in p.people]
    b += _treaties(view, pid)
    b += _section("Known aims", [f"• {o}" for o in p.objectives])
    recent = [e for e in view.inbox() if e.power == pid][-6:]
    b += _section("Recent messages", [f"{day_words(e.date)}: {e.title}" for e in reversed(recent)])
    return Open("dialog", title=f"Dossier: {p.short}", blocks=b)


def _relations(view: Any, p: Any) -> list[Block]:
    """Trust both ways between the player's power and another, and how soon it replies to drafts."""
    mine, theirs = p.mine, p.theirs
    return [Block("body", f"Your trust in {p.short}: {mine:.0f} ({trust_word(mine)}). "
                          f"{p.short}'s trust in you: {theirs:.0f} ({trust_word(theirs)})."),
            Block("body", f"Replies to drafts after {view.sc.calendar.turns(p.reply_weeks)}.")]


def _treaties(view: Any, pid: str) -> list[Block]:
    """The treaties and offers the player is party to with the power (all of them in the player's own)."""
    treaties = [o for o in view.offers() if pid in o.parties] if pid != view.power else view.offers()
    lines = [f"{o.name}: {STATUS[o.status]}" for o in treaties] or ["None that you are party to."]
    return _section("Treaties and offers", lines)


def _section(head: str, lines: list[str]) -> list[Block]:
    """A headed section of indented lines, or nothing when there are none."""
    if not lines:
        return []
    return [Block("gap", ""), Block("head", head), *(Block("body", line, 10) for line in lines)]


def place_note(view: Any, territory: Any) -> str:
    """A line on who holds a territory and in whose sphere it lies, as the view says."""
    powers = {p.id: p.short for p in view.powers()}
    held = view.territories().get(territory.id)
    owner = held.owner if held else territory.owner
    sphere = held.sphere if held else territory.sphere
    text = f"{territory.name}: held by {powers.get(owner, 'no power (independent)')}"
    if sphere and sphere != owner and sphere in powers:
        text += f"; in the sphere of interest of {powers[sphere]}"
    return text + "."
