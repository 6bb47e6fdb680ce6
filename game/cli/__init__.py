"""The command line: play, check, simulate, run, schema, screenshot."""

from __future__ import annotations

import importlib
import sys

from .parser import HANDLERS, build_parser
from .terminal import shown


def main(argv: list[str] | None = None) -> int:
    """Run a command; usage errors exit 2; no traceback and no raw control character reaches the user."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        argv = ["play", *argv]
    with shown():
        return _run(argv)


def _run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    from .common import UsageError

    try:
        module, function = HANDLERS[args.command]
        return getattr(importlib.import_module(f"{__package__}.{module}"), function)(args)
    except UsageError as exc:
        print(f"main.py {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a last guard: report, never a traceback
        from .crash import report_crash

        return report_crash(exc, args.command)
