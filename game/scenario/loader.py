"""Load and validate a scenario file into an immutable Scenario."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from ..files import read_regular
from .diagnostics import NOWHERE, Report, ScenarioError
from .format import BUILTIN_POLICIES, FORMAT_VERSION, SAVE_STATE_BYTES, SCENARIO
from .growth import MAX_LOG_ENTRIES, log_bound
from .maps import check_map
from .model import Scenario
from .offices import check_names
from .overlay import Chain, id_sections, resolve
from .spec import INVALID, Context
from .walk import effects_in
from .yamlsource import MAX_BYTES, LocDict, decode, parse


def load_scenario(path: str | Path) -> Scenario:
    """Load a scenario; raise ScenarioError listing every problem found."""
    scenario, report = check_scenario(path)
    if scenario is None:
        raise ScenarioError(report.errors)
    return scenario


def check_scenario(path: str | Path) -> tuple[Scenario | None, Report]:
    """Validate a file; return the scenario (None if invalid) and all diagnostics."""
    path = Path(path)
    report = Report(str(path))
    try:
        data = read_regular(path, MAX_BYTES + 1)
    except FileNotFoundError:
        report.error(NOWHERE, "no such file")
        return None, report
    except IsADirectoryError:
        report.error(NOWHERE, "is a directory, not a file")
        return None, report
    except OSError as exc:
        report.error(NOWHERE, f"cannot read file: {exc.strerror or exc}")
        return None, report
    return check_data(data, str(path), report)


OVERLAY_SECTIONS = frozenset(id_sections(SCENARIO))


def check_data(data: bytes, name: str, report: Report | None = None) -> tuple[Scenario | None, Report]:
    """Validate scenario bytes that came from `name` (with the bases it extends, relative to it)."""
    report = report or Report(name)
    try:
        raw = parse(decode(data, name), name, report)
    except ScenarioError as exc:
        report.items.extend(exc.diagnostics)
        return None, report
    found = len(report.errors)   # (a duplicate key: reported, and the rest of the file is checked too)
    raw, chain = resolve(raw, name, data, report, SCENARIO)
    if len(report.errors) > found:   # a file of the chain could not be used
        return None, report
    scenario = _validate(raw, report)
    if scenario is not None and not report.errors:
        scenario = dataclasses.replace(scenario, map=check_map(scenario.map, scenario, raw, name, report))
    if scenario is None or report.errors:
        return None, report
    return dataclasses.replace(scenario, path=name, sha256=chain_sha256(chain), bases=chain.bases), report


def chain_sha256(chain: Chain) -> str:
    """The content hash of a scenario: its file's bytes, and those of every base it extends, so that a save
    notices a changed base. A file that extends nothing keeps the plain hash of its bytes."""
    digest = hashlib.sha256(chain.data[0])
    for data in chain.data[1:]:
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def _validate(raw: object, report: Report) -> Scenario | None:
    if not isinstance(raw, LocDict):
        report.error(getattr(raw, "pos", NOWHERE), "a scenario file must be a mapping of fields (format:, id:, ...)")
        return None
    if "format" not in raw:
        # say so, then check the rest as the current format: the author learns of every other error too
        report.error(raw.pos, f"missing 'format: {FORMAT_VERSION}' (the version of the scenario format); "
                              "add it as the first line")
        raw = _with_format(raw)
    elif raw["format"] != FORMAT_VERSION:
        report.error(raw.at("format"), f"unsupported format {raw['format']!r}; this game reads format: {FORMAT_VERSION}")
        return None
    ctx = Context(report)
    fields, ok = SCENARIO.check_parts(raw, ctx)
    ctx.resolve_refs()
    if not ok or report.errors:
        _check_valid_parts(fields, raw, ctx)
        return None
    _check_whole(fields, raw, ctx)
    if report.errors:
        return None
    player = fields["player"]
    fields["events"] = tuple(
        dataclasses.replace(e, chooser=e.chooser or player) if e.choices else e for e in fields["events"]
    )
    return Scenario(**fields)


def _with_format(raw: LocDict) -> LocDict:
    """A copy of the top-level mapping with `format` filled in, keeping every position."""
    copy = LocDict(raw, format=FORMAT_VERSION)
    copy.pos, copy.key_pos, copy.value_pos = raw.pos, raw.key_pos, raw.value_pos
    return copy


def _positions(raw: LocDict, section: str) -> dict[str, object]:
    """Map ids of a top-level list to their positions."""
    items = raw.get(section) or []
    return {item.get("id"): items.at(i) for i, item in enumerate(items) if isinstance(item, dict)}


def _check_deadline(fields: dict, raw: LocDict, ctx: Context) -> None:
    """Exactly one outcome is the deadline; every other one has a condition."""
    deadline = [o for o in fields["outcomes"] if o.deadline]
    if len(deadline) != 1:
        ctx.report.error(raw.at("outcomes"), f"exactly one outcome needs 'deadline: true' (found {len(deadline)})")
    where = _positions(raw, "outcomes")
    for outcome in fields["outcomes"]:
        if not outcome.deadline and outcome.when is None:
            ctx.report.error(where[outcome.id],
                             f"outcome {outcome.id!r} needs a 'when' condition (or 'deadline: true')")


def _check_log_bound(fields: dict, raw: LocDict, ctx: Context) -> None:
    """A whole game logs no more than the limit."""
    calendar = fields["calendar"]
    entries = log_bound(fields)
    if entries > MAX_LOG_ENTRIES:
        ctx.report.error(raw.key_pos.get("calendar", raw.pos),
                         f"a game of this scenario could log {entries:,} entries (repeating events, "
                         f"actions, negotiations and AI rules over {calendar.last_turn} turns); "
                         f"the limit is {MAX_LOG_ENTRIES:,}: shorten the calendar or let fewer "
                         "things repeat")


def _check_dates(fields: dict, raw: LocDict, ctx: Context) -> None:
    """Dated events and record entries lie inside the calendar."""
    calendar = fields["calendar"]
    where = _positions(raw, "events")
    for event in fields["events"]:
        if event.date and not calendar.start <= event.date <= calendar.end:
            ctx.report.error(where[event.id], f"event {event.id!r} is dated {event.date}, outside the calendar "
                                              f"{calendar.start}..{calendar.end}")
    entries = raw.get("record") or []
    for i, entry in enumerate(fields["record"]):
        if not calendar.start <= entry.date <= calendar.end:
            ctx.report.error(entries.at(i), f"record entry of {entry.date} lies outside the calendar "
                                            f"{calendar.start}..{calendar.end}")
    _check_checkpoint_dates(fields, raw, ctx)


def _check_checkpoint_dates(fields: dict, raw: LocDict, ctx: Context) -> None:
    """A checkpoint lies inside the calendar, and no two share a week (each is the start of its week)."""
    calendar, where, weeks = fields["calendar"], _positions(raw, "checkpoints"), {}
    for point in fields["checkpoints"]:
        week = calendar.turn_of(point.date)
        if not calendar.start <= point.date <= calendar.end:
            ctx.report.error(where[point.id], f"checkpoint {point.id!r} is dated {point.date}, outside the calendar "
                                              f"{calendar.start}..{calendar.end}")
        elif week in weeks:
            ctx.report.error(where[point.id], f"checkpoints {weeks[week]!r} and {point.id!r} fall in the same week "
                                              f"(week {week}); a lesson starts or stops at the start of a week")
        weeks.setdefault(week, point.id)


def _check_policy_ids(fields: dict, raw: LocDict, ctx: Context) -> None:
    """No scenario policy takes a built-in policy's id."""
    where = _positions(raw, "policies")
    for policy in fields["policies"]:
        if policy.id in BUILTIN_POLICIES:
            ctx.report.error(where[policy.id], f"policy id {policy.id!r} is reserved for a built-in policy")


def _check_flags(fields: dict, raw: LocDict, ctx: Context) -> None:
    """Warn of flags tested but never set."""
    for flag, pos in ctx.flags_tested.items():
        if flag not in ctx.flags_set:
            ctx.report.warn(pos, f"flag {flag!r} is tested but never set")


def _check_save_growth(fields: dict, raw: LocDict, ctx: Context) -> None:
    _warn_of_save_growth(fields, raw, ctx.report)


def _check_sources_shown(fields: dict, raw: LocDict, ctx: Context) -> None:
    """Warn of source cards nothing shows or unlocks."""
    shown = {s for a in fields["actions"] for s in a.sources}
    shown |= {s for e in fields["events"] for s in e.sources}
    shown |= {s for o in fields["outcomes"] for s in o.sources}
    shown |= _unlocked_by_effects(fields)
    where = _positions(raw, "sources")
    for source in fields["sources"]:
        if not source.unlocked and source.id not in shown:
            ctx.report.warn(where[source.id], f"source card {source.id!r} is never shown (no event, action or "
                                              "outcome names it and it is not unlocked)")


def _check_later(fields: dict, raw: LocDict, ctx: Context) -> None:
    """The checks the sections left for when the whole scenario is known (conditions that can never hold)."""
    for check in ctx.later:
        check(fields)


_WHOLE_CHECKS = (_check_deadline, _check_log_bound, _check_dates, _check_policy_ids, _check_flags,
                 _check_save_growth, _check_sources_shown, check_names, _check_later)


# the checks across sections that find errors, with the sections each reads
_ERROR_CHECKS = ((_check_deadline, ("outcomes",)), (_check_dates, ("calendar", "events", "record")),
                 (_check_policy_ids, ("policies",)))


def _check_valid_parts(fields: dict, raw: LocDict, ctx: Context) -> None:
    """In a scenario with errors, the checks across sections that find errors, where their sections are valid:
    every error of the file is reported in one pass."""
    for check, sections in _ERROR_CHECKS:
        if all(fields.get(name, INVALID) is not INVALID for name in sections):
            check(fields, raw, ctx)


def _check_whole(fields: dict, raw: LocDict, ctx: Context) -> None:
    """Checks that look across sections, in a fixed order."""
    for check in _WHOLE_CHECKS:
        check(fields, raw, ctx)


def _logged_bytes(event) -> int:
    """About what one firing of an event adds to a save (its log entry, and its choice's)."""
    entry = len(event.title.encode()) + len(event.text.encode()) + 2 * len(event.id) + 40 * len(event.sources) + 150
    return entry + (max(len(c.text.encode()) for c in event.choices) + 150 if event.choices else 0)


def _warn_of_save_growth(fields: dict, raw: LocDict, report: Report) -> None:
    """Warn (at the largest repeating event, or at the meters) if a whole game could log more than a save keeps
    whole: every repeating event firing every week, and every meter recorded every week."""
    weeks = fields["calendar"].last_turn
    repeating = [e for e in fields["events"] if e.repeat]
    events = sum(_logged_bytes(e) for e in repeating)
    meters = sum(len(m.id) + 25 for m in fields["meters"])
    total = (events + meters) * weeks
    if total <= SAVE_STATE_BYTES:
        return
    kb = 1024
    if repeating and events >= meters:
        biggest = max(repeating, key=_logged_bytes)
        where = _positions(raw, "events")[biggest.id]
        what = (f"its {len(repeating)} repeating events log about {events // kb} KB every week they fire "
                f"(this one {_logged_bytes(biggest) // kb} KB)")
    else:
        where = raw.at("meters")
        what = f"its {len(fields['meters'])} meters add about {meters // kb} KB of history every week"
    report.warn(where, f"saves of this scenario could grow to about {total / kb / kb:.0f} MB over {weeks} weeks: "
                       f"{what}. Past {SAVE_STATE_BYTES // kb // kb} MB a save keeps only the seed and the actions "
                       "and is rebuilt when loaded, which is slower; shorten the texts, or let repeating events "
                       "stop (a 'when' that ends)")


def _unlocked_by_effects(fields: dict) -> set[str]:
    return {e.arg for e in effects_in(fields) if e.kind == "unlock"}
