from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
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

    objects = UserManager()

    class Meta:
        verbose_name = _("ผู้ใช้")
        verbose_name_plural = _("ผู้ใช้")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.display_name or self.get_full_name() or self.username

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


class Notification(models.Model):
    """Something a person should hear of: a new comment, a decision, a submission.

    Created only through `accounts.notifications.notify`.
    """

    recipient = models.ForeignKey(
        User, verbose_name=_("ผู้รับ"), on_delete=models.CASCADE, related_name="notifications"
    )
    message = models.CharField(_("ข้อความ"), max_length=300)
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
        return self.message

    @property
    def is_unread(self) -> bool:
        return self.read_at is None
