"""Reporting periods of the Thai fiscal year, named in the Buddhist era.

Fiscal year 2569 (BE) runs from 1 October 2025 to 30 September 2026; its
first quarter ("ไตรมาส 1/2569") is October–December 2025. Quarter 0 stands
for the whole year ("ปี 2569").
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from cbmc_portal.fiscal import FiscalYear

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
        first_day = FiscalYear(self.fiscal_year).first_day
        if self.quarter in (WHOLE_YEAR, 1):
            return first_day
        return datetime.date(first_day.year + 1, 1 + 3 * (self.quarter - 2), 1)

    @property
    def ends_on(self) -> datetime.date:
        last_day = FiscalYear(self.fiscal_year).last_day
        if self.quarter in (WHOLE_YEAR, 4):
            return last_day
        if self.quarter == 1:
            return datetime.date(last_day.year - 1, 12, 31)
        first_of_next = datetime.date(last_day.year, 1 + 3 * (self.quarter - 1), 1)
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
