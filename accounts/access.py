"""Who may read personal data and the audit trail.

Phone numbers are personal data under Thailand's PDPA: a person's number is
shown only to the person, the leaders of their groups, the mentors assigned
to their groups, staff of their region and national staff.

accounts sits below communities and mentors, so it reaches groups, mentor
profiles and assignments through the User's reverse relations and the app
registry (`apps.get_model`) at call time, never by importing those apps.
Outsiders get 404, insiders without the right 403.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import F, Prefetch, Q
from django.http import Http404

from accounts.models import AuditEntry

# communities.models.MembershipRole.LEADER (a test keeps the two equal).
GROUP_LEADER_ROLE = "leader"
# Where `phone_prefetch` puts a person's memberships, each with `phone_region_id`.
PHONE_MEMBERSHIPS = "phone_memberships"


def _membership_model():
    return apps.get_model("communities", "Membership")


def staff_region_id(user) -> int | None:
    """The region a regional staff member is in charge of, or None (cached on the user)."""
    if not user.is_authenticated or not user.is_regional_staff:
        return None
    scope = getattr(user, "region_staff", None)
    return scope.region_id if scope else None


# Phone numbers --------------------------------------------------------------


@dataclass(frozen=True)
class _PhoneScope:
    """Whose numbers a viewer may read besides their own: computed once per viewer."""

    region_id: int | None = None
    led_group_ids: frozenset = field(default_factory=frozenset)
    mentored_group_ids: frozenset = field(default_factory=frozenset)

    @property
    def is_empty(self) -> bool:
        return not (self.region_id or self.led_group_ids or self.mentored_group_ids)

    def reaches(self, group_id, region_id) -> bool:
        return (
            group_id in self.led_group_ids
            or group_id in self.mentored_group_ids
            or (self.region_id is not None and region_id == self.region_id)
        )


def _phone_scope(viewer) -> _PhoneScope:
    cached = getattr(viewer, "_phone_scope", None)
    if cached is not None:
        return cached
    led = frozenset(
        viewer.memberships.filter(role=GROUP_LEADER_ROLE).values_list("group_id", flat=True)
    )
    mentored = frozenset()
    if viewer.is_mentor:
        assignments = apps.get_model("mentors", "Assignment").objects.active()
        mentored = frozenset(
            assignments.filter(mentor__user=viewer).values_list("group_id", flat=True)
        )
    scope = _PhoneScope(staff_region_id(viewer), led, mentored)
    viewer._phone_scope = scope
    return scope


def _people_reached_by(scope: _PhoneScope) -> Q:
    """Users whose number a viewer with `scope` may read, as a filter on User."""
    reach = Q(pk__in=[])
    groups = scope.led_group_ids | scope.mentored_group_ids
    if groups:
        reach |= Q(memberships__group_id__in=groups)
    if scope.region_id:
        reach |= (
            Q(memberships__group__tambon__province__region_id=scope.region_id)
            | Q(mentor_profile__region_id=scope.region_id)
            | Q(region_staff__region_id=scope.region_id)
        )
    return reach


def can_see_phone(viewer, person) -> bool:
    """Whether `viewer` may read `person`'s phone number.

    No query for the person when their memberships came with `phone_prefetch`
    (lists); one query otherwise (single-person pages). The viewer's own reach
    is read once and kept on the viewer object.
    """
    if person is None or viewer is None or not viewer.is_authenticated:
        return False
    if viewer.pk == person.pk or viewer.is_national_staff:
        return True
    scope = _phone_scope(viewer)
    if scope.is_empty:
        return False
    memberships = getattr(person, PHONE_MEMBERSHIPS, None)
    if memberships is not None:
        if any(scope.reaches(m.group_id, m.phone_region_id) for m in memberships):
            return True
        if not scope.region_id:
            # Leaders and mentors reach people only through groups.
            return False
    User = get_user_model()
    return User.objects.filter(_people_reached_by(scope), pk=person.pk).exists()


def phone_prefetch(user_path: str = "") -> Prefetch:
    """Prefetch that lets `can_see_phone` decide a list of people without a query per row.

    `user_path` leads from the listed rows to the person ("user__" for memberships).
    """
    memberships = (
        _membership_model()
        .objects.annotate(phone_region_id=F("group__tambon__province__region_id"))
        .only("pk", "group_id", "user_id", "role")
    )
    return Prefetch(f"{user_path}memberships", queryset=memberships, to_attr=PHONE_MEMBERSHIPS)


# People ---------------------------------------------------------------------


def people_of_region(region_id):
    """Users who belong to a region: through a group there, a mentor profile or a staff post."""
    User = get_user_model()
    return User.objects.filter(
        Q(pk__in=User.objects.filter(memberships__group__tambon__province__region_id=region_id))
        | Q(mentor_profile__region_id=region_id)
        | Q(region_staff__region_id=region_id)
    )


def person_region_id(person) -> int | None:
    """The region an act on this person is filed under, for the audit trail."""
    mentor = getattr(person, "mentor_profile", None)
    if mentor is not None:
        return mentor.region_id
    post = getattr(person, "region_staff", None)
    if post is not None:
        return post.region_id
    return (
        person.memberships.order_by("pk")
        .values_list("group__tambon__province__region_id", flat=True)
        .first()
    )


def get_person_for_staff(user, pk):
    """A person as their region's staff see them; national staff see everyone."""
    User = get_user_model()
    if not user.is_authenticated:
        raise Http404
    if user.is_national_staff:
        people = User.objects.all()
    elif staff_region_id(user):
        people = people_of_region(staff_region_id(user))
    else:
        raise Http404
    person = people.filter(pk=pk).first()
    if person is None:
        raise Http404
    return person


def get_person_for_admin(user, pk):
    """Export and erasure are national staff's: the person's regional staff get 403."""
    person = get_person_for_staff(user, pk)
    if not user.is_national_staff:
        raise PermissionDenied
    return person


# Audit ----------------------------------------------------------------------


def can_read_audit(user) -> bool:
    return user.is_authenticated and (user.is_national_staff or bool(staff_region_id(user)))


def audit_entries_visible_to(user):
    """Every entry for national staff, the region's entries for its staff; 404 for others."""
    if not can_read_audit(user):
        raise Http404
    if user.is_national_staff:
        return AuditEntry.objects.all()
    return AuditEntry.objects.filter(region_id=staff_region_id(user))
