"""Canvases of community groups, their frozen versions, their save log and timeline."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canvases import subjects
from canvases.blocks import BLOCK_KEYS, BLOCKS_BY_KEY, empty_blocks
from canvases.subjects import MAX_KIND_CHARS, MAX_TOPIC_CHARS
from communities.models import CommunityGroup, Province, Region, Tambon


class CanvasStatus(models.TextChoices):
    DRAFT = "draft", _("ฉบับร่าง")
    SUBMITTED = "submitted", _("ส่งแล้ว รอพิจารณา")
    CHANGES_REQUESTED = "changes_requested", _("ขอให้ปรับแก้")
    APPROVED = "approved", _("ผ่านการพิจารณา")


EDITABLE_STATUSES = (CanvasStatus.DRAFT, CanvasStatus.CHANGES_REQUESTED)


class Canvas(models.Model):
    """One plan of a group, for one product or service; its nine texts live in `blocks`.

    `revision` grows by one with every stored save, so a save can say which
    revision it started from and never overwrite a newer one unseen.
    """

    group = models.ForeignKey(
        CommunityGroup, verbose_name=_("กลุ่ม"), on_delete=models.PROTECT, related_name="canvases"
    )
    title = models.CharField(_("ชื่อแผน (สินค้าหรือบริการ)"), max_length=200)
    status = models.CharField(
        _("สถานะ"), max_length=20, choices=CanvasStatus.choices, default=CanvasStatus.DRAFT
    )
    revision = models.PositiveIntegerField(_("ฉบับแก้ไขที่"), default=0)
    blocks = models.JSONField(_("เนื้อหาเก้าช่อง"), default=empty_blocks)
    # Kept beside the texts so lists never read nine long texts to count them.
    filled_blocks = models.PositiveSmallIntegerField(_("ช่องที่เขียนครบ"), default=0)
    version_count = models.PositiveIntegerField(_("จำนวนฉบับที่ส่ง"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("สร้างโดย"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("แก้ไขล่าสุดโดย"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("แก้ไขล่าสุดเมื่อ"), auto_now=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("แผนธุรกิจเพื่อชุมชน")
        verbose_name_plural = _("แผนธุรกิจเพื่อชุมชน")
        indexes = [
            models.Index(fields=["group", "title"]),
            # The review queues read only the canvases waiting for a decision.
            models.Index(
                fields=["group"],
                condition=models.Q(status="submitted"),
                name="canvas_waiting_for_review",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("canvases:detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    def text(self, key: str) -> str:
        return (self.blocks or {}).get(key, "")


def version_review_url(canvas_id: int, number: int, anchor: str = "") -> str:
    """The review page of version `number` of a canvas, with an optional #anchor."""
    return reverse("canvases:version_review", args=[canvas_id, number]) + anchor


class CanvasVersion(models.Model):
    """A submitted canvas, frozen: created once by `canvas_submit`, never updated."""

    canvas = models.ForeignKey(
        Canvas, verbose_name=_("แผน"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("ฉบับที่"))
    title = models.CharField(_("ชื่อแผน"), max_length=200)
    blocks = models.JSONField(_("เนื้อหาเก้าช่อง"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ส่งโดย"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("ส่งเมื่อ"))
    # The state the canvas was in when this version was sent: a withdrawal puts it back there.
    submitted_from = models.CharField(
        _("ส่งจากสถานะ"),
        max_length=20,
        choices=CanvasStatus.choices,
        default=CanvasStatus.DRAFT,
        # Also in the database, for rows loaded in bulk with COPY (the benchmark's).
        db_default=CanvasStatus.DRAFT,
    )
    # When a reviewer first opened the review page of this version: from then on the
    # leaders can no longer withdraw it.
    opened_at = models.DateTimeField(_("ผู้พิจารณาเปิดดูครั้งแรกเมื่อ"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("เปิดดูโดย"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("ถอนการส่งเมื่อ"), null=True, blank=True)

    class Meta:
        ordering = ["canvas", "-number"]
        verbose_name = _("ฉบับที่ส่ง")
        verbose_name_plural = _("ฉบับที่ส่ง")
        constraints = [
            models.UniqueConstraint(fields=["canvas", "number"], name="one_number_per_canvas")
        ]

    def __str__(self):
        return f"{self.canvas} #{self.number}"

    def get_absolute_url(self):
        return reverse("canvases:version", args=[self.canvas_id, self.number])

    def text(self, key: str) -> str:
        return (self.blocks or {}).get(key, "")

    def awaits_first_opening(self) -> bool:
        """Whether, as read with its canvas, it waits for review and no reviewer opened it
        yet (`services.version_record_opening` records the first opening)."""
        return (
            self.opened_at is None
            and self.withdrawn_at is None
            and self.canvas.status == CanvasStatus.SUBMITTED
            and self.canvas.version_count == self.number
        )


MAX_SAVE_ID_CHARS = 64


class CanvasSave(models.Model):
    """Every stored save, by the id the browser gave it and a digest of what it carried.

    A resend (same id, same texts) is recognised; the same id with other texts
    is a new save, never silently dropped.
    """

    canvas = models.ForeignKey(
        Canvas, verbose_name=_("แผน"), on_delete=models.CASCADE, related_name="saves"
    )
    save_id = models.CharField(_("รหัสการบันทึก"), max_length=MAX_SAVE_ID_CHARS)
    digest = models.CharField(_("ลายนิ้วมือของเนื้อหา"), max_length=64, default="")
    revision = models.PositiveIntegerField(_("ฉบับแก้ไขที่"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้บันทึก"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)

    class Meta:
        verbose_name = _("การบันทึกแผน")
        verbose_name_plural = _("การบันทึกแผน")
        constraints = [
            models.UniqueConstraint(
                fields=["canvas", "save_id", "digest"], name="one_save_per_id_and_content"
            )
        ]
        indexes = [models.Index(fields=["at"], name="canvas_save_age")]

    def __str__(self):
        return f"{self.canvas_id}:{self.save_id} → {self.revision}"


# How long every saved text of a block is kept (the newest of each block and
# every submitted version are kept for ever).
BLOCK_HISTORY_DAYS = 90


class BlockChange(models.Model):
    """One stored text of one block: every save that changed a block writes one row.

    The canvas keeps the current texts; these rows keep every earlier one, so a
    text someone saved can always be found again ("ข้อความก่อนหน้า"), and a save
    from an older revision can be merged block by block against what its tab
    started from. Rows older than `BLOCK_HISTORY_DAYS` are pruned, except the
    newest of each block; submitted versions keep their texts for ever.
    """

    canvas = models.ForeignKey(
        Canvas, verbose_name=_("แผน"), on_delete=models.CASCADE, related_name="block_changes"
    )
    block_key = models.CharField(_("ช่อง"), max_length=40)
    revision = models.PositiveIntegerField(_("ฉบับแก้ไขที่"))
    text = models.TextField(_("ข้อความ"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้บันทึก"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)

    class Meta:
        ordering = ["canvas", "block_key", "-revision"]
        verbose_name = _("ข้อความก่อนหน้าของช่อง")
        verbose_name_plural = _("ข้อความก่อนหน้าของช่อง")
        constraints = [
            models.UniqueConstraint(
                fields=["canvas", "block_key", "revision"], name="one_change_per_block_revision"
            )
        ]
        indexes = [models.Index(fields=["at"], name="block_change_age")]

    def __str__(self):
        return f"{self.canvas_id}:{self.block_key}@{self.revision}"

    @property
    def block(self):
        return BLOCKS_BY_KEY[self.block_key]


# A reviewer's summary of a decision, kept as the note of its timeline event.
MAX_SUMMARY_CHARS = 5000


class EventKind(models.TextChoices):
    CREATED = "created", _("สร้างแผน")
    SUBMITTED = "submitted", _("ส่งให้พิจารณา")
    CHANGES_REQUESTED = "changes_requested", _("ขอให้ปรับแก้")
    APPROVED = "approved", _("ผ่านการพิจารณา")
    REVISED = "revised", _("เปิดปรับปรุงเป็นฉบับร่างใหม่")
    WITHDRAWN = "withdrawn", _("ถอนการส่ง")


class CanvasEvent(models.Model):
    """One change of state of a canvas, shown on its timeline."""

    canvas = models.ForeignKey(
        Canvas, verbose_name=_("แผน"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("เหตุการณ์"), max_length=20, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้กระทำ"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("เมื่อ"), auto_now_add=True)
    version = models.ForeignKey(
        CanvasVersion,
        verbose_name=_("ฉบับที่ส่ง"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    note = models.TextField(_("หมายเหตุ"), max_length=MAX_SUMMARY_CHARS, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("เหตุการณ์ของแผน")
        verbose_name_plural = _("เหตุการณ์ของแผน")
        indexes = [models.Index(fields=["canvas", "-at"])]

    def __str__(self):
        return f"{self.canvas} – {self.get_kind_display()}"


# Reviews: comment threads on one block of one version ----------------------

MAX_COMMENT_CHARS = 4000


class CommentThread(models.Model):
    """A conversation opened by a reviewer on one block of one submitted version, or on
    another reviewable thing of a group (a plan area, a period's result…).

    A block's thread belongs to the version it was written on; while open it is
    also shown on the same block of later versions (read by
    `selectors.threads_for_version`), never copied. `canvas` repeats
    `version.canvas` so the open threads of a canvas are one indexed read.

    Any other subject is a registered `kind` (see `canvases.subjects`): the object
    (`content_type`, `object_id`), a `topic` inside it (a plan area, a result's
    period) and the `group` it belongs to, from which access and notifications
    are decided. The check constraint keeps every row one or the other.
    """

    canvas = models.ForeignKey(
        Canvas,
        verbose_name=_("แผน"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="threads",
    )
    version = models.ForeignKey(
        CanvasVersion,
        verbose_name=_("ฉบับที่ส่ง"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="threads",
    )
    block_key = models.CharField(_("ช่อง"), max_length=40, blank=True)
    # Another subject than a canvas block ("" for a block's thread). Database defaults
    # too, so rows loaded in bulk naming only the block columns (the benchmark's COPY) insert.
    kind = models.CharField(
        _("ประเภทเรื่อง"), max_length=MAX_KIND_CHARS, blank=True, default="", db_default=""
    )
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("ชนิดของเรื่อง"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("รหัสของเรื่อง"), null=True, blank=True)
    subject = GenericForeignKey("content_type", "object_id")
    topic = models.CharField(
        _("หัวข้อ"), max_length=MAX_TOPIC_CHARS, blank=True, default="", db_default=""
    )
    group = models.ForeignKey(
        CommunityGroup,
        verbose_name=_("กลุ่ม"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("เปิดโดย"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("เปิดเมื่อ"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("ปิดเมื่อ"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ปิดโดย"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["opened_at", "pk"]
        verbose_name = _("ความเห็นในช่อง")
        verbose_name_plural = _("ความเห็นในช่อง")
        indexes = [
            models.Index(fields=["version", "block_key"], name="thread_of_version"),
            # Open threads of a canvas: the editor and later versions read them.
            models.Index(
                fields=["canvas", "block_key"],
                condition=models.Q(resolved_at__isnull=True),
                name="thread_open_of_canvas",
            ),
            # The threads of one kind of subject of a group (a plan page, a results page).
            models.Index(
                fields=["group", "kind", "object_id", "topic"],
                condition=~models.Q(kind=""),
                name="thread_of_subject",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        kind="",
                        canvas__isnull=False,
                        version__isnull=False,
                        block_key__in=BLOCK_KEYS,
                        content_type__isnull=True,
                        object_id__isnull=True,
                        topic="",
                    )
                    | (
                        ~models.Q(kind="")
                        & models.Q(
                            canvas__isnull=True,
                            version__isnull=True,
                            block_key="",
                            content_type__isnull=False,
                            object_id__isnull=False,
                            group__isnull=False,
                        )
                    )
                ),
                name="thread_on_a_block_or_a_subject",
            )
        ]

    def __str__(self):
        if self.is_on_block:
            return f"{self.version} · {self.block_key}"
        return f"{self.kind}:{self.object_id}:{self.topic}"

    @property
    def is_on_block(self) -> bool:
        return not self.kind

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    @property
    def block(self):
        return BLOCKS_BY_KEY[self.block_key]

    @property
    def subject_kind(self):
        return subjects.kind_named(self.kind)

    @property
    def topic_label(self) -> str:
        """What the thread is about, for people: the block's title or the subject's topic."""
        if self.is_on_block:
            return self.block.title
        return self.subject_kind.topic_label(self.topic)

    # The pages that act on the thread: a block's under its canvas, any other's on its own.
    def _action_url(self, action: str) -> str:
        if self.is_on_block:
            return reverse(f"canvases:thread_{action}", args=[self.canvas_id, self.pk])
        return reverse(f"canvases:subject_thread_{action}", args=[self.pk])

    @property
    def reply_url(self) -> str:
        return self._action_url("reply")

    @property
    def resolve_url(self) -> str:
        return self._action_url("resolve")

    @property
    def reopen_url(self) -> str:
        return self._action_url("reopen")


class Comment(models.Model):
    """One message in a thread; the first one opens it."""

    thread = models.ForeignKey(
        CommentThread,
        verbose_name=_("ความเห็นในช่อง"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้เขียน"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    body = models.TextField(_("ข้อความ"), max_length=MAX_COMMENT_CHARS)
    created_at = models.DateTimeField(_("เขียนเมื่อ"), auto_now_add=True)
    edited_at = models.DateTimeField(_("แก้ไขเมื่อ"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("ข้อความความเห็น")
        verbose_name_plural = _("ข้อความความเห็น")
        indexes = [models.Index(fields=["thread", "created_at"], name="comment_of_thread")]

    def __str__(self):
        return self.body[:50]

    @property
    def edit_url(self) -> str:
        """Where its author edits it (reads `thread`: prefetched with the thread's comments)."""
        thread = self.thread
        if thread.is_on_block:
            return reverse("canvases:comment_edit", args=[thread.canvas_id, self.pk])
        return reverse("canvases:subject_comment_edit", args=[self.pk])


# --- Summary rows for the dashboards -------------------------------------------------
# Written only by `canvases.tallies.refresh_groups`, which every change of a canvas's
# state calls in its own transaction (see `services._event`): they are never behind
# the canvases they count. A dashboard then sums a few narrow rows per group instead
# of reading 200,000 versions and their events at national scale.
# Each row repeats its group's place (region, province, tambon), so a region's rows are
# one index range, without joining 20,000 groups and their tambons; a group that moves
# has its rows written again (`communities.signals.groups_moved`).


class PlacedTally(models.Model):
    """Where the counted group is: its tambon, province and region at the last refresh."""

    region = models.ForeignKey(
        Region,
        verbose_name=_("ภาค"),
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    province = models.ForeignKey(
        Province,
        verbose_name=_("จังหวัด"),
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    tambon = models.ForeignKey(
        Tambon,
        verbose_name=_("ตำบล"),
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )

    class Meta:
        abstract = True


class GroupTally(PlacedTally):
    """A group's canvases by state today, and since when the oldest one waits."""

    group = models.OneToOneField(
        CommunityGroup,
        verbose_name=_("กลุ่ม"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="canvas_tally",
    )
    draft = models.PositiveIntegerField(_("ฉบับร่าง"), default=0)
    submitted = models.PositiveIntegerField(_("ส่งแล้ว รอพิจารณา"), default=0)
    changes_requested = models.PositiveIntegerField(_("ขอให้ปรับแก้"), default=0)
    approved = models.PositiveIntegerField(_("ผ่านการพิจารณา"), default=0)
    # When the group's longest-waiting submission was sent (none waiting: empty).
    waiting_since = models.DateTimeField(_("รอพิจารณาตั้งแต่"), null=True, blank=True)

    class Meta:
        verbose_name = _("สรุปแผนของกลุ่ม")
        verbose_name_plural = _("สรุปแผนของกลุ่ม")
        indexes = [
            models.Index(
                fields=["waiting_since"],
                condition=models.Q(waiting_since__isnull=False),
                name="group_tally_waiting",
            ),
            models.Index(fields=["region", "province"], name="group_tally_place"),
        ]

    def __str__(self):
        return str(self.group_id)


class MonthTally(PlacedTally):
    """What a group submitted and had approved in one Bangkok month."""

    group = models.ForeignKey(
        CommunityGroup, verbose_name=_("กลุ่ม"), on_delete=models.CASCADE, related_name="+"
    )
    month = models.DateField(_("เดือน"))  # its first day
    submitted = models.PositiveIntegerField(_("ส่ง"), default=0)
    approved = models.PositiveIntegerField(_("ผ่านการพิจารณา"), default=0)

    class Meta:
        verbose_name = _("สรุปรายเดือนของกลุ่ม")
        verbose_name_plural = _("สรุปรายเดือนของกลุ่ม")
        constraints = [
            models.UniqueConstraint(fields=["group", "month"], name="one_tally_per_group_month")
        ]
        indexes = [
            models.Index(fields=["month"], name="month_tally_month"),
            models.Index(
                fields=["region", "month"],
                include=["province", "submitted", "approved"],
                name="month_tally_region",
            ),
        ]

    def __str__(self):
        return f"{self.group_id} {self.month:%Y-%m}"


class DecisionTally(PlacedTally):
    """One decision on a submitted version: when, which way, and how long it waited."""

    event = models.OneToOneField(
        "CanvasEvent",
        verbose_name=_("เหตุการณ์"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    group = models.ForeignKey(
        CommunityGroup, verbose_name=_("กลุ่ม"), on_delete=models.CASCADE, related_name="+"
    )
    decided_at = models.DateTimeField(_("พิจารณาเมื่อ"))
    approved = models.BooleanField(_("ผ่านการพิจารณา"))
    waited_days = models.FloatField(_("จำนวนวันที่รอ"), null=True)

    class Meta:
        verbose_name = _("ผลการพิจารณา (สรุป)")
        verbose_name_plural = _("ผลการพิจารณา (สรุป)")
        indexes = [
            models.Index(fields=["decided_at"], name="decision_tally_at"),
            # A region's decisions of a year, read from the index alone.
            models.Index(
                fields=["region", "decided_at"],
                include=["province", "tambon", "approved", "waited_days"],
                name="decision_tally_region",
            ),
            models.Index(
                fields=["province", "decided_at"],
                include=["tambon", "approved", "waited_days"],
                name="decision_tally_province",
            ),
        ]

    def __str__(self):
        return f"{self.group_id} {self.decided_at:%Y-%m-%d}"
