"""The answers as a typed model, and the rules file: loaded, checked, its mistakes named."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjourney.core import paths
from netjourney.core.errors import GuideError
from netjourney.core.guide import Guide
from netjourney.core.situation import (
    ANSWER_NAMES,
    ANSWERS,
    AnswerError,
    Situation,
    answer,
    load_rules,
    path_text,
    situation_blocks,
)


def test_every_answer_starts_not_known_and_offers_its_values() -> None:
    assert Situation().answers() == dict.fromkeys(ANSWER_NAMES)
    assert answer("stage").values == ("I", "II", "IIIA", "IIIB", "IIIC", "IV")
    assert answer("recurrence").values == ("none", "local", "distant")
    assert answer("spread").values == ("few", "widespread")
    assert answer("tumor_type").label("atypical") == "Atypical (intermediate grade)"
    assert all(a.label(None) == "Not known yet" and a.question.endswith("?") for a in ANSWERS)
    assert len(ANSWERS) == 12


def test_an_answer_is_changed_in_a_copy_and_unknown_forgets_it() -> None:
    known = Situation().with_answer("stage", "IIIA").with_answer("tumor_type", "typical")

    assert (known.stage, known.tumor_type) == ("IIIA", "typical")
    assert known.with_answer("stage", "unknown").stage is None
    assert Situation().stage is None  # the original is untouched


@pytest.mark.parametrize(
    "change, named",
    [
        (lambda s: s.with_answer("stage", "V"), "stage"),
        (lambda s: s.with_answer("colour", "red"), "colour"),
        (lambda s: Situation(bone_pain="sometimes"), "bone_pain"),  # type: ignore[arg-type]
        (lambda s: Situation.from_answers({"stage": "I"}), "tumor_type"),  # others missing
    ],
)
def test_a_wrong_answer_is_refused_naming_it(
    change: Callable[[Situation], Any], named: str
) -> None:
    with pytest.raises(AnswerError) as raised:
        change(Situation())

    assert raised.value.answer == named
    assert str(raised.value).startswith(f"{named}: ")


def test_the_shipped_rules_load(guide: Guide) -> None:
    rules = load_rules(guide)

    assert sorted(rules.reading_order) == sorted(guide.section_ids)
    assert len({rule.id for rule in rules.rules}) == len(rules.rules) > 20


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(paths.resources_dir() / "rules", folder)
    return folder


def edit_rules(folder: Path, change: Callable[[dict[str, Any]], Any]) -> None:
    path = folder / "situation.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def rule(data: dict[str, Any], rule_id: str) -> dict[str, Any]:
    return next(r for r in data["rules"] if r["id"] == rule_id)


BROKEN = {
    "unknown section of an option": (
        lambda d: rule(d, "resectable")["options"][0].update(section="surgery"),
        "situation.json: rules[{resectable}] (id 'resectable').options[0].section: "
        "no guide section with id 'surgery'",
    ),
    "unknown extra section": (
        lambda d: rule(d, "always")["sections"].append("diet"),
        "situation.json: rules[{always}] (id 'always').sections[9]: "
        "no guide section with id 'diet'",
    ),
    "unknown role": (
        lambda d: rule(d, "bone-pain")["roles"].append("oncologist"),
        "situation.json: rules[{bone-pain}] (id 'bone-pain').roles[1]: "
        "no care-team role with id 'oncologist'",
    ),
    "unknown library question": (
        lambda d: rule(d, "resectable")["questions"].append("how-long"),
        "situation.json: rules[{resectable}] (id 'resectable').questions[4]: "
        "no library question with id 'how-long'",
    ),
    "unknown answer name": (
        lambda d: rule(d, "ask-stage").update(when={"answer": "stag", "is": "unknown"}),
        "situation.json: rules[{ask-stage}] (id 'ask-stage').when.is: stag: is not an answer",
    ),
    "unknown answer value": (
        lambda d: rule(d, "bone-pain")["when"]["all"][1].update({"is": "sometimes"}),
        "situation.json: rules[{bone-pain}] (id 'bone-pain').when.all[1].is: bone_pain: "
        "'sometimes' is not one of yes, no, unknown",
    ),
    "unknown value in a named condition": (
        lambda d: d["conditions"]["recurrent"].update({"in": ["local", "far"]}),
        "situation.json: conditions.recurrent.in: recurrence: 'far' is not one of",
    ),
    "text of an ask missing": (
        lambda d: rule(d, "ask-liver")["ask"][0].pop("text"),
        "situation.json: rules[{ask-liver}] (id 'ask-liver').ask[0].text: missing",
    ),
    "section of a note missing": (
        lambda d: rule(d, "recurrent")["notes"][0].pop("section"),
        "situation.json: rules[{recurrent}] (id 'recurrent').notes[0].section: missing",
    ),
    "when missing": (
        lambda d: rule(d, "widespread").pop("when"),
        "situation.json: rules[{widespread}] (id 'widespread').when: missing",
    ),
    "id missing": (
        lambda d: rule(d, "widespread").pop("id"),
        "situation.json: rules[",
    ),
    "misspelt field": (
        lambda d: rule(d, "widespread").update(option=[]),
        "situation.json: rules[{widespread}] (id 'widespread').option: is not a known field",
    ),
    "a rule that adds nothing": (
        lambda d: [rule(d, "ask-stage").pop("ask")],
        "situation.json: rules[{ask-stage}] (id 'ask-stage'): adds nothing",
    ),
    "undefined named condition": (
        lambda d: rule(d, "widespread")["when"]["all"][0].update(condition="beyond"),
        "situation.json: rules[{widespread}] (id 'widespread').when.all[0].condition: "
        "'beyond' is not a condition defined above it",
    ),
    "two forms in one condition": (
        lambda d: rule(d, "ask-stage")["when"].update({"in": ["I"]}),
        "situation.json: rules[{ask-stage}] (id 'ask-stage').when: a condition is one of",
    ),
    "a section left out of the reading order": (
        lambda d: d["reading_order"].remove("recurrent"),
        "situation.json: reading_order: must list every guide section once (missing ['recurrent']",
    ),
    "duplicate rule id": (
        lambda d: rule(d, "widespread").update(id="bone-pain"),
        "situation.json: rules: duplicate ids ['bone-pain']",
    ),
}


@pytest.mark.parametrize("broken", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_rule_is_named_with_its_file_rule_and_field(
    rules_copy: Path, guide: Guide, broken: tuple[Callable[[dict[str, Any]], Any], str]
) -> None:
    change, expected = broken
    data = json.loads((rules_copy / "situation.json").read_text(encoding="utf-8"))
    where = {r["id"]: index for index, r in enumerate(data["rules"])}  # {rule-id} in messages
    edit_rules(rules_copy, change)

    with pytest.raises(GuideError) as raised:
        load_rules(guide, rules_copy)

    assert str(raised.value).startswith(expected.format_map(where))


def test_a_missing_rules_file_is_named(tmp_path: Path, guide: Guide) -> None:
    with pytest.raises(GuideError, match=r"^situation\.json: the file is missing from"):
        load_rules(guide, tmp_path)


def test_the_blocks_give_each_part_of_the_path_with_its_heading(guide: Guide) -> None:
    situation = Situation(stage="IV", recurrence="none", bone_pain="yes", tumor_type="typical")
    path = load_rules(guide).path_for(situation)

    blocks = dict(situation_blocks(path))

    assert blocks["My situation: what you recorded"][:2] == [
        "Is the tumor typical or atypical? Typical (low grade)",
        "What stage is it? Stage IV",
    ]
    assert blocks["Guide sections to read, in this order"][:3] == [
        "1. How lung NETs are treated",
        "2. Type and extent of the tumor",
        "3. Tumors surgery cannot fully remove",
    ]
    assert (
        "External radiation therapy. It can ease bone pain and other symptoms that the tumors "
        "cause. (Guide: Tumors surgery cannot fully remove)"
    ) in blocks["Treatment options the guide names for situations like yours"]
    assert "Radiation oncologist" in blocks["Who is usually on the care team"]
    assert blocks["Please note"] == [guide.source.caution]
    assert all(paragraphs for paragraphs in blocks.values())  # an empty part is left out
    assert "  1. How lung NETs are treated" in path_text(path).splitlines()
