"""At 1280×720 with normal, large and projector text the event screen gives a question the room it needs: its title whole, every
option's known consequences whole, and a telegram of nearly six lines or more, its title the first (it scrolls on;
before, as few as two and a half lines showed under the cut title)."""

from __future__ import annotations

import pytest

from game.ui.screens.event import EventDialog
from game.ui.widgets.caption import Caption
from game.ui.widgets.core import ScrollText
from game.ui.widgets.items import ListItem


@pytest.mark.parametrize("step", [1, 2, 3], ids=["normal", "large", "projector"])
def test_every_question_of_1939_is_shown_whole_at_1280x720(app, step):
    app.settings.text_step = step
    app.restyle()
    app.new_game(None, 3)
    th = app.theme
    short = []
    for event in app.session.scenario.events:
        if not event.choices:
            continue
        dialog = EventDialog(app, event)
        app.push(dialog)
        dialog.ensure_layout()
        titles = [w for w in dialog.widgets if isinstance(w, Caption)]
        if any(w.tooltip for w in titles):
            short.append(f"{event.id}: title cut")
        if any(w.item.sub_lines for w in dialog.widgets if isinstance(w, ListItem)):
            short.append(f"{event.id}: consequences cut")
        telegram = next(w for w in dialog.widgets if isinstance(w, ScrollText))
        if telegram.rect.h < 5.75 * th.line_height("type"):
            short.append(f"{event.id}: telegram of {telegram.rect.h / th.line_height('type'):.1f} lines")
        app.stack.remove(dialog)
    assert not short, "\n".join(short)
