"""The command line: play, check, simulate, run, schema, screenshot."""

from __future__ import annotations

import argparse
import sys

from . import check, front, run, schema_cmd, simulate
from .common import UsageError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="Moscow 1939: a diplomacy game of the spring and summer of 1939.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    front.add_parsers(sub)
    check.add_parser(sub)
    simulate.add_parser(sub)
    run.add_parser(sub)
    schema_cmd.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; usage errors exit 2; no traceback reaches the user."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        argv = ["play", *argv]
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"main.py {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a last guard: report, never a traceback
        from .crash import report_crash

        return report_crash(exc)
