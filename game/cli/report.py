"""The final state of a game as plain data (for `run --json` and tests)."""

from __future__ import annotations

from ..engine import Game
from ..engine.compiled import played_weeks


def final_report(game: Game, policy: str) -> dict:
    st = game.state
    return {
        "scenario": game.scenario.id,
        "scenario_sha256": game.scenario.sha256,
        "seed": st.seed,
        "policy": policy,
        "outcome": st.outcome,
        "end_date": st.end_date,
        "turn": st.turn,
        "weeks": played_weeks(game.scenario),
        "meters": st.meters,
        "trust": st.trust,
        "treaties": {k: o.clauses for k, o in st.offers.items() if o.status == "signed"},
        "offers": {k: o.status for k, o in st.offers.items()},
        "territories": {k: {"owner": t.owner, "sphere": t.sphere} for k, t in st.territories.items()},
        "flags": sorted(st.flags),
        "log": [
            {"turn": e.turn, "date": e.date, "kind": e.kind, "title": e.title, "text": e.text, "power": e.power,
             "ref": e.ref, "visible_to": e.visible_to, **({"clauses": list(e.clauses)} if e.clauses else {}),
             **({"why": e.why} if e.why else {}), **({"votes": [list(v) for v in e.votes]} if e.votes else {})}
            for e in st.log
        ],
        "actions": [a.to_dict() for a in game.record],
    }
