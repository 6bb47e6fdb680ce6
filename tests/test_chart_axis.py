"""The gauges' chart spans the weeks the game had: from week 1 to the week it ended, never a week it did not play."""

from __future__ import annotations

from game.engine import Action, Game, debrief
from game.engine.compiled import played_weeks
from game.engine.debrief import history_weeks
from game.export.chart_svg import svg_chart
from tests.test_debrief import passive_1939


def test_a_1939_game_to_its_deadline_is_charted_over_weeks_1_to_19():
    game = passive_1939(3)
    weeks = history_weeks(game)
    assert len(weeks) == len(game.state.history) and weeks[0] == 0 and weeks[-1] == 19
    meters = [{"id": m.id, "name": m.name, "min": m.min, "max": m.max, "start": m.start}
              for m in game.scenario.meters if m.shown("ussr")]
    svg = svg_chart(game.state.history, weeks, meters)
    assert "weeks 1–19" in svg and "20" not in svg.split("weeks")[-1]


def test_a_game_ended_before_its_deadline_is_charted_to_the_week_it_ended(mini):
    game = Game.new(mini, seed=2, humans=["red"])
    while not game.over:
        for event in game.pending_choices("red"):
            game.submit(Action("choose", "red", event.id, option="ignore"))
        game.submit(Action("end_turn", "red"))
    data = debrief(game, "red")
    weeks = data["history_weeks"]
    assert len(weeks) == len(data["history"]) and weeks == sorted(weeks) and weeks[-1] == min(game.state.turn, played_weeks(mini))


def test_the_window_chart_names_the_same_weeks(monkeypatch):
    import pygame

    from game.ui import chart
    from game.ui.theme import Theme

    said: list[str] = []
    real = chart.render
    monkeypatch.setattr(chart, "render", lambda th, text, *a, **k: (said.append(text), real(th, text, *a, **k))[1])
    game = passive_1939(3)
    meters = [m for m in game.scenario.meters if m.shown("ussr")]
    pygame.init()
    surf = pygame.Surface((800, 400))
    chart.draw_chart(surf, Theme((1920, 1080)), pygame.Rect(0, 0, 800, 400), game.state.history,
                     history_weeks(game), meters)
    assert "weeks 1–19" in said


class Noting(__import__("pygame").Surface):
    """A surface that notes where each surface is blitted on it."""

    def __init__(self, size):
        super().__init__(size)
        self.placed: list = []

    def blit(self, source, dest, area=None, special_flags=0):
        import pygame

        self.placed.append((source, pygame.Rect(dest, source.get_size())))
        return super().blit(source, dest, area, special_flags)


def test_the_charts_numbers_and_axis_stay_inside_its_frame_with_projector_text(monkeypatch):
    import pygame

    from game.ui import chart
    from game.ui.theme import Theme

    texts: dict[int, str] = {}
    real = chart.render

    def noted(th, text, *a, **k):
        surf = real(th, text, *a, **k)
        texts[id(surf)] = text
        return surf

    monkeypatch.setattr(chart, "render", noted)
    game = passive_1939(3)
    meters = [m for m in game.scenario.meters if m.shown("ussr")]
    pygame.init()
    theme = Theme((1280, 720), text_step=3)
    surf = Noting((1280, 720))
    frame = pygame.Rect(655, 57, 605, 238)   # the ending's chart at 1280x720 with projector text
    chart.draw_chart(surf, theme, frame, game.state.history, history_weeks(game), meters)
    inside = frame.inflate(-2, -2)
    out = [texts[id(s)] for s, at in surf.placed if id(s) in texts and not inside.contains(at)]
    assert not out, out
