"""Changes to a group's programme. Each is one transaction with its audit entry.

Callers have checked the user's right (programme.access) and validated the
input (programme.forms); these functions check the state under a row lock.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import audit
from communities.models import CommunityGroup
from programme.models import (
    FIRST_STAGE,
    PLAN_MAX_ITEMS,
    STAGE_ORDER,
    GroupStage,
    PlanItem,
    Result,
    StageMove,
)
from programme.periods import Period

FORWARD, BACK = "forward", "back"

STAGE_CHANGED_MEANWHILE = gettext_lazy("มีผู้เปลี่ยนขั้นตอนของกลุ่มไปก่อนแล้ว กรุณาดูขั้นตอนล่าสุดแล้วลองอีกครั้ง")
RESULT_CONFIRMED = gettext_lazy("ผลลัพธ์ช่วงนี้พี่เลี้ยงยืนยันแล้ว แก้ไขไม่ได้ หากต้องแก้ ให้พี่เลี้ยงยกเลิกการยืนยันก่อน")
RESULT_EXISTS = gettext_lazy("มีผลลัพธ์ของช่วงนี้แล้ว กรุณาเลือกแก้ไขจากรายการผลลัพธ์")
NOT_IN_PLAN = gettext_lazy("รายการนี้ไม่ได้อยู่ในแผนของกลุ่ม")


@transaction.atomic
def stage_move(*, group: CommunityGroup, by, direction: str, expected: str, note: str = ""):
    """Move the group one step forward or back and record who, when, from, to and why.

    `expected` is the stage the person saw; if someone moved the group meanwhile,
    nothing changes and ValidationError says so. Moving past either end is refused.
    """
    CommunityGroup.objects.select_for_update().filter(pk=group.pk).first()
    row = GroupStage.objects.filter(group=group).first()
    current = row.stage if row else FIRST_STAGE
    if current != expected:
        raise ValidationError(STAGE_CHANGED_MEANWHILE)
    at = STAGE_ORDER.index(current) + (1 if direction == FORWARD else -1)
    if not 0 <= at < len(STAGE_ORDER):
        raise ValidationError(_("กลุ่มอยู่ขั้นสุดท้ายแล้ว") if direction == FORWARD else _("กลุ่มอยู่ขั้นแรกแล้ว"))
    target = STAGE_ORDER[at]
    if row is None:
        row = GroupStage(group=group)
    row.stage = target
    row.save()
    move = StageMove.objects.create(
        group=group, from_stage=current, to_stage=target, note=note, by=by
    )
    audit.record(
        actor=by,
        action=audit.AuditAction.PROGRAMME_STAGE,
        target=group,
        region_id=group.region_id,
        summary=f"{group.name}: {current} → {target}",
        details={"from": current, "to": target, "note": note, "move": move.pk},
    )
    return move


@transaction.atomic
def result_save(*, group: CommunityGroup, by, period: Period, values: dict, editing: bool):
    """Create or correct the group's result for `period`.

    A confirmed result is never changed; a new entry for a period that already
    has one is refused unless the leader opened that result to edit it.
    Raises ValidationError (the fields named) and stores nothing in both cases.
    """
    CommunityGroup.objects.select_for_update().filter(pk=group.pk).first()
    result = (
        Result.objects.select_for_update()
        .filter(group=group, fiscal_year=period.fiscal_year, quarter=period.quarter)
        .first()
    )
    if result is not None and result.is_confirmed:
        raise ValidationError(RESULT_CONFIRMED)
    if result is not None and not editing:
        raise ValidationError({"quarter": RESULT_EXISTS})
    if result is None:
        result = Result(group=group, fiscal_year=period.fiscal_year, quarter=period.quarter)
    for name, value in values.items():
        setattr(result, name, value)
    result.entered_by = by
    try:
        with transaction.atomic():
            result.save()
    except IntegrityError as error:  # the database's rules, should the form ever miss one
        raise ValidationError(RESULT_EXISTS) from error
    return result


def _locked(result: Result) -> Result:
    """The result read again, locked until the transaction ends, with its group's place."""
    return (
        Result.objects.select_for_update()
        .select_related("group__tambon__province")
        .get(pk=result.pk)
    )


@transaction.atomic
def result_confirm(*, result: Result, by):
    """An assigned mentor confirms a result: it becomes read-only. Confirming twice is a no-op."""
    result = _locked(result)
    if result.is_confirmed:
        return result
    result.confirmed_at = timezone.now()
    result.confirmed_by = by
    result.unconfirm_note = ""
    result.save(update_fields=["confirmed_at", "confirmed_by", "unconfirm_note"])
    audit.record(
        actor=by,
        action=audit.AuditAction.RESULT_CONFIRMATION,
        target=result,
        region_id=result.group.region_id,
        summary=f"{result.group.name}: {result.period.label} ✓",
        details={"confirmed": True},
    )
    return result


@transaction.atomic
def result_unconfirm(*, result: Result, by, note: str):
    """An assigned mentor opens a confirmed result again for the leaders, saying why."""
    result = _locked(result)
    if not result.is_confirmed:
        return result
    result.confirmed_at = None
    result.confirmed_by = None
    result.unconfirm_note = note
    result.save(update_fields=["confirmed_at", "confirmed_by", "unconfirm_note"])
    audit.record(
        actor=by,
        action=audit.AuditAction.RESULT_CONFIRMATION,
        target=result,
        region_id=result.group.region_id,
        summary=f"{result.group.name}: {result.period.label} ✗",
        details={"confirmed": False, "note": note},
    )
    return result


@transaction.atomic
def plan_save(*, group: CommunityGroup, items: list[PlanItem], deleted: list[PlanItem]):
    """Save the leaders' changes to the four-area plan: new and changed items, removed ones.

    `items` and `deleted` come from a formset over this group's items only.
    """
    CommunityGroup.objects.select_for_update().filter(pk=group.pk).first()
    existing = {item.pk for item in items if item.pk is not None}
    if PlanItem.objects.filter(pk__in=existing).exclude(group=group).exists():
        raise ValidationError(NOT_IN_PLAN, code="not_in_plan")
    PlanItem.objects.filter(group=group, pk__in=[item.pk for item in deleted if item.pk]).delete()
    kept = PlanItem.objects.filter(group=group).count()
    new = [item for item in items if item.pk is None]
    if kept + len(new) > PLAN_MAX_ITEMS:
        raise ValidationError(_("แผนมีได้ไม่เกิน %(max)s รายการ") % {"max": PLAN_MAX_ITEMS})
    for item in items:
        item.group = group
        item.save()
