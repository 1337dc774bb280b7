"""Issue 17: a stored choice this version does not know ('magic' as a treatment's kind,
'fortnights' as its unit), a number that is none ('lots', infinity) or a day that is none
('garbage') opens, shows and exports flagged: no command ends in a traceback. `check`
names each one.

Every tampering is made on a real record the demo filled, as another program could.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from netjourney.cli import main
from netjourney.core.dates import UnreadableDate
from netjourney.core.guide import Guide
from netjourney.core.journey.charts import Reading, diary_charts_of, measure_charts
from netjourney.core.record import JourneyRecord
from tests.core.test_value_check import _write_raw
from tests.export.records import pdf_text

TAMPERINGS = {
    "treatment kind": ("UPDATE treatments SET kind = 'magic'", "treatments.kind"),
    "repeat unit": ("UPDATE treatments SET repeat_unit = 'fortnights'", "treatments.repeat_unit"),
    "scan kind": ("UPDATE scans SET kind = 'xray'", "scans.kind"),
    "trial outcome": (
        "UPDATE clinical_trials SET outcome = 'won', outcome_on = '2026-01-01'",
        "clinical_trials.outcome",
    ),
    "value sign": ("UPDATE measurements SET value_qualifier = '~'", "measurements.value_qualifier"),
    "infinite value": ("UPDATE measurements SET value = 9e999", "measurements.value"),
    "text as value": ("UPDATE measurements SET value = 'lots'", "measurements.value"),
    "text as range": ("UPDATE measurements SET range_low = 'lots'", "measurements.range_low"),
    "text as repeat": ("UPDATE treatments SET repeat_every = 'often'", "treatments.repeat_every"),
    "text as rating": ("UPDATE symptom_ratings SET rating = 'bad'", "symptom_ratings.rating"),
    "dose day": ("UPDATE doses SET given_on = 'garbage'", "doses.given_on"),
    "treatment start": ("UPDATE treatments SET started_on = 'soon'", "treatments.started_on"),
    "scan day": ("UPDATE scans SET next_planned_on = 'later'", "scans.next_planned_on"),
    "test day": ("UPDATE measurements SET measured_on = 'x'", "measurements.measured_on"),
    "diary day": (
        "UPDATE diary_entries SET day = 'x' WHERE id = (SELECT min(id) FROM diary_entries)",
        "diary_entries.day",
    ),
    "trial step day": (
        "UPDATE clinical_trials SET interested_on = 'x'",
        "clinical_trials.interested_on",
    ),
    "decision day": ("UPDATE decisions SET decided_on = 'x'", "decisions.decided_on"),
}

COMMANDS = {
    "export-json": ["export-json", "out.json"],
    "export-pdf": ["export-pdf", "out.pdf"],
    "export-ics": ["export-ics", "out.ics"],
    "export-summary": ["export-summary", "summary.pdf"],
    "visit-sheet": ["visit-sheet", "1", "sheet.pdf"],
    "upcoming": ["upcoming"],
    "appointments": ["appointments"],
    "situation": ["situation"],
    "backups": ["backups"],
}


@pytest.fixture(scope="module")
def demo_record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def tampered(demo_record: Path, folder: Path, *statements: str) -> Path:
    path = folder / "record.sqlite"
    shutil.copy(demo_record, path)
    _write_raw(path, *statements)
    return path


def run(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(path), *args])  # a traceback here fails the test
    printed = capsys.readouterr()
    return code, printed.out, printed.err


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize("tampering", TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_every_command_works_on_a_tampered_record(
    demo_record: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tampering: tuple[str, str],
    command: list[str],
) -> None:
    path = tampered(demo_record, tmp_path, tampering[0])
    monkeypatch.chdir(tmp_path)
    code, _out, err = run(capsys, path, *command)
    assert (code, err) == (0, "")


@pytest.mark.parametrize("tampering", TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_check_names_each_tampered_column(
    demo_record: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    tampering: tuple[str, str],
) -> None:
    statement, table_column = tampering
    code, out, _err = run(capsys, tampered(demo_record, tmp_path, statement), "check")
    table, column = table_column.split(".")
    assert code != 0
    assert re.search(rf"^PROBLEM: .*: {table} row \d+, {column}: ", out, re.MULTILINE), out


def exported_pdf(capsys: pytest.CaptureFixture[str], path: Path, *parts: str) -> str:
    out = path.with_suffix(".pdf")
    assert run(capsys, path, "export-pdf", str(out), *parts)[0] == 0
    return pdf_text(out.read_bytes())


def test_unknown_choices_are_printed_as_stored_and_flagged(
    demo_record: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tampered(
        demo_record,
        tmp_path,
        "UPDATE treatments SET kind = 'magic', name = ''",
        "UPDATE scans SET kind = 'xray'",
        "UPDATE clinical_trials SET outcome = 'won', outcome_on = '2026-01-01'",
        "UPDATE measurements SET value_qualifier = '~'",
    )
    text = exported_pdf(capsys, path)
    for flagged in (
        "magic (not a kind of treatment this version knows: netjourney check names it)",
        "xray (not a kind of scan this version knows",
        "won (not a trial outcome this version knows",
        ", ~ (not a sign this version knows",
    ):
        assert flagged in text

    assert run(capsys, path, "export-json", str(tmp_path / "out.json"))[0] == 0
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert {t["kind"] for t in document["treatments"]} == {"magic"}  # kept as stored


def test_a_schedule_in_an_unknown_unit_has_no_next_due_date_and_says_so(
    demo_record: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tampered(demo_record, tmp_path, "UPDATE treatments SET repeat_unit = 'fortnights'")
    code, before, _err = run(capsys, demo_record, "upcoming", "--days", "400")
    assert code == 0 and "dose" in before.lower()  # the demo's treatment is due
    code, after, _err = run(capsys, path, "upcoming", "--days", "400")
    assert code == 0 and "dose" not in after.lower()

    text = exported_pdf(capsys, path)
    assert (
        "Every 28 fortnights (not a unit this version knows: netjourney check names it); "
        "so no next due date"
    ) in text


@pytest.mark.parametrize(("stored", "shown"), [("'lots'", "'lots'"), ("9e999", "'inf'")])
def test_a_value_that_is_not_a_number_is_shown_unreadable_and_left_out_of_its_chart(
    demo_record: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], stored: str, shown: str
) -> None:
    path = tampered(
        demo_record,
        tmp_path,
        f"UPDATE measurements SET value = {stored} WHERE id = (SELECT min(id) FROM measurements)",
    )
    text = exported_pdf(capsys, path, "--parts", "tests")
    assert f"[unreadable number {shown}: netjourney check names it]" in text
    assert "Not drawn: 1 value with no readable number or day (netjourney check names it)" in text
    assert "nan" not in text.lower().split()


@pytest.mark.parametrize(("stored", "kept"), [("'lots'", "lots"), ("9e999", "inf")])
def test_export_json_keeps_a_value_that_is_not_a_number_as_stored_in_strict_json(
    demo_record: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], stored: str, kept: str
) -> None:
    path = tampered(demo_record, tmp_path, f"UPDATE measurements SET value = {stored}")
    assert run(capsys, path, "export-json", str(tmp_path / "out.json"))[0] == 0
    text = (tmp_path / "out.json").read_text(encoding="utf-8")
    document = json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    assert {m["value"] for m in document["measurements"]} == {kept}


def test_a_chart_leaves_out_values_that_are_not_numbers_or_days_and_says_how_many() -> None:
    readings = [
        Reading(date(2026, 1, day), value, "ng/mL")
        for day, value in ((1, 2.0), (2, float("nan")), (3, float("inf")), (4, 3.0))
    ]
    readings.append(Reading(UnreadableDate.of("soon"), 4.0, "ng/mL"))
    (chart,) = measure_charts("CgA", readings).charts
    assert chart.values() == [2.0, 3.0]
    assert "Not drawn: 3 values with no readable number or day (" in chart.caption
    assert "2 values from" in chart.description()


def test_the_diary_charts_leave_out_a_day_that_is_none(
    demo_record: Path, tmp_path: Path, guide: Guide
) -> None:
    path = tampered(
        demo_record,
        tmp_path,
        "UPDATE diary_entries SET day = 'x' WHERE id = (SELECT min(id) FROM diary_entries)",
    )
    record = JourneyRecord.open(path, guide)
    with record.reading() as session:
        charts = diary_charts_of(session)
    record.close()
    assert charts
    assert all(day.year > 1970 for chart in charts for day in chart.days())
