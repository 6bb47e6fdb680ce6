"""Benchmark a class's network game on loopback: seats and watchers through a whole game.

    python bench/bench_network.py [SCENARIO] [--seats 7] [--watchers 23] [--weeks N] [--seed S] [--think S]

The host runs in a process of its own (as on the teacher's computer); every client, seat or watcher, has its
own HTTP session and WebSocket in this process and, as the browser seat does, refetches its view 0.2 s after the
host says the game changed (one fetch for a burst of changes).
Each seat takes zero to two random legal actions a week (answering its questions first), each with a reason,
then ends its turn; with `--think S` it first pauses a random time up to S seconds before each step, as a team
does (without it every seat acts the moment the week turns: the worst burst). At the end the host's save is
read back: every action the host acknowledged must be in its log, in the seat's order, and nothing else.
Prints the round trip of an action (median, 99th percentile, max; the bar: the 99th percentile under 50 ms on a
2-core machine), the number of requests and pushes, and whether the log kept every acknowledged action (exit 1
if not). It asserts no timing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.engine import saves  # noqa: E402
from game.engine.notes import clean_reason  # noqa: E402
from game.scenario import load_scenario  # noqa: E402

HOST_SCRIPT = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from game.engine import Game
from game.net.host import NetworkHost
from game.net.server import start_in_thread
from game.scenario import load_scenario
scenario, seats, seed, save = load_scenario(sys.argv[2]), tuple(sys.argv[3].split(",")), int(sys.argv[4]), sys.argv[5]
host = NetworkHost(Game.new(scenario, seed=seed, humans=seats), Path(save))
handle = start_in_thread(host, "127.0.0.1", 0)
print(json.dumps({"url": handle.url, "codes": dict(host.keys.codes)}), flush=True)
sys.stdin.read()
handle.stop()
"""
SETTLE = 0.2    # seconds a client waits after a push before it refetches, as the browser seat does (SETTLE_MS)
TIMEOUT = 900   # seconds: a game that has not ended by then is stuck
REASONS = ("To keep a second door open.", "Moscow must not be left alone with Germany.",
           "Time matters more than paper.", "Warsaw will not accept Soviet troops; try another way.")


@dataclass
class Tally:
    """What the clients did and saw."""

    trips: list[float] = field(default_factory=list)           # seconds of each POST /api/act or /api/end-turn
    acknowledged: dict[str, list[tuple]] = field(default_factory=dict)  # seat -> its acknowledged steps, in order
    refused: int = 0
    views: int = 0
    pushes: int = 0
    reconnects: int = 0


def step_key(kind: str, target: str = "", clauses: Any = (), option: str = "", why: str = "") -> tuple:
    return kind, target, tuple(clauses or ()), option, why


class Client:
    """One device: its own session, its token (none for a watcher), its WebSocket, its views."""

    def __init__(self, base: str, tally: Tally, seat: str = "", code: str = "", think: float = 0.0):
        self.base, self.tally, self.seat, self.code, self.think = base, tally, seat, code, think
        self.headers: dict[str, str] = {}
        self.wake = asyncio.Event()
        self.settling = False   # a push came and the refetch waits for the host to settle
        self.session: aiohttp.ClientSession | None = None

    async def run(self, rng: random.Random, weeks: int) -> None:
        async with aiohttp.ClientSession() as self.session:
            if self.code:
                joined = await self._json("POST", "api/join", {"code": self.code})
                self.headers = {"Authorization": f"Bearer {joined['token']}"}
            query = f"?token={self.headers['Authorization'][7:]}" if self.headers else ""
            async with self.session.ws_connect(self.base + "api/ws" + query) as ws:
                listener = asyncio.ensure_future(self._listen(ws))
                try:
                    await self._play(rng, weeks)
                finally:
                    listener.cancel()

    async def _listen(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        async for message in ws:
            if message.type == aiohttp.WSMsgType.TEXT and json.loads(message.data).get("type") == "changed":
                self.tally.pushes += 1
                if not self.settling:
                    self.settling = True
                    asyncio.get_running_loop().call_later(SETTLE, self._wake)

    def _wake(self) -> None:
        self.settling = False
        self.wake.set()

    async def _json(self, method: str, path: str, body: Any = None) -> dict[str, Any]:
        assert self.session is not None
        async with self.session.request(method, self.base + path, json=body, headers=self.headers) as response:
            return await response.json()

    async def view(self) -> dict[str, Any]:
        self.tally.views += 1
        return await self._json("GET", "api/view")

    async def _play(self, rng: random.Random, weeks: int) -> None:
        self.wake.set()
        while True:
            await self.wake.wait()
            self.wake.clear()
            view = await self.view()
            calendar = view["calendar"]
            if calendar["over"] or calendar["turn"] > weeks:
                return
            if self.seat and not view["turn_ended"]:
                await self._week(rng, view)

    async def _week(self, rng: random.Random, view: dict[str, Any]) -> None:
        """Answer the questions, take up to two random legal actions, end the turn."""
        planned = rng.randint(0, 2)
        while view["questions"] or planned > 0:
            legal = [a for a in view["legal"] if a["kind"] != "end_turn"]
            if not legal:
                break
            step = dict(rng.choice([a for a in legal if a["kind"] == "choose"] or legal))
            planned -= step["kind"] != "choose"
            await self._send("api/act", {"action": step, "why": rng.choice(REASONS)}, step, rng)
            view = await self.view()
            if view["calendar"]["over"] or view["turn_ended"]:
                return
        await self._send("api/end-turn", {}, {"kind": "end_turn"}, rng)

    async def _send(self, path: str, body: dict[str, Any], step: dict[str, Any], rng: random.Random) -> None:
        if self.think:
            await asyncio.sleep(rng.uniform(0, self.think))
        start = time.perf_counter()
        answer = await self._json("POST", path, body)
        self.tally.trips.append(time.perf_counter() - start)
        if answer.get("ok"):
            why = clean_reason(body.get("why", ""))
            self.tally.acknowledged.setdefault(self.seat, []).append(
                step_key(step["kind"], step.get("target", ""), step.get("clauses"), step.get("option", ""), why))
        else:
            self.tally.refused += 1


def start_host(scenario: str, seats: list[str], seed: int, save: Path) -> tuple[subprocess.Popen, dict[str, Any]]:
    process = subprocess.Popen([sys.executable, "-c", HOST_SCRIPT, str(ROOT), scenario, ",".join(seats), str(seed),
                                str(save)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    return process, json.loads(process.stdout.readline())


async def play(url: str, codes: dict[str, str], watchers: int, weeks: int, seed: int, think: float) -> Tally:
    tally = Tally()
    clients = [Client(url, tally, seat, code, think) for seat, code in codes.items()]
    clients += [Client(url, tally) for _ in range(watchers)]
    await asyncio.gather(*(c.run(random.Random(seed * 1000 + i), weeks) for i, c in enumerate(clients)))
    return tally


def missing_from_log(save: Path, scenario_path: str, tally: Tally) -> list[str]:
    """Each seat's acknowledged steps against its actions in the host's saved log: what differs, in words."""
    game, _notes = saves.load_game(save, load_scenario(scenario_path))
    problems = []
    for seat, steps in tally.acknowledged.items():
        logged = [step_key(a.kind, a.target, a.clauses, a.option, a.why) for a in game.record if a.power == seat]
        if logged != steps:
            differ = [i for i, (x, y) in enumerate(zip(logged, steps, strict=False)) if x != y]
            at = differ[0] if differ else min(len(logged), len(steps))
            problems.append(f"{seat}: {len(steps)} acknowledged, {len(logged)} in the log; first difference at "
                            f"step {at + 1}")
    return problems


def run(scenario: str, seats: list[str], watchers: int, weeks: int, seed: int, think: float = 0.0
        ) -> tuple[Tally, list[str], float]:
    """Play the game over the network; the tally, what the log lacks, and the seconds it took."""
    with tempfile.TemporaryDirectory() as folder:
        save = Path(folder) / "host.json"
        process, started = start_host(scenario, seats, seed, save)
        try:
            begun = time.perf_counter()
            tally = asyncio.run(asyncio.wait_for(play(started["url"], started["codes"], watchers, weeks, seed, think),
                                                 TIMEOUT))
            took = time.perf_counter() - begun
        finally:
            assert process.stdin is not None
            process.stdin.close()
            process.wait(timeout=30)
        return tally, missing_from_log(save, scenario, tally), took


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default=str(ROOT / "scenarios" / "1939.yaml"))
    parser.add_argument("--seats", type=int, default=7, help="seats played over the network (the first N powers)")
    parser.add_argument("--watchers", type=int, default=23)
    parser.add_argument("--weeks", type=int, default=10**6, help="stop after this week (default: the whole game)")
    parser.add_argument("--seed", type=int, default=1939)
    parser.add_argument("--think", type=float, default=0.0, help="a seat's pause before each step: up to S seconds")
    args = parser.parse_args(argv)
    powers = [p.id for p in load_scenario(args.scenario).powers][:args.seats]
    tally, problems, took = run(args.scenario, powers, args.watchers, args.weeks, args.seed, args.think)
    ms = [t * 1000 for t in tally.trips]
    acked = sum(map(len, tally.acknowledged.values()))
    print(f"{len(powers)} seats ({', '.join(powers)}) and {args.watchers} watchers, each with a WebSocket, "
          f"on loopback; {took:.1f} s" + (f"; a seat thinks up to {args.think:g} s before a step" if args.think else
                                            "; every seat acts the moment the week turns"))
    print(f"actions sent {len(ms)}: acknowledged {acked}, refused {tally.refused}; views fetched {tally.views}, "
          f"pushes received {tally.pushes}")
    if ms:
        print(f"round trip of an action: median {statistics.median(ms):.1f} ms, 99th percentile "
              f"{percentile(ms, 0.99):.1f} ms, max {max(ms):.1f} ms (bar: 99th percentile under 50 ms)")
    print("every acknowledged action is in the final log" if not problems else
          "ACKNOWLEDGED ACTIONS MISSING FROM THE LOG:\n  " + "\n  ".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
