"""Writes of the dashboards: the yearly targets."""

from django.db import transaction

from dashboards.models import FiscalTarget


@transaction.atomic
def targets_save(*, fiscal_year: int, values: dict, by) -> None:
    """Set the tambon targets of one fiscal year: {region id (None: country): tambons}.

    An empty value removes that target. The caller has checked that `by` may set
    targets (dashboards.access.require_target_setter).
    """
    for region_id, tambons in values.items():
        if tambons is None:
            FiscalTarget.objects.filter(region_id=region_id, fiscal_year=fiscal_year).delete()
        else:
            FiscalTarget.objects.update_or_create(
                region_id=region_id,
                fiscal_year=fiscal_year,
                defaults={"tambons": tambons, "updated_by": by},
            )
