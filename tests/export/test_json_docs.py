"""docs/json-format.md names every list and every field an export writes."""

from __future__ import annotations

from pathlib import Path

from netjourney.core.registry import kinds

DOCS = Path(__file__).resolve().parents[2] / "docs" / "json-format.md"


def test_every_list_and_field_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [
        f"{kind.json_name}.{name}"
        for kind in kinds()
        for name in (kind.json_name, *(c.name for c in kind.table.c), *kind.json_id_lists)
        if f"`{name}`" not in text
    ]

    assert missing == []
