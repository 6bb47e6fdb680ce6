"""The command-line grammar. Kept free of heavy imports so that each command loads only what it needs."""

from __future__ import annotations

import argparse
import sys

SCENARIO_HELP = "scenario file (default: scenarios/1939.yaml)"

# command -> (module under game.cli, function in it)
HANDLERS = {
    "play": ("front", "play"),
    "screenshot": ("front", "screenshot"),
    "check": ("check", "run"),
    "simulate": ("simulate", "run"),
    "run": ("run", "run"),
    "handouts": ("handouts", "run"),
    "schema": ("schema_cmd", "run"),
    "test": ("test_cmd", "run"),
    "host": ("host", "run"),
}


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors print a short message and exit 2."""

    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="main.py", description="Moscow 1939: a diplomacy game of the spring and summer of 1939. "
                                                "Without a command, the game starts in a window.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for add in _COMMANDS:
        add(sub)
    return parser


def _add_play(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("play", help="play in a window (the default command)", description="Play a scenario in a window.")
    p.add_argument("scenario", nargs="?", help=SCENARIO_HELP)
    p.add_argument("--seed", type=int, help="random seed, the class code (default: a new one)")
    p.add_argument("--seats", metavar="POWERS", help="start a game at once where these powers are played by people, "
                   "taking turns at this window (comma-separated ids, e.g. ussr,britain,germany); the AI plays "
                   "the rest")
    p.add_argument("--load", help="a save file to continue")
    p.add_argument("--fullscreen", action="store_true", help="start in fullscreen")
    _add_class_options(p)


def _add_host(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("host", help="serve a class game to the teams' own devices (browsers on the network)",
                       description="Host a class game: each seat joins from a web browser with its join code "
                                   "(docs/NETWORK.md). Binds to 127.0.0.1 unless --bind is given.")
    p.add_argument("scenario", nargs="?", help=SCENARIO_HELP)
    p.add_argument("--seats", metavar="POWERS", help="the powers the teams play (comma-separated ids, e.g. "
                   "ussr,britain,germany); the AI plays the rest")
    p.add_argument("--port", type=int, default=8039, help="the port to serve on (default 8039; 0: any free port)")
    p.add_argument("--bind", default="127.0.0.1", metavar="ADDR", help="the address to serve on (default "
                   "127.0.0.1, this machine only; 0.0.0.0 for the classroom's network)")
    p.add_argument("--seed", type=int, help="random seed, the class code (default: a new one)")
    p.add_argument("--headless", action="store_true", help="no window: print one JSON line per seat "
                   "({\"seat\", \"code\", \"url\"}) and serve until Ctrl-C")
    p.add_argument("--resume", metavar="SAVE", help="go on with a hosted game from its autosave, with the same "
                   "seats and join codes (the next lesson: with --stop, where it ends)")
    _add_class_options(p)


def _add_class_options(p: argparse.ArgumentParser) -> None:
    c = p.add_argument_group("a class game (with --seats)")
    c.add_argument("--class", dest="class_name", metavar="NAME", help="the class's name, shown in saves and exports")
    c.add_argument("--teams", metavar="NAMES", help="each seat's team name, comma-separated in the order of --seats")
    c.add_argument("--pin", help="the teacher's PIN (digits) for the teacher's console")
    c.add_argument("--start", metavar="CHECKPOINT", help="start at one of the scenario's checkpoints (the "
                   "documented path is played up to it)")
    c.add_argument("--stop", metavar="CHECKPOINT", help="end the lesson at one of the scenario's checkpoints "
                   "(the game is saved under the class's name and code)")
    c.add_argument("--timer", type=int, metavar="MINUTES", help="minutes for each seat's turn (default: no timer)")
    c.add_argument("--hide-odds", action="store_true", help="drafts show no forecast of the answers")
    c.add_argument("--hide-consequences", action="store_true", help="show no known consequences of decisions")
    c.add_argument("--require-reason", action="store_true", help="every decision needs a typed reason")


def _add_check(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="validate scenario files (exit 0 valid, 1 invalid)",
                       description="Validate scenario files. Errors print as PATH:LINE:COL: error: message.")
    p.add_argument("scenarios", nargs="+", metavar="SCENARIO", help="scenario YAML file(s)")
    p.add_argument("--json", action="store_true", help="print one JSON object per file, as a list")


def _add_simulate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("simulate", help="play many headless games and count the outcomes",
                       description="Play many headless games (game i uses seed S+i) and count the outcomes.")
    p.add_argument("scenario", nargs="?", help=SCENARIO_HELP)
    p.add_argument("--games", type=int, default=1000, help="number of games (default 1000)")
    p.add_argument("--seed", type=int, default=1, help="seed of the first game (default 1)")
    p.add_argument("--policy", help="policy of the player's power (default random; with --coverage, every policy)")
    p.add_argument("--power", help="the power the policy plays (default: the scenario's player)")
    p.add_argument("--coverage", action="store_true", help="list what the games by each policy never reached: "
                   "events never fired, actions never taken, clauses never signed, outcomes, sources never unlocked")
    p.add_argument("--json", action="store_true", help="print the result as JSON")


def _add_run(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="play one headless game from a script or a policy", description=(
        "Play one headless game. With --script, the powers its steps name are played from the file "
        "(actions: [{turn, power, kind, target, clauses, option, why, votes}]) and then end their weeks; with "
        "--policy, the player's power is played by that policy. Prints the final state."))
    p.add_argument("scenario", nargs="?", help=SCENARIO_HELP)
    p.add_argument("--script", help="YAML or JSON script of actions")
    p.add_argument("--policy", help="policy for the player's power (instead of a script)")
    p.add_argument("--power", help="the power the policy plays (default: the scenario's player)")
    p.add_argument("--seed", type=int, help="random seed (default: the script's seed, else 1)")
    p.add_argument("--debrief", metavar="DIR", help="also write the debrief (HTML) and the decisions (CSV) into DIR")
    p.add_argument("--json", action="store_true", help="print the final state and the event log as JSON")


def _add_handouts(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("handouts", help="write print-ready role cards, source handouts and a teacher's sheet",
                       description="Write three HTML files to print (A4 or Letter): a role card set for every power "
                                   "(briefing, aims, secret aims, people, actions, treaties), the source cards "
                                   "grouped by perspective, and a teacher's sheet.")
    p.add_argument("scenario", nargs="?", help=SCENARIO_HELP)
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write into")


def _add_test(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("test", help="run a scenario's scripted tests (exit 0 pass, 1 fail)", description=(
        "Play the tests of NAME.tests.yaml beside the scenario: scripted or policy playthroughs with expectations "
        "(outcome, end date, meters, flags, treaties, log entries, at a date or at the end). A failure prints as "
        "PATH:LINE:COL: error: message, pointing into the tests file."))
    p.add_argument("scenario", nargs="?", help=SCENARIO_HELP)
    p.add_argument("--tests", help="the tests file (default: NAME.tests.yaml beside the scenario)")
    p.add_argument("--verbose", "-v", action="store_true", help="also print each test that passes")


def _add_schema(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("schema", help="print the JSON Schema of the scenario format",
                   description="Print the JSON Schema of the scenario format (also in schema/scenario.schema.json).")


def _add_screenshot(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("screenshot", help="render every screen to PNG without a display",
                       description="Render every screen with a representative state to PNG files.")
    p.add_argument("scenario", nargs="?", help=SCENARIO_HELP)
    p.add_argument("--out", default="screenshots", help="output folder (default: screenshots)")


# in the order `--help` lists them
_COMMANDS = (_add_play, _add_host, _add_check, _add_simulate, _add_run, _add_handouts, _add_test, _add_schema, _add_screenshot)
