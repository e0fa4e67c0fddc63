"""Submissions and approvals per month, months cut at midnight in Bangkok."""

import datetime

import pytest

from canvases.models import CanvasEvent, CanvasStatus, EventKind
from cbmc_portal.fiscal import BANGKOK, FiscalYear
from dashboards.access import Viewer
from dashboards.scope import Level, Scope
from dashboards.selectors import monthly_counts
from tests import factories

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 15, 12, tzinfo=BANGKOK)


def test_months_are_bangkok_months_and_every_month_is_listed(group, south):
    canvas = factories.CanvasFactory(group=group, status=CanvasStatus.APPROVED, version_count=3)
    # 31 Jan 23:30 Bangkok is still January there (16:30 UTC); 1 Feb 00:30 is February
    # (31 Jan 17:30 UTC).
    factories.CanvasVersionFactory(
        canvas=canvas, number=1, submitted_at=datetime.datetime(2026, 1, 31, 23, 30, tzinfo=BANGKOK)
    )
    factories.CanvasVersionFactory(
        canvas=canvas, number=2, submitted_at=datetime.datetime(2026, 2, 1, 0, 30, tzinfo=BANGKOK)
    )
    last = factories.CanvasVersionFactory(
        canvas=canvas, number=3, submitted_at=datetime.datetime(2026, 3, 2, tzinfo=BANGKOK)
    )
    event = CanvasEvent.objects.create(canvas=canvas, kind=EventKind.APPROVED, version=last)
    CanvasEvent.objects.filter(pk=event.pk).update(
        at=datetime.datetime(2026, 3, 1, 0, 5, tzinfo=BANGKOK)
    )
    # Another region's submission is not counted.
    factories.CanvasVersionFactory(submitted_at=datetime.datetime(2026, 3, 3, tzinfo=BANGKOK))
    factories.tally_canvases()
    scope = Scope(
        viewer=Viewer(region_id=south.pk),
        level=Level.REGION,
        fiscal_year=FiscalYear(2569),
        region=south,
    )
    rows = monthly_counts(scope, now=NOW)
    assert len(rows) == 24
    assert rows[0]["month"] == datetime.date(2024, 4, 1)
    assert rows[-1]["month"] == datetime.date(2026, 3, 1)
    by_month = {row["month"]: (row["submitted"], row["approved"]) for row in rows}
    assert by_month[datetime.date(2026, 1, 1)] == (1, 0)
    assert by_month[datetime.date(2026, 2, 1)] == (1, 0)
    assert by_month[datetime.date(2026, 3, 1)] == (1, 1)
    assert sum(s for s, _a in by_month.values()) == 3
