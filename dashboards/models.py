"""Yearly targets of the programme; every other dashboard figure is counted live."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import Region


class FiscalTarget(models.Model):
    """How many tambons should have an approved canvas in one fiscal year.

    `region` empty is the target of the whole country. `fiscal_year` is in the
    Buddhist era, as staff write it (ปีงบประมาณ 2569 = 1 Oct 2025 – 30 Sep 2026);
    see cbmc_portal.fiscal. Set by national staff.
    """

    region = models.ForeignKey(
        Region,
        verbose_name=_("ภาค"),
        on_delete=models.CASCADE,
        related_name="fiscal_targets",
        null=True,
        blank=True,
        help_text=_("เว้นว่างไว้สำหรับเป้าหมายทั้งประเทศ"),
    )
    fiscal_year = models.PositiveSmallIntegerField(
        _("ปีงบประมาณ (พ.ศ.)"),
        validators=[MinValueValidator(2500), MaxValueValidator(2700)],
    )
    tambons = models.PositiveIntegerField(
        _("เป้าหมายจำนวนตำบล"), validators=[MaxValueValidator(10000)]
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("แก้ไขล่าสุดโดย"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("แก้ไขล่าสุดเมื่อ"), auto_now=True)

    class Meta:
        ordering = ["-fiscal_year", "region__order"]
        verbose_name = _("เป้าหมายประจำปีงบประมาณ")
        verbose_name_plural = _("เป้าหมายประจำปีงบประมาณ")
        constraints = [
            # One target per region and year, and one for the country (NULL region).
            models.UniqueConstraint(
                fields=["region", "fiscal_year"],
                name="one_target_per_region_and_year",
                nulls_distinct=False,
            )
        ]

    def __str__(self):
        where = self.region.name if self.region_id else _("ทั้งประเทศ")
        return f"{where} {self.fiscal_year}: {self.tambons}"
