"""Small pieces of wording that lists, Home and the command line share; no SQLAlchemy
and no guide here (Home's first fill and `netjourney upcoming` use them)."""

from __future__ import annotations


def with_whom_text(member_name: str | None, member_role: str | None, others: str) -> str:
    """e.g. 'Dr. Lee (Pulmonologist), my daughter': the care-team member, then anyone else.

    The role is left out when the name already says it: 'Grace Kim (nurse navigator)',
    not 'Grace Kim (nurse navigator) (Nurse)'."""
    people = []
    if member_name:
        people.append(_named_with_role(member_name, member_role) if member_role else member_name)
    if others.strip():
        people.append(others.strip())
    return ", ".join(people)


def _named_with_role(name: str, role: str) -> str:
    return name if role.casefold() in name.casefold() else f"{name} ({role})"


LONGEST_SHOWN = 1000
"""A list row or a summary shows at most this many characters of one text. Ordinary words
are far shorter and shown whole; a title of a million characters (another tool, or one
long paste) took seconds to lay out on every visit. Its editor shows it all."""


def bounded(text: str, limit: int = LONGEST_SHOWN) -> str:
    """The text, or its first `limit` characters and a note of how many more there are."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters: open it to read them all)"
