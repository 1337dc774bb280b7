"""The command line: the GUI by default, and commands over the same Qt-free core."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from netjourney import __version__
from netjourney.core import paths
from netjourney.core.errors import RecordError
from netjourney.core.guide import GuideError, load_guide
from netjourney.core.record import JourneyRecord


def _open_record(args: argparse.Namespace) -> JourneyRecord:
    return JourneyRecord.open(paths.resolve_database_path(args.db), load_guide())


def cmd_guide(args: argparse.Namespace) -> int:
    guide = load_guide()
    width = max(len(s.id) for s in guide.sections)
    for section in guide.sections:
        print(f"{section.id:<{width}}  {section.title}")
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    from netjourney.export.json_io import export_json

    record = _open_record(args)
    try:
        export_json(record, Path(args.out))
        print(f"Exported {_count_text(record.counts())} to {args.out}")
    finally:
        record.close()
    return 0


def cmd_import_json(args: argparse.Namespace) -> int:
    from netjourney.export.json_io import import_json

    record = _open_record(args)
    try:
        counts = import_json(record, Path(args.source))
        print(f"Imported {_count_text(counts)} into {record.path}")
    finally:
        record.close()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from netjourney.core.demo import fill_demo

    record = _open_record(args)
    try:
        counts = fill_demo(record, datetime.now(UTC))
        print(f"Filled {record.path} with a sample journey: {_count_text(counts)}")
    finally:
        record.close()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from netjourney.core.checks import check_record

    report = check_record(paths.resolve_database_path(args.db))
    print("\n".join(report.lines()))
    return 0 if report.healthy else 1


def _count_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{count} {table.replace('_', ' ')}" for table, count in counts.items())


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS,
        help=f"the record file (default: ${paths.DATABASE_ENV_VAR}, then "
        "the user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="netjourney", parents=[common],
        description="NET Journey: organize a lung neuroendocrine tumor treatment journey.",
    )
    parser.add_argument("--version", action="version", version=f"netjourney {__version__}")
    parser.add_argument(
        "--exit-after-start", action="store_true",
        help="open the window with the record, let it paint, and exit (for scripts and CI)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add(commands, common, "guide", cmd_guide, "list the guide's section ids and titles")
    _add(commands, common, "export-json", cmd_export_json, "write the whole record as JSON",
         ("out", "the JSON file to write"))
    _add(commands, common, "import-json", cmd_import_json, "load a JSON export into an empty record",
         ("source", "the JSON file to read"))
    _add(commands, common, "demo", cmd_demo, "fill an empty record with a sample journey")
    _add(commands, common, "check", cmd_check, "check the record file without changing it")
    return parser


def _add(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    name: str,
    handler: Callable[[argparse.Namespace], int],
    help_text: str,
    *positionals: tuple[str, str],
) -> None:
    sub = commands.add_parser(name, parents=[common], help=help_text, description=help_text)
    for positional, positional_help in positionals:
        sub.add_argument(positional, help=positional_help)
    sub.set_defaults(handler=handler)


def main(argv: Sequence[str] | None = None) -> int:
    paths.restrict_new_files()
    args = build_parser().parse_args(argv)
    args.db = getattr(args, "db", None)
    if args.command is None:
        from netjourney.gui.app import run_gui

        return run_gui(args.db, exit_after_start=args.exit_after_start)
    try:
        return int(args.handler(args))
    except (RecordError, GuideError) as error:
        print(f"netjourney: {error}", file=sys.stderr)
        return 1
