"""Build record-0003_situation.sqlite: the 0001 fixture's records at schema 0003_situation.

The last schema with every link to the guide in one `section_links` table (with a
column per owner kind); tests/core/test_schema_0003.py checks that each link
survives the move to one table per kind (0004_link_tables). Run this again only
to rebuild that file (from the repository root):

    python tests/data/make_fixture_0003.py
"""

from __future__ import annotations

from pathlib import Path

from tests.data.make_fixture_0001 import ROWS, build_schema, insert_records

REVISION = "0003_situation"
FIXTURE = Path(__file__).resolve().parent / f"record-{REVISION}.sqlite"

# Note 3 gets links made out of alphabetical order and interleaved with other
# owners' links, so the upgrade must keep each record's own order.
MORE_LINKS = [  # id, section_id, member_id, question_id, appointment_id, note_id
    (14, "stopping-treatment", None, None, None, 3),
    (15, "care-team", 3, None, None, None),
    (16, "about-this-guide", None, None, None, 3),
    (17, "recurrent", None, 4, None, None),
    (18, "clinical-trials", None, None, 2, None),
    (19, "getting-through", None, None, None, 3),
]
SITUATION = [
    (1, "atypical", "IIIA", "yes", "no", "yes", None, "yes", None, None, None, "none", "no")
]
ROWS_0003 = {
    **ROWS,
    "section_links": [*ROWS["section_links"], *MORE_LINKS],
    "situation": SITUATION,
}


def main() -> None:
    partial = FIXTURE.with_name(FIXTURE.name + ".partial")
    partial.unlink(missing_ok=True)
    build_schema(partial, REVISION)
    insert_records(partial, ROWS_0003)
    partial.replace(FIXTURE)
    print(f"Wrote {FIXTURE}")


if __name__ == "__main__":
    main()
