"""Shared by the network tests: a class game on the 1939 scenario served by a NetworkHost, and a way to talk to
its web application with aiohttp's test client (no real port, no sleeps)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from game.engine import Game
from game.engine.classroom import ClassOptions
from game.net.host import NetworkHost
from game.net.server import make_app
from game.scenario import load_scenario
from tests.conftest import ROOT


class FakeClock:
    """Seconds that pass only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="session")
def s1939():
    return load_scenario(ROOT / "scenarios" / "1939.yaml")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_host(s1939, tmp_path, clock) -> Callable[..., NetworkHost]:
    def make(seats=("ussr", "britain"), options: ClassOptions | None = None, **kwargs: Any) -> NetworkHost:
        game = Game.new(s1939, seed=11, humans=seats, options=options)
        return NetworkHost(game, tmp_path / "host.json", clock=clock, **kwargs)
    return make


def served(host: NetworkHost, test: Callable[[TestClient], Awaitable[None]]) -> None:
    """Run `test` against the host's web application (started and stopped here)."""
    async def run() -> None:
        async with TestClient(TestServer(make_app(host))) as client:
            await test(client)
    asyncio.run(run())


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def join(client: TestClient, code: str) -> str:
    response = await client.post("/api/join", json={"code": code})
    assert response.status == 200, await response.text()
    return (await response.json())["token"]
