"""Reporting periods of the Thai fiscal year, named in the Buddhist era.

Fiscal year 2569 (BE) runs from 1 October 2025 to 30 September 2026; its
first quarter ("ไตรมาส 1/2569") is October–December 2025. Quarter 0 stands
for the whole year ("ปี 2569").
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

BUDDHIST_ERA_OFFSET = 543
WHOLE_YEAR = 0
QUARTERS = (1, 2, 3, 4)
# The first fiscal year a group can report on, and how far ahead a typo may reach.
FIRST_FISCAL_YEAR = 2540
LAST_FISCAL_YEAR = 2700


@dataclass(frozen=True, order=True)
class Period:
    fiscal_year: int  # Buddhist era
    quarter: int  # 0 for the whole year

    @property
    def starts_on(self) -> datetime.date:
        year = self.fiscal_year - BUDDHIST_ERA_OFFSET - 1
        if self.quarter in (WHOLE_YEAR, 1):
            return datetime.date(year, 10, 1)
        return datetime.date(year + 1, 1 + 3 * (self.quarter - 2), 1)

    @property
    def ends_on(self) -> datetime.date:
        year = self.fiscal_year - BUDDHIST_ERA_OFFSET
        if self.quarter in (WHOLE_YEAR, 4):
            return datetime.date(year, 9, 30)
        if self.quarter == 1:
            return datetime.date(year - 1, 12, 31)
        first_of_next = datetime.date(year, 1 + 3 * (self.quarter - 1), 1)
        return first_of_next - datetime.timedelta(days=1)

    @property
    def is_year(self) -> bool:
        return self.quarter == WHOLE_YEAR

    @property
    def label(self) -> str:
        if self.is_year:
            return _("ปี %(year)s") % {"year": self.fiscal_year}
        return _("ไตรมาส %(quarter)s/%(year)s") % {
            "quarter": self.quarter,
            "year": self.fiscal_year,
        }

    @property
    def short_label(self) -> str:
        """For the chart's axis: `Q1/69`-like, in Thai `ต.1/69`."""
        if self.is_year:
            return _("ปี %(year)s") % {"year": self.fiscal_year}
        return _("ต.%(quarter)s/%(yy)s") % {"quarter": self.quarter, "yy": self.fiscal_year % 100}

    def __str__(self):
        return self.label


def fiscal_year_of(day: datetime.date) -> int:
    """The Buddhist-era fiscal year a day falls in."""
    return day.year + BUDDHIST_ERA_OFFSET + (1 if day.month >= 10 else 0)
