"""The gauges over a game as an inline SVG line chart (shared with the window, which draws the same series)."""

from __future__ import annotations

import html

SERIES_COLORS = [(44, 84, 140), (170, 60, 40), (40, 120, 70), (130, 80, 150), (190, 130, 20), (60, 60, 60),
                 (20, 140, 150), (150, 40, 100)]


def spread(ends: list[tuple[float, int]], gap: float, lo: float, hi: float) -> list[tuple[float, int]]:
    """Label positions near their lines' ends (y, index), at least gap apart, pushed back up from hi."""
    placed: list[list] = [[max(lo, y), i] for y, i in sorted(ends)]
    for k in range(1, len(placed)):
        placed[k][0] = max(placed[k][0], placed[k - 1][0] + gap)
    if placed and placed[-1][0] > hi:
        placed[-1][0] = hi
        for k in range(len(placed) - 2, -1, -1):
            placed[k][0] = min(placed[k][0], placed[k + 1][0] - gap)
    return [(y, i) for y, i in placed]


def axis_words(weeks: list[int], unit: str = "week") -> str:
    """The chart's time axis in words, from the first week the game has to the last it had: 'weeks 1–19'."""
    last = max(1, weeks[-1] if weeks else 1)
    return f"{unit} 1" if last == 1 else f"{unit}s 1–{last}"


def axis_share(weeks: list[int], t: int) -> float:
    """How far along the time axis row t of the history lies (0: the start, 1: the end of the last week)."""
    return weeks[t] / max(1, weeks[-1])


def svg_chart(history: list[dict], weeks: list[int], meters: list[dict], unit: str = "week") -> str:
    """One line a gauge, week by week (weeks: the week each history row closes, see engine.debrief's
    history_weeks), with its name at its end (labels stacked so none overprints)."""
    if not history or not meters:
        return ""
    w, h, left, right, top, bottom = 760, 300, 40, 200, 10, 30
    pw, ph = w - left - right, h - top - bottom
    lo = min(m["min"] for m in meters)
    hi = max(m["max"] for m in meters)
    span = (hi - lo) or 1
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" '
           f'aria-label="Meters over the game">']
    for frac in (0, 0.25, 0.5, 0.75, 1):
        y = top + ph - ph * frac
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#bbb"/>')
        out.append(f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{lo + span * frac:g}</text>')
    ends: list[tuple[float, int]] = []
    for i, m in enumerate(meters):
        r, g, b = SERIES_COLORS[i % len(SERIES_COLORS)]
        pts = []
        for t, row in enumerate(history):
            v = row.get(m["id"], m["start"])
            pts.append((left + pw * axis_share(weeks, t), top + ph - ph * (v - lo) / span))
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
        out.append(f'<polyline fill="none" stroke="rgb({r},{g},{b})" stroke-width="2" points="{path}"/>')
        ends.append((pts[-1][1], i))
    for y, i in spread(ends, 13, top, top + ph + 4):   # labels that end close together are stacked
        r, g, b = SERIES_COLORS[i % len(SERIES_COLORS)]
        out.append(f'<text x="{left + pw + 6}" y="{y + 4:.1f}" font-size="11" fill="rgb({r},{g},{b})">'
                   f'{html.escape(meters[i]["name"])}</text>')
    out.append(f'<text x="{left + pw / 2}" y="{h - 6}" font-size="11" text-anchor="middle">{axis_words(weeks, unit)}</text>')
    out.append("</svg>")
    return "".join(out)
