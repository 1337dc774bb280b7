"""The models and the migrations describe the same schema, so neither drifts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from netjourney.core.guide import Guide
from netjourney.core.models import Base
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import kinds


def _not_search_index(obj: Any, name: str | None, type_: str, *_: Any) -> bool:
    """FTS5 tables and their shadow tables are made by SQL the models cannot describe."""
    return not (type_ == "table" and name is not None and "_fts" in name)


def test_a_migrated_record_matches_the_models(record_path: Path, guide: Guide) -> None:
    record = JourneyRecord.open(record_path, guide)
    try:
        with record.engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={"include_object": _not_search_index, "compare_type": True},
            )
            differences = compare_metadata(context, Base.metadata)
    finally:
        record.close()

    assert differences == []


def test_each_search_index_covers_the_columns_its_kind_declares(
    record_path: Path, guide: Guide
) -> None:
    record = JourneyRecord.open(record_path, guide)
    try:
        with record.engine.connect() as connection:
            for kind in kinds():
                columns = connection.exec_driver_sql(
                    f"SELECT name FROM pragma_table_info('{kind.search_index}')"
                ).scalars()
                assert tuple(columns) == kind.search_columns, kind.name
    finally:
        record.close()
