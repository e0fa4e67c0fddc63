from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.functions import Left
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.phones import display_phone


def _localized(name_th: str, name_en: str) -> str:
    language = get_language() or "th"
    return name_en if language.startswith("en") and name_en else name_th


class Region(models.Model):
    """A CODI region (ภาค); which provinces it holds is data staff edit in the admin."""

    slug = models.SlugField(_("รหัส"), max_length=40, unique=True)
    name_th = models.CharField(_("ชื่อภาษาไทย"), max_length=100)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=100)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    class Meta:
        ordering = ["order", "name_th"]
        verbose_name = _("ภาค")
        verbose_name_plural = _("ภาค")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return _localized(self.name_th, self.name_en)


class AreaQuerySet(models.QuerySet):
    def current(self):
        return self.filter(abolished_on__isnull=True)


class Area(models.Model):
    """Common fields of a province, district and tambon, keyed by their DOPA code."""

    code = models.CharField(_("รหัส"), max_length=6, primary_key=True)
    name_th = models.CharField(_("ชื่อภาษาไทย"), max_length=100)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=100)
    # Areas DOPA abolished stay in the table while anything refers to them.
    abolished_on = models.DateField(_("ยกเลิกเมื่อ"), null=True, blank=True)

    objects = AreaQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return _localized(self.name_th, self.name_en)


class Province(Area):
    region = models.ForeignKey(
        Region,
        verbose_name=_("ภาค"),
        on_delete=models.PROTECT,
        related_name="provinces",
        null=True,
        blank=True,
    )

    class Meta(Area.Meta):
        verbose_name = _("จังหวัด")
        verbose_name_plural = _("จังหวัด")


class District(Area):
    province = models.ForeignKey(
        Province, verbose_name=_("จังหวัด"), on_delete=models.PROTECT, related_name="districts"
    )

    class Meta(Area.Meta):
        verbose_name = _("อำเภอ")
        verbose_name_plural = _("อำเภอ")


class Tambon(Area):
    district = models.ForeignKey(
        District, verbose_name=_("อำเภอ"), on_delete=models.PROTECT, related_name="tambons"
    )
    # Kept beside the district so a tambon's province is one join away.
    province = models.ForeignKey(
        Province, verbose_name=_("จังหวัด"), on_delete=models.PROTECT, related_name="tambons"
    )
    # Thai and English names of tambon, district and province, lower-cased and
    # without spaces or hyphens, so one LIKE finds "ao luek" and "อ่าวลึก".
    search_key = models.TextField(_("คำค้นของตำบล"), editable=False, default="")
    # `place_label` in each language, written with the names by the geography's loader,
    # so a list of groups shows where each one is without joining districts and provinces.
    place_th = models.CharField(_("ที่ตั้ง (ภาษาไทย)"), max_length=310, editable=False, default="")
    place_en = models.CharField(_("ที่ตั้ง (ภาษาอังกฤษ)"), max_length=310, editable=False, default="")

    class Meta(Area.Meta):
        verbose_name = _("ตำบล")
        verbose_name_plural = _("ตำบล")
        constraints = [
            # DOPA codes nest: a tambon's code begins with its province's. A group's
            # `province_code` is read from its tambon's code on that promise.
            models.CheckConstraint(
                condition=models.Q(province_id=Left("code", 2)),
                name="tambon_code_starts_with_province",
            )
        ]

    @property
    def place_label(self) -> str:
        """`อ่าวลึกใต้ › อ่าวลึก › กระบี่`: tambon, district, province."""
        return _localized(self.place_th, self.place_en)


class RegionStaff(models.Model):
    """Puts a regional staff member in charge of one region."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้ใช้"),
        on_delete=models.CASCADE,
        related_name="region_staff",
    )
    region = models.ForeignKey(
        Region, verbose_name=_("ภาค"), on_delete=models.PROTECT, related_name="staff"
    )

    class Meta:
        verbose_name = _("เจ้าหน้าที่ประจำภาค")
        verbose_name_plural = _("เจ้าหน้าที่ประจำภาค")

    def __str__(self):
        return f"{self.user} – {self.region}"


class GroupKind(models.TextChoices):
    GROUP = "group", _("กลุ่ม")
    ENTERPRISE = "enterprise", _("วิสาหกิจชุมชน")
    COUNCIL = "council", _("สภาองค์กรชุมชนตำบล")
    NETWORK = "network", _("เครือข่าย")


class Sector(models.TextChoices):
    ORGANIC_AGRICULTURE = "organic_agriculture", _("เกษตรอินทรีย์")
    COMMUNITY_TOURISM = "community_tourism", _("ท่องเที่ยวชุมชน")
    FOOD_PROCESSING = "food_processing", _("แปรรูปอาหาร")
    HANDICRAFT = "handicraft", _("หัตถกรรม")
    MICE = "mice", _("การประชุมและจัดงาน (MICE)")
    OTHER = "other", _("อื่น ๆ")


class CommunityGroupQuerySet(models.QuerySet):
    def in_region(self, region_id):
        return self.filter(
            province_code__in=Province.objects.filter(region_id=region_id).values("code")
        )

    def with_place(self):
        return self.select_related("tambon__district", "tambon__province__region")


class CommunityGroup(models.Model):
    name = models.CharField(_("ชื่อกลุ่ม"), max_length=200)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=200, blank=True)
    tambon = models.ForeignKey(
        Tambon, verbose_name=_("ตำบล"), on_delete=models.PROTECT, related_name="groups"
    )
    kind = models.CharField(
        _("ประเภท"), max_length=20, choices=GroupKind.choices, default=GroupKind.GROUP
    )
    sectors = ArrayField(
        models.CharField(max_length=30, choices=Sector.choices),
        verbose_name=_("ประเภทกิจการ"),
        default=list,
        blank=True,
    )
    description = models.TextField(_("รายละเอียดกลุ่ม"), max_length=5000, blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("ปีที่ก่อตั้ง"), null=True, blank=True, help_text=_("เก็บเป็นปี ค.ศ.")
    )
    member_count = models.PositiveIntegerField(_("จำนวนสมาชิก"), null=True, blank=True)
    contact_phone = models.CharField(_("เบอร์ติดต่อ"), max_length=16, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("สมาชิก"),
        through="Membership",
        related_name="community_groups",
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุดเมื่อ"), auto_now=True)
    # The province, written by PostgreSQL from the tambon's code (see Tambon's constraint):
    # a region's or province's groups are found and counted by an index on the group's
    # own row, not by joining every group to its tambon.
    province_code = models.GeneratedField(
        expression=Left("tambon_id", 2),
        output_field=models.CharField(max_length=2),
        db_persist=True,
        verbose_name=_("รหัสจังหวัด"),
    )

    objects = CommunityGroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("กลุ่ม/องค์กรชุมชน")
        verbose_name_plural = _("กลุ่ม/องค์กรชุมชน")
        indexes = [
            models.Index(fields=["tambon", "name"]),
            models.Index(fields=["province_code", "name"], name="group_province_name"),
        ]

    def __str__(self):
        return self.name

    @property
    def region_id(self):
        """The region of the group's province (reads the tambon and province if not loaded)."""
        return self.tambon.province.region_id

    def sector_labels(self) -> list[str]:
        labels = dict(Sector.choices)
        return [labels.get(sector, sector) for sector in self.sectors]


class MembershipRole(models.TextChoices):
    LEADER = "leader", _("แกนนำ")
    MEMBER = "member", _("สมาชิก")


class Membership(models.Model):
    group = models.ForeignKey(
        CommunityGroup, verbose_name=_("กลุ่ม"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้ใช้"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("บทบาทในกลุ่ม"),
        max_length=10,
        choices=MembershipRole.choices,
        default=MembershipRole.MEMBER,
    )
    joined_at = models.DateTimeField(_("เข้าร่วมเมื่อ"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group")
        ]
        verbose_name = _("สมาชิกภาพ")
        verbose_name_plural = _("สมาชิกภาพ")

    def __str__(self):
        return f"{self.user} – {self.group} ({self.get_role_display()})"


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("รอการตอบรับ")
    ACCEPTED = "accepted", _("ตอบรับแล้ว")
    DECLINED = "declined", _("ปฏิเสธแล้ว")
    WITHDRAWN = "withdrawn", _("ยกเลิกคำเชิญแล้ว")


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=InvitationStatus.PENDING)


class Invitation(models.Model):
    """Regional staff asked a person who already has an account to join a group.

    The person joins only by accepting it. Staff see it by the phone number they
    typed, never by the person's name or role.
    """

    group = models.ForeignKey(
        CommunityGroup,
        verbose_name=_("กลุ่ม"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้ได้รับเชิญ"),
        on_delete=models.CASCADE,
        related_name="group_invitations",
    )
    phone = models.CharField(_("เบอร์โทรศัพท์ที่เชิญ"), max_length=16)
    role = models.CharField(
        _("บทบาทในกลุ่ม"),
        max_length=10,
        choices=MembershipRole.choices,
        default=MembershipRole.MEMBER,
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้เชิญ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("สถานะ"),
        max_length=10,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
    )
    created_at = models.DateTimeField(_("เชิญเมื่อ"), auto_now_add=True)
    answered_at = models.DateTimeField(_("ตอบเมื่อ"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("คำเชิญเข้ากลุ่ม")
        verbose_name_plural = _("คำเชิญเข้ากลุ่ม")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "invitee"],
                condition=models.Q(status="pending"),
                name="one_pending_invitation_per_group",
            )
        ]
        indexes = [
            models.Index(
                fields=["invitee"],
                condition=models.Q(status="pending"),
                name="invitation_pending_of_person",
            )
        ]

    def __str__(self):
        return f"{self.phone_display} – {self.group} ({self.get_status_display()})"

    @property
    def phone_display(self) -> str:
        return display_phone(self.phone)


# Networks of groups ("friends, not competitors") ---------------------------------


class LinkKind(models.TextChoices):
    SUPPLY = "supply", _("ห่วงโซ่วัตถุดิบ/การจัดหา")
    TOURISM_ROUTE = "tourism_route", _("เส้นทางท่องเที่ยวร่วม")
    KNOWLEDGE = "knowledge", _("แลกเปลี่ยนความรู้")
    MARKETING = "marketing", _("การตลาดร่วม")


class LinkStatus(models.TextChoices):
    PROPOSED = "proposed", _("รอตอบรับ")
    ACCEPTED = "accepted", _("เชื่อมโยงแล้ว")


LINK_NOTE_MAX_CHARS = 500


class GroupLinkQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(status=LinkStatus.ACCEPTED)

    def of_group(self, group_id):
        return self.filter(models.Q(group_low_id=group_id) | models.Q(group_high_id=group_id))

    def touching_region(self, region_id):
        # The region's groups once, as a subquery: an OR over two chains of joins lets
        # the planner multiply both sides' groups and tambons when its statistics are thin.
        in_region = CommunityGroup.objects.in_region(region_id).values("pk")
        return self.filter(models.Q(group_low__in=in_region) | models.Q(group_high__in=in_region))


class GroupLink(models.Model):
    """Two groups working together in one way (a supply chain, a tourism route, ...).

    The pair is stored in order (`group_low.pk < group_high.pk`), so A–B and B–A are one
    row per kind: two groups linked in two ways have two rows. A link a leader proposes
    stays `proposed` until the other side (its leader, or staff) accepts it;
    `proposed_by_group` is the side that asked (None when staff linked them).
    """

    group_low = models.ForeignKey(
        CommunityGroup, verbose_name=_("กลุ่ม"), on_delete=models.CASCADE, related_name="+"
    )
    group_high = models.ForeignKey(
        CommunityGroup, verbose_name=_("กลุ่มคู่เครือข่าย"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("ลักษณะความร่วมมือ"), max_length=20, choices=LinkKind.choices)
    note = models.TextField(_("หมายเหตุ"), max_length=LINK_NOTE_MAX_CHARS, blank=True)
    status = models.CharField(
        _("สถานะ"), max_length=10, choices=LinkStatus.choices, default=LinkStatus.PROPOSED
    )
    proposed_by_group = models.ForeignKey(
        CommunityGroup,
        verbose_name=_("กลุ่มที่เสนอ"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้บันทึก"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้ตอบรับ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    accepted_at = models.DateTimeField(_("ตอบรับเมื่อ"), null=True, blank=True)

    objects = GroupLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("การเชื่อมโยงเครือข่ายกลุ่ม")
        verbose_name_plural = _("การเชื่อมโยงเครือข่ายกลุ่ม")
        constraints = [
            models.UniqueConstraint(
                fields=["group_low", "group_high", "kind"], name="one_group_link_per_pair_and_kind"
            ),
            models.CheckConstraint(
                condition=models.Q(group_low__lt=models.F("group_high")),
                name="group_link_pair_ordered",
            ),
        ]
        indexes = [models.Index(fields=["group_high", "status"])]

    def __str__(self):
        return f"{self.group_low_id} – {self.group_high_id} ({self.kind})"

    @property
    def is_accepted(self) -> bool:
        return self.status == LinkStatus.ACCEPTED

    def other(self, group_id):
        """The group at the other end from `group_id`."""
        return self.group_high if self.group_low_id == group_id else self.group_low


# Community capital (ทุนชุมชน) ---------------------------------------------------
#
# What a tambon already has to build on, listed by the people who work there; the
# canvas editor shows it as prompts beside the key-resources block.

CAPITAL_WHAT_MAX_CHARS = 120
CAPITAL_DETAIL_MAX_CHARS = 500
CAPITAL_ITEMS_PER_TAMBON = 60


class CapitalKind(models.TextChoices):
    """The five kinds of community capital, in the order they are shown."""

    NATURE = "nature", _("ทุนธรรมชาติและทรัพยากร")
    PEOPLE = "people", _("ทุนคนและภูมิปัญญา")
    CULTURE = "culture", _("ทุนวัฒนธรรมและประวัติศาสตร์")
    SOCIAL = "social", _("ทุนทางสังคม")
    MONEY = "money", _("ทุนเงินและกองทุน")


class CapitalItem(models.Model):
    """One thing a tambon has to build on: a mangrove forest, a weaver, a savings fund."""

    tambon = models.ForeignKey(
        Tambon, verbose_name=_("ตำบล"), on_delete=models.CASCADE, related_name="capital_items"
    )
    kind = models.CharField(_("ประเภททุน"), max_length=10, choices=CapitalKind.choices)
    what = models.CharField(_("ทุนชุมชน"), max_length=CAPITAL_WHAT_MAX_CHARS)
    detail = models.TextField(_("รายละเอียด"), max_length=CAPITAL_DETAIL_MAX_CHARS, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้เพิ่ม"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("เพิ่มเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุดเมื่อ"), auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("ทุนชุมชนของตำบล")
        verbose_name_plural = _("ทุนชุมชนของตำบล")
        indexes = [models.Index(fields=["tambon", "kind", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.what}"
