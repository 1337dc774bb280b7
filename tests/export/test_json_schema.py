"""The published JSON Schema is the one the import checks against."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from netjourney.export.json_io import json_schema

PUBLISHED = Path(__file__).resolve().parents[2] / "docs" / "json-format.schema.json"
REBUILD = (
    "python -c 'import json; from netjourney.export.json_io import json_schema; "
    "print(json.dumps(json_schema(), indent=2))' > docs/json-format.schema.json"
)


def test_the_published_schema_is_current() -> None:
    published = json.loads(PUBLISHED.read_text(encoding="utf-8"))

    assert published == json_schema(), f"rebuild it: {REBUILD}"


def test_the_schema_names_every_list_and_field_of_an_export(good_document: dict[str, Any]) -> None:
    schema = json_schema()
    items = {
        name: schema["$defs"][spec["items"]["$ref"].rsplit("/", 1)[1]]
        for name, spec in schema["properties"].items()
        if spec.get("type") == "array"
    }

    assert set(items) == {k for k, v in good_document.items() if isinstance(v, list)}
    for name, item_schema in items.items():
        for item in good_document[name]:
            assert set(item) == set(item_schema["properties"]) == set(item_schema["required"])
