"""UI benchmark against DESIGN.md's bars: first frame, idle CPU in the real loop, p99 redraw at 1920x1080.

    python bench/bench_ui.py            (uses SDL's dummy driver unless a display is set)
    python bench/bench_ui.py --json

first frame: from process start (this script's start) to the title screen's first flip.
idle CPU: the real App.run loop with nothing happening, for a few seconds (process CPU time / wall time).
redraw: full-frame redraws of the desk (and other screens) at 1920x1080 after a relayout-free change.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")   # as run_app does
os.environ.setdefault("MOSCOW1939_HOME", tempfile.mkdtemp(prefix="m39bench"))


def main() -> int:
    import pygame

    app, first = _first_frame()
    idle = _idle_cpu(app)
    full, results, relayout = _redraws(app)

    def p99(xs):
        return sorted(xs)[int(len(xs) * 0.99) - 1]

    out = {
        "driver": pygame.display.get_driver(),
        "first_frame_s": round(first, 3),
        "idle_cpu_percent": round(idle, 2),
        "redraw_ms_p99": {k: round(p99(v), 2) for k, v in results.items()},
        "redraw_ms_median": {k: round(statistics.median(v), 2) for k, v in results.items()},
        "relayout_and_redraw_ms_p99": round(p99(relayout), 2),
        "forced_full_redraw_ms_p99": round(p99(full), 2),
        "peak_rss_mb": round(__import__("resource").getrusage(__import__("resource").RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if "--json" in sys.argv:
        print(json.dumps(out, indent=1))
    else:
        for k, v in out.items():
            print(f"{k}: {v}")
    pygame.quit()
    return 0


def _first_frame():
    """The window opened on the title screen; the app and the seconds from the script's start to its first flip."""
    import pygame

    from game.ui.app import App
    from game.ui.screens.title import TitleScreen
    from game.ui.settings import Settings

    pygame.display.init()
    pygame.font.init()
    settings = Settings()
    settings.window = (1920, 1080)
    app = App(settings, None)
    app.open_window()
    app.push(TitleScreen(app))
    app.run(max_frames=1)
    first = time.perf_counter() - T0
    while app.tasks:
        app.tasks.pop(0)()
    return app, first


def _idle_cpu(app) -> float:
    """The real loop with nothing happening, stopped from another thread after a few seconds: CPU per cent."""
    seconds = float(os.environ.get("BENCH_IDLE_SECONDS", "5"))
    timer = threading.Timer(seconds, lambda: setattr(app, "running", False))
    c0, w0 = time.process_time(), time.perf_counter()
    timer.start()
    app.dirty = True
    app.run()
    idle = (time.process_time() - c0) / (time.perf_counter() - w0) * 100
    app.running = True
    return idle


def _present(changed) -> None:
    """As App.step does: the whole window, or only what changed."""
    import pygame

    if changed is None:
        pygame.display.flip()
    elif changed:
        pygame.display.update(changed)


def _timed(draw, times: int, before) -> list[float]:
    """Milliseconds of each of `times` calls of draw(), `before(i)` run ahead of each."""
    found = []
    for i in range(times):
        before(i)
        t = time.perf_counter()
        draw()
        found.append((time.perf_counter() - t) * 1000)
    return found


def _redraws(app):
    """Redraws at 1920x1080: forced full ones, hover changes on each screen, and relayouts of the desk."""
    import pygame

    from game.ui.screens.desk import DeskScreen
    from game.ui.screens.negotiation import NegotiationScreen
    from game.ui.screenshots import _advance
    from game.ui.session import Session

    session = Session.new(None, seed=5)
    app.start_session(session, briefing=False)
    _advance(session, 4)
    desk = DeskScreen(app)
    app.stack = [desk]
    surf = pygame.display.get_surface()

    def shown():
        _present(app.draw(surf))

    # the worst case: every pixel drawn and sent (a forced full redraw)
    full = _timed(shown, 100, lambda i: setattr(app.frame, "key", None))
    results = {}
    for tab in ("actions", "treaties", "powers", "telegrams"):
        app.stack = [desk]
        desk.set_tab(tab)
        app.draw(surf)  # layout once
        # a hover change: what most redraws are
        results["desk-" + tab] = _timed(shown, 300, lambda i: setattr(desk, "hover", i % max(1, len(desk.widgets))))
    offer = next(o.id for o in session.scenario.offers if session.power in o.parties)
    app.stack = [NegotiationScreen(app, offer)]
    app.draw(surf)
    results["negotiation"] = _timed(shown, 300, lambda i: setattr(app.top, "hover", i % len(app.top.widgets)))

    def relayout(i):
        desk.stale = True
        app.stack = [desk]

    return full, results, _timed(lambda: app.draw(surf), 30, relayout)


if __name__ == "__main__":
    sys.exit(main())
