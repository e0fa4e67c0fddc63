"""Mentors (พี่เลี้ยง), the cohorts they train, their groups and their follow-ups."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communities.models import CommunityGroup, Province, Region


class Mentor(models.Model):
    """A learning-process facilitator; staff of `region` create and edit them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้ใช้"),
        on_delete=models.CASCADE,
        related_name="mentor_profile",
    )
    region = models.ForeignKey(
        Region, verbose_name=_("ภาค"), on_delete=models.PROTECT, related_name="mentors"
    )
    phone = models.CharField(_("เบอร์ติดต่อ"), max_length=16, blank=True)
    home_province = models.ForeignKey(
        Province,
        verbose_name=_("จังหวัดที่อยู่"),
        on_delete=models.PROTECT,
        related_name="resident_mentors",
        null=True,
        blank=True,
    )
    provinces = models.ManyToManyField(
        Province, verbose_name=_("จังหวัดที่ดูแล"), related_name="mentors", blank=True
    )
    note = models.TextField(_("หมายเหตุ"), max_length=1000, blank=True)
    is_active = models.BooleanField(_("ยังปฏิบัติงาน"), default=True)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุดเมื่อ"), auto_now=True)

    class Meta:
        ordering = ["user__display_name", "user__username"]
        verbose_name = _("พี่เลี้ยง")
        verbose_name_plural = _("พี่เลี้ยง")
        indexes = [models.Index(fields=["region", "is_active"])]

    def __str__(self):
        return self.user.name

    @property
    def name(self) -> str:
        return self.user.name


class Cohort(models.Model):
    """A training round (รุ่น) of a region: the groups and people trained, and their mentors."""

    name = models.CharField(_("ชื่อรุ่น"), max_length=200)
    region = models.ForeignKey(
        Region, verbose_name=_("ภาค"), on_delete=models.PROTECT, related_name="cohorts"
    )
    year = models.PositiveSmallIntegerField(_("ปี"), help_text=_("เก็บเป็นปี ค.ศ."))
    starts_on = models.DateField(_("วันเริ่ม"), null=True, blank=True)
    ends_on = models.DateField(_("วันสิ้นสุด"), null=True, blank=True)
    groups = models.ManyToManyField(
        CommunityGroup, verbose_name=_("กลุ่มที่เข้าอบรม"), related_name="cohorts", blank=True
    )
    trainees = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้เข้าอบรม"),
        related_name="cohorts_trained",
        blank=True,
    )
    # People trained who have no account in the portal are counted, not listed.
    trained_count = models.PositiveIntegerField(_("จำนวนผู้เข้าอบรมทั้งหมด"), null=True, blank=True)
    mentors = models.ManyToManyField(
        Mentor, verbose_name=_("พี่เลี้ยง"), related_name="cohorts", blank=True
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("รุ่น")
        verbose_name_plural = _("รุ่น")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="cohort_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.name


class AssignmentQuerySet(models.QuerySet):
    def active(self, on=None):
        """Assignments running on `on` (today) of mentors still at work."""
        on = on or timezone.localdate()
        return self.filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=on),
            starts_on__lte=on,
            mentor__is_active=True,
        )


class Assignment(models.Model):
    """A mentor follows a group from `starts_on` until `ends_on` (open-ended when empty)."""

    mentor = models.ForeignKey(
        Mentor, verbose_name=_("พี่เลี้ยง"), on_delete=models.CASCADE, related_name="assignments"
    )
    group = models.ForeignKey(
        CommunityGroup,
        verbose_name=_("กลุ่ม"),
        on_delete=models.CASCADE,
        related_name="mentor_assignments",
    )
    starts_on = models.DateField(_("วันเริ่ม"))
    ends_on = models.DateField(_("วันสิ้นสุด"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("สร้างโดย"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("การมอบหมายพี่เลี้ยง")
        verbose_name_plural = _("การมอบหมายพี่เลี้ยง")
        indexes = [
            models.Index(fields=["group", "ends_on"]),
            # A mentor's load (their assignments running today) read from the index alone:
            # the coverage page counts it for every mentor of a region.
            models.Index(
                fields=["mentor", "ends_on"], include=["starts_on"], name="assignment_mentor_ends"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="assignment_ends_after_it_starts",
            ),
            # One open-ended assignment of a mentor to a group at a time.
            models.UniqueConstraint(
                fields=["mentor", "group"],
                condition=Q(ends_on__isnull=True),
                name="one_open_assignment_per_mentor_and_group",
            ),
        ]

    def __str__(self):
        return f"{self.mentor} → {self.group}"

    def is_active_on(self, day) -> bool:
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)

    @property
    def is_active(self) -> bool:
        return self.mentor.is_active and self.is_active_on(timezone.localdate())


class FollowUpKind(models.TextChoices):
    VISIT = "visit", _("ลงพื้นที่")
    PHONE = "phone", _("โทรศัพท์")
    FORUM = "forum", _("เวทีประชุม")
    ONLINE = "online", _("ออนไลน์")


class FollowUp(models.Model):
    """A contact a mentor had with a group (ติดตามเสริมพลัง)."""

    mentor = models.ForeignKey(
        Mentor, verbose_name=_("พี่เลี้ยง"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    group = models.ForeignKey(
        CommunityGroup, verbose_name=_("กลุ่ม"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    happened_on = models.DateField(_("วันที่"))
    kind = models.CharField(_("รูปแบบ"), max_length=10, choices=FollowUpKind.choices)
    what_was_done = models.TextField(_("สิ่งที่ทำ"), max_length=4000)
    next_steps = models.TextField(_("สิ่งที่ตกลงจะทำต่อ"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)

    class Meta:
        ordering = ["-happened_on", "-created_at"]
        verbose_name = _("การติดตามเสริมพลัง")
        verbose_name_plural = _("การติดตามเสริมพลัง")
        indexes = [
            models.Index(fields=["group", "-happened_on"]),
            models.Index(fields=["mentor", "-happened_on"]),
            # The dashboards' follow-ups of the last 90 days: a range of days, not every
            # follow-up ever made.
            models.Index(fields=["happened_on", "group"], name="follow_up_day"),
        ]

    def __str__(self):
        return f"{self.group} {self.happened_on} ({self.get_kind_display()})"


class DateMultiRangeField(models.Field):
    """PostgreSQL's `datemultirange`: a set of date ranges. Written in SQL only."""

    description = _("ช่วงวันที่หลายช่วง")

    def db_type(self, connection):
        return "datemultirange"


@DateMultiRangeField.register_lookup
class Covers(models.Lookup):
    """`mentored__covers=day`: one of the ranges holds that day."""

    lookup_name = "covers"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} @> ({rhs})::date", [*lhs_params, *rhs_params]


class GroupCoverage(models.Model):
    """The days active mentors follow a group: its assignments of mentors still at work,
    merged. A group no such assignment ever had has no row.

    Written by PostgreSQL alone, by the triggers of migration 0005, whatever changes an
    assignment, a mentor's `is_active` or a group's tambon (a service, the admin, a bulk
    load), so it cannot drift. The coverage page counts a region's groups no mentor
    follows today from these rows and the groups' own province codes, where asking each
    group's assignments cost it 20 ms."""

    group = models.OneToOneField(
        CommunityGroup,
        verbose_name=_("กลุ่ม"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    province_code = models.CharField(_("รหัสจังหวัด"), max_length=2)
    mentored = DateMultiRangeField(_("วันที่มีพี่เลี้ยงติดตาม"))

    class Meta:
        verbose_name = _("ช่วงที่กลุ่มมีพี่เลี้ยง")
        verbose_name_plural = _("ช่วงที่กลุ่มมีพี่เลี้ยง")
        # A province's groups followed on a day, counted from the index alone.
        indexes = [
            models.Index(
                fields=["province_code"], include=["mentored"], name="group_coverage_province"
            )
        ]

    def __str__(self):
        return str(self.group_id)
