"""The guide's words, checked against the article and against the reader's own answers.

- Plain: every section, rule, definition and question reads at or below grade 8
  (Flesch-Kincaid, from textstat) with no sentence over 25 words.
- Never contradicting: a sentence that takes something about the reader for granted says
  so in `presumes`; every answer combination a rule looks at is run through the engine and
  no shown sentence may presume what the answers deny. A table of claims checks that the
  wording and the `presumes` agree, so a sentence cannot claim more than it declares.
- Reachable: every section is on the path of at least one situation.
- Traceable: every fact names the article heading it retells; the headings are checked
  against the article itself when the shared folder is beside the repository.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import textstat

from netjourney.core import paths
from netjourney.core.errors import GuideError
from netjourney.core.guide import Guide, load_guide
from netjourney.core.situation import (
    ANSWERS,
    Condition,
    PathItem,
    Situation,
    SituationRules,
    answer,
    load_rules,
)

MAX_GRADE = 8.0
MAX_SENTENCE_WORDS = 25


@pytest.fixture(scope="module")
def rules(guide: Guide) -> SituationRules:
    return load_rules(guide)


# --- Reading level ------------------------------------------------------------------------


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def reading_problems(name: str, text: str) -> list[str]:
    problems = []
    grade = textstat.flesch_kincaid_grade(text)
    if grade > MAX_GRADE:
        problems.append(f"{name}: grade {grade:.1f}")
    problems += [
        f"{name}: {len(s.split())} words: {s}"
        for s in sentences(text)
        if len(s.split()) > MAX_SENTENCE_WORDS
    ]
    return problems


def rule_texts(rules: SituationRules) -> dict[str, str]:
    return {
        rule.id: " ".join(item.text for item in (*rule.notes, *rule.options, *rule.asks))
        for rule in rules.rules
        if rule.notes or rule.options or rule.asks
    }


def test_every_section_reads_at_grade_8_or_below(guide: Guide) -> None:
    problems = [p for s in guide.sections for p in reading_problems(s.id, s.text)]

    assert problems == []


def test_every_rule_reads_at_grade_8_or_below(rules: SituationRules) -> None:
    problems = [p for rid, text in rule_texts(rules).items() for p in reading_problems(rid, text)]

    assert problems == []


def test_every_definition_and_question_is_plain(guide: Guide) -> None:
    texts = {f"glossary {e.id}": e.meaning for e in guide.glossary}
    texts |= {f"question {q.id}": q.text for g in guide.question_groups for q in g.questions}
    problems = [p for name, text in texts.items() for p in reading_problems(name, text)]

    assert problems == []


def test_the_reading_check_catches_a_hard_sentence() -> None:
    hard = (
        "Unresectable neuroendocrine malignancies necessitate individualized multidisciplinary "
        "therapeutic consideration incorporating somatostatin analog administration, "
        "peptide receptor radionuclide therapy, cytotoxic chemotherapy and locoregional "
        "hepatic interventions whenever clinically appropriate, following comprehensive "
        "institutional evaluation."
    )
    assert len(reading_problems("hard", hard)) == 2  # too hard, and too long


# --- Never contradicting the reader -------------------------------------------------------


def situations(names: frozenset[str]) -> Iterator[Situation]:
    """Every combination of the named answers (each value and "not known"); others unknown."""
    ordered = [a for a in ANSWERS if a.name in names]
    for values in itertools.product(*((None, *a.values) for a in ordered)):
        yield Situation(**dict(zip((a.name for a in ordered), values, strict=True)))  # type: ignore[arg-type]


def shown_items(rules: SituationRules, situation: Situation) -> list[PathItem]:
    path = rules.path_for(situation)
    return [*path.notes, *path.options, *path.asks]


def contradictions(rules: SituationRules) -> list[str]:
    """Sentences shown to someone whose answers deny what the sentence presumes."""
    found = set()
    for rule in rules.rules:
        items = (*rule.notes, *rule.options, *rule.asks)
        looked_at = rule.when.answers.union(*(item.presumes.answers for item in items))
        for situation in situations(looked_at):
            for item in shown_items(rules, situation):
                if not item.presumes(situation):
                    answers = {k: v for k, v in situation.answers().items() if v}
                    found.add(f"{item.text[:60]!r} shown for {answers}")
    return sorted(found)


def test_no_sentence_presumes_what_the_answers_deny(rules: SituationRules) -> None:
    assert contradictions(rules) == []


def rules_with(guide: Guide, tmp_path: Path, change: Any) -> SituationRules:
    folder = tmp_path / "rules"
    shutil.copytree(paths.resources_dir() / "rules", folder)
    data = json.loads((folder / "situation.json").read_text(encoding="utf-8"))
    change({rule["id"]: rule for rule in data["rules"]})
    (folder / "situation.json").write_text(json.dumps(data), encoding="utf-8")
    return load_rules(guide, folder)


def test_the_check_catches_surgery_offered_after_the_user_said_it_cannot(
    guide: Guide, tmp_path: Path
) -> None:
    """The review's finding: few-tumors once ignored the answer 'surgery cannot remove it'."""

    def forget_removable(rules: dict[str, Any]) -> None:
        rules["few-tumors"]["when"]["all"].pop()  # the {"removable": yes or not known} part

    found = contradictions(rules_with(guide, tmp_path, forget_removable))

    assert found and all("An operation on the lung" in f for f in found)
    assert all("'removable': 'no'" in f for f in found)


# A claim in a note or option, and the answers that deny it: when the sentence matches, its
# `presumes` must fail for every situation where each named answer has a denied value.
CLAIMS: dict[str, dict[str, set[str | None]]] = {
    r"\bYou said surgery can take out all": {"removable": {"no", None}},
    r"\bYou said surgery cannot": {"removable": {"yes", None}},
    r"surgeons can take them out|can take all of it out": {"removable": {"no"}},
    r"(?<!not )\bwell enough (?:for|to have) an operation": {"healthy_for_surgery": {"no"}},
    r"\bnot well enough for an operation": {"healthy_for_surgery": {"yes"}},
    r"only a few tumors": {"spread": {"widespread"}},
    r"spread more widely": {"spread": {"few"}},
    r"atypical tumor has reached the lymph nodes": {"tumor_type": {"typical"}},
    r"has reached the lymph nodes, some experts": {"lymph_nodes": {"no"}},
    r"\bTypical NETs\b": {"tumor_type": {"atypical"}},
    r"\bstage III or IV\b": {"stage": {"I", "II"}},
    r"\bStage IIIA can go either way": {"stage": {"I", "II", "IIIB", "IIIC", "IV"}},
    r"\bMost stage I and II tumors": {"stage": {"IIIA", "IIIB", "IIIC", "IV"}},
    r"people who have carcinoid syndrome": {
        "carcinoid_syndrome": {"no"},
        "somatostatin_pet": {"no"},
    },
    r"\bin the liver that causes symptoms": {"liver_symptoms": {"no"}},
    r"\bease bone pain": {"bone_pain": {"no"}},
    r"\bcomes back\b|\brecurrence is\b": {"recurrence": {"none"}},
    r"\blocal recurrence\b": {"recurrence": {"distant"}},
    r"\bdistant recurrence\b": {"recurrence": {"local"}},
    r"\bHospice\b|\bno longer keep the cancer": {"thinking_of_stopping": {"no", None}},
}


def claim_problems(rules: SituationRules) -> list[str]:
    problems = []
    for rule in rules.rules:
        for item in (*rule.notes, *rule.options):
            for pattern, denied in CLAIMS.items():
                if re.search(pattern, item.text):
                    problems += _presumes_allows(item, denied, f"{rule.id}: {pattern}")
    return problems


def _presumes_allows(item: PathItem, denied: dict[str, set[str | None]], name: str) -> list[str]:
    """Situations with denied answers that the item's `presumes` would still accept."""
    others = item.presumes.answers - set(denied)
    for values in itertools.product(*(sorted(v, key=str) for v in denied.values())):
        for situation in situations(others):
            for key, value in zip(denied, values, strict=True):
                situation = situation.with_answer(key, value)
            if item.presumes(situation):
                return [f"{name}: presumes allows {dict(zip(denied, values, strict=True))}"]
    return []


def test_every_claim_is_declared_in_presumes(rules: SituationRules) -> None:
    assert claim_problems(rules) == []


def test_the_claims_table_catches_an_undeclared_claim(guide: Guide, tmp_path: Path) -> None:
    def undeclare(rules: dict[str, Any]) -> None:
        del rules["few-tumors"]["options"][0]["presumes"]

    problems = claim_problems(rules_with(guide, tmp_path, undeclare))

    assert any(p.startswith("few-tumors: surgeons can take them out") for p in problems)
    assert any(p.startswith("few-tumors: only a few tumors") for p in problems)


def test_every_claim_in_the_table_is_still_made_somewhere(rules: SituationRules) -> None:
    texts = [item.text for rule in rules.rules for item in (*rule.notes, *rule.options)]
    stale = [p for p in CLAIMS if not any(re.search(p, text) for text in texts)]

    assert stale == []


def test_claims_name_real_answers_and_values() -> None:
    for denied in CLAIMS.values():
        for name, values in denied.items():
            assert values <= {None, *answer(name).values}


# --- Reachable ----------------------------------------------------------------------------


def test_every_section_is_on_some_situations_path(guide: Guide, rules: SituationRules) -> None:
    reached: set[str] = set()
    for rule in rules.rules:
        for situation in situations(rule.when.answers):
            reached |= set(rules.path_for(situation).section_ids)

    assert [s for s in guide.section_ids if s not in reached] == []


@pytest.mark.parametrize("section_id", ["integrative-methods", "about-this-guide"])
def test_sections_the_review_found_unreached_are_on_every_path(
    rules: SituationRules, section_id: str
) -> None:
    assert section_id in rules.path_for(Situation()).section_ids


def test_every_glossary_term_is_used_in_the_guide(guide: Guide) -> None:
    assert [
        e.id for e in guide.glossary if not any(e.used_in(s.text) for s in guide.sections)
    ] == []


# --- Traceable to the article -------------------------------------------------------------


def test_every_fact_names_a_heading_of_the_article(guide: Guide) -> None:
    headings = set(guide.source.heading_ids)
    for section in guide.sections:
        assert set(section.sources) <= headings, section.id
        assert {fact.source for fact in section.facts} <= headings, section.id


def test_a_fact_citing_an_unknown_heading_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "guide"
    shutil.copytree(paths.resources_dir() / "guide", folder)
    path = folder / "sections.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sections"][3]["key_facts"][1]["source"] = "surgery-options"
    path.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(GuideError) as raised:
        load_guide(folder)

    assert str(raised.value).startswith(
        "sections.json: sections[3].key_facts[1].source: 'surgery-options' is not a heading id"
    )


def shared_seeds() -> Path | None:
    """The shared folder that CI places beside the clone (or a worktree's parent's parent)."""
    for folder in Path(__file__).resolve().parents:
        seeds = folder / "shared" / "seeds"
        if seeds.is_dir() and any(seeds.glob("*.txt")):
            return seeds
    return None


@pytest.fixture(scope="module")
def article_lines() -> list[str]:
    seeds = shared_seeds()
    if seeds is None:
        pytest.skip("the article (../shared/seeds/) is not beside this clone")
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_every_heading_in_the_list_is_a_heading_of_the_article(
    guide: Guide, article_lines: list[str]
) -> None:
    by_checksum = {hashlib.sha256(line.encode()).hexdigest()[:16]: line for line in article_lines}
    for heading in guide.source.headings:
        line = by_checksum.get(heading.sha256)
        assert line is not None, f"{heading.id}: no line of the article has this checksum"
        words = [re.escape(part.strip()) for part in heading.heading.split("…")]
        assert re.fullmatch(".+".join(words), line), f"{heading.id}: {heading.heading!r}"
        assert len(line.split()) < 15 and not line.endswith("."), f"{heading.id} is prose"


def test_the_guide_names_the_articles_companions_and_sources(
    guide: Guide, article_lines: list[str]
) -> None:
    article = "\n".join(article_lines)
    assert "Understanding Recurrence" in article
    assert any("Understanding Recurrence" in c.about for c in guide.source.companions)
    assert any("ablation, embolization" in c.about for c in guide.source.companions)
    for author in ("Horn", "National Comprehensive Cancer Network"):
        assert author in article
        assert any(author in reference for reference in guide.source.references)


def test_the_guide_credits_what_the_review_found_missing(guide: Guide) -> None:
    assert len(guide.source.references) == 2
    assert {c.id for c in guide.source.companions} == {
        "ablation-embolization",
        "understanding-recurrence",
    }
    assert "Understanding Recurrence" in guide.section("recurrent").text
    assert "ablation, embolization" in guide.section("unresectable").text


def test_presumes_defaults_to_nothing(rules: SituationRules) -> None:
    always = next(rule for rule in rules.rules if rule.id == "always")
    assert all(isinstance(item.presumes, Condition) for item in always.notes)
    assert all(item.presumes(Situation()) for item in always.notes)


def test_nothing_in_the_repository_repeats_the_article_word_for_word() -> None:
    """The shared tool, run from this repository: it must print nothing."""
    seeds = shared_seeds()
    tool = seeds.parent / "tools" / "seed_overlap.py" if seeds else None
    if tool is None or not tool.is_file():
        pytest.skip("the shared seed_overlap.py is not beside this clone")
    repository = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, str(tool)], cwd=repository, capture_output=True, text=True, timeout=120
    )

    assert (result.returncode, result.stdout) == (0, "")
