"""Fixtures shared by the JSON tests."""

from __future__ import annotations

from typing import Any

import pytest

from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.export.json_io import record_to_document
from tests.core.sample_records import add_sample_records


@pytest.fixture(scope="module")
def good_document(tmp_path_factory: pytest.TempPathFactory, guide: Guide) -> dict[str, Any]:
    record = JourneyRecord.open(tmp_path_factory.mktemp("good") / "good.sqlite", guide)
    try:
        add_sample_records(record)
        return record_to_document(record)
    finally:
        record.close()
