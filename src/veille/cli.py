"""Command-line entry point: `veille [--db FILE] COMMAND ...`.

Each command lives next to the code it drives; a module exposes `add_command(subparsers)` which registers its
sub-parser and sets `func(args) -> int`. This file only gathers them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

# module path -> registers one or more sub-commands
COMMAND_MODULES = (
    "veille.commands.ingest",
    "veille.commands.kb",
    "veille.commands.export",
    "veille.time.cli",
    "veille.facts.cli",
    "veille.reuse.cli",
    "veille.web.cli",
    "veille.spark",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="veille", description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("VEILLE_DB", "veille.sqlite"),
                        help="SQLite knowledge base (default ./veille.sqlite, or $VEILLE_DB)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a command whose module is not written yet
            if exc.name and exc.name.startswith("veille"):
                continue
            raise
        register = getattr(module, "add_command", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
