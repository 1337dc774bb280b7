"""Build record-0001_initial.sqlite: a small record at schema 0001_initial, and nothing later.

The file is committed; tests/core/test_schema_0001.py opens a copy of it with
today's code and checks every record survived. Run this again only to rebuild
that file (from the repository root):

    python tests/data/make_fixture_0001.py

Records are written with plain SQL, exactly as the 0001_initial schema stored
them, so the file keeps describing that release whatever the models become.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from alembic import command
from alembic.config import Config

from netjourney.core import database, schema_check

REVISION = "0001_initial"
FIXTURE = Path(__file__).resolve().parent / f"record-{REVISION}.sqlite"

# The guide's ids as release 0.1.0 shipped them (filled in by the app at open).
SECTION_IDS = (
    "treatment-overview",
    "treatment-types",
    "type-and-extent",
    "resectable",
    "unresectable",
    "recurrent",
    "care-team",
    "making-decisions",
    "questions-choosing",
    "questions-during",
    "questions-side-effects",
    "questions-support",
    "second-opinion",
    "clinical-trials",
    "integrative-methods",
    "getting-through",
    "stopping-treatment",
    "about-this-guide",
)
ROLE_IDS = (
    "thoracic-surgeon",
    "medical-oncologist",
    "pulmonologist",
    "radiation-oncologist",
    "physician-assistant",
    "nurse-practitioner",
    "nurse",
    "nutrition-specialist",
    "social-worker",
    "other",
)

ROWS: dict[str, list[tuple[object, ...]]] = {
    "care_team_members": [  # id, role, name, practice, phone, after_hours, email, notes
        (
            1,
            "thoracic-surgeon",
            "Dr. Ada <Ünal> & Partners",
            "City Hospital",
            "+1 555 0100",
            "+1 555 0199",
            "ada@example.org",
            "Operates on Tuesdays",
        ),
        (2, "nurse", "Łucja Nowak", "", "", "", "", ""),
        (3, "other", "Pat (neighbour, drives me)", "", "555 0123", "", "", "😀"),
    ],
    "questions": [  # id, text, library_id, chosen, status, answer, answered_by, answered_on,
        #             created_at
        (
            1,
            "Is my tumor typical or atypical?",
            None,
            1,
            "answered",
            "Typical, low grade.",
            "Dr. Ünal",
            "2025-01-14",
            "2025-01-02 04:00:00.000000",
        ),
        (
            2,
            "Can the tumor be removed with surgery?",
            None,
            1,
            "to_ask",
            "",
            "",
            None,
            "2025-01-02 04:01:30.250000",
        ),
        (
            3,
            'Will I need "chemo" after surgery?',
            None,
            1,
            "asked",
            "",
            "",
            None,
            "2025-01-03 12:00:00.000000",
        ),
        (
            4,
            "Should I get a second opinion?",
            None,
            0,
            "not_needed",
            "",
            "",
            None,
            "2025-01-03 12:05:00.000000",
        ),
    ],
    "appointments": [  # id, starts_at, ends_at, time_zone, member_id, with_whom, location,
        #                purpose, what_to_bring, outcome
        (
            1,
            "2025-02-03 14:00:00.000000",
            "2025-02-03 15:15:00.000000",
            "America/New_York",
            1,
            "Dr. Ünal",
            "Clinic B, 3rd floor",
            "Surgery planning",
            "Scans, medication list",
            "Surgery on 2025-03-10",
        ),
        (
            2,
            "2025-03-01 08:30:00.000000",
            None,
            "Asia/Kolkata",
            None,
            "",
            "Lab",
            "Blood test",
            "",
            "",
        ),
    ],
    "appointment_questions": [(1, 1), (1, 2), (1, 3), (2, 4)],
    "notes": [  # id, title, body, private, created_at, updated_at, appointment_id, member_id
        (
            1,
            "After the visit",
            "Lobectomy planned; nodes removed too.\nAsk about recovery.",
            1,
            "2025-02-03 16:00:00.000000",
            "2025-02-04 09:00:00.000000",
            1,
            1,
        ),
        (
            2,
            "Tiredness",
            "Walked 20 minutes & felt fine",
            0,
            "2025-02-10 18:00:00.000000",
            "2025-02-10 18:00:00.000000",
            None,
            2,
        ),
        (
            3,
            "",
            "A note with no title",
            0,
            "2025-02-11 07:00:00.000000",
            "2025-02-11 07:00:00.000000",
            None,
            None,
        ),
    ],
    "section_links": [  # id, section_id, member_id, question_id, appointment_id, note_id
        (1, "care-team", 1, None, None, None),
        (2, "resectable", 1, None, None, None),
        (3, "getting-through", 2, None, None, None),
        (4, "questions-choosing", None, 1, None, None),
        (5, "type-and-extent", None, 1, None, None),
        (6, "resectable", None, 2, None, None),
        (7, "questions-during", None, 3, None, None),
        (8, "second-opinion", None, 4, None, None),
        (9, "resectable", None, None, 1, None),
        (10, "making-decisions", None, None, 1, None),
        (11, "resectable", None, None, None, 1),
        (12, "getting-through", None, None, None, 2),
        (13, "clinical-trials", None, None, None, 1),
    ],
}


def build_schema(path: Path, revision: str = REVISION) -> None:
    """Create the file and run the migrations up to `revision`, as database._upgrade does."""
    database.create_empty_file(path)
    config = Config()
    config.set_main_option("script_location", str(schema_check.MIGRATIONS_DIR))
    engine = database.connect_engine(path, foreign_keys=False)
    try:
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def insert_records(path: Path, rows_of_tables: dict[str, list[tuple[object, ...]]] = ROWS) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO guide_sections VALUES (?)", [(s,) for s in SECTION_IDS])
        connection.executemany("INSERT INTO care_roles VALUES (?)", [(r,) for r in ROLE_IDS])
        for table, rows in rows_of_tables.items():
            marks = ", ".join("?" * len(rows[0]))
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        connection.execute("COMMIT")
        # One self-contained file: no -wal to commit alongside it.
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("VACUUM")


def main() -> None:
    partial = FIXTURE.with_name(FIXTURE.name + ".partial")
    partial.unlink(missing_ok=True)
    build_schema(partial)
    insert_records(partial)
    partial.replace(FIXTURE)
    print(f"Wrote {FIXTURE}")


if __name__ == "__main__":
    main()
