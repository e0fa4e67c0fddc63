from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.notifications import is_local_url
from accounts.services import password_link_issue
from communities import access as community_access
from mentors import access, selectors, services
from mentors.forms import AssignmentForm, CohortForm, FollowUpForm, MentorForm

MENTORS_PER_PAGE = 50
UNCOVERED_GROUPS_PER_PAGE = 50
FOLLOW_UPS_PER_PAGE = 30


def _staff_only(user):
    if not access.is_staff(user):
        raise Http404


def _chosen_region(request):
    return community_access.chosen_region(request.user, request.GET.get("region", ""))


def _region_to_create_in(request):
    region, _regions = _chosen_region(request)
    if region is None:
        raise Http404
    return region


# Mentors -------------------------------------------------------------------


@login_required
def mentor_list(request):
    _staff_only(request.user)
    region, regions = _chosen_region(request)
    query = request.GET.get("q", "")[:100]
    mentors = selectors.mentors_for_list(region_id=region.pk if region else None, query=query)
    page = Paginator(mentors, MENTORS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "mentors/mentor_list.html",
        {"page": page, "region": region, "regions": regions, "query": query},
    )


@login_required
def mentor_create(request):
    _staff_only(request.user)
    region = _region_to_create_in(request)
    form = MentorForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        try:
            mentor, _created_user = services.mentor_create(
                region=region, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("เพิ่มพี่เลี้ยงแล้ว"))
            return redirect("mentors:mentor_detail", pk=mentor.pk)
    return render(request, "mentors/mentor_form.html", {"form": form, "region": region})


# What regional staff may not change of a mentor who is not solely their region's.
PERSON_FIELDS = ("display_name", "email", "phone")


@login_required
def mentor_edit(request, pk):
    mentor = access.get_mentor_for_manage(request.user, pk)
    can_edit_details = access.can_edit_mentor_details(request.user, mentor)
    form = MentorForm(
        request.POST or None,
        region=mentor.region,
        mentor=mentor,
        locked=() if can_edit_details else PERSON_FIELDS,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if not can_edit_details:
            for field in PERSON_FIELDS:
                data.pop(field, None)
        services.mentor_update(mentor=mentor, by=request.user, **data)
        messages.success(request, _("บันทึกข้อมูลพี่เลี้ยงแล้ว"))
        return redirect("mentors:mentor_detail", pk=mentor.pk)
    return render(
        request,
        "mentors/mentor_form.html",
        {"form": form, "region": mentor.region, "mentor": mentor, "locked": not can_edit_details},
    )


@login_required
def mentor_detail(request, pk):
    mentor = access.get_mentor_for_user(request.user, pk)
    can_manage = access.can_manage_mentor(request.user, mentor)
    link = None
    if can_manage and community_access.can_issue_password_link(request.user, mentor.user):
        link = request.build_absolute_uri(
            password_link_issue(
                user=mentor.user, by=request.user, region_id=mentor.region_id, target=mentor
            )
        )
    return render(
        request,
        "mentors/mentor_detail.html",
        {
            "mentor": mentor,
            "can_manage": can_manage,
            "provinces": mentor.provinces.order_by("name_th"),
            "cohorts": mentor.cohorts.order_by("-year"),
            "assignments": selectors.mentor_assignments(mentor),
            "follow_ups": selectors.follow_ups_of_mentor(mentor)[:5],
            "password_link": link,
        },
    )


@login_required
def me(request):
    """A mentor's own profile and follow-up record."""
    mentor = selectors.mentor_of(request.user)
    if mentor is None:
        raise Http404
    return redirect("mentors:mentor_detail", pk=mentor.pk)


# Assignments ---------------------------------------------------------------


def _assignment_page(request, *, region_id, mentor=None, group=None, back):
    form = AssignmentForm(request.POST or None, region_id=region_id, mentor=mentor, group=group)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.assignment_create(
                mentor=data["mentor"],
                group=data["group"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("มอบหมาย %(mentor)s ดูแล %(group)s แล้ว")
                % {"mentor": data["mentor"].name, "group": data["group"].name},
            )
            return redirect(back)
    return render(
        request,
        "mentors/assignment_form.html",
        {"form": form, "mentor": mentor, "group": group, "back": back},
    )


@login_required
def group_assign(request, pk):
    """From a group's page: pick one of the region's active mentors."""
    group = access.get_group_for_assign(request.user, pk)
    return _assignment_page(
        request,
        region_id=group.tambon.province.region_id,
        group=group,
        back=reverse("communities:group_detail", args=[group.pk]),
    )


@login_required
def mentor_assign(request, pk):
    """From a mentor's page: pick one of the region's groups."""
    mentor = access.get_mentor_for_manage(request.user, pk)
    return _assignment_page(
        request,
        region_id=mentor.region_id,
        mentor=mentor,
        back=reverse("mentors:mentor_detail", args=[mentor.pk]),
    )


@login_required
@require_POST
def assignment_end(request, pk):
    assignment = access.get_assignment_for_manage(request.user, pk)
    services.assignment_end(assignment=assignment, by=request.user)
    messages.success(
        request,
        _("สิ้นสุดการดูแล %(group)s ของ %(mentor)s แล้ว")
        % {"group": assignment.group.name, "mentor": assignment.mentor.name},
    )
    next_url = request.POST.get("next", "")
    if is_local_url(next_url):
        return redirect(next_url)
    return redirect("mentors:mentor_detail", pk=assignment.mentor_id)


# Follow-ups ----------------------------------------------------------------


@login_required
def group_follow_ups(request, pk):
    """A group's mentoring record: its mentors and every follow-up, newest first."""
    group = access.get_group_for_follow_up_list(request.user, pk)
    follow_ups = selectors.follow_ups_of_group(group)
    page = Paginator(follow_ups, FOLLOW_UPS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "mentors/group_follow_ups.html",
        {
            "group": group,
            "page": page,
            "assignments": [a for a in selectors.group_assignments(group) if a.is_active],
            "can_log": access.can_log_follow_up(request.user, group),
            "can_see_group_page": community_access.groups_visible_to(request.user)
            .filter(pk=group.pk)
            .exists(),
        },
    )


@login_required
def follow_up_create(request, pk):
    group = access.get_group_for_follow_up_log(request.user, pk)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.follow_up_log(
            mentor=selectors.mentor_of(request.user), group=group, **form.cleaned_data
        )
        messages.success(request, _("บันทึกการติดตามแล้ว"))
        return redirect("mentors:group_follow_ups", pk=group.pk)
    return render(request, "mentors/follow_up_form.html", {"form": form, "group": group})


@login_required
def mentor_follow_ups(request, pk):
    mentor = access.get_mentor_for_user(request.user, pk)
    page = Paginator(selectors.follow_ups_of_mentor(mentor), FOLLOW_UPS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "mentors/mentor_follow_ups.html", {"mentor": mentor, "page": page})


# Cohorts -------------------------------------------------------------------


@login_required
def cohort_list(request):
    if not (access.is_staff(request.user) or request.user.is_mentor):
        raise Http404
    region, regions = (None, None)
    cohorts = access.cohorts_visible_to(request.user)
    if access.is_staff(request.user):
        region, regions = _chosen_region(request)
        if region:
            cohorts = cohorts.filter(region=region)
    return render(
        request,
        "mentors/cohort_list.html",
        {
            "cohorts": selectors.cohorts_for_list(cohorts=cohorts),
            "region": region,
            "regions": regions,
        },
    )


@login_required
def cohort_detail(request, pk):
    cohort = access.get_cohort_for_user(request.user, pk)
    return render(
        request,
        "mentors/cohort_detail.html",
        {
            "cohort": cohort,
            "can_manage": access.can_manage_cohort(request.user, cohort),
            **selectors.cohort_detail(cohort),
        },
    )


def _cohort_form_page(request, *, region, cohort=None):
    form = CohortForm(request.POST or None, instance=cohort, region=region)
    if request.method == "POST" and form.is_valid():
        saved = services.cohort_save(form=form)
        messages.success(request, _("บันทึกรุ่นแล้ว"))
        return redirect("mentors:cohort_detail", pk=saved.pk)
    return render(
        request, "mentors/cohort_form.html", {"form": form, "cohort": cohort, "region": region}
    )


@login_required
def cohort_create(request):
    _staff_only(request.user)
    return _cohort_form_page(request, region=_region_to_create_in(request))


@login_required
def cohort_edit(request, pk):
    cohort = access.get_cohort_for_manage(request.user, pk)
    return _cohort_form_page(request, region=cohort.region, cohort=cohort)


# Coverage ------------------------------------------------------------------


@login_required
def coverage(request):
    """Where mentors are, and are missing: the whole country by region for national staff
    (or one region they pick), the staff member's own region for regional staff."""
    _staff_only(request.user)
    region, regions = _chosen_region(request)
    coverage = national = None
    if region is not None:
        coverage = selectors.region_coverage(region)
    elif request.user.is_national_staff:
        regions = list(regions)  # read once: the picker and the country's sections share it
        national = selectors.national_coverage(regions)
    shown = coverage or national
    mentors = None
    if coverage is not None:
        mentors = Paginator(coverage.mentors, MENTORS_PER_PAGE).get_page(
            request.GET.get("mentors_page")
        )
    return render(
        request,
        "mentors/coverage.html",
        {
            "regions": regions,
            "region": region,
            "coverage": coverage,
            "national": national,
            "totals": shown.totals if shown else None,
            "mentors": mentors,
        },
    )


@login_required
def coverage_province(request, code):
    """The groups of one province that no active mentor follows today (or, with
    `?mentor=with`, those one follows), a page at a time."""
    _staff_only(request.user)
    province = access.get_province_for_staff(request.user, code)
    followed = request.GET.get("mentor") == "with"
    groups = (
        selectors.province_groups_with_mentor(province)
        if followed
        else selectors.province_groups_without_mentor(province)
    )
    page = Paginator(groups, UNCOVERED_GROUPS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "mentors/coverage_province.html",
        {
            "province": province,
            "page": page,
            "followed": followed,
            "has_groups": page.paginator.count > 0 or selectors.province_has_groups(province),
        },
    )
