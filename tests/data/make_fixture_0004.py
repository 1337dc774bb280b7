"""Build record-0004_link_tables.sqlite: the 0003 fixture's records at schema 0004_link_tables.

The last schema before the journey's tables (0005_journey);
tests/core/test_schema_0004.py checks that every record and link survives that
upgrade. Run this again only to rebuild that file (from the repository root):

    python tests/data/make_fixture_0004.py
"""

from __future__ import annotations

from pathlib import Path

from tests.data.make_fixture_0001 import build_schema, insert_records
from tests.data.make_fixture_0003 import ROWS_0003

REVISION = "0004_link_tables"
FIXTURE = Path(__file__).resolve().parent / f"record-{REVISION}.sqlite"
OWNERS = ("care_team_members", "questions", "appointments", "notes")  # as 0003's columns


def rows_0004() -> dict[str, list[tuple[object, ...]]]:
    """The 0003 rows with each link moved to its owner's own link table."""
    rows = {table: list(r) for table, r in ROWS_0003.items() if table != "section_links"}
    for link_id, section_id, *owner_ids in ROWS_0003["section_links"]:
        owner, owner_id = next((o, i) for o, i in zip(OWNERS, owner_ids, strict=True) if i)
        rows.setdefault(f"{owner}_section_links", []).append((link_id, owner_id, section_id))
    return rows


def main() -> None:
    partial = FIXTURE.with_name(FIXTURE.name + ".partial")
    partial.unlink(missing_ok=True)
    build_schema(partial, REVISION)
    insert_records(partial, rows_0004())
    partial.replace(FIXTURE)
    print(f"Wrote {FIXTURE}")


if __name__ == "__main__":
    main()
