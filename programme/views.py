"""Pages of a group's programme: its stage, results and four-area plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canvases.subject_pages import SubjectThreads
from programme import access, selectors, services
from programme.forms import (
    PeriodForm,
    PlanFormSet,
    ResultForm,
    StageMoveForm,
    UnconfirmForm,
    default_period_initial,
)
from programme.periods import Period
from programme.threads import PLAN_AREA, RESULT, result_topic


def _add_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field, errors)
    else:
        form.add_error(None, error)


@login_required
def overview(request, pk):
    group = access.get_group_for_programme(request.user, pk)
    stage = selectors.current_stage(group)
    can_move = access.can_move_stage(request.user, group)
    return render(
        request,
        "programme/overview.html",
        {
            "group": group,
            "stage": stage,
            "steps": selectors.stage_steps(stage),
            "history": selectors.stage_history(group),
            "form": StageMoveForm(stage=stage) if can_move else None,
        },
    )


@login_required
@require_POST
def stage_move(request, pk):
    group = access.get_group_for_stage_move(request.user, pk)
    form = StageMoveForm(request.POST, stage=selectors.current_stage(group))
    if form.is_valid():
        try:
            services.stage_move(group=group, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("บันทึกขั้นตอนของกลุ่มแล้ว"))
    else:
        messages.error(request, _("บันทึกไม่ได้ กรุณาลองอีกครั้ง"))
    return redirect("programme:overview", pk=group.pk)


@login_required
def results(request, pk):
    group = access.get_group_for_programme(request.user, pk)
    overview = selectors.results_overview(group)
    threads = SubjectThreads(request.user, group, RESULT)
    for row in overview["rows"]:
        row.threads = threads.box(row.pk, result_topic(row))
    return render(
        request,
        "programme/results.html",
        {
            "group": group,
            **overview,
            **threads.page,
            "can_edit": access.can_edit_results(request.user, group),
            "can_confirm": access.can_confirm_results(request.user, group),
        },
    )


def _period_from_query(request) -> Period | None:
    """The period named by ?fiscal_year=&quarter= (the result to edit), if valid."""
    form = PeriodForm(request.GET)
    return form.cleaned_data["period"] if form.is_valid() else None


@login_required
def result_entry(request, pk):
    """Enter a new period's results, or correct an unconfirmed one (?fiscal_year=&quarter=)."""
    group = access.get_group_for_results_edit(request.user, pk)
    if request.method == "POST":
        form = ResultForm(request.POST)
        if form.is_valid():
            try:
                services.result_save(
                    group=group,
                    by=request.user,
                    period=form.cleaned_data["period"],
                    values=form.values,
                    editing=form.cleaned_data["editing"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("บันทึกผลลัพธ์แล้ว รอพี่เลี้ยงยืนยัน"))
                return redirect("programme:results", pk=group.pk)
    else:
        period = _period_from_query(request)
        existing = selectors.result_for_period(group, period) if period else None
        if existing is not None and existing.is_confirmed:
            messages.info(request, services.RESULT_CONFIRMED)
            return redirect("programme:results", pk=group.pk)
        initial = ResultForm.initial_from(existing) if existing else default_period_initial()
        form = ResultForm(initial=initial)
    return render(request, "programme/result_form.html", {"group": group, "form": form})


def _result_from_post(request, group, form_class):
    form = form_class(request.POST)
    if not form.is_valid():
        return form, None
    result = selectors.result_for_period(group, form.cleaned_data["period"])
    if result is None:
        raise Http404
    return form, result


@login_required
@require_POST
def result_confirm(request, pk):
    group = access.get_group_for_results_confirm(request.user, pk)
    form, result = _result_from_post(request, group, PeriodForm)
    if result is None:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    else:
        services.result_confirm(result=result, by=request.user)
        messages.success(request, _("ยืนยันผลลัพธ์ %(period)s แล้ว") % {"period": result.period})
    return redirect("programme:results", pk=group.pk)


@login_required
@require_POST
def result_unconfirm(request, pk):
    group = access.get_group_for_results_confirm(request.user, pk)
    form, result = _result_from_post(request, group, UnconfirmForm)
    if result is None:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    else:
        services.result_unconfirm(result=result, by=request.user, note=form.cleaned_data["note"])
        messages.success(request, _("ยกเลิกการยืนยันผลลัพธ์ %(period)s แล้ว") % {"period": result.period})
    return redirect("programme:results", pk=group.pk)


@login_required
def plan(request, pk):
    group = access.get_group_for_programme(request.user, pk)
    areas = selectors.plan_by_area(group)
    threads = SubjectThreads(request.user, group, PLAN_AREA)
    for area in areas:
        area["threads"] = threads.box(group.pk, area["value"])
    return render(
        request,
        "programme/plan.html",
        {
            "group": group,
            "areas": areas,
            **threads.page,
            "can_edit": access.can_edit_plan(request.user, group),
        },
    )


@login_required
def plan_edit(request, pk):
    group = access.get_group_for_plan_edit(request.user, pk)
    formset = PlanFormSet(request.POST or None, queryset=selectors.plan_items(group))
    if request.method == "POST" and formset.is_valid():
        items = formset.save(commit=False)
        try:
            services.plan_save(group=group, items=items, deleted=formset.deleted_objects)
        except ValidationError as error:
            formset._non_form_errors = formset.error_class(error.messages)
        else:
            messages.success(request, _("บันทึกแผนพัฒนาแล้ว"))
            return redirect("programme:plan", pk=group.pk)
    return render(request, "programme/plan_form.html", {"group": group, "formset": formset})
