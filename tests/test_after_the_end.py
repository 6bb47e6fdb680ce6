"""Once the game has ended, nothing dated after its end is shown as having happened. A week's dated events fire
at its start, before anyone acts (so nothing is fired after the end); a treaty an AI power signs earlier that week
ends the game before their day, and the log shown leaves them out."""

from __future__ import annotations

from game.engine import Game
from game.engine.view import PowerView
from game.scenario import load_scenario
from tests.conftest import ROOT


def _pact_signed_early() -> Game:
    """1939 played by the game, the USSR courting Berlin: signed on 31 July, the first day of a week whose
    dated events (2 and 5 August) had fired at its start."""
    sc = load_scenario(ROOT / "scenarios" / "1939.yaml")
    game = Game.new(sc, seed=0, policies={"ussr": "germany"})
    game.run_until_human()
    assert game.state.end_date == "1939-07-31"
    assert any(e.date > game.state.end_date for e in game.state.log)   # the engine's record keeps them
    return game


def test_no_entry_dated_after_the_end_is_shown_once_the_game_is_over():
    game = _pact_signed_early()
    end = game.state.end_date
    for power in (None, "ussr", "britain"):
        assert all(e.date <= end for e in game.inbox(power)), power
    shown = PowerView(game, "ussr").inbox()
    assert all(e.date <= end for e in shown) and shown[-1].kind == "outcome"


def test_the_run_command_prints_nothing_dated_after_the_end(capsys):
    from game.cli.report import final_report
    from game.cli.run import print_report

    game = _pact_signed_early()
    print_report(final_report(game, "germany"))
    printed = capsys.readouterr().out.split("\n\nOutcome")[0].splitlines()
    assert printed and all(line[:10] <= game.state.end_date for line in printed)
