"""Small hand-made widgets with keyboard focus, shortcuts, tooltips and scrolling."""

from .core import Button, Scroller, ScrollText, Widget
from .text import Block, draw_lines, layout_blocks, render, wrap

__all__ = ["Block", "Button", "ScrollText", "Scroller", "Widget", "draw_lines", "layout_blocks", "render", "wrap"]
