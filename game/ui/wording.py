"""Words for numbers and effects: presentation of engine data, not rules.

Effects are worded by the engine (game.engine.effects), which leaves out hidden meters.
"""

from __future__ import annotations

from ..scenario.model import Scenario


def effect_lines(effects, sc: Scenario, player: str | None = None) -> list[str]:
    """The visible consequences, worded by the engine's effect registry (hidden meters say nothing)."""
    from ..engine.effects import describe_effects

    try:
        return describe_effects(effects, sc)
    except Exception:  # wording must never stop the game
        return []


def consequences(effects, sc: Scenario, player: str | None = None) -> str:
    """'Known consequences: ...' for a choice or an action ('' if none is known)."""
    known = effect_lines(effects, sc, player)
    return "Known consequences: " + "; ".join(known) + "." if known else ""


def done_notice(action, sc: Scenario) -> str:
    """What the notice says once the engine has accepted an action ('' if it says nothing)."""
    if action.kind == "act":
        return f"Done: {sc.action(action.target).name}."
    if action.kind == "propose":
        return f"Draft of the {sc.offer(action.target).name} sent."
    answered = {"accept": "accepted", "reject": "rejected", "stall": "left unanswered this week"}
    return f"The draft is {answered[action.kind]}." if action.kind in answered else ""


# Shorter wordings a button falls back to when its whole label and its key hint do not fit (large text).
SHORT_LABELS: dict[str, tuple[str, ...]] = {
    "Propose this draft": ("Propose draft", "Propose"), "Export debrief (HTML)": ("Export debrief", "Export"),
    "Reset draft": ("Reset",), "Back to title": ("To title", "Title"), "Quit to title": ("Quit",),
    "Save the game": ("Save",), "Load a game": ("Load",), "Sources and credits": ("Credits",),
    "To the desk": ("Desk",),
}


def trust_word(value: float) -> str:
    if value < 20:
        return "hostile"
    if value < 40:
        return "suspicious"
    if value < 60:
        return "guarded"
    if value < 80:
        return "cordial"
    return "close"


STATUS = {"closed": "not on the table", "open": "open for drafts", "proposed": "a draft is travelling",
          "signed": "signed"}


def pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def chance(lo: float, hi: float) -> str:
    """A range of probabilities in words: "40%–70% chance", or one figure when both ends round alike."""
    a, b = pct(lo), pct(hi)
    if a == b:
        if b == "0%":
            return "almost no chance"
        if a == "100%":
            return "almost certain"
        return f"about {a} chance"
    return f"{a}–{b} chance"
