"""Every branch of the article's decision logic (PRODUCT.md), as the path shows it.

Each case gives some answers (the rest stay "not known yet") and what the user must
see and must not see. A probe is "kind:what": section, role and question probes name
an id exactly; note, option and ask probes are a piece of the sentence shown.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from netjourney.core.guide import QUESTION_SECTION_IDS, Guide
from netjourney.core.situation import (
    ANSWERS,
    Situation,
    SituationPath,
    SituationRules,
    load_rules,
)

ALWAYS_SECTIONS = (
    "making-decisions",
    "second-opinion",
    "clinical-trials",
    "getting-through",
    *QUESTION_SECTION_IDS,
)
SURGERY = "option:Surgery to take out the tumor"
LYMPH_NODES_REMOVED = "option:Nearby lymph nodes are usually taken out"
EXTRA_AFTER_SURGERY = "option:Chemotherapy, radiation or both after surgery"
SYSTEMIC = "option:Chemotherapy, radiation therapy and targeted therapy"
ANALOGS = "option:Somatostatin analogs, such as octreotide (Sandostatin) or lanreotide (Somatuline)"
FEW_TUMORS = "option:An operation on the lung and on the places the cancer has spread to"
LIVER = "option:Ablation or hepatic artery embolization"
BONE = "option:External radiation therapy. It can ease bone pain"
RADIOACTIVE = "option:Radioactive drugs"
RECURRENT_SURGERY = "option:Surgery, when it can be done"
RECURRENT_NO_SURGERY = "option:With no operation possible"
HOSPICE = "option:Hospice care"
ASK_TYPE = "ask:typical (low grade) or atypical (a grade in between)?"
ASK_STAGE = "ask:What stage is my tumor?"
ASK_REMOVABLE = "ask:Can surgery take out all of the tumor?"
ASK_HEALTHY = "ask:Am I well enough to have an operation?"
ASK_LYMPH_NODES = "ask:Has the tumor reached the nearby lymph nodes?"
ASK_SYNDROME = "ask:Do I have carcinoid syndrome?"
ASK_PET = "ask:Has a somatostatin receptor PET scan been done"
ASK_LIVER = "ask:Has the cancer reached my liver"
ASK_BONE = "ask:symptoms such as bone pain"
ASK_SPREAD = "ask:only a few tumors that surgeons could take out, or has the cancer spread widely?"
ASK_RECURRENCE = "ask:or has it come back?"
SURGERY_CAN_REMOVE = "section:resectable"
SURGERY_CANNOT_REMOVE = "section:unresectable"

FIRST_STAGE_I = {
    "stage": "I",
    "removable": "yes",
    "healthy_for_surgery": "yes",
    "recurrence": "none",
}
STAGE_IV = {"stage": "IV", "recurrence": "none", "healthy_for_surgery": "yes"}

# name: (answers, must show, must not show)
CASES: dict[str, tuple[dict[str, str], list[str], list[str]]] = {
    "resectable: stage I, removable": (
        FIRST_STAGE_I,
        [
            SURGERY_CAN_REMOVE,
            SURGERY,
            LYMPH_NODES_REMOVED,
            "note:cured by the operation alone",
            "role:thoracic-surgeon",
            "question:choosing-recurrence-chance",
        ],
        [
            SURGERY_CANNOT_REMOVE,
            SYSTEMIC,
            EXTRA_AFTER_SURGERY,
            ASK_REMOVABLE,
            ASK_HEALTHY,
            "section:recurrent",
            "section:stopping-treatment",
        ],
    ),
    "resectable: stage II, removable not known": (
        {"stage": "II", "recurrence": "none"},
        [SURGERY_CAN_REMOVE, SURGERY, ASK_REMOVABLE, ASK_HEALTHY],
        [SURGERY_CANNOT_REMOVE, SYSTEMIC],
    ),
    "resectable: stage IIIA, removable": (
        {"stage": "IIIA", "removable": "yes", "recurrence": "none"},
        [SURGERY_CAN_REMOVE, SURGERY, "note:Most stage I, II and IIIA tumors"],
        [SURGERY_CANNOT_REMOVE, "note:Stage IIIA can go either way"],
    ),
    "resectable: stage not known, removable": (
        {"removable": "yes", "healthy_for_surgery": "yes", "recurrence": "none"},
        [SURGERY_CAN_REMOVE, SURGERY, ASK_STAGE],
        [SURGERY_CANNOT_REMOVE, ASK_REMOVABLE],
    ),
    "atypical with lymph nodes: extra treatment, benefit unclear": (
        {**FIRST_STAGE_I, "tumor_type": "atypical", "lymph_nodes": "yes"},
        [
            SURGERY,
            EXTRA_AFTER_SURGERY,
            "option:some experts suggest",
            "option:it is not clear whether this extra treatment",
            "role:medical-oncologist",
            "role:radiation-oncologist",
        ],
        [ASK_LYMPH_NODES, ASK_TYPE],
    ),
    "typical with lymph nodes: no extra treatment named": (
        {**FIRST_STAGE_I, "tumor_type": "typical", "lymph_nodes": "yes"},
        [SURGERY, LYMPH_NODES_REMOVED],
        [EXTRA_AFTER_SURGERY, ASK_LYMPH_NODES],
    ),
    "atypical without lymph nodes: no extra treatment": (
        {**FIRST_STAGE_I, "tumor_type": "atypical", "lymph_nodes": "no"},
        [SURGERY],
        [EXTRA_AFTER_SURGERY, ASK_LYMPH_NODES],
    ),
    "unresectable by stage IIIB": (
        {"stage": "IIIB", "recurrence": "none"},
        [
            SURGERY_CANNOT_REMOVE,
            "note:Stage IIIB, IIIC and IV tumors are all in the group",
            SYSTEMIC,
            "option:For stage III or IV, some whole-body (systemic) treatments",
            "role:medical-oncologist",
        ],
        [SURGERY_CAN_REMOVE, SURGERY, ASK_REMOVABLE],
    ),
    "unresectable by stage IIIC": (
        {"stage": "IIIC", "recurrence": "none"},
        [
            SURGERY_CANNOT_REMOVE,
            "note:Stage IIIB, IIIC and IV tumors are all in the group",
            SYSTEMIC,
        ],
        [SURGERY_CAN_REMOVE, SURGERY],
    ),
    "unresectable by stage IV, even if said removable": (
        {"stage": "IV", "removable": "yes", "recurrence": "none"},
        [
            SURGERY_CANNOT_REMOVE,
            "note:Stage IIIB, IIIC and IV tumors are all in the group",
            SYSTEMIC,
        ],
        [SURGERY_CAN_REMOVE, SURGERY],
    ),
    "unresectable: surgery cannot remove it all (stage II)": (
        {"stage": "II", "removable": "no", "recurrence": "none"},
        [SURGERY_CANNOT_REMOVE, "note:You said surgery cannot take out all of the tumor", SYSTEMIC],
        [SURGERY_CAN_REMOVE, SURGERY, "option:For stage III or IV", ASK_REMOVABLE],
    ),
    "unresectable by health": (
        {"stage": "I", "removable": "yes", "healthy_for_surgery": "no", "recurrence": "none"},
        [
            SURGERY_CANNOT_REMOVE,
            "note:not well enough for an operation",
            SYSTEMIC,
            "role:pulmonologist",
        ],
        [SURGERY_CAN_REMOVE, SURGERY, ASK_HEALTHY],
    ),
    "somatostatin analogs with carcinoid syndrome": (
        {**STAGE_IV, "carcinoid_syndrome": "yes"},
        [ANALOGS, "option:people who have carcinoid syndrome"],
        [ASK_SYNDROME, ASK_PET],
    ),
    "somatostatin analogs with tumors seen on PET": (
        {**STAGE_IV, "carcinoid_syndrome": "no", "somatostatin_pet": "yes"},
        [ANALOGS],
        [ASK_SYNDROME, ASK_PET],
    ),
    "no somatostatin analogs without syndrome or PET": (
        {**STAGE_IV, "carcinoid_syndrome": "no", "somatostatin_pet": "no"},
        [SYSTEMIC],
        [ANALOGS, ASK_SYNDROME, ASK_PET],
    ),
    "somatostatin analogs not for a tumor surgery can remove": (
        {**FIRST_STAGE_I, "carcinoid_syndrome": "yes"},
        [SURGERY],
        [ANALOGS, SYSTEMIC],
    ),
    "typical: chemotherapy often not very successful": (
        {**STAGE_IV, "tumor_type": "typical"},
        [
            "note:Typical NETs tend to grow slowly. For them, chemotherapy often does not work",
            SYSTEMIC,
        ],
        [ASK_TYPE],
    ),
    "atypical: no such caution about chemotherapy": (
        {**STAGE_IV, "tumor_type": "atypical"},
        [SYSTEMIC],
        ["note:Typical NETs tend to grow slowly"],
    ),
    "a few tumors: surgery on the lung and the metastasis": (
        {**STAGE_IV, "spread": "few"},
        [FEW_TUMORS, "option:likely to be the best choice", "role:thoracic-surgeon"],
        [RADIOACTIVE, ASK_SPREAD],
    ),
    "a few tumors but not well enough for surgery": (
        {**STAGE_IV, "spread": "few", "healthy_for_surgery": "no"},
        [SYSTEMIC],
        [FEW_TUMORS, ASK_HEALTHY],
    ),
    "a few tumors, health not known: ask": (
        {"stage": "IV", "recurrence": "none", "spread": "few"},
        [FEW_TUMORS, ASK_HEALTHY],
        [],
    ),
    "liver spread with symptoms: relief, not cure": (
        {**STAGE_IV, "liver_symptoms": "yes"},
        [LIVER, "option:very unlikely to cure it"],
        [ASK_LIVER],
    ),
    "no liver symptoms": (
        {**STAGE_IV, "liver_symptoms": "no"},
        [SYSTEMIC],
        [LIVER, ASK_LIVER],
    ),
    "bone pain: external radiation": (
        {**STAGE_IV, "bone_pain": "yes"},
        [BONE, "role:radiation-oncologist"],
        [ASK_BONE],
    ),
    "no bone pain": (
        {**STAGE_IV, "bone_pain": "no"},
        [SYSTEMIC],
        [BONE, ASK_BONE],
    ),
    "widespread: radioactive drugs": (
        {**STAGE_IV, "spread": "widespread"},
        [RADIOACTIVE],
        [FEW_TUMORS, ASK_SPREAD],
    ),
    "recurrence local, surgery possible": (
        {"recurrence": "local", "removable": "yes", "healthy_for_surgery": "yes"},
        [
            "section:recurrent",
            RECURRENT_SURGERY,
            "option:best chance",
            "note:local recurrence",
            "role:thoracic-surgeon",
            "question:choosing-how-soon",
        ],
        [
            RECURRENT_NO_SURGERY,
            SYSTEMIC,
            "note:distant recurrence",
            ASK_RECURRENCE,
            "note:Your answers match the group",
        ],
    ),
    "recurrence local, surgery not known: both, and ask": (
        {"recurrence": "local", "stage": "I"},
        [
            "section:recurrent",
            RECURRENT_SURGERY,
            "note:When it is not, the treatments for cancer",
            SURGERY_CANNOT_REMOVE,
            ASK_REMOVABLE,
            ASK_HEALTHY,
        ],
        [RECURRENT_NO_SURGERY, SURGERY, "note:Your answers match the group"],
    ),
    "recurrence distant, surgery not possible: treatments for distant spread": (
        {
            "recurrence": "distant",
            "removable": "no",
            "carcinoid_syndrome": "yes",
            "bone_pain": "yes",
        },
        [
            "section:recurrent",
            "note:distant recurrence",
            RECURRENT_NO_SURGERY,
            SURGERY_CANNOT_REMOVE,
            SYSTEMIC,
            ANALOGS,
            BONE,
        ],
        [RECURRENT_SURGERY, "note:local recurrence", ASK_REMOVABLE],
    ),
    "recurrence distant, not well enough for surgery": (
        {"recurrence": "distant", "healthy_for_surgery": "no", "stage": "II"},
        [RECURRENT_NO_SURGERY, SYSTEMIC],
        [RECURRENT_SURGERY, "note:not well enough for an operation", SURGERY],
    ),
    "thinking about stopping treatment": (
        {**STAGE_IV, "thinking_of_stopping": "yes"},
        [
            "section:stopping-treatment",
            HOSPICE,
            "option:less than 6 months",
            "option:Supportive care for pain and other symptoms",
            "role:social-worker",
            "question:support-mental-health",
        ],
        [],
    ),
    "not thinking about stopping: no stopping or hospice": (
        {**STAGE_IV, "thinking_of_stopping": "no"},
        [SYSTEMIC],
        ["section:stopping-treatment", HOSPICE],
    ),
    "not known: everything": (
        {},
        [
            ASK_TYPE,
            ASK_STAGE,
            ASK_REMOVABLE,
            ASK_HEALTHY,
            ASK_RECURRENCE,
            "note:it is not clear which group of treatments fits you",
            SURGERY_CAN_REMOVE,
            SURGERY_CANNOT_REMOVE,
            "section:type-and-extent",
        ],
        [
            SURGERY,
            SYSTEMIC,
            ANALOGS,
            HOSPICE,
            "section:stopping-treatment",
            ASK_LYMPH_NODES,
            ASK_SYNDROME,
            ASK_LIVER,
            ASK_SPREAD,
        ],
    ),
    "not known: tumor type": (
        FIRST_STAGE_I,
        [ASK_TYPE],
        [ASK_STAGE],
    ),
    "not known: stage, nor whether surgery can remove it": (
        {"recurrence": "none", "healthy_for_surgery": "yes", "tumor_type": "typical"},
        [ASK_STAGE, ASK_REMOVABLE, SURGERY_CAN_REMOVE, SURGERY_CANNOT_REMOVE],
        [SURGERY, SYSTEMIC, ASK_TYPE],
    ),
    "not known: stage IIIA removable or not (it depends; ask)": (
        {"stage": "IIIA", "recurrence": "none", "healthy_for_surgery": "yes"},
        [
            "note:Stage IIIA can go either way",
            "note:depends on whether surgery can remove all of it",
            ASK_REMOVABLE,
            SURGERY_CAN_REMOVE,
            SURGERY_CANNOT_REMOVE,
        ],
        [SURGERY, SYSTEMIC, ASK_STAGE],
    ),
    "not known: removable, when the stage settles it (IIIB)": (
        {"stage": "IIIB", "recurrence": "none"},
        [SYSTEMIC],
        [ASK_REMOVABLE],
    ),
    "not known: healthy enough for surgery": (
        {"stage": "I", "removable": "yes", "recurrence": "none"},
        [SURGERY, ASK_HEALTHY, "role:pulmonologist"],
        [],
    ),
    "not known: healthy enough, when surgery is out of view": (
        {"stage": "IV", "recurrence": "none", "spread": "widespread"},
        [RADIOACTIVE],
        [ASK_HEALTHY],
    ),
    "not known: lymph nodes of an atypical tumor surgery can remove": (
        {**FIRST_STAGE_I, "tumor_type": "atypical"},
        [ASK_LYMPH_NODES, "ask:For an atypical tumor"],
        [EXTRA_AFTER_SURGERY],
    ),
    "not known: lymph nodes of an atypical stage IIIA": (
        {"stage": "IIIA", "recurrence": "none", "tumor_type": "atypical"},
        [ASK_LYMPH_NODES],
        [],
    ),
    "not known: syndrome and PET": (
        STAGE_IV,
        [ASK_SYNDROME, ASK_PET, SYSTEMIC],
        [ANALOGS],
    ),
    "not known: liver, bone pain, few or widespread": (
        STAGE_IV,
        [ASK_LIVER, ASK_BONE, ASK_SPREAD],
        [LIVER, BONE, FEW_TUMORS, RADIOACTIVE],
    ),
    "not known: recurrence": (
        {"stage": "I", "removable": "yes"},
        [ASK_RECURRENCE, SURGERY],
        [],
    ),
    "not known: thinking about stopping (never raised unasked)": (
        STAGE_IV,
        [SYSTEMIC],
        ["section:stopping-treatment", HOSPICE, "ask:stop"],
    ),
    # Issue 14's review findings, each as the reader would meet it.
    "finding 3: most stage IIIA tumors can be removed (not 'many')": (
        {"stage": "IIIA", "recurrence": "none", "healthy_for_surgery": "yes"},
        ["note:Most stage IIIA tumors can be taken out by surgery, but some cannot"],
        ["note:many"],
    ),
    "finding 4: removal not known is not told it is removable": (
        {"stage": "II", "recurrence": "none", "healthy_for_surgery": "yes"},
        ["note:Most stage I and II tumors are in the group", "note:so ask", ASK_REMOVABLE],
        ["note:You said surgery can take out all", "note:Your answers match"],
    ),
    "finding 4: removable said yes is told so": (
        FIRST_STAGE_I,
        ["note:You said surgery can take out all of the tumor"],
        ["note:Whether yours is depends"],
    ),
    "finding 5: no surgery on the metastases when surgery cannot remove it": (
        {**STAGE_IV, "spread": "few", "removable": "no"},
        [SYSTEMIC],
        [FEW_TUMORS, "ask:Could surgeons take out all of the few tumors"],
    ),
    "finding 5: a few tumors, removal not known: surgery named, and asked": (
        {**STAGE_IV, "spread": "few"},
        [FEW_TUMORS, "ask:Could surgeons take out all of the few tumors"],
        [],
    ),
    "finding 6: stage IIIA atypical with nodes, removal not known": (
        {
            "stage": "IIIA",
            "tumor_type": "atypical",
            "lymph_nodes": "yes",
            "recurrence": "none",
            "healthy_for_surgery": "yes",
        },
        [
            "note:If surgery can take all of it out, ask about treatment after the operation",
            "note:It is not clear how much that helps",
            "role:medical-oncologist",
        ],
        [EXTRA_AFTER_SURGERY, ASK_LYMPH_NODES],
    ),
    "finding 6: nodes yes, type not known: why the type matters": (
        {**FIRST_STAGE_I, "lymph_nodes": "yes"},
        ["ask:With the lymph nodes involved, the type matters"],
        [EXTRA_AFTER_SURGERY],
    ),
    "finding 6: integrative methods and this guide's credits on every path": (
        {},
        ["section:integrative-methods", "section:about-this-guide", "note:herbs, special diets"],
        [],
    ),
    "finding 7: the companion articles are pointed to": (
        {**STAGE_IV, "liver_symptoms": "yes"},
        [LIVER, "note:The ACS has a separate article on ablation, embolization"],
        [],
    ),
    "finding 7: recurrence points to Understanding Recurrence": (
        {"recurrence": "distant"},
        ["note:“Understanding Recurrence”"],
        [],
    ),
}


@pytest.fixture(scope="module")
def rules(guide: Guide) -> SituationRules:
    return load_rules(guide)


def entries(path: SituationPath, kind: str) -> list[str]:
    return {
        "section": list(path.section_ids),
        "role": [role.id for role in path.roles],
        "question": [question.id for question in path.questions],
        "note": [item.text for item in path.notes],
        "option": [item.text for item in path.options],
        "ask": [item.text for item in path.asks],
    }[kind]


def shows(path: SituationPath, probe: str) -> bool:
    kind, _, what = probe.partition(":")
    if kind in ("section", "role", "question"):
        return what in entries(path, kind)
    return any(what in text for text in entries(path, kind))


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_path_shows_what_the_article_says_for_the_situation(
    rules: SituationRules, case: tuple[dict[str, str], list[str], list[str]]
) -> None:
    answers, must_show, must_not_show = case
    path = rules.path_for(Situation(**answers))  # type: ignore[arg-type]

    assert [p for p in must_show if not shows(path, p)] == []
    assert [p for p in must_not_show if shows(path, p)] == []
    assert [s for s in ALWAYS_SECTIONS if s not in path.section_ids] == []


EXTENT_COMBINATIONS = list(
    itertools.product(
        *(
            ("unknown", *a.values)
            for a in ANSWERS
            if a.name in ("stage", "removable", "healthy_for_surgery", "recurrence")
        )
    )
)
FIRST_TREATMENT_BRANCHES = {"resectable", "beyond-surgery", "stage-iiia-open", "extent-open"}
RECURRENT_BRANCHES = {"recurrent-surgery", "recurrent-no-surgery"}


@pytest.mark.parametrize("stage, removable, healthy, recurrence", EXTENT_COMBINATIONS)
def test_every_combination_lands_in_exactly_one_branch(
    rules: SituationRules, stage: str, removable: str, healthy: str, recurrence: str
) -> None:
    """No gap and no overlap: the partition of PRODUCT.md, with "not known" as its own branch."""
    situation = Situation.from_answers(
        {
            **Situation().answers(),
            "stage": stage,
            "removable": removable,
            "healthy_for_surgery": healthy,
            "recurrence": recurrence,
        }
    )
    fired = set(rules.path_for(situation).rule_ids)
    recurrent = recurrence in ("local", "distant")
    branches = RECURRENT_BRANCHES if recurrent else FIRST_TREATMENT_BRANCHES

    assert len(fired & branches) == 1, fired
    if recurrent:
        assert not fired & FIRST_TREATMENT_BRANCHES - {"beyond-surgery"}


@pytest.mark.parametrize("answers", [case[0] for case in CASES.values()], ids=CASES.keys())
def test_sections_are_in_reading_order_once_and_cover_every_citation(
    rules: SituationRules, answers: dict[str, Any]
) -> None:
    path = rules.path_for(Situation(**answers))

    order = list(rules.reading_order)
    assert list(path.section_ids) == sorted(set(path.section_ids), key=order.index)
    cited = {item.section_id for item in (*path.notes, *path.options, *path.asks)}
    assert cited <= set(path.section_ids)
    assert path.section_ids[:2] == ("treatment-overview", "type-and-extent")


def test_the_path_carries_the_articles_caution(rules: SituationRules, guide: Guide) -> None:
    path = rules.path_for(Situation())

    assert path.caution == guide.source.caution
    assert "not medical advice" in path.caution
