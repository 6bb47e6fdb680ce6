"""The odds of a seat's own draft before it is sent (`POST /api/odds`): what the window's draft editor shows while
clauses are ticked, `PowerView.draft` through the table's own `Game.answer_score`. Read-only."""

from __future__ import annotations

from typing import Any

from ..engine.game import Game
from ..engine.view import PowerView, to_json
from .codes import OddsLimiter
from .refused import Refused

MAX_CLAUSES = 64     # names in one request


def weigh(game: Game, seat: str, asked: Any, limiter: OddsLimiter) -> dict[str, Any]:
    """{"ok": True, "draft": the seat's DraftView}; Refused when the class hides the odds (403), for a treaty that
    is not the seat's to draft now (404, the same for one that does not exist), for a malformed request (400),
    and when the seat asks faster than a team ticks boxes (429)."""
    if not isinstance(asked, dict) or not isinstance(asked.get("offer"), str) or not _names(asked.get("clauses")):
        raise Refused(400, 'Odds are asked as {"offer": "...", "clauses": ["...", ...]}.')
    wait = limiter.wait(seat)
    if wait:
        raise Refused(429, f"Too many drafts weighed at once: try again in {wait} seconds.", {"Retry-After": str(wait)})
    limiter.failed(seat)
    if game.options.hide_odds:
        raise Refused(403, "Your class plays without the odds of a draft.")
    view = PowerView(game, seat)
    if asked["offer"] not in {o.id for o in view.offers() if o.editable}:
        raise Refused(404, "You cannot draft this treaty now.")
    unknown = sorted(set(asked["clauses"]) - {c.id for c in view.clauses(asked["offer"])})
    if unknown:
        raise Refused(400, f"This treaty has no clause {unknown[0]!r}.")
    return {"ok": True, "draft": to_json(view.draft(asked["offer"], asked["clauses"]))}


def _names(value: Any) -> bool:
    """Whether a request's clauses are a short list of names."""
    return isinstance(value, list) and len(value) <= MAX_CLAUSES and all(isinstance(v, str) for v in value)
