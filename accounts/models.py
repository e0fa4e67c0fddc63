from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group, UserManager
from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from accounts.phones import display_phone


class Role(models.TextChoices):
    """What a person does in the programme.

    Group leaders and members are ordinary users whose part in a group comes
    from their membership of it; the other roles are set by staff.
    """

    COMMUNITY = "community", _("ผู้นำ/สมาชิกกลุ่ม")
    MENTOR = "mentor", _("พี่เลี้ยง")
    REGIONAL_STAFF = "regional_staff", _("เจ้าหน้าที่ภาค")
    NATIONAL_STAFF = "national_staff", _("เจ้าหน้าที่ส่วนกลาง")


ANONYMISED_USERNAME_PREFIX = "erased-"


def anonymised_username(pk) -> str:
    return f"{ANONYMISED_USERNAME_PREFIX}{pk}"


class PermissionGroup(Group):
    """Django's auth groups, named apart from community groups (กลุ่ม) in the admin."""

    class Meta:
        proxy = True
        verbose_name = _("กลุ่มสิทธิ์ผู้ดูแลระบบ")
        verbose_name_plural = _("กลุ่มสิทธิ์ผู้ดูแลระบบ")


class User(AbstractUser):
    phone = models.CharField(
        _("เบอร์โทรศัพท์มือถือ"),
        max_length=16,
        unique=True,
        null=True,
        blank=True,
        help_text=_("ใช้เข้าสู่ระบบได้ เช่น 081-234-5678"),
    )
    display_name = models.CharField(_("ชื่อที่แสดง"), max_length=150, blank=True)
    role = models.CharField(_("บทบาท"), max_length=20, choices=Role.choices, default=Role.COMMUNITY)
    # The staff member who created this account from a phone number; only they (or
    # national staff) may hand out its one-time set-password link.
    created_by = models.ForeignKey(
        "self",
        verbose_name=_("สร้างโดย"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    # Django calls these "groups" (Thai "กลุ่ม"), which reads as a community group.
    groups = models.ManyToManyField(
        Group,
        verbose_name=_("กลุ่มสิทธิ์ผู้ดูแลระบบ"),
        blank=True,
        help_text=_("กลุ่มสิทธิ์ในหน้าผู้ดูแลระบบที่ผู้ใช้นี้อยู่ ผู้ใช้ได้ทุกสิทธิ์ของกลุ่มที่อยู่"),
        related_name="user_set",
        related_query_name="user",
    )

    objects = UserManager()

    class Meta:
        verbose_name = _("ผู้ใช้")
        verbose_name_plural = _("ผู้ใช้")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        if self.is_anonymised:
            return gettext("ผู้ใช้ที่ลบข้อมูลแล้ว")
        return self.display_name or self.get_full_name() or self.username

    @property
    def is_anonymised(self) -> bool:
        """Erased under the PDPA (`accounts.services.person_anonymise`); the row stays so
        the group's canvases and comments keep their authors."""
        return self.pk is not None and self.username == anonymised_username(self.pk)

    @property
    def phone_display(self) -> str:
        return display_phone(self.phone or "")

    @property
    def is_mentor(self) -> bool:
        return self.role == Role.MENTOR

    @property
    def is_regional_staff(self) -> bool:
        return self.role == Role.REGIONAL_STAFF

    @property
    def is_national_staff(self) -> bool:
        return self.role == Role.NATIONAL_STAFF or self.is_superuser

    @property
    def is_codi_staff(self) -> bool:
        return self.is_regional_staff or self.is_national_staff


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class NotificationEvent(models.TextChoices):
    """What a notification tells of; its sentence is written when it is read, in the
    reader's language, from the event and its data (`Notification.text`)."""

    CANVAS_SUBMITTED = "canvas_submitted", _("ส่งแผนให้พิจารณา")
    CANVAS_WITHDRAWN = "canvas_withdrawn", _("ถอนการส่งแผน")
    CANVAS_APPROVED = "canvas_approved", _("เห็นชอบแผน")
    CHANGES_REQUESTED = "changes_requested", _("ขอให้ปรับแก้แผน")
    COMMENT_ADDED = "comment_added", _("แสดงความเห็นในช่อง")
    COMMENT_REPLIED = "comment_replied", _("ตอบความเห็นในช่อง")
    MENTOR_ASSIGNED = "mentor_assigned", _("มอบหมายพี่เลี้ยง")
    MEMBER_ADDED = "member_added", _("เพิ่มเข้ากลุ่ม")
    INVITED = "invited", _("เชิญเข้ากลุ่ม")
    INVITATION_ACCEPTED = "invitation_accepted", _("ตอบรับคำเชิญ")
    INVITATION_DECLINED = "invitation_declined", _("ปฏิเสธคำเชิญ")
    # Threads on other subjects than canvas blocks: a plan area, a period's result…
    THREAD_COMMENT_ADDED = "thread_comment_added", _("แสดงความเห็น")
    THREAD_COMMENT_REPLIED = "thread_comment_replied", _("ตอบความเห็น")


# The sentence of each event; its %(names)s come from the notification's data.
EVENT_SENTENCES = {
    NotificationEvent.CANVAS_SUBMITTED: _(
        "%(group)s ส่งแผน “%(title)s” ฉบับที่ %(number)s รอท่านพิจารณา"
    ),
    NotificationEvent.CANVAS_WITHDRAWN: _(
        "%(group)s ถอนแผน “%(title)s” ฉบับที่ %(number)s กลับไปแก้ไข ยังไม่ต้องพิจารณา"
    ),
    NotificationEvent.CANVAS_APPROVED: _("%(name)s เห็นชอบแผน “%(title)s” ฉบับที่ %(number)s แล้ว"),
    NotificationEvent.CHANGES_REQUESTED: _("%(name)s ขอให้ปรับแก้แผน “%(title)s” ฉบับที่ %(number)s"),
    NotificationEvent.COMMENT_ADDED: _("%(name)s แสดงความเห็นในช่อง “%(block)s” ของแผน “%(title)s”"),
    NotificationEvent.COMMENT_REPLIED: _("%(name)s ตอบความเห็นในช่อง “%(block)s” ของแผน “%(title)s”"),
    NotificationEvent.MENTOR_ASSIGNED: _("ท่านได้รับมอบหมายเป็นพี่เลี้ยงของ %(group)s"),
    NotificationEvent.MEMBER_ADDED: _("ท่านได้รับการเพิ่มเข้า%(group)s"),
    NotificationEvent.INVITED: _("ท่านได้รับเชิญเข้าร่วม%(group)s ในฐานะ%(role)s ตอบรับหรือปฏิเสธได้ที่หน้าแรก"),
    NotificationEvent.INVITATION_ACCEPTED: _("เจ้าของเบอร์ %(phone)s ตอบรับคำเชิญเข้า%(group)s แล้ว"),
    NotificationEvent.INVITATION_DECLINED: _("เจ้าของเบอร์ %(phone)s ปฏิเสธคำเชิญเข้า%(group)s"),
    NotificationEvent.THREAD_COMMENT_ADDED: _(
        "%(name)s แสดงความเห็นเรื่อง “%(topic)s” ใน%(subject)s ของ %(group)s"
    ),
    NotificationEvent.THREAD_COMMENT_REPLIED: _(
        "%(name)s ตอบความเห็นเรื่อง “%(topic)s” ใน%(subject)s ของ %(group)s"
    ),
}
# The longest sentence shown or mailed (a reviewer's summary can be long).
NOTIFICATION_TEXT_CHARS = 300


def _in_active_language(value):
    """A data value said in several languages ({"th": …, "en": …}) in the active one."""
    if isinstance(value, dict):
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return (
            value.get(language)
            or value.get(settings.LANGUAGE_CODE)
            or next(iter(value.values()), "")
        )
    return value


class Notification(models.Model):
    """Something a person should hear of: a new comment, a decision, a submission.

    Created only through `accounts.notifications.notify`. It stores the event and
    its data, not a sentence, so it reads in whatever language its reader uses;
    `message` is the stored Thai sentence of rows made before events existed.
    """

    recipient = models.ForeignKey(
        User, verbose_name=_("ผู้รับ"), on_delete=models.CASCADE, related_name="notifications"
    )
    # Database defaults too, so rows written by bulk loads that name only the old
    # columns (the benchmark's COPY) still insert.
    event = models.CharField(
        _("เหตุการณ์"),
        max_length=30,
        choices=NotificationEvent.choices,
        blank=True,
        default="",
        db_default="",
    )
    data = models.JSONField(_("ข้อมูลของเหตุการณ์"), default=dict, db_default={}, blank=True)
    message = models.CharField(
        _("ข้อความ (การแจ้งเตือนเก่า)"), max_length=NOTIFICATION_TEXT_CHARS, blank=True
    )
    # A local path inside the portal, e.g. /canvases/12/; never an outside address.
    url = models.CharField(_("ลิงก์"), max_length=500, blank=True)
    actor = models.ForeignKey(
        User,
        verbose_name=_("ผู้กระทำ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("เมื่อ"), auto_now_add=True)
    read_at = models.DateTimeField(_("อ่านเมื่อ"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("การแจ้งเตือน")
        verbose_name_plural = _("การแจ้งเตือน")
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_list"),
            # The bell counts only unread rows: keep that index small.
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread",
            ),
        ]

    def __str__(self):
        return self.text

    @property
    def is_unread(self) -> bool:
        return self.read_at is None

    @property
    def text(self) -> str:
        """The sentence in the active language (the stored one for rows without an event)."""
        sentence = EVENT_SENTENCES.get(self.event)
        if sentence is None:
            return self.message
        values = {key: _in_active_language(value) for key, value in (self.data or {}).items()}
        try:
            text = str(sentence) % values
        except (KeyError, TypeError, ValueError):
            return self.message or self.get_event_display()
        if values.get("summary"):
            text += ": " + str(values["summary"])
        return text[:NOTIFICATION_TEXT_CHARS]


class AuditAction(models.TextChoices):
    """What the audit trail records: changes of trust and of a canvas's state."""

    ROLE_CHANGED = "role_changed", _("เปลี่ยนบทบาท")
    LINK_ISSUED = "link_issued", _("ออกลิงก์ตั้งรหัสผ่าน")
    PERSON_ATTACHED = "person_attached", _("เพิ่มบุคคลเข้ากลุ่ม")
    PERSON_INVITED = "person_invited", _("เชิญบุคคลเข้ากลุ่ม")
    PERSON_ANONYMISED = "person_anonymised", _("ลบข้อมูลส่วนบุคคล")
    PERSON_EXPORTED = "person_exported", _("ส่งออกข้อมูลส่วนบุคคล")
    MENTOR_PROFILE = "mentor_profile", _("สร้าง/แก้ไขข้อมูลพี่เลี้ยง")
    ASSIGNMENT = "assignment", _("มอบหมาย/สิ้นสุดการดูแลกลุ่ม")
    CANVAS_TRANSITION = "canvas_transition", _("เปลี่ยนสถานะแผน")
    CANVAS_DECISION = "canvas_decision", _("ผลการพิจารณาแผน")
    ACCESS_REFUSED = "access_refused", _("ถูกปฏิเสธการเข้าถึง")
    EXPORT = "export", _("ส่งออกข้อมูล")
    PROGRAMME_STAGE = "programme_stage", _("เปลี่ยนขั้นตอนการพัฒนาของกลุ่ม")
    RESULT_CONFIRMATION = "result_confirmation", _("ยืนยัน/ยกเลิกการยืนยันผลลัพธ์ของแผน")
    # Stories and photos (programme)
    STORY_PUBLICATION = "story_publication", _("เผยแพร่/ยกเลิกการเผยแพร่เรื่องเล่า")
    PROGRAMME_PHOTO = "programme_photo", _("เพิ่ม/ลบภาพแผนบนกระดาษ")
    STORY_DELETED = "story_deleted", _("ลบเรื่องเล่า")

    # Learning forums and networks of groups (programme).
    FORUM = "forum", _("บันทึก/แก้ไขเวทีแลกเปลี่ยนเรียนรู้")
    GROUP_LINK = "group_link", _("เชื่อมโยง/ตอบรับ/ยกเลิกเครือข่ายกลุ่ม")

    TAMBON_CAPITAL = "tambon_capital", _("เพิ่ม/แก้ไข/ลบทุนชุมชนของตำบล")


class AuditEntry(models.Model):
    """Who did what, to whom or what, and when; written only through `accounts.audit.record`.

    `region` is the region the act belongs to, so regional staff read their
    region's entries; `target_user` and (`target_type`, `target_id`) name the
    person and the object acted on.
    """

    at = models.DateTimeField(_("เมื่อ"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        User,
        verbose_name=_("ผู้กระทำ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("การกระทำ"), max_length=30, choices=AuditAction.choices)
    target_user = models.ForeignKey(
        User,
        verbose_name=_("บุคคลที่เกี่ยวข้อง"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    target_type = models.CharField(_("ชนิดของสิ่งที่เกี่ยวข้อง"), max_length=40, blank=True)
    target_id = models.BigIntegerField(_("รหัสของสิ่งที่เกี่ยวข้อง"), null=True, blank=True)
    region_id = models.BigIntegerField(_("ภาค"), null=True, blank=True)
    summary = models.CharField(_("สรุป"), max_length=300, blank=True)
    details = models.JSONField(_("รายละเอียด"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("บันทึกการใช้งาน")
        verbose_name_plural = _("บันทึกการใช้งาน")
        indexes = [
            models.Index(fields=["target_user", "-at"], name="audit_of_person"),
            models.Index(fields=["target_type", "target_id", "-at"], name="audit_of_object"),
            models.Index(fields=["region_id", "-at"], name="audit_of_region"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"
