"""The desk's props: sheets of paper, rubber stamps, a tear-off calendar, gauges."""

from __future__ import annotations

import datetime as dt

import pygame

from ..theme import Theme
from .text import render

_stamps: dict[tuple, pygame.Surface] = {}


def sheet(surf: pygame.Surface, theme: Theme, rect: pygame.Rect, color: str = "paper") -> None:
    """A sheet of paper lying on the desk, with a soft shadow."""
    p = theme.palette
    off = theme.px(4)
    surf.fill(p.desk_dark, (rect.x + off, rect.bottom, rect.w, off))
    surf.fill(p.desk_dark, (rect.right, rect.y + off, off, rect.h))
    surf.fill(getattr(p, color), rect)
    pygame.draw.rect(surf, p.rule, rect, 1)


def stamp_image(theme: Theme, text: str, angle: float = -8, rel: float = 1.2) -> pygame.Surface:
    """A rubber stamp's picture: red capitals in a double frame, slightly askew (cached)."""
    key = (text, theme.base, rel, angle, theme.palette.name)
    img = _stamps.get(key)
    if img is None:
        col = theme.palette.stamp
        font = theme.font("bold", rel)
        label = font.render(text.upper(), True, col)
        pad = theme.px(8)
        box = pygame.Surface((label.get_width() + 2 * pad, label.get_height() + pad), pygame.SRCALPHA)
        box.blit(label, (pad, pad // 2))
        r = box.get_rect()
        w = max(2, theme.px(3))
        pygame.draw.rect(box, col, r, w, border_radius=theme.px(4))
        pygame.draw.rect(box, col, r.inflate(-2 * w - 2, -2 * w - 2), 1, border_radius=theme.px(3))
        img = pygame.transform.rotozoom(box, angle, 1.0)
        _stamps[key] = img
    return img


def stamp(surf: pygame.Surface, theme: Theme, text: str, center: tuple[int, int], angle: float = -8,
          rel: float = 1.2) -> pygame.Rect:
    """A rubber stamp centred on center; return where its picture went."""
    img = stamp_image(theme, text, angle, rel)
    rect = img.get_rect(center=center)
    surf.blit(img, rect)
    return rect


def stamp_place(theme: Theme, text: str, box: pygame.Rect, avoid: list[pygame.Rect], angle: float = -8,
                rels: tuple[float, ...] = (1.0, 0.85, 0.7)) -> tuple[float, pygame.Rect] | None:
    """Where a stamp goes in box: at its top right, else its bottom right, in the largest of rels whose ink stays
    inside box and off every rectangle of avoid (None: in none)."""
    for rel in rels:
        img = stamp_image(theme, text, angle, rel)
        ink = img.get_bounding_rect()
        for at in ((box.right - ink.right, box.top - ink.y), (box.right - ink.right, box.bottom - ink.bottom)):
            if box.contains(ink.move(at)) and ink.move(at).collidelist(avoid) < 0:
                return rel, img.get_rect(topleft=at)
    return None


def calendar_leaf(surf: pygame.Surface, theme: Theme, rect: pygame.Rect, day: dt.date) -> None:
    """A tear-off calendar page: month band, big day number, weekday."""
    p = theme.palette
    sheet(surf, theme, rect, "paper")
    band = pygame.Rect(rect.x, rect.y, rect.w, max(theme.px(14), rect.h // 4))
    pygame.draw.rect(surf, p.stamp, band)
    month = render(theme, f"{day:%B %Y}".upper(), "small", p.accent_text)
    surf.blit(month, month.get_rect(center=band.center))
    num = render(theme, str(day.day), "title")
    body = pygame.Rect(rect.x, band.bottom, rect.w, rect.bottom - band.bottom)
    surf.blit(num, num.get_rect(center=(body.centerx, body.centery - theme.px(5))))
    wd = render(theme, f"{day:%A}", "small")
    surf.blit(wd, wd.get_rect(midbottom=(body.centerx, body.bottom - theme.px(2))))


def gauge(surf: pygame.Surface, theme: Theme, rect: pygame.Rect, value: float, lo: float, hi: float,
          standing: str = "", start: float | None = None) -> None:
    """A horizontal gauge; its fill is green if it has moved the viewer's way since the start (the engine's
    Gauge.standing), red if the other way, grey if neither."""
    p = theme.palette
    pygame.draw.rect(surf, p.paper_alt, rect)
    span = (hi - lo) or 1
    frac = max(0.0, min(1.0, (value - lo) / span))
    col = p.good if standing == "good" else p.bad if standing == "bad" else p.ink_faint
    pygame.draw.rect(surf, col, (rect.x, rect.y, round(rect.w * frac), rect.h))
    if start is not None:
        x = rect.x + round(rect.w * max(0.0, min(1.0, (start - lo) / span)))
        pygame.draw.line(surf, p.ink, (x, rect.y - 2), (x, rect.bottom + 1), 2)
    pygame.draw.rect(surf, p.border, rect, 1)
