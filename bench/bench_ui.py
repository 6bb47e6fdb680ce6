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

    # idle: the real loop, stopped from another thread after a few seconds
    seconds = float(os.environ.get("BENCH_IDLE_SECONDS", "5"))
    timer = threading.Timer(seconds, lambda: setattr(app, "running", False))
    c0, w0 = time.process_time(), time.perf_counter()
    timer.start()
    app.dirty = True
    app.run()
    idle = (time.process_time() - c0) / (time.perf_counter() - w0) * 100
    app.running = True

    # redraws at 1920x1080
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

    def present(changed):   # as App.step does: the whole window, or only what changed
        if changed is None:
            pygame.display.flip()
        elif changed:
            pygame.display.update(changed)

    full = []
    for _ in range(100):   # the worst case: every pixel drawn and sent (a forced full redraw)
        app.frame.key = None
        t = time.perf_counter()
        present(app.draw(surf))
        full.append((time.perf_counter() - t) * 1000)
    results = {}
    cases = {"desk-" + t: (lambda t=t: desk.set_tab(t)) for t in ("actions", "treaties", "powers", "telegrams")}
    offer = next(o.id for o in session.scenario.offers if session.power in o.parties)
    for name, prepare in cases.items():
        app.stack = [desk]
        prepare()
        times = []
        app.draw(surf)  # layout once
        for i in range(300):
            desk.hover = i % max(1, len(desk.widgets))   # a hover change: what most redraws are
            t = time.perf_counter()
            present(app.draw(surf))
            times.append((time.perf_counter() - t) * 1000)
        results[name] = times
    app.stack = [NegotiationScreen(app, offer)]
    app.draw(surf)
    times = []
    for i in range(300):
        app.top.hover = i % len(app.top.widgets)
        t = time.perf_counter()
        present(app.draw(surf))
        times.append((time.perf_counter() - t) * 1000)
    results["negotiation"] = times
    relayout = []
    for _ in range(30):
        desk.stale = True
        app.stack = [desk]
        t = time.perf_counter()
        app.draw(surf)
        relayout.append((time.perf_counter() - t) * 1000)

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


if __name__ == "__main__":
    sys.exit(main())
