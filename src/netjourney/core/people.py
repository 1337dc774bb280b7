"""Who someone is in the record: a role's words, and who a visit is with."""

from __future__ import annotations

from netjourney.core.guide import OTHER_ROLE_ID, Guide, Role
from netjourney.core.models import Appointment
from netjourney.core.words import with_whom_text


def role_of(guide: Guide, role_id: str) -> Role:
    """The guide's role; a role this guide does not know (a newer or older guide's) is
    shown by its id with the general help of "other", never an error."""
    try:
        return guide.role(role_id)
    except KeyError:
        return guide.role(OTHER_ROLE_ID).model_copy(update={"id": role_id, "title": role_id})


def role_title(guide: Guide, role_id: str) -> str:
    return role_of(guide, role_id).title


def with_whom(guide: Guide, appointment: Appointment, with_role: bool = True) -> str:
    """Who the visit is with; the member's role is left out where space is short (lists)."""
    member = appointment.member
    role = role_title(guide, member.role) if member and with_role else None
    return with_whom_text(member.name if member else None, role, appointment.with_whom)
