"""The web server of a class's network game (aiohttp): the JSON API of docs/NETWORK.md, the WebSocket that tells
every client when the game changed, and the browser seat's files. It holds no rule: every request is answered by
the NetworkHost, the only authority."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import threading
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

from .host import NetworkHost, Refused

STATIC = Path(__file__).resolve().parent / "static"
MAX_BODY = 16 * 1024            # bytes of a request body
TICK_SECONDS = 1.0              # how often the class timer is looked at
MAX_SOCKETS = 256               # open WebSockets at once (a class of 30 devices, and room for reloads)
CLOSED_REVOKED = 4001           # a seat's socket closed because its token is no seat's (revoked, or never one)
SERVED = {".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml",
          ".png": "image/png", ".ico": "image/x-icon", ".json": "application/json"}
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,40}\.[a-z]{2,4}")
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                               "form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
PLACEHOLDER = ("<!doctype html><meta charset=utf-8><title>Moscow 1939</title><p>This host serves the game's API "
               "(see docs/NETWORK.md); the browser seat is not installed.")

HOST = web.AppKey("host", NetworkHost)
FILES = web.AppKey("files", dict)
SOCKETS = web.AppKey("sockets", weakref.WeakKeyDictionary)


def static_files(folder: Path = STATIC) -> dict[str, tuple[bytes, str]]:
    """The browser seat's files, read once at start: name -> (bytes, type). A request names one of these keys;
    nothing a client sends is ever made into a path."""
    found: dict[str, tuple[bytes, str]] = {}
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_file() and _NAME.fullmatch(path.name) and path.suffix in SERVED:
                kind = SERVED[path.suffix]
                found[path.name] = (path.read_bytes(), kind + ("; charset=utf-8" if kind.startswith("text") else ""))
    return found


@web.middleware
async def _headers(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                   ) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        _secure(request, exc)
        raise
    _secure(request, response)
    return response


def _secure(request: web.Request, response: web.StreamResponse | web.HTTPException) -> None:
    for key, value in HEADERS.items():
        response.headers.setdefault(key, value)
    if request.path.startswith("/api/"):
        response.headers.setdefault("Cache-Control", "no-store")


def _refusal(status: int, reason: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"ok": False, "reason": reason}, status=status, headers=headers)


async def _body(request: web.Request) -> dict[str, Any]:
    """The request's JSON object; Refused (400, 413) if it is none or too large."""
    if request.content_length is not None and request.content_length > MAX_BODY:
        raise Refused(413, f"A request is at most {MAX_BODY // 1024} KB.")
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise Refused(413, f"A request is at most {MAX_BODY // 1024} KB.") from None
    try:
        data = json.loads(raw.decode("utf-8")) if raw else {}
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Refused(400, "The request is not JSON.") from None
    if not isinstance(data, dict):
        raise Refused(400, "The request must be a JSON object.")
    return data


def _token(request: web.Request) -> str | None:
    """The bearer token the request carries (None: none; "" : a malformed header)."""
    header = request.headers.get("Authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def _seat(request: web.Request, required: bool = True) -> str | None:
    """The seat of the request's token; Refused(401) for a token the host does not know (or none, if required)."""
    token = _token(request)
    if token is None and not required:
        return None
    seat = request.app[HOST].seat_of(token or "")
    if seat is None:
        raise Refused(401, "This device has no seat (or its seat was revoked): join with your code.",
                      {"WWW-Authenticate": "Bearer"})
    return seat


def _handler(inner: Callable[[web.Request], Awaitable[Any]]) -> Callable[[web.Request], Awaitable[web.Response]]:
    """A JSON endpoint: its answer as JSON, a Refused as {"ok": false, "reason"} with its status."""
    async def handle(request: web.Request) -> web.Response:
        try:
            answer = await inner(request)
        except Refused as exc:
            return _refusal(exc.status, exc.reason, exc.headers)
        if isinstance(answer, dict) and answer.get("ok") is False:
            return web.json_response(answer, status=409)
        return web.json_response(answer)
    return handle


async def _join(request: web.Request) -> Any:
    code = (await _body(request)).get("code", "")
    return await asyncio.to_thread(request.app[HOST].join, code, request.remote or "?")


async def _view(request: web.Request) -> web.Response:
    try:
        seat = _seat(request, required=False)
    except Refused as exc:
        return _refusal(exc.status, exc.reason, exc.headers)
    text = await asyncio.to_thread(request.app[HOST].view_text, seat)
    return web.Response(text=text, content_type="application/json")


async def _act(request: web.Request) -> Any:
    seat = _seat(request)
    body = await _body(request)
    why = body.get("why", "")
    return await asyncio.to_thread(request.app[HOST].act, seat, body.get("action"), why)


async def _odds(request: web.Request) -> Any:
    seat = _seat(request)
    return await asyncio.to_thread(request.app[HOST].odds, seat, await _body(request))


async def _end_turn(request: web.Request) -> Any:
    seat = _seat(request)
    return await asyncio.to_thread(request.app[HOST].end_turn, seat)


async def _socket(request: web.Request) -> web.StreamResponse:
    """Pushes {"type": "changed", "turn": n} to every client (watchers too) when the game changes; a seat's socket
    is closed (4001) once its token is revoked, and any socket with 1009 (the standard "message too big") for a
message over MAX_BODY. A token comes as ?token= or as a first message {"token": "..."}."""
    host = request.app[HOST]
    token = request.query.get("token")
    if token is not None and host.seat_of(token) is None:
        return _refusal(401, "This device has no seat (or its seat was revoked): join with your code.")
    if len(request.app[SOCKETS]) >= MAX_SOCKETS:
        return _refusal(503, "The host has as many connections as it can take.")
    ws = web.WebSocketResponse(heartbeat=20, max_msg_size=MAX_BODY)
    await ws.prepare(request)
    request.app[SOCKETS][ws] = token
    seat = host.seat_of(token) if token else None
    await ws.send_json({"type": "hello", "seat": seat, "turn": host.turn})
    try:
        async for message in ws:
            if message.type == WSMsgType.TEXT and not await _authenticate(ws, request.app, message.data):
                break
    finally:
        request.app[SOCKETS].pop(ws, None)
    return ws


async def _authenticate(ws: web.WebSocketResponse, app: web.Application, data: str) -> bool:
    """A message {"token": ...} makes the socket a seat's; False if the token is no seat's (the socket is closed)."""
    try:
        sent = json.loads(data)
    except ValueError:
        return True
    if not isinstance(sent, dict) or not isinstance(sent.get("token"), str):
        return True
    host = app[HOST]
    seat = host.seat_of(sent["token"])
    if seat is None:
        await ws.close(code=CLOSED_REVOKED, message=b"no seat")
        return False
    app[SOCKETS][ws] = sent["token"]
    await ws.send_json({"type": "hello", "seat": seat, "turn": host.turn})
    return True


async def _broadcast(app: web.Application, notice: dict[str, Any]) -> None:
    host, sockets = app[HOST], app[SOCKETS]
    for ws, token in list(sockets.items()):
        if ws.closed:
            continue
        if token and host.seat_of(token) is None:
            await ws.close(code=CLOSED_REVOKED, message=b"revoked")
        elif notice["type"] == "changed":
            await ws.send_json(notice)


def _static(name: str) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def serve(request: web.Request) -> web.Response:
        found = request.app[FILES].get(name or request.match_info.get("name", ""))
        if found is None:
            if name == "index.html":
                return web.Response(text=PLACEHOLDER, content_type="text/html")
            raise web.HTTPNotFound(text="No such file.")
        body, kind = found
        return web.Response(body=body, headers={"Content-Type": kind, "Cache-Control": "no-cache"})
    return serve


def make_app(host: NetworkHost, static: Path = STATIC, tick: float = TICK_SECONDS) -> web.Application:
    """The web application of a host (the tests serve it with aiohttp's test client)."""
    app = web.Application(client_max_size=MAX_BODY, middlewares=[_headers])
    app[HOST], app[FILES], app[SOCKETS] = host, static_files(static), weakref.WeakKeyDictionary()
    app.router.add_post("/api/join", _handler(_join))
    app.router.add_get("/api/view", _view)
    app.router.add_post("/api/act", _handler(_act))
    app.router.add_post("/api/end-turn", _handler(_end_turn))
    app.router.add_post("/api/odds", _handler(_odds))
    app.router.add_get("/api/ws", _socket)
    app.router.add_get("/", _static("index.html"))
    app.router.add_get("/static/{name}", _static(""))

    async def start(app: web.Application) -> None:
        loop = asyncio.get_running_loop()

        def pass_on(notice: dict[str, Any]) -> None:   # from any thread: hand over to the loop
            loop.call_soon_threadsafe(lambda: asyncio.ensure_future(_broadcast(app, notice)))

        unsubscribe = host.subscribe(pass_on)
        ticker = asyncio.ensure_future(_tick(host, tick))
        app.on_cleanup.append(lambda _app: _stop(unsubscribe, ticker))

    app.on_startup.append(start)
    app.on_shutdown.append(_close_sockets)
    return app


async def _close_sockets(app: web.Application) -> None:
    """Close every client's socket as the host stops, so that the pages notice at once and reconnect (an open
    socket would otherwise hold the server's shutdown until its timeout)."""
    for ws in list(app[SOCKETS]):
        await ws.close(code=WSCloseCode.GOING_AWAY, message=b"the host stops")


async def _stop(unsubscribe: Callable[[], None], ticker: asyncio.Future) -> None:
    unsubscribe()
    ticker.cancel()


async def _tick(host: NetworkHost, seconds: float) -> None:
    while True:
        await asyncio.sleep(seconds)
        await asyncio.to_thread(host.tick)


# ---------------------------------------------------------------------- running
def address_for(bind: str) -> str:
    """The address clients type: the bind address, or this machine's address on its network when bound to all."""
    if bind not in ("0.0.0.0", "::", ""):
        return bind
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:   # no packet is sent
        try:
            probe.connect(("192.0.2.1", 9))
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def url_of(bind: str, port: int) -> str:
    address = address_for(bind)
    return f"http://[{address}]:{port}/" if ":" in address else f"http://{address}:{port}/"


async def serve(host: NetworkHost, bind: str, port: int, ready: Callable[[int], None],
                stop: asyncio.Event) -> None:
    """Serve until `stop` is set; `ready` is told the port once clients may connect (port 0: a free one)."""
    runner = web.AppRunner(make_app(host), access_log=None, handle_signals=False)
    await runner.setup()
    try:
        site = web.TCPSite(runner, bind, port)
        await site.start()
        ready(runner.addresses[0][1])
        await stop.wait()
    finally:
        await runner.cleanup()


@dataclass
class ServerHandle:
    """A server running in a thread of its own (the host window's)."""

    url: str
    port: int
    loop: asyncio.AbstractEventLoop
    stop_event: asyncio.Event
    thread: threading.Thread

    def stop(self) -> None:
        """Stop serving and wait for the thread (nothing if it has stopped already)."""
        if self.thread.is_alive():
            self.loop.call_soon_threadsafe(self.stop_event.set)
            self.thread.join(timeout=10)


def start_in_thread(host: NetworkHost, bind: str = "127.0.0.1", port: int = 8039) -> ServerHandle:
    """Start serving in a background thread; OSError if the port cannot be had."""
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    started = threading.Event()
    outcome: dict[str, Any] = {}

    def ready(real_port: int) -> None:
        outcome["port"] = real_port
        started.set()

    def run() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(serve(host, bind, port, ready, stop))
        except BaseException as exc:
            outcome["error"] = exc
            started.set()
        finally:
            loop.close()

    thread = threading.Thread(target=run, name="moscow1939-host", daemon=True)
    thread.start()
    started.wait()
    if "error" in outcome:
        raise outcome["error"]
    return ServerHandle(url_of(bind, outcome["port"]), outcome["port"], loop, stop, thread)
