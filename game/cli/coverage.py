"""`simulate --coverage`: what many games by each policy never reached (dead content a modder should know of)."""

from __future__ import annotations

from ..engine import Game
from ..engine.controllers import policy_names

KINDS = ("events", "actions", "clauses", "outcomes", "sources")
NEVER = {"events": "fired", "actions": "taken", "clauses": "signed", "outcomes": "reached", "sources": "unlocked"}


def reached(game: Game) -> dict[str, set[str]]:
    """What one finished game reached: events fired, actions taken, clauses signed, its outcome, sources unlocked."""
    st = game.state
    return {
        "events": set(st.fired),
        "actions": set(st.taken),
        "clauses": {f"{offer}.{clause}" for offer, o in st.offers.items() if o.status == "signed" for clause in o.clauses},
        "outcomes": {st.outcome} if st.outcome else set(),
        "sources": set(st.unlocked),
    }


def everything(scenario) -> dict[str, list[str]]:
    """Every id that a game could reach, by kind, in the scenario's order."""
    return {
        "events": [e.id for e in scenario.events],
        "actions": [a.id for a in scenario.actions],
        "clauses": [f"{o.id}.{c.id}" for o in scenario.offers for c in o.clauses],
        "outcomes": [o.id for o in scenario.outcomes],
        "sources": [s.id for s in scenario.sources],
    }


def coverage(scenario, games: int, seed: int, power: str, policies: list[str] | None = None) -> dict:
    """Play `games` games by each policy of the power; list by kind what none of them reached."""
    policies = policies or policy_names(scenario, power)
    seen: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for policy in policies:
        for i in range(games):
            game = Game.new(scenario, seed=seed + i, policies={power: policy})
            game.run_until_human()
            for kind, ids in reached(game).items():
                seen[kind] |= ids
    never = {kind: [i for i in ids if i not in seen[kind]] for kind, ids in everything(scenario).items()}
    return {"scenario": scenario.path, "power": power, "policies": policies, "games_per_policy": games,
            "seed": seed, "never": never}


def print_coverage(result: dict) -> None:
    print(f"Coverage of {result['scenario']}: {result['games_per_policy']} games by each of "
          f"{', '.join(result['policies'])} ({result['power']}), seeds {result['seed']}..")
    for kind, ids in result["never"].items():
        print(f"  {kind} never {NEVER[kind]}: {', '.join(ids) if ids else 'none'}")
