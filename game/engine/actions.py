"""Actions are data: what a controller asks the engine to do."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

KINDS = ("act", "propose", "accept", "reject", "stall", "choose", "end_turn")


class Action(NamedTuple):
    """One request by one power. `target` is an action, offer or event id."""

    kind: str
    power: str
    target: str = ""
    clauses: tuple[str, ...] = ()
    option: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "power": self.power}
        if self.target:
            data["target"] = self.target
        if self.kind == "propose":
            data["clauses"] = list(self.clauses)
        if self.option:
            data["option"] = self.option
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Action:
        """Build from a mapping; raise ValueError with a readable message if malformed."""
        if not isinstance(data, dict):
            raise ValueError(f"an action must be a mapping, not {type(data).__name__}")
        unknown = set(data) - {"kind", "power", "target", "clauses", "option", "turn"}
        if unknown:
            raise ValueError(f"unknown action field(s): {', '.join(sorted(map(str, unknown)))}")
        kind, power = data.get("kind"), data.get("power")
        if kind not in KINDS:
            raise ValueError(f"action kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if not isinstance(power, str):
            raise ValueError("an action needs a 'power'")
        clauses = data.get("clauses") or ()
        if not isinstance(clauses, (list, tuple)) or not all(isinstance(c, str) for c in clauses):
            raise ValueError("'clauses' must be a list of clause ids")
        target, option = data.get("target", ""), data.get("option", "")
        if not isinstance(target, str) or not isinstance(option, str):
            raise ValueError("'target' and 'option' must be ids")
        return cls(kind, power, target, tuple(clauses), option)


@dataclass(frozen=True, slots=True)
class Result:
    """Whether an action was applied, and if not, why."""

    ok: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.ok


OK = Result(True)
REFUSED = Result(False, "Not possible now.")
ON_ITS_WAY = Result(False, "This draft is already on its way.")
