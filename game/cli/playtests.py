"""Scenario tests: scripted playthroughs beside a scenario (NAME.tests.yaml), each with expectations."""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..engine import Game
from ..engine.script import ScriptError, Step, play_script
from ..paths import TESTS_SUFFIX
from ..scenario.diagnostics import NOWHERE, Diagnostic, Pos, ScenarioError
from ..scenario.spec import suggest
from ..scenario.yamlsource import LocDict, LocList, read_file
from .script_file import StepReader

TEST_FIELDS = ("name", "seed", "power", "policy", "actions", "expect")
STATE_FIELDS = ("meters", "flags", "no_flags", "treaties", "no_treaties", "log", "no_log")
EXPECT_FIELDS = ("outcome", "end_date", *STATE_FIELDS, "at")
AT_FIELDS = ("date", *STATE_FIELDS)
COMPARISONS = {"<=": operator.le, ">=": operator.ge, "<": operator.lt, ">": operator.gt, "==": operator.eq,
               "!=": operator.ne}
_COMPARISON = re.compile(r"^\s*(<=|>=|<|>|==|!=)?\s*(-?\d+(?:\.\d+)?)\s*$")


def tests_path(scenario_path: Path) -> Path:
    """Where the tests of a scenario live: NAME.tests.yaml beside NAME.yaml."""
    return scenario_path.with_name(scenario_path.stem + TESTS_SUFFIX)


@dataclass(frozen=True)
class Snapshot:
    """What the expectations look at: the game as it stood at a date (or at its end)."""

    outcome: str | None
    end_date: str | None
    meters: dict[str, float]
    flags: frozenset[str]
    treaties: frozenset[str]
    logged: frozenset[str]


def snapshot(game: Game, until: str | None = None) -> Snapshot:
    """The game now; with `until`, only log entries and signatures dated on or before it count (flags and meters
    are read when the week that holds the date is over)."""
    st = game.state
    upto = [e for e in st.log if until is None or e.date <= until]
    signed = frozenset(k for k, o in st.offers.items() if o.status == "signed" and
                       (until is None or o.signed_turn is None or any(e.kind == "sign" and e.ref == k for e in upto)))
    return Snapshot(st.outcome, st.end_date, dict(st.meters), frozenset(st.flags), signed,
                    frozenset(e.ref for e in upto if e.ref))


Check = Callable[[Snapshot], "str | None"]


@dataclass
class PlayTest:
    """One scripted playthrough and what must hold of it."""

    name: str
    pos: Pos
    seed: int
    power: str
    policy: str | None
    steps: list[Step]
    checks: list[tuple[Pos, Check]] = field(default_factory=list)
    at: list[tuple[str, list[tuple[Pos, Check]]]] = field(default_factory=list)


class _Reader:
    """Reads a tests file against a scenario, raising ScenarioError located in the tests file."""

    def __init__(self, path: str, scenario: Any):
        self.path, self.sc = path, scenario

    def fail(self, pos: Pos, message: str) -> ScenarioError:
        return ScenarioError([Diagnostic(self.path, pos.line, pos.col, message)])

    def fields(self, raw: Any, pos: Pos, allowed: tuple[str, ...], what: str) -> LocDict:
        if not isinstance(raw, LocDict):
            raise self.fail(pos, f"{what} is a mapping of fields ({', '.join(allowed)})")
        for key in raw:
            if key not in allowed:
                raise self.fail(raw.key_pos.get(key, raw.pos), f"unknown field {key!r} in {what}{suggest(key, allowed)}"
                                                               f" (fields: {', '.join(allowed)})")
        return raw

    def known(self, value: Any, pos: Pos, section: str, what: str) -> str:
        ids = self.sc.index[section]
        if value not in ids:
            raise self.fail(pos, f"unknown {what} {value!r}{suggest(value, ids)}")
        return value

    def date(self, value: Any, pos: Pos) -> str:
        if isinstance(value, dt.date):
            return value.isoformat()
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise self.fail(pos, f"expected a date like 1939-08-23, not {value!r}") from None

    def ids(self, raw: Any, pos: Pos, key: str) -> list[str]:
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            raise self.fail(pos, f"'{key}' is a list of ids, like [{key[:-1] if key.endswith('s') else key}_id]")
        return list(raw)

    def read(self, raw: Any) -> list[PlayTest]:
        if isinstance(raw, LocDict):
            raw = self.fields(raw, raw.pos, ("tests",), "a tests file").get("tests")
        if not isinstance(raw, LocList) or not raw:
            raise self.fail(getattr(raw, "pos", NOWHERE), "a tests file holds 'tests:', a list of tests "
                                                          "({name, seed, policy or actions, expect})")
        tests = [self.test(item, raw.at(i)) for i, item in enumerate(raw)]
        names = [t.name for t in tests]
        for test in tests:
            if names.count(test.name) > 1:
                raise self.fail(test.pos, f"two tests are named {test.name!r}")
        return tests

    def test(self, raw: Any, pos: Pos) -> PlayTest:
        raw = self.fields(raw, pos, TEST_FIELDS, "a test")
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise self.fail(raw.pos, "a test needs a 'name' (a line of text)")
        seed = raw.get("seed", 1)
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise self.fail(raw.at("seed"), f"'seed' must be a whole number, not {seed!r}")
        power = self.known(raw.get("power", self.sc.player), raw.at("power"), "powers", "power")
        policy, steps = self.play(raw, power)
        if "expect" not in raw:
            raise self.fail(raw.pos, f"test {name!r} needs 'expect:' (what must hold at the end)")
        test = PlayTest(name, raw.pos, seed, power, policy, steps)
        self.expect(raw["expect"], raw.at("expect"), test)
        return test

    def play(self, raw: LocDict, power: str) -> tuple[str | None, list[Step]]:
        if ("policy" in raw) == ("actions" in raw):
            raise self.fail(raw.pos, "a test gives exactly one of 'policy' (a policy plays the power) and 'actions' "
                                     "(script steps, as for run --script)")
        if "policy" in raw:
            from ..engine.controllers import policy_names

            names = policy_names(self.sc, power)
            if raw["policy"] not in names:
                raise self.fail(raw.at("policy"), f"unknown policy {raw['policy']!r} for {power}"
                                                  f"{suggest(raw['policy'], names)} (policies: {', '.join(names)})")
            return raw["policy"], []
        actions = raw["actions"]
        if not isinstance(actions, list):
            raise self.fail(raw.at("actions"), "'actions' is a list of steps like {turn: 1, kind: act, target: ...}")
        steps = StepReader(self.path, self.sc)
        return None, [steps.step(item, actions.at(i) if isinstance(actions, LocList) else raw.at("actions"), power)
                      for i, item in enumerate(actions)]

    def expect(self, raw: Any, pos: Pos, test: PlayTest) -> None:
        raw = self.fields(raw, pos, EXPECT_FIELDS, "'expect'")
        if "outcome" in raw:
            want = self.known(raw["outcome"], raw.at("outcome"), "outcomes", "outcome")
            test.checks.append((raw.at("outcome"), lambda s: None if s.outcome == want else
                                f"expected outcome {want}, got {s.outcome} on {s.end_date}"))
        if "end_date" in raw:
            test.checks.append((raw.at("end_date"), self.end_date(raw["end_date"], raw.at("end_date"))))
        test.checks.extend(self.state(raw))
        at = raw.get("at", LocList())
        if "at" in raw and not isinstance(at, LocList):
            raise self.fail(raw.at("at"), "'at' is a list of {date, flags, treaties, meters, log, ...}")
        for i, item in enumerate(at):
            item = self.fields(item, at.at(i), AT_FIELDS, "an 'at' check")
            if "date" not in item:
                raise self.fail(item.pos, "an 'at' check needs a 'date'")
            test.at.append((self.date(item["date"], item.at("date")), self.state(item)))
        test.at.sort(key=lambda pair: pair[0])

    def end_date(self, raw: Any, pos: Pos) -> Check:
        if isinstance(raw, list):
            if len(raw) != 2:
                raise self.fail(pos, "'end_date' is a date or a range [first, last]")
            first, last = self.date(raw[0], pos), self.date(raw[1], pos)
        else:
            first = last = self.date(raw, pos)
        span = first if first == last else f"between {first} and {last}"
        return lambda s: None if s.end_date and first <= s.end_date <= last else \
            f"expected the game to end {span}, it ended on {s.end_date} ({s.outcome})"

    def state(self, raw: LocDict) -> list[tuple[Pos, Check]]:
        checks: list[tuple[Pos, Check]] = []
        for key, (attr, present, section) in _SETS.items():
            if key in raw:
                for ident in self.ids(raw[key], raw.at(key), key):
                    if section:
                        self.known(ident, raw.at(key), section, section[:-1])
                    checks.append((raw.at(key), _member(attr, ident, present, key)))
        if "meters" in raw:
            meters = self.fields(raw["meters"], raw.at("meters"), tuple(self.sc.index["meters"]), "'meters'")
            for meter, text in meters.items():
                checks.append((meters.at(meter), self.comparison(meter, text, meters.at(meter))))
        return checks

    def comparison(self, meter: str, text: Any, pos: Pos) -> Check:
        match = _COMPARISON.match(str(text)) if not isinstance(text, bool) else None
        if match is None:
            raise self.fail(pos, f"meter {meter}: write a number or a comparison like '>= 40', not {text!r}")
        symbol, value = match.group(1) or "==", float(match.group(2))
        compare = COMPARISONS[symbol]
        return lambda s: None if compare(s.meters[meter], value) else \
            f"expected {meter} {symbol} {value:g}, it is {s.meters[meter]:g}"


# expectation key -> (snapshot attribute, whether the id must be present, the scenario section ids come from)
_SETS = {
    "flags": ("flags", True, ""),
    "no_flags": ("flags", False, ""),
    "treaties": ("treaties", True, "offers"),
    "no_treaties": ("treaties", False, "offers"),
    "log": ("logged", True, ""),
    "no_log": ("logged", False, ""),
}
_WORDS = {"flags": ("flag", "set"), "treaties": ("treaty", "signed"), "logged": ("log entry about", "logged")}


def _member(attr: str, ident: str, present: bool, key: str) -> Check:
    noun, verb = _WORDS[attr]

    def check(s: Snapshot) -> str | None:
        if (ident in getattr(s, attr)) == present:
            return None
        return f"expected {noun} {ident} {'' if present else 'not '}{verb}, it was {'' if not present else 'not '}{verb}"

    return check


def read_tests(path: str, scenario: Any) -> list[PlayTest]:
    """Read and check a tests file; raise ScenarioError located in it."""
    return _Reader(path, scenario).read(read_file(Path(path), path))


def run_test(scenario: Any, test: PlayTest, path: str) -> list[Diagnostic]:
    """Play one test; the failed expectations, located in the tests file."""
    failures: list[Diagnostic] = []
    pending = list(test.at)

    def judge(checks: list[tuple[Pos, Check]], shot: Snapshot, when: str) -> None:
        for pos, check in checks:
            message = check(shot)
            if message:
                failures.append(Diagnostic(path, pos.line, pos.col, f"test {test.name!r}{when}: {message}"))

    def after_week(game: Game) -> None:
        while pending and (game.over or game.cx.week_start(game.state.turn) > pending[0][0]):
            date, checks = pending.pop(0)
            judge(checks, snapshot(game, date), f" at {date}")

    if test.policy is not None:
        game = Game.new(scenario, seed=test.seed, policies={test.power: test.policy})
        while not game.over:
            game.resolve_week()
            after_week(game)
    else:
        seats = {s.action.power for s in test.steps} | {test.power}
        game = Game.new(scenario, seed=test.seed, humans=seats)
        try:
            play_script(game, test.steps, after_week)
        except ScriptError as exc:
            line, col = (int(n) for n in exc.where.rsplit(":", 2)[1:])
            return [Diagnostic(path, line, col, f"test {test.name!r}: {exc}")]
    judge(test.checks, snapshot(game), "")
    return failures
