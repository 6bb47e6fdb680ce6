"""Words for numbers and effects: presentation of engine data, not rules.

Effects of hidden meters and hidden effects are never described (the player must not see them).
"""

from __future__ import annotations

from ..scenario.model import Scenario


def signed(x: float) -> str:
    return f"+{x:g}" if x > 0 else f"{x:g}"


def effect_lines(effects, sc: Scenario, player: str | None = None) -> list[str]:
    out: list[str] = []
    for e in effects:
        kind, arg = e.kind, e.arg
        try:
            if kind == "meter":
                m = sc.meter(arg["id"])
                if m.hidden:
                    continue
                out.append(f"{m.name} {signed(arg['add'])}" if arg.get("set") is None else f"{m.name} set to {arg['set']:g}")
            elif kind == "trust":
                src, dst = sc.power(arg["src"]).short, sc.power(arg["dst"]).short
                amount = signed(arg["add"]) if arg.get("set") is None else f"set to {arg['set']:g}"
                both = " (both ways)" if arg.get("mutual") else ""
                out.append(f"{src}'s trust in {dst} {amount}{both}")
            elif kind == "open_offer":
                out.append(f"Puts the {sc.offer(arg).name} on the table")
            elif kind == "close_offer":
                out.append(f"Takes the {sc.offer(arg).name} off the table")
            elif kind in ("sphere", "owner"):
                who = sc.power(arg["power"]).short if arg.get("power") else "nobody"
                verb = "into the sphere of" if kind == "sphere" else "held by"
                out.append(f"{sc.territory(arg['territory']).name} {verb} {who}")
            elif kind == "budget":
                out.append(f"{sc.power(arg['power']).short} action points {signed(arg['add'])}")
            elif kind == "reply_weeks":
                out.append(f"{sc.power(arg['power']).short} now answers in {arg['set']} week(s)")
            elif kind == "appoint":
                out.append(f"{arg['name']} appointed ({sc.power(arg['power']).short})")
            elif kind == "sign":
                out.append(f"Signs the {sc.offer(arg).name}")
            elif kind == "add_clause":
                out.append(f"Adds ‘{sc.offer(arg['offer']).clause(arg['clause']).name}’ to the draft")
            elif kind == "remove_clause":
                out.append(f"Drops ‘{sc.offer(arg['offer']).clause(arg['clause']).name}’ from the draft")
            elif kind == "propose":
                out.append(f"{sc.power(arg['by']).short} sends a draft of the {sc.offer(arg['offer']).name}")
            elif kind == "chance":
                inner = effect_lines(arg.get("then") or (), sc, player)
                if inner:
                    out.append(f"Perhaps ({arg['p'] * 100:.0f}%): " + "; ".join(inner))
            elif kind == "if":
                inner = effect_lines(arg.get("then") or (), sc, player)
                if inner:
                    out.append("If conditions allow: " + "; ".join(inner))
            elif kind == "end_game":
                out.append(f"Ends the game: {sc.outcome(arg).title}")
        except (KeyError, TypeError, StopIteration, AttributeError):
            continue
    return out


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
