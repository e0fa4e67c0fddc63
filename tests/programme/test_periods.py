import datetime

from cbmc_portal.fiscal import fiscal_year_of
from programme.periods import Period


def test_quarter_one_of_2569_is_october_to_december_2025():
    period = Period(2569, 1)
    assert period.starts_on == datetime.date(2025, 10, 1)
    assert period.ends_on == datetime.date(2025, 12, 31)
    assert period.label == "ไตรมาส 1/2569"


def test_the_other_quarters_and_the_year():
    assert (Period(2569, 2).starts_on, Period(2569, 2).ends_on) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 3, 31),
    )
    assert Period(2569, 3).ends_on == datetime.date(2026, 6, 30)
    assert Period(2569, 4).ends_on == datetime.date(2026, 9, 30)
    year = Period(2569, 0)
    assert (year.starts_on, year.ends_on, year.label) == (
        datetime.date(2025, 10, 1),
        datetime.date(2026, 9, 30),
        "ปี 2569",
    )


def test_fiscal_year_of_a_day():
    assert fiscal_year_of(datetime.date(2025, 9, 30)) == 2568
    assert fiscal_year_of(datetime.date(2025, 10, 1)) == 2569
