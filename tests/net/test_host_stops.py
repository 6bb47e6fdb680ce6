"""A host that stops tells its pages at once, so that they reconnect to the host that replaces it."""

from __future__ import annotations

import asyncio

import aiohttp

from game.net.server import start_in_thread


def test_a_host_that_stops_closes_every_socket_as_going_away(make_host):
    host = make_host()
    server = start_in_thread(host, "127.0.0.1", 0)

    async def watch_and_stop() -> aiohttp.WSMessage:
        async with aiohttp.ClientSession() as session, session.ws_connect(server.url + "api/ws") as ws:
            assert (await ws.receive_json())["type"] == "hello"
            stopping = asyncio.get_running_loop().run_in_executor(None, server.stop)
            message = await ws.receive()
            await stopping
            return message

    message = asyncio.run(watch_and_stop())
    assert message.type == aiohttp.WSMsgType.CLOSE and message.data == aiohttp.WSCloseCode.GOING_AWAY
    assert not server.thread.is_alive()
