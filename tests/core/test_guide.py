"""The shipped guide loads complete, and a broken content file is named precisely."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjourney.core import paths
from netjourney.core.errors import GuideError
from netjourney.core.guide import (
    OTHER_ROLE_ID,
    QUESTION_SECTION_IDS,
    REQUIRED_SECTION_IDS,
    Guide,
    load_guide,
)

ROLE_IDS = {
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
}


def test_the_shipped_guide_has_every_section(guide: Guide) -> None:
    assert len(guide.sections) == 18
    assert set(guide.section_ids) == set(REQUIRED_SECTION_IDS)
    assert all(section.title and section.summary for section in guide.sections)


def test_the_question_library_has_the_articles_four_groups(guide: Guide) -> None:
    groups = guide.question_groups

    assert [g.section_id for g in groups] == list(QUESTION_SECTION_IDS)
    assert [len(g.questions) for g in groups] == [7, 7, 3, 3]
    every_id = [q.id for g in groups for q in g.questions]
    assert len(set(every_id)) == 20
    assert guide.library_question(every_id[-1]).section_id == "questions-support"


def test_the_care_team_has_every_role_the_article_names(guide: Guide) -> None:
    assert len(guide.roles) == 10
    assert set(guide.role_ids) == ROLE_IDS
    assert guide.role(OTHER_ROLE_ID).title


def test_the_guide_credits_its_source(guide: Guide) -> None:
    assert guide.source.publisher == "American Cancer Society"
    assert guide.source.revised.isoformat() == "2025-12-17"
    assert guide.source.url.startswith("https://www.cancer.org/")


@pytest.fixture
def guide_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "guide"
    shutil.copytree(paths.resources_dir() / "guide", folder)
    return folder


def edit_json(folder: Path, name: str, change: Callable[[Any], None]) -> None:
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_the_copy_loads_like_the_original(guide_copy: Path, guide: Guide) -> None:
    assert load_guide(guide_copy) == guide


BROKEN_FIELDS = {
    "summary removed": (
        "sections.json",
        lambda d: d["sections"][2].pop("summary"),
        "sections.json: sections[2].summary: missing",
    ),
    "empty title": (
        "sections.json",
        lambda d: d["sections"][0].update(title="  "),
        "sections.json: sections[0].title: must be non-empty text",
    ),
    "key fact not text": (
        "sections.json",
        lambda d: d["sections"][1]["key_facts"].append(42),
        "sections.json: sections[1].key_facts[",
    ),
    "required section dropped": (
        "sections.json",
        lambda d: d["sections"].pop(4),
        "sections.json: sections: missing the required section ids",
    ),
    "duplicate section id": (
        "sections.json",
        lambda d: d["sections"][1].update(id=d["sections"][0]["id"]),
        "sections.json: sections: duplicate ids",
    ),
    "a section left out of the picker's groups": (
        "section_groups.json",
        lambda d: d["groups"][0]["section_ids"].pop(0),
        "section_groups.json: groups: must list each section once (missing ['treatment-overview']",
    ),
    "a section in two groups": (
        "section_groups.json",
        lambda d: d["groups"][1]["section_ids"].append("resectable"),
        "section_groups.json: groups: must list each section once (missing [], extra ['resectable'",
    ),
    "unknown question group of a role": (
        "roles.json",
        lambda d: d["roles"][3]["question_groups"].append("questions-weather"),
        "roles.json: roles[3].question_groups: unknown question sections ['questions-weather']",
    ),
    "role other dropped": (
        "roles.json",
        lambda d: d["roles"].pop(),
        "roles.json: roles: must include the role 'other'",
    ),
    "question text removed": (
        "questions.json",
        lambda d: d["groups"][1]["questions"][4].pop("text"),
        "questions.json: groups[1].questions[4].text: missing",
    ),
    "a group dropped": (
        "questions.json",
        lambda d: d["groups"].pop(),
        "questions.json: groups: must be the four groups",
    ),
    "glossary meaning empty": (
        "glossary.json",
        lambda d: d["terms"][5].update(meaning=""),
        "glossary.json: terms[5].meaning: must be non-empty text",
    ),
    "glossary duplicate id": (
        "glossary.json",
        lambda d: d["terms"][1].update(id=d["terms"][0]["id"]),
        "glossary.json: terms: duplicate ids",
    ),
    "unknown field in a glossary entry": (
        "glossary.json",
        lambda d: d["terms"][2].update(meening="typo"),
        "glossary.json: terms[2].meening: is not a known field",
    ),
    "fact without its source": (
        "sections.json",
        lambda d: d["sections"][4]["key_facts"][2].pop("source"),
        "sections.json: sections[4].key_facts[2].source: missing",
    ),
    "question group citing no heading of the article": (
        "questions.json",
        lambda d: d["groups"][0].update(source="chapter-9"),
        "questions.json: groups[0].source: 'chapter-9' is not a heading id of the article",
    ),
    "heading checksum malformed": (
        "source.json",
        lambda d: d["headings"][3].update(sha256="xyz"),
        "source.json: headings[3].sha256:",
    ),
    "companion citing an unknown heading": (
        "source.json",
        lambda d: d["companions"][0].update(source="nowhere"),
        "source.json: top level: companion 'ablation-embolization': unknown heading 'nowhere'",
    ),
    "revised not a date": (
        "source.json",
        lambda d: d.update(revised="December 2025"),
        "source.json: revised: not a YYYY-MM-DD date",
    ),
}


@pytest.mark.parametrize("broken", BROKEN_FIELDS.values(), ids=BROKEN_FIELDS.keys())
def test_a_broken_field_is_named_with_its_file_and_path(
    guide_copy: Path, broken: tuple[str, Callable[[Any], None], str]
) -> None:
    name, change, expected = broken
    edit_json(guide_copy, name, change)

    with pytest.raises(GuideError) as raised:
        load_guide(guide_copy)

    assert str(raised.value).startswith(expected)


def test_invalid_json_is_named_with_its_file(guide_copy: Path) -> None:
    path = guide_copy / "questions.json"
    path.write_text(path.read_text(encoding="utf-8")[:-20], encoding="utf-8")

    with pytest.raises(GuideError, match=r"^questions\.json: not valid JSON \(.*line \d+"):
        load_guide(guide_copy)


def test_a_missing_file_is_named_with_its_folder(guide_copy: Path) -> None:
    (guide_copy / "roles.json").unlink()

    with pytest.raises(GuideError) as raised:
        load_guide(guide_copy)

    assert str(raised.value) == f"roles.json: the file is missing from {guide_copy}"
