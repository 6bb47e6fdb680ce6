"""A power's dossier as the player's power knows it (from the desk's list of powers and from the map): who
governs, trust both ways, its known aims, the treaties and drafts the player is party to with it."""

from __future__ import annotations

from typing import Any

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
        mine, theirs = p.mine, p.theirs
        b.append(Block("body", f"Your trust in {p.short}: {mine:.0f} ({trust_word(mine)}). "
                               f"{p.short}'s trust in you: {theirs:.0f} ({trust_word(theirs)})."))
        b.append(Block("body", f"Replies to drafts after {view.sc.calendar.turns(p.reply_weeks)}."))
    b += [Block("gap", ""), Block("head", "Who governs")]
    b += [Block("body", f"{name} — {title}", 10) for name, title in p.people]
    treaties = [o for o in view.offers() if pid in o.parties] if pid != view.power else view.offers()
    b += [Block("gap", ""), Block("head", "Treaties and offers")]
    b += [Block("body", f"{o.name}: {STATUS[o.status]}", 10) for o in treaties]
    if not treaties:
        b.append(Block("body", "None that you are party to.", 10))
    if p.objectives:
        b += [Block("gap", ""), Block("head", "Known aims")]
        b += [Block("body", f"• {o}", 10) for o in p.objectives]
    recent = [e for e in view.inbox() if e.power == pid][-6:]
    if recent:
        b += [Block("gap", ""), Block("head", "Recent messages")]
        b += [Block("body", f"{e.date}: {e.title}", 10) for e in reversed(recent)]
    return Open("dialog", title=f"Dossier: {p.short}", blocks=b)


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
