"""Reads of accounts: the audit trail and everything the portal holds about one person.

The export reaches models of the apps above accounts through the app
registry at call time, so accounts still imports none of them.
"""

from django.apps import apps
from django.db.models import Q

from accounts.models import AuditEntry, Notification


def audit_entries(*, entries, person_id=None, target_type="", target_id=None, action=""):
    """`entries` (already scoped to the reader) narrowed by person, object and action.

    A person's entries are those about them and those they did.
    """
    if person_id:
        entries = entries.filter(Q(target_user_id=person_id) | Q(actor_id=person_id))
    if target_type:
        entries = entries.filter(target_type=target_type)
        if target_id:
            entries = entries.filter(target_id=target_id)
    if action:
        entries = entries.filter(action=action)
    return entries.select_related("actor", "target_user").order_by("-at", "-pk")


def audit_target_label(target_type: str) -> str:
    """The readable name of a model label ("communities.communitygroup" → "กลุ่ม/องค์กรชุมชน")."""
    if not target_type:
        return ""
    try:
        return str(apps.get_model(target_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return target_type


def _rows(queryset, *fields):
    return list(queryset.values(*fields))


def person_export_data(person) -> dict:
    """Everything held about `person`, as JSON-ready data (dates left to the encoder)."""
    Mentor = apps.get_model("mentors", "Mentor")
    data = {
        "user": {
            "id": person.pk,
            "username": person.username,
            "display_name": person.display_name,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "phone": person.phone,
            "role": person.role,
            "is_active": person.is_active,
            "date_joined": person.date_joined,
            "last_login": person.last_login,
        },
        "region_staff": _rows(
            apps.get_model("communities", "RegionStaff").objects.filter(user=person),
            "region__slug",
            "region__name_th",
        ),
        "memberships": _rows(
            person.memberships.order_by("pk"),
            "group_id",
            "group__name",
            "role",
            "joined_at",
        ),
        "mentor_profile": None,
        "assignments": [],
        "follow_ups": [],
        "cohorts_trained": _rows(
            apps.get_model("mentors", "Cohort").objects.filter(trainees=person).order_by("pk"),
            "id",
            "name",
            "year",
        ),
        "notifications": _rows(
            Notification.objects.filter(recipient=person).order_by("pk"),
            "event",
            "data",
            "message",
            "url",
            "created_at",
            "read_at",
        ),
        "comments": _rows(
            apps.get_model("canvases", "Comment").objects.filter(author=person).order_by("pk"),
            "id",
            "thread__canvas_id",
            "thread__block_key",
            "body",
            "created_at",
            "edited_at",
        ),
        "canvas_events": _rows(
            apps.get_model("canvases", "CanvasEvent").objects.filter(actor=person).order_by("pk"),
            "canvas_id",
            "kind",
            "at",
            "note",
        ),
        "audit_entries_about": _audit_rows(AuditEntry.objects.filter(target_user=person)),
        "audit_entries_by": _audit_rows(AuditEntry.objects.filter(actor=person)),
    }
    mentor = Mentor.objects.filter(user=person).select_related("region", "home_province").first()
    if mentor is not None:
        data["mentor_profile"] = {
            "region": mentor.region.slug,
            "phone": mentor.phone,
            "home_province": mentor.home_province.code if mentor.home_province else None,
            "provinces": list(mentor.provinces.order_by("code").values_list("code", flat=True)),
            "note": mentor.note,
            "is_active": mentor.is_active,
            "created_at": mentor.created_at,
        }
        data["assignments"] = _rows(
            mentor.assignments.order_by("pk"), "group_id", "group__name", "starts_on", "ends_on"
        )
        data["follow_ups"] = _rows(
            mentor.follow_ups.order_by("pk"),
            "group_id",
            "happened_on",
            "kind",
            "what_was_done",
            "next_steps",
        )
    return data


def _audit_rows(entries):
    return _rows(
        entries.order_by("pk"),
        "at",
        "action",
        "actor_id",
        "target_user_id",
        "target_type",
        "target_id",
        "summary",
        "details",
    )
