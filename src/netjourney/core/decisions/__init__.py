"""Decisions, second opinions and clinical trials: the choices a patient weighs.

- `models`: Decision (question, priorities, raised_on/decided_on, the chosen option,
  reason, how it went; the appointments and care-team members where it was
  discussed), DecisionOption (what it aims to do, benefits and risks as heard, who
  suggested it), SecondOpinion (who, where, when, the records sent as a checklist,
  what they said, how it compares) and ClinicalTrial (registry id, title, site,
  contact, why it interested the user, and the dated steps of where it stands).
  All are registered kinds (`kinds`, loaded by core/registry.py).
- `rules`: the checks in words (shared with JSON import), the registry-id forms.
- `records`: every flush of these models is checked and refused with
  InvalidInputError("field: problem"); trial_steps() lists a trial's history.
- `listings`: the page lists and labels.
"""
