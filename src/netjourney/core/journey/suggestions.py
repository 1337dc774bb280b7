"""Names offered while typing a treatment or a test (resources/journey/suggestions.json):
the names the guide uses. Any other name may be typed; these only save typing."""

from __future__ import annotations

import json
from functools import cache

from netjourney.core import paths


@cache
def suggestions() -> dict[str, tuple[str, ...]]:
    with (paths.resources_dir() / "journey" / "suggestions.json").open(encoding="utf-8") as file:
        data = json.load(file)
    return {key: tuple(data[key]) for key in ("treatment_names", "measures")}
