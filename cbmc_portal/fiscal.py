"""The Thai government's fiscal year (ปีงบประมาณ): 1 October to 30 September.

Fiscal years are named, stored and passed in URLs in the Buddhist era, as
staff write them: ปีงบประมาณ 2569 runs from 1 October 2568 (2025 CE) to
30 September 2569 (2026 CE). Its edges are midnight in Bangkok.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.utils import timezone

from cbmc_portal.templatetags.thai_dates import BUDDHIST_ERA_OFFSET

FIRST_MONTH = 10
BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")
# The programme's first fiscal year in the portal's pickers; older years hold no canvases.
FIRST_FISCAL_YEAR = 2560


def fiscal_year_of(day: datetime.date) -> int:
    """The Buddhist-era fiscal year `day` (a Bangkok calendar date) belongs to."""
    return day.year + BUDDHIST_ERA_OFFSET + (1 if day.month >= FIRST_MONTH else 0)


def current_fiscal_year(now: datetime.datetime | None = None) -> int:
    return fiscal_year_of(timezone.localtime(now or timezone.now(), BANGKOK).date())


@dataclass(frozen=True)
class FiscalYear:
    year: int  # Buddhist era

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year - BUDDHIST_ERA_OFFSET - 1, FIRST_MONTH, 1)

    @property
    def last_day(self) -> datetime.date:
        return datetime.date(self.year - BUDDHIST_ERA_OFFSET, FIRST_MONTH - 1, 30)

    @property
    def starts_at(self) -> datetime.datetime:
        """Midnight of 1 October in Bangkok: the first instant of the year."""
        return datetime.datetime.combine(self.first_day, datetime.time(), BANGKOK)

    @property
    def ends_at(self) -> datetime.datetime:
        """Midnight of the next 1 October in Bangkok: the first instant after the year."""
        return FiscalYear(self.year + 1).starts_at

    def elapsed_share(self, now: datetime.datetime | None = None) -> float:
        """How much of the year has passed (0 before it starts, 1 once it is over)."""
        now = now or timezone.now()
        if now <= self.starts_at:
            return 0.0
        if now >= self.ends_at:
            return 1.0
        return (now - self.starts_at) / (self.ends_at - self.starts_at)


def fiscal_year_choices(now: datetime.datetime | None = None) -> list[int]:
    """Newest first: next year (targets are set ahead), this year, back to the first."""
    current = current_fiscal_year(now)
    return list(range(current + 1, FIRST_FISCAL_YEAR - 1, -1))
