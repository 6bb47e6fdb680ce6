"""The week loop: a week begins and fires its events; when every human has ended it, the AI powers act,
meters drift, endings are checked and the calendar moves on."""

from __future__ import annotations

from .effects import clamp, run_effects
from .ledger import Cause
from .target import Play

DRIFT = Cause("drift")


def begin(game: Play) -> None:
    """Start the week the state is in: its date, everyone's points, then its events."""
    st, cx = game.st, game.cx
    st.today = cx.week_start(st.turn)
    st.ended = []
    st.budget = dict(cx.budgets)
    st.week_step = 0
    carry_on(game)


def carry_on(game: Play) -> None:
    """Fire the week's dated events in date order, pausing while a human owes an answer to one of them
    (so that nothing dated later is seen first); then the undated events, once; then check the endings."""
    st = game.st
    if _fire_dated(game) and st.outcome is None and not st.pending:
        st.week_step += 1   # past the dated events: the undated ones are checked once a week
        _fire_undated(game)
        check_outcomes(game)


def _fire_dated(game: Play) -> bool:
    """Fire the week's dated events from where the week stands (st.week_step); False if it had to pause."""
    st = game.st
    fired, dated = st.fired, game.cx.dated.get(st.turn, ())
    while st.week_step < len(dated):
        if st.outcome is not None or st.pending:
            return False
        check = dated[st.week_step]
        st.week_step += 1
        if check.ident not in fired and check.when(st) and (check.chance >= 1.0 or game.random() < check.chance):
            game.fire(check.event)
    return st.week_step == len(dated)


def _fire_undated(game: Play) -> None:
    """Fire the undated events whose condition holds (a repeating one at most once a week), in file order."""
    st = game.st
    fired, turn = st.fired, st.turn
    for check in game.cx.undated_in(turn):
        if st.outcome is not None:
            return
        last = fired.get(check.ident)
        if ((last is None or (check.repeat and last != turn)) and check.when(st)
                and (check.chance >= 1.0 or game.random() < check.chance)):
            game.fire(check.event)


def resolve(game: Play) -> None:
    """AI powers act, drafts are answered, meters drift, outcomes are checked, the calendar advances."""
    st, sc, cx = game.st, game.sc, game.cx
    for power, controller in game.ai_turns:
        if st.outcome is not None:
            break
        controller.act(game, power)
    game.diary.settle()   # the AI powers acted on their own days: the week's entries in date order
    if st.outcome is not None:
        return
    drift(game)
    st.history.append(dict(st.meters))
    check_outcomes(game)
    if st.outcome is not None:
        return
    if st.turn >= cx.last_turn:
        end(game, next(o.id for o in sc.outcomes if o.deadline), sc.calendar.end.isoformat())
        return
    st.turn += 1
    begin(game)


def drift(game: Play) -> None:
    """The gauges drift by their weekly amount (put down to the week's drift in a game that keeps a ledger)."""
    meters, ledger = game.st.meters, game.ledger
    if ledger is not None:
        ledger.open(DRIFT)
    for drift in game.cx.drifts:
        meters[drift.meter] = clamp(meters[drift.meter] + drift.by, drift.lo, drift.hi)
    if ledger is not None:
        ledger.close()


def check_outcomes(game: Play) -> None:
    """End the game with the first ending whose condition holds (none can before a treaty, if all need one)."""
    st, cx = game.st, game.cx
    if st.outcome is not None or (not game.table.any_signed and cx.endings_need_treaty):
        return
    for ending in cx.endings:
        if ending.holds(st):
            end(game, ending.ident)
            return


def _ending_day(game: Play, outcome_id: str) -> str:
    """The day an ending is reached: that of this week's latest entry its condition names (the signature of the
    treaty that makes it hold, the event it waits for), so that the game ends when the signing card says;
    failing one, the week's latest day so far."""
    st = game.st
    named = game.diary.named(st.turn, game.cx.ending_causes[outcome_id].refs)
    return named or max(st.today, game.diary.latest(st.turn))


def end(game: Play, outcome_id: str, date: str | None = None) -> None:
    """End the game with an outcome; apply its effects and record the final meters."""
    st = game.st
    if st.outcome is not None:
        return
    outcome = game.sc.outcome(outcome_id)
    st.outcome = outcome_id
    st.end_date = st.today = date or _ending_day(game, outcome_id)
    st.pending = []
    game.log("outcome", outcome.title, outcome.summary, ref=outcome_id, sources=outcome.sources)
    game.unlock(outcome.sources)
    run_effects(game, game.cx.effects["outcome", outcome_id], Cause("outcome", outcome_id))
    st.history.append(dict(st.meters))
