"""The signing card: a treaty ending opens with the signature itself (who signed, where, when, the clauses),
before the ending's scores."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pygame

from ..flow import Pop
from ..widgets.text import Block
from ..wording import SIGNING_BUTTON, SIGNING_SECRET, signed_by, signing_title
from .dialog import Dialog


class SigningCard(Dialog):
    """The treaty whose signature ended the game (the engine view's `signing`)."""

    name = "signing"
    paper = "paper"
    width, height = 0.7, 0.86
    stamp_text = "Signed"

    def __init__(self, app: Any):
        self.signed = app.session.view.signing()
        date = dt.date.fromisoformat(self.signed.date) if self.signed else None
        super().__init__(app, signing_title(self.signed.place if self.signed else "", date),
                         [], [(SIGNING_BUTTON, lambda: Pop(), pygame.K_RETURN)])

    def body_blocks(self) -> list[Block]:
        s = self.signed
        if s is None:
            return []
        b = [Block("head", s.name), Block("body", signed_by(s.signers)), Block("gap", "")]
        for name, text in s.clauses:
            b += [Block("strong", name), Block("body", text, 10)]
        if s.secret:
            b += [Block("gap", ""), Block("head", SIGNING_SECRET)]
            for name, text in s.secret:
                b += [Block("strong", name), Block("body", text, 10)]
        return b

    def escape(self) -> Any:
        return Pop()
