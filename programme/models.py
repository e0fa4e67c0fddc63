"""The programme around a group's canvas: its stage, what its plan achieved, its four-area plan."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from communities.models import CommunityGroup
from programme.periods import FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR, Period

NOTE_MAX_CHARS = 1000
SHORT_TEXT_MAX_CHARS = 1000
MONEY_DIGITS = 14


# Stage ------------------------------------------------------------------------


class Stage(models.TextChoices):
    """The programme's steps, in order."""

    CAPITAL = "capital", _("ค้นหาทุนชุมชน")
    DESIGN = "design", _("ออกแบบ")
    DEVELOP = "develop", _("พัฒนา")
    TEST = "test", _("ทดลอง")
    ADAPT = "adapt", _("ปรับปรุง")
    USE = "use", _("ใช้จริง")


STAGE_ORDER = tuple(Stage.values)
FIRST_STAGE = Stage.CAPITAL


class GroupStage(models.Model):
    """Where a group stands now; a group without a row stands at the first step."""

    group = models.OneToOneField(
        CommunityGroup,
        verbose_name=_("กลุ่ม"),
        on_delete=models.CASCADE,
        related_name="programme_stage",
    )
    stage = models.CharField(_("ขั้นตอน"), max_length=20, choices=Stage.choices)
    changed_at = models.DateTimeField(_("เปลี่ยนเมื่อ"), auto_now=True)

    class Meta:
        verbose_name = _("ขั้นตอนของกลุ่ม")
        verbose_name_plural = _("ขั้นตอนของกลุ่ม")

    def __str__(self):
        return f"{self.group} – {self.get_stage_display()}"


class StageMove(models.Model):
    """One move of a group's stage: who, when, from, to and why."""

    group = models.ForeignKey(
        CommunityGroup, verbose_name=_("กลุ่ม"), on_delete=models.CASCADE, related_name="+"
    )
    from_stage = models.CharField(_("จากขั้นตอน"), max_length=20, choices=Stage.choices)
    to_stage = models.CharField(_("ไปขั้นตอน"), max_length=20, choices=Stage.choices)
    note = models.TextField(_("หมายเหตุ"), max_length=NOTE_MAX_CHARS, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้บันทึก"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("เมื่อ"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("การเปลี่ยนขั้นตอน")
        verbose_name_plural = _("การเปลี่ยนขั้นตอน")
        indexes = [models.Index(fields=["group", "-at"])]

    def __str__(self):
        return f"{self.group_id}: {self.from_stage} → {self.to_stage}"


# Results ----------------------------------------------------------------------


class SalesChannel(models.TextChoices):
    FARM_GATE = "farm_gate", _("หน้าฟาร์ม")
    MARKET = "market", _("ตลาด")
    ONLINE = "online", _("ออนไลน์")
    TOUR_OPERATORS = "tour_operators", _("บริษัทนำเที่ยว")
    OTHER = "other", _("อื่น ๆ")


def _money(label, **kwargs):
    return models.DecimalField(
        label,
        max_digits=MONEY_DIGITS,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        **kwargs,
    )


class Result(models.Model):
    """What a group's plan achieved in one period (a quarter or a fiscal year).

    Leaders enter it; an assigned mentor confirms it, after which it is read-only
    until a mentor un-confirms it with a note.
    """

    group = models.ForeignKey(
        CommunityGroup, verbose_name=_("กลุ่ม"), on_delete=models.CASCADE, related_name="+"
    )
    fiscal_year = models.PositiveSmallIntegerField(
        _("ปีงบประมาณ (พ.ศ.)"),
        validators=[MinValueValidator(FIRST_FISCAL_YEAR), MaxValueValidator(LAST_FISCAL_YEAR)],
    )
    quarter = models.PositiveSmallIntegerField(
        _("ไตรมาส"), validators=[MaxValueValidator(4)], help_text=_("0 = ทั้งปี")
    )
    income = _money(_("รายได้จากกิจกรรม (บาท)"))
    costs = _money(_("ต้นทุน (บาท)"))
    members_earning = models.PositiveIntegerField(_("สมาชิกที่มีรายได้จากกิจกรรม (คน)"))
    households_earning = models.PositiveIntegerField(_("ครัวเรือนที่มีรายได้จากกิจกรรม"))
    new_products = models.TextField(_("ผลิตภัณฑ์ใหม่"), max_length=SHORT_TEXT_MAX_CHARS, blank=True)
    channels = ArrayField(
        models.CharField(max_length=20, choices=SalesChannel.choices),
        verbose_name=_("ช่องทางขายที่เปิดได้"),
        default=list,
        blank=True,
    )
    channels_other = models.CharField(_("ช่องทางอื่น ๆ"), max_length=200, blank=True)
    certifications = models.TextField(
        _("มาตรฐาน/การรับรองที่ได้"), max_length=SHORT_TEXT_MAX_CHARS, blank=True
    )
    family_share = models.PositiveSmallIntegerField(
        _("ส่วนแบ่งครอบครัว (%)"), validators=[MaxValueValidator(100)]
    )
    community_share = models.PositiveSmallIntegerField(
        _("ส่วนแบ่งชุมชน (%)"), validators=[MaxValueValidator(100)]
    )
    household_debt = _money(_("หนี้สินเฉลี่ยต่อครัวเรือน (บาท)"), null=True, blank=True)
    household_savings = _money(_("เงินออมเฉลี่ยต่อครัวเรือน (บาท)"), null=True, blank=True)
    youth = models.TextField(_("การมีส่วนร่วมของเยาวชน"), max_length=SHORT_TEXT_MAX_CHARS, blank=True)
    resources = models.TextField(_("การดูแลทรัพยากร"), max_length=SHORT_TEXT_MAX_CHARS, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้บันทึก"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    confirmed_at = models.DateTimeField(_("ยืนยันเมื่อ"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้ยืนยัน"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    unconfirm_note = models.TextField(
        _("เหตุผลที่ยกเลิกการยืนยัน"), max_length=NOTE_MAX_CHARS, blank=True
    )

    class Meta:
        ordering = ["fiscal_year", "quarter"]
        verbose_name = _("ผลลัพธ์ของแผน")
        verbose_name_plural = _("ผลลัพธ์ของแผน")
        # The dashboards read one fiscal year (and the one before) of every group at once.
        indexes = [models.Index(fields=["fiscal_year", "group"], name="programme_result_fy_group")]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "fiscal_year", "quarter"], name="programme_result_one_per_period"
            ),
            models.CheckConstraint(
                condition=Q(family_share__lte=100)
                & Q(community_share__lte=100)
                & Q(family_share=100 - F("community_share")),
                name="programme_result_shares_make_100",
            ),
            models.CheckConstraint(
                condition=Q(income__gte=0) & Q(costs__gte=0),
                name="programme_result_money_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(quarter__lte=4), name="programme_result_quarter_0_to_4"
            ),
        ]

    def __str__(self):
        return f"{self.group} – {self.period.label}"

    @property
    def period(self) -> Period:
        return Period(self.fiscal_year, self.quarter)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def channel_labels(self) -> list[str]:
        labels = dict(SalesChannel.choices)
        return [str(labels.get(value, value)) for value in self.channels]


# The four-area development plan ----------------------------------------------


class Area(models.TextChoices):
    PEOPLE = "people", _("คน")
    ORGANISATION = "organisation", _("องค์กร")
    NETWORKS = "networks", _("เครือข่าย")
    POLICY = "policy", _("นโยบาย")


AREA_HINTS = {
    Area.PEOPLE: _("การจัดการความรู้ วิธีคิดและทักษะของสมาชิก"),
    Area.ORGANISATION: _("ข้อมูล ธรรมาภิบาล ทุนที่เป็นเงินและไม่ใช่เงิน"),
    Area.NETWORKS: _("ภาคีและกลุ่มที่ทำงานร่วมกัน"),
    Area.POLICY: _("การเชื่อมโยงนโยบายทั้งในและนอกพื้นที่"),
}


class ItemStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("ยังไม่เริ่ม")
    IN_PROGRESS = "in_progress", _("กำลังทำ")
    DONE = "done", _("เสร็จแล้ว")


PLAN_MAX_ITEMS = 60


class PlanItem(models.Model):
    """One line of a group's four-area development plan: what, who, by when, how far."""

    group = models.ForeignKey(
        CommunityGroup, verbose_name=_("กลุ่ม"), on_delete=models.CASCADE, related_name="+"
    )
    area = models.CharField(_("ด้าน"), max_length=20, choices=Area.choices)
    what = models.CharField(_("ทำอะไร"), max_length=300)
    who = models.CharField(_("ใครทำ"), max_length=200, blank=True)
    due_on = models.DateField(_("ภายในวันที่"), null=True, blank=True)
    status = models.CharField(
        _("สถานะ"), max_length=20, choices=ItemStatus.choices, default=ItemStatus.NOT_STARTED
    )
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)

    class Meta:
        ordering = ["area", "due_on", "pk"]
        verbose_name = _("รายการในแผนพัฒนา")
        verbose_name_plural = _("รายการในแผนพัฒนา")
        indexes = [models.Index(fields=["group", "area"])]

    def __str__(self):
        return self.what


# Stories (เรื่องเล่า) and photos ----------------------------------------------
# Staff and mentors tell a group's story with photos and publish it on a public
# page of its region; leaders and mentors attach photos of paper canvases.

STORY_TITLE_MAX_CHARS = 200
STORY_BODY_MAX_CHARS = 10000
CAPTION_MAX_CHARS = 300
STORY_MAX_PHOTOS = 12
PAPER_MAX_PHOTOS = 10


class StoryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


class Story(models.Model):
    """A group's story (พื้นที่รูปธรรม), written as plain text; public once published."""

    group = models.ForeignKey(
        CommunityGroup, verbose_name=_("กลุ่ม"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("ชื่อเรื่อง"), max_length=STORY_TITLE_MAX_CHARS)
    body = models.TextField(_("เรื่องเล่า"), max_length=STORY_BODY_MAX_CHARS)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้เขียน"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("เขียนเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), null=True, blank=True)
    link_canvas = models.BooleanField(_("กลุ่มยินดีให้เชื่อมโยงแผนที่ผ่านการพิจารณา"), default=False)
    # The learning forum the story came from (one where the group presented), if any.
    forum = models.ForeignKey(
        "programme.Forum",
        verbose_name=_("มาจากเวทีแลกเปลี่ยนเรียนรู้"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stories",
    )

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("เรื่องเล่า")
        verbose_name_plural = _("เรื่องเล่า")
        indexes = [
            models.Index(fields=["group", "-created_at"]),
            models.Index(
                fields=["-published_at"],
                condition=Q(published_at__isnull=False),
                name="programme_story_published",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class ResizedPhoto(models.Model):
    """A photo re-encoded without its metadata (programme/photos.py), with a thumbnail."""

    image = models.FileField(_("ภาพ"), max_length=200)
    thumbnail = models.FileField(_("ภาพย่อ"), max_length=200)
    caption = models.CharField(_("คำบรรยายภาพ"), max_length=CAPTION_MAX_CHARS, blank=True)
    width = models.PositiveIntegerField(_("ความกว้าง (พิกเซล)"))
    height = models.PositiveIntegerField(_("ความสูง (พิกเซล)"))
    thumb_width = models.PositiveIntegerField(_("ความกว้างภาพย่อ (พิกเซล)"))
    thumb_height = models.PositiveIntegerField(_("ความสูงภาพย่อ (พิกเซล)"))
    uploaded_at = models.DateTimeField(_("อัปโหลดเมื่อ"), auto_now_add=True)

    class Meta:
        abstract = True


class StoryPhoto(ResizedPhoto):
    """A photo of a story, shown in the order its writer chose."""

    story = models.ForeignKey(
        Story, verbose_name=_("เรื่องเล่า"), on_delete=models.CASCADE, related_name="photos"
    )
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("ภาพของเรื่องเล่า")
        verbose_name_plural = _("ภาพของเรื่องเล่า")

    def __str__(self):
        return self.caption or f"{self.story_id}/{self.pk}"


class PaperCanvasPhoto(ResizedPhoto):
    """A photo of the paper canvas a forum drafted, attached to the canvas online."""

    canvas = models.ForeignKey(
        "canvases.Canvas",
        verbose_name=_("แผน"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้อัปโหลด"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("ภาพแผนบนกระดาษ")
        verbose_name_plural = _("ภาพแผนบนกระดาษ")

    def __str__(self):
        return self.caption or f"{self.canvas_id}/{self.pk}"


# Learning forums (เวทีแลกเปลี่ยนเรียนรู้) --------------------------------------

FORUM_MAX_PARTICIPANTS = 10_000
FORUM_NOTES_MAX_CHARS = 5000
FORUM_MAX_GROUPS = 30


class Forum(models.Model):
    """A learning forum held in a tambon: who organised it, which groups presented, how
    many people came. Its region is the region of its tambon (programme.access)."""

    title = models.CharField(_("ชื่อเวที"), max_length=200)
    held_on = models.DateField(_("วันที่จัด"))
    tambon = models.ForeignKey(
        "communities.Tambon", verbose_name=_("ตำบลที่จัด"), on_delete=models.PROTECT, related_name="+"
    )
    organisers = models.CharField(_("ผู้จัด"), max_length=300)
    groups = models.ManyToManyField(
        CommunityGroup, verbose_name=_("กลุ่มที่นำเสนอ"), related_name="forums"
    )
    participants = models.PositiveIntegerField(
        _("จำนวนผู้เข้าร่วม (คน)"),
        validators=[MinValueValidator(1), MaxValueValidator(FORUM_MAX_PARTICIPANTS)],
    )
    notes = models.TextField(_("บันทึก"), max_length=FORUM_NOTES_MAX_CHARS, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้บันทึก"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("เวทีแลกเปลี่ยนเรียนรู้")
        verbose_name_plural = _("เวทีแลกเปลี่ยนเรียนรู้")
        indexes = [models.Index(fields=["tambon", "-held_on"]), models.Index(fields=["-held_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(participants__gte=1) & Q(participants__lte=FORUM_MAX_PARTICIPANTS),
                name="programme_forum_participants_sane",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("programme:forum_detail", args=[self.pk])
