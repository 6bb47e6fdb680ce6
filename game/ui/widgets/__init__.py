"""Small hand-made widgets with keyboard focus, shortcuts, tooltips and scrolling."""

from .buttons import Button, Option, Tab
from .core import Control, Scroller, ScrollText, Widget
from .items import Item, ListItem
from .text import Block, draw_lines, layout_blocks, render, wrap

__all__ = ["Block", "Button", "Control", "Item", "ListItem", "Option", "ScrollText", "Scroller", "Tab", "Widget",
           "draw_lines", "layout_blocks", "render", "wrap"]
