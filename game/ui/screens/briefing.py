"""The briefing for the player's power: situation, objectives, key people, sources."""

from __future__ import annotations

from typing import Any

import pygame

from ...scenario.calendar import day_words
from ..flow import Pop
from ..widgets.text import Block, paragraphs
from .dialog import Dialog


def briefing_blocks(app: Any) -> list[Block]:
    s = app.session
    sc, view = s.scenario, s.view
    me = view.briefing()
    b = [Block("soft", f"For {me.name} — {sc.title}"), Block("gap", "")]
    b += paragraphs(me.text)
    if me.objectives:
        b += [Block("gap", ""), Block("head", "Objectives")]
        b += [Block("body", f"• {o}", 10) for o in me.objectives]
    if me.secret_objectives:
        b += [Block("gap", ""), Block("head", "Aims your government does not state in public")]
        b += [Block("body", f"• {o}", 10) for o in me.secret_objectives]
    b += [Block("gap", ""), Block("head", "Key people")]
    for p in view.powers():
        names = "; ".join(f"{name} ({title})" for name, title in p.people if name)
        b.append(Block("body", f"{p.short}: {names}", 10))
    b += [Block("gap", ""), Block("head", "How to play")]
    b.append(Block("body", sc.calendar.words(
        f"Each week you have {me.actions_per_turn} action points. On the desk, pick actions "
        "(key 1), open the treaties to draft clauses and see how the other side is likely to "
        "answer (key 2), read the powers' dossiers (3) and your telegrams (4). "
        "When you are done, End week (E). The game saves itself every week. F1: help."), 10))
    unlocked = [sc.source(x) for x in view.sources()]
    if unlocked:
        b += [Block("gap", ""), Block("head", "Sources on your desk")]
        for src in unlocked:
            b.append(Block("body", f"• {src.title} — {src.author}, {day_words(src.date)}", 10))
        b.append(Block("soft", "Read them in the Archive (key A on the desk)."))
    return b


class BriefingScreen(Dialog):
    keys = (("Enter", "to the desk"),)
    name = "briefing"
    width, height = 0.72, 0.9
    stamp_text = "Briefing"

    def __init__(self, app: Any):
        super().__init__(app, "Briefing", [], [("To the desk", lambda: Pop(), pygame.K_RETURN)])

    def body_blocks(self) -> list[Block]:
        return briefing_blocks(self.app)
