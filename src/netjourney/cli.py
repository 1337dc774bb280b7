"""The command line: the GUI by default, and commands over the same Qt-free core."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from netjourney import __version__
from netjourney.core import paths
from netjourney.core.errors import GuideError, InvalidInputError, RecordError
from netjourney.export.parts import Part

if TYPE_CHECKING:  # the window starts from here: each command imports what it uses
    from datetime import date

    from netjourney.core.record import JourneyRecord


@contextmanager
def _opened_record(args: argparse.Namespace, *, read_only: bool = False) -> Iterator[JourneyRecord]:
    """The record named by --db (or the default), closed again when the command ends.

    A command that only reads never creates the record nor writes to it; one that writes
    into a record not there yet makes it appear only if the command succeeds.
    """
    from netjourney.core.creation import record_to_fill
    from netjourney.core.guide import load_guide
    from netjourney.core.record import JourneyRecord

    path = paths.resolve_database_path(args.db)
    if not read_only:
        with record_to_fill(path, load_guide()) as record:
            yield record
        return
    record = JourneyRecord.open(path, load_guide(), read_only=True)
    try:
        yield record
    finally:
        record.close()


def cmd_guide(args: argparse.Namespace) -> int:
    from netjourney.core.guide import load_guide

    guide = load_guide()
    width = max(len(s.id) for s in guide.sections)
    for section in guide.sections:
        print(f"{section.id:<{width}}  {section.title}")
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    from netjourney.export.json_io import export_json

    with _opened_record(args, read_only=True) as record:
        export_json(record, Path(args.out))
        _tell(args.out, f"Exported {_count_text(record.counts())} to {args.out}")
    return 0


def cmd_import_json(args: argparse.Namespace) -> int:
    from netjourney.core.creation import record_to_fill
    from netjourney.core.guide import load_guide
    from netjourney.export.json_io import import_json

    path = paths.resolve_database_path(args.db)
    with record_to_fill(path, load_guide()) as record:
        counts = import_json(record, Path(args.source))
    print(f"Imported {_count_text(counts)} into {path}")
    return 0


def cmd_upcoming(args: argparse.Namespace) -> int:
    from datetime import date

    from netjourney.core.dates import short_date
    from netjourney.core.journey.upcoming import quick_upcoming, upcoming

    today = date.today()
    items = quick_upcoming(paths.resolve_database_path(args.db), today, args.days)
    if items is None:  # not an up-to-date record: the full opening upgrades or says why
        with _opened_record(args, read_only=True) as record:
            items = upcoming(record, today, args.days)
    if not items:
        print(f"Nothing planned in the next {args.days} days.")
    for item in items:
        when = f"{short_date(item.on, weekday=True)} {item.at:>8}"
        late = " (overdue)" if item.overdue else ""
        who = f" — {item.with_whom}" if item.with_whom else ""
        print(f"{when}  {item.kind + late:<20}  {item.what}{who}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from netjourney.core.creation import record_to_fill
    from netjourney.core.guide import load_guide
    from netjourney.demo.large import fill_large_demo
    from netjourney.demo.small import fill_demo

    fill = fill_large_demo if args.size == "large" else fill_demo
    path = paths.resolve_database_path(args.db)
    with record_to_fill(path, load_guide()) as record:
        counts = fill(record, datetime.now(UTC))
    print(f"Filled {path} with a sample journey: {_count_text(counts)}")
    return 0


def cmd_situation(args: argparse.Namespace) -> int:
    from netjourney.core.situation import load_rules, path_text
    from netjourney.core.situation_store import load_situation, record_answers

    with _opened_record(args, read_only=not args.set) as record:
        situation = record_answers(record, args.set) if args.set else load_situation(record)
        print(path_text(load_rules(record.guide).path_for(situation)))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from netjourney.core.checks import check_record

    path = paths.resolve_database_path(args.db)
    report = check_record(path)
    print("\n".join(report.lines()))
    if report.healthy:
        return 0
    # The report is the output; stderr says in one line that the check failed, as every
    # failing command does, for a script that only looks there.
    print(
        f"netjourney: {_as_one_line(str(path))} did not pass the check "
        "(see the PROBLEM lines above).",
        file=sys.stderr,
    )
    return 1


def cmd_backup(args: argparse.Namespace) -> int:
    from netjourney.core.backups import back_up_to

    backup = back_up_to(paths.resolve_database_path(args.db), args.dest, force=args.force)
    print(f"Backed up {_count_text(backup.counts)} to {backup.path} (checked)")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from netjourney.core.backups import list_backups
    from netjourney.core.dates import short_date_time

    path = paths.resolve_database_path(args.db)
    found = list_backups(path)
    if not found:
        print(f"There are no backups of {path} yet.")
    # The last taken first, by number: the clock may have been set back since.
    for backup in found:
        taken = short_date_time(backup.taken_at.astimezone())
        number = f"no. {backup.sequence}" if backup.sequence else "no. -"
        print(
            f"{number:<8} {taken}  {backup.kind_label:<17}  {_count_text(backup.counts)}  "
            f"{backup.path}"
        )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from netjourney.core.recovery import restore_backup

    restored = restore_backup(Path(args.source), paths.resolve_database_path(args.db))
    print(f"Restored {_count_text(restored.counts)} into {restored.record_path} (checked)")
    if restored.set_aside:
        print(f"The record it replaced was kept as {restored.set_aside}")
    return 0


def cmd_export_pdf(args: argparse.Namespace) -> int:
    from netjourney.core.situation_store import journey_situation_blocks
    from netjourney.export.content import JourneyOptions
    from netjourney.export.pdf_journey import export_journey_pdf

    parts = _chosen_parts(args)
    with _opened_record(args, read_only=True) as record:
        options = JourneyOptions(
            include_private=args.include_private,
            date_from=args.date_from,
            date_to=args.date_to,
            parts=parts,
            patient_name=args.name,
            situation_blocks=tuple(journey_situation_blocks(record)),
        )
        pages = export_journey_pdf(record, Path(args.out), options)
        private = "with" if options.include_private else "without"
        _tell(
            args.out,
            f"Wrote the journey PDF ({_pages_text(pages)}, {private} private notes) to {args.out}",
        )
    return 0


def cmd_export_summary(args: argparse.Namespace) -> int:
    from netjourney.export.pdf_summary import export_summary
    from netjourney.export.summary_content import QuestionsFor, SummaryOptions

    options = SummaryOptions(
        patient_name=args.patient_name,
        birth_date=args.birth_date,
        questions=QuestionsFor(args.questions),
        appointment_id=args.for_appointment,
    )
    with _opened_record(args, read_only=True) as record:
        pages = export_summary(record, Path(args.out), options)
        _tell(args.out, f"Wrote the clinical summary ({_pages_text(pages)}) to {args.out}")
    return 0


def cmd_visit_sheet(args: argparse.Namespace) -> int:
    from netjourney.export.pdf_visit_sheet import export_visit_sheet

    with _opened_record(args, read_only=True) as record:
        pages = export_visit_sheet(record, args.appointment, Path(args.out))
        _tell(args.out, f"Wrote the visit sheet ({_pages_text(pages)}) to {args.out}")
    return 0


def cmd_appointments(args: argparse.Namespace) -> int:
    from netjourney.core.dates import short_date_time
    from netjourney.core.models import Appointment
    from netjourney.core.people import with_whom
    from netjourney.core.repository import all_of
    from netjourney.export.content import local_start

    with _opened_record(args, read_only=True) as record:
        appointments = all_of(record, Appointment, Appointment.starts_at)
        if not appointments:
            print("There are no appointments in this record yet.")
        width = len(str(max((a.id for a in appointments), default=0)))
        for appointment in appointments:
            start = local_start(appointment)
            facts = [
                f"{appointment.id:>{width}}",
                f"{short_date_time(start)} {start.tzname()}",
                with_whom(record.guide, appointment) or "(with whom not set)",
                appointment.location or "(where not set)",
            ]
            print("  ".join(_one_line(fact) for fact in facts))
    return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


def cmd_export_ics(args: argparse.Namespace) -> int:
    from netjourney.export.ics import export_calendar

    with _opened_record(args, read_only=True) as record:
        counts = export_calendar(record, Path(args.out), alarm_hours=args.alarm_hours)
        _tell(args.out, f"Wrote {counts} to {args.out}")
    return 0


def _part_names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def _chosen_parts(args: argparse.Namespace) -> frozenset[Part]:
    """The --parts list; its last word is OUT when OUT was written after it."""
    names = [name for written in args.parts or [] for name in written]
    known = {p.value for p in Part}
    if args.out is None and names and names[-1] not in known:
        args.out = names.pop()
    unknown = [name for name in names if name not in known]
    if unknown:
        raise InvalidInputError(
            f"{unknown[0]!r} is not a part of the journey PDF; the parts are "
            + ", ".join(sorted(known, key=[p.value for p in Part].index))
        )
    if args.out is None:
        raise InvalidInputError("Name the PDF file to write, e.g. netjourney export-pdf out.pdf")
    return frozenset(Part(name) for name in names) if names else frozenset(Part)


def _tell(out: str, message: str) -> None:
    """Say what was written; on stderr when the export itself went to standard output."""
    print(message, file=sys.stderr if out == "-" else sys.stdout)


def _pages_text(pages: int) -> str:
    return f"{pages} page{'' if pages == 1 else 's'}"


def _iso_date(text: str) -> date:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD"
        ) from None


LARGEST_RECORD_NUMBER = 2**63 - 1  # SQLite's largest row id


def _record_number(text: str) -> int:
    """A record's number as the record stores them: a whole number from 1 up."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if not 1 <= number <= LARGEST_RECORD_NUMBER:
        raise argparse.ArgumentTypeError(
            f"{text[:40]!r} is not a record number; netjourney appointments lists them"
        )
    return number


def _alarm_hours(text: str) -> float:
    try:
        hours = float(text)
    except ValueError:
        hours = -1.0
    if not 0 <= hours <= 24 * 28:  # NaN fails too
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of hours from 0 to 672")
    return hours


def _positive_days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = -1
    if not 0 <= days <= 3660:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days from 0 to 3660")
    return days


def _count_text(counts: dict[str, int] | None) -> str:
    from netjourney.core.backups import describe_counts

    return describe_counts(counts)


class _Parser(argparse.ArgumentParser):
    """Refuses bad arguments in one line (not the usage block), pointing to --help."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {_as_one_line(message)} (see {self.prog} --help)\n")


def _as_one_line(text: str) -> str:
    """The text with each line break or other unprintable character written as an escape,
    so an error that quotes what was typed stays one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class _SituationHelp(argparse.HelpFormatter):
    """The situation command's help ends with every answer and its values."""

    def format_help(self) -> str:
        from netjourney.core.situation import ANSWERS, UNKNOWN

        width = max(len(a.name) for a in ANSWERS)
        lines = [f"  {a.name:<{width}}  {', '.join([*a.values, UNKNOWN])}" for a in ANSWERS]
        return super().format_help() + "\nanswers and their values:\n" + "\n".join(lines) + "\n"


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    _add_db_option(common)
    parser = _Parser(
        prog="netjourney",
        parents=[common],
        description="NET Journey: organize a lung neuroendocrine tumor treatment journey.",
    )
    parser.add_argument("--version", action="version", version=f"netjourney {__version__}")
    _add_window_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add(commands, common, "guide", cmd_guide, "list the guide's section ids and titles")
    _add(
        commands,
        common,
        "export-json",
        cmd_export_json,
        "write the whole record as JSON",
        ("out", "the JSON file to write (- for standard output)"),
    )
    _add(
        commands,
        common,
        "import-json",
        cmd_import_json,
        "load a JSON export into an empty record",
        ("source", "the JSON file to read"),
    )
    _add(
        commands, common, "demo", cmd_demo, "fill an empty record with a sample journey"
    ).add_argument(
        "--size",
        choices=("small", "large"),
        default="small",
        help="small: a few weeks and months of lanreotide (the default); large: about five years",
    )
    _add(
        commands,
        common,
        "upcoming",
        cmd_upcoming,
        "list appointments, doses due, scans and tests planned, by date",
    ).add_argument(
        "--days",
        type=_positive_days,
        default=DEFAULT_DAYS,
        metavar="N",
        help="how many days ahead to look (default: 30); overdue doses are always listed",
    )
    _add(commands, common, "check", cmd_check, "check the record file without changing it")
    _add(
        commands,
        common,
        "backup",
        cmd_backup,
        "write a checked copy of the record",
        ("dest", "the file to write, or a folder to put it in (a name ending in / is a folder)"),
    ).add_argument("--force", action="store_true", help="replace DEST if it already exists")
    _add(commands, common, "backups", cmd_backups, "list the automatic and other backups")
    _add(
        commands,
        common,
        "restore",
        cmd_restore,
        "replace the record with a backup (the record it replaces is kept)",
        ("source", "the backup file to restore"),
    )
    _add(
        commands,
        common,
        "situation",
        cmd_situation,
        "print the path through the guide for My situation",
        formatter_class=_SituationHelp,
    ).add_argument(
        "--set",
        action="append",
        metavar="NAME=VALUE",
        default=[],
        help="record an answer first (repeatable), e.g. --set stage=IIIA --set tumor_type=atypical;"
        " the VALUE 'unknown' forgets an answer (the answers and values are listed below)",
    )
    _add_sharing_commands(commands, common)
    return parser


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"the record file (default: ${paths.DATABASE_ENV_VAR}, then the user data folder)",
    )


def _add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--exit-after-start",
        action="store_true",
        help="open the window with the record, let it paint, and exit (for scripts and CI)",
    )
    parser.add_argument(
        "--exit-after-first-paint",
        action="store_true",
        help="show the window, let it paint once, and exit before the record is opened "
        "(for the start-up benchmark)",
    )
    parser.add_argument(
        "--exit-after-home-filled",
        action="store_true",
        help="show the window, let it paint Home filled with the record's next appointment, "
        "questions and notes, and exit (for the start-up benchmark)",
    )


# A start of the window takes only these options (their flags and defaults are those
# of _add_db_option and _add_window_options in the full parser); `upcoming` takes them
# before its name, and its own after it.
WINDOW_FLAGS = ("--exit-after-start", "--exit-after-first-paint", "--exit-after-home-filled")
WINDOW_OPTIONS = ("--db", *WINDOW_FLAGS)
UPCOMING_OPTIONS = ("--db", "--days")
DEFAULT_DAYS = 30
OPTION_VALUES: dict[str, Callable[[str], object]] = {"--db": str, "--days": _positive_days}


def _light_reading(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments of a start of the window (no command) or of `netjourney upcoming`,
    read as the full parser reads them (long options, abbreviated or not, `--db PATH` or
    `--db=PATH`), without building any parser: argparse's translations of its own words
    load the locale machinery, and every command's parser costs the first paint 5% of a
    bare window and `upcoming` a tenth of its time. None for anything else (another
    command, help, a mistake), which build_parser() then reads, and refuses, as always;
    tests/test_cli_window_start.py keeps the two readings the same."""
    words = list(sys.argv[1:] if argv is None else argv)
    args = argparse.Namespace(command=None, **{_dest(flag): False for flag in WINDOW_FLAGS})
    if not _read_options(words, WINDOW_OPTIONS, args):
        return None
    if words[:1] == ["upcoming"]:
        del words[0]
        args.command, args.handler, args.days = "upcoming", cmd_upcoming, DEFAULT_DAYS
        if not _read_options(words, UPCOMING_OPTIONS, args):
            return None
    return None if words else args


def _read_options(words: list[str], options: tuple[str, ...], args: argparse.Namespace) -> bool:
    """Reads the options at the front of `words` into `args`, up to the first word that is
    not an option; False at one the full parser may read otherwise, or refuse."""
    while words and words[0].startswith("-"):
        name, has_value, value = words.pop(0).partition("=")
        option = _option_named(name, options)
        if option in OPTION_VALUES:
            if not has_value:
                if not words or words[0].startswith("-"):
                    return False  # no value, or one the full parser may read as an option
                value = words.pop(0)
            try:
                setattr(args, _dest(option), OPTION_VALUES[option](value))
            except argparse.ArgumentTypeError:
                return False  # the full parser says why
        elif option is None or has_value:
            return False  # not an option here, or a flag given a value
        else:
            setattr(args, _dest(option), True)
    return True


def _option_named(name: str, options: tuple[str, ...]) -> str | None:
    """The option `name` stands for, whole or as an unambiguous prefix, as argparse allows."""
    if not name.startswith("--") or name == "--":
        return None
    if name in options:
        return name
    matches = [option for option in options if option.startswith(name)]
    return matches[0] if len(matches) == 1 else None


def _dest(flag: str) -> str:
    return flag.removeprefix("--").replace("-", "_")


def _add_sharing_commands(
    commands: argparse._SubParsersAction[_Parser],
    common: _Parser,
) -> None:
    pdf = _add(
        commands,
        common,
        "export-pdf",
        cmd_export_pdf,
        "write the journey PDF to share with family (private notes left out)",
    )
    # OUT may follow --parts' list (as the README writes it): the list stops at OUT.
    pdf.add_argument("out", nargs="?", metavar="OUT", help="the PDF file to write")
    pdf.add_argument("--include-private", action="store_true", help="include private notes")
    pdf.add_argument(
        "--from",
        dest="date_from",
        type=_iso_date,
        metavar="DATE",
        help="only appointments and notes from this day on (YYYY-MM-DD)",
    )
    pdf.add_argument(
        "--to",
        dest="date_to",
        type=_iso_date,
        metavar="DATE",
        help="only appointments and notes up to this day (YYYY-MM-DD)",
    )
    pdf.add_argument(
        "--parts",
        nargs="+",
        action="extend",
        type=_part_names,
        metavar="PART",
        help="include only these parts, as words or a comma list (default: all): "
        + ", ".join(p.value for p in Part),
    )
    pdf.add_argument("--name", default="", help="the patient's name for the cover")
    _add_summary_command(commands, common)
    sheet = _add(
        commands,
        common,
        "visit-sheet",
        cmd_visit_sheet,
        "write a one-page sheet to take to an appointment",
    )
    sheet.add_argument(
        "appointment",
        type=_record_number,
        metavar="APPOINTMENT_ID",
        help="the appointment's number (netjourney appointments lists them)",
    )
    sheet.add_argument("out", help="the PDF file to write")
    _add(
        commands,
        common,
        "appointments",
        cmd_appointments,
        "list the appointments with their numbers (for visit-sheet): date, time, with whom, where",
    )
    _add(
        commands,
        common,
        "export-ics",
        cmd_export_ics,
        "write upcoming appointments, doses due and planned scans as an iCalendar file",
        ("out", "the .ics file to write"),
    ).add_argument(
        "--alarm-hours",
        type=_alarm_hours,
        metavar="H",
        help="add a reminder H hours before each event (e.g. 24)",
    )


def _add_summary_command(commands: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    summary = _add(
        commands,
        common,
        "export-summary",
        cmd_export_summary,
        "write a clinical summary for a new doctor: at most two pages (private notes never)",
        ("out", "the PDF file to write (- for standard output)"),
    )
    summary.add_argument(
        "--patient-name", default="", metavar="NAME", help="printed at the top of every page"
    )
    summary.add_argument(
        "--birth-date",
        type=_iso_date,
        metavar="DATE",
        help="the date of birth printed at the top of every page (YYYY-MM-DD)",
    )
    chosen = summary.add_mutually_exclusive_group()
    chosen.add_argument(
        "--questions",
        choices=("next", "open"),
        default="next",
        help="which questions to list: the open ones planned for the next appointment"
        " (the default) or every open question",
    )
    chosen.add_argument(
        "--for-appointment",
        type=_record_number,
        metavar="APPOINTMENT_ID",
        help="list the open questions planned for this appointment (netjourney appointments"
        " lists them)",
    )


def _add(
    commands: argparse._SubParsersAction[_Parser],
    common: _Parser,
    name: str,
    handler: Callable[[argparse.Namespace], int],
    help_text: str,
    *positionals: tuple[str, str],
    formatter_class: type[argparse.HelpFormatter] = argparse.HelpFormatter,
) -> argparse.ArgumentParser:
    sub = commands.add_parser(
        name,
        parents=[common],
        help=help_text,
        description=help_text,
        formatter_class=formatter_class,
    )
    for positional, positional_help in positionals:
        sub.add_argument(positional, help=positional_help)
    sub.set_defaults(handler=handler)
    return sub


def main(argv: Sequence[str] | None = None) -> int:
    paths.restrict_new_files()
    args = _light_reading(argv) or build_parser().parse_args(argv)
    args.db = getattr(args, "db", None)
    if args.command is None:
        from netjourney.gui.app import run_gui

        return run_gui(
            args.db,
            exit_after_start=args.exit_after_start,
            exit_after_first_paint=args.exit_after_first_paint,
            exit_after_home_filled=args.exit_after_home_filled,
        )
    try:
        return int(args.handler(args))
    except (RecordError, GuideError) as error:
        print(f"netjourney: {_as_one_line(str(error))}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `netjourney situation | head`: the reader left, nothing is wrong
        sys.stderr.close()
        return 0
