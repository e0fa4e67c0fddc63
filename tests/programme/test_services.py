"""The programme's services: state checked under lock, audit entries beside each change."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from accounts.models import AuditAction, AuditEntry
from programme import selectors, services
from programme.models import STAGE_ORDER, Result
from programme.periods import Period
from tests.programme.conftest import make_result

pytestmark = pytest.mark.django_db


def test_forward_past_the_last_step_is_refused(group, staff_south, south):
    for stage in STAGE_ORDER[:-1]:
        services.stage_move(group=group, by=staff_south, direction="forward", expected=stage)
    assert selectors.current_stage(group) == "use"
    with pytest.raises(ValidationError):
        services.stage_move(group=group, by=staff_south, direction="forward", expected="use")
    entry = AuditEntry.objects.filter(action=AuditAction.PROGRAMME_STAGE).first()
    assert entry.region_id == south.pk
    assert entry.actor == staff_south


def test_a_confirmed_result_is_never_changed_by_a_save(group, leader, mentor_user):
    make_result(group, confirmed_by=mentor_user)
    with pytest.raises(ValidationError):
        services.result_save(
            group=group, by=leader, period=Period(2568, 1), values={"income": 1}, editing=True
        )
    assert Result.objects.get().income == Decimal(12000)


def test_unconfirming_an_unconfirmed_result_writes_nothing(group, mentor_user):
    result = make_result(group)
    services.result_unconfirm(result=result, by=mentor_user, note="ลอง")
    assert not AuditEntry.objects.exists()


def test_the_database_refuses_shares_that_do_not_make_100(group):
    with pytest.raises(IntegrityError):
        make_result(group, family_share=70, community_share=40)
