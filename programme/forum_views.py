"""Pages of learning forums (เวทีแลกเปลี่ยนเรียนรู้): a region's list, one forum, its form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from canvases.subject_pages import SharedSubjectThreads
from cbmc_portal.fiscal import current_fiscal_year
from communities.access import can_see_region
from programme import access, forum_selectors, stories
from programme.forum_forms import FiscalYearFilterForm, ForumForm, ProvinceFilterForm
from programme.forum_services import forum_save
from programme.threads import FORUM


@login_required
def forum_list(request, region):
    region = access.get_region_for_forums(request.user, region)
    filters = FiscalYearFilterForm(request.GET or None)
    fiscal_year = None
    if filters.is_valid():
        fiscal_year = filters.cleaned_data["fiscal_year"]
    elif not filters.is_bound:
        fiscal_year = current_fiscal_year()
        filters = FiscalYearFilterForm(initial={"fiscal_year": fiscal_year})
    page = forum_selectors.region_forums(
        access.forums_visible_to(request.user), region.pk, fiscal_year, request.GET.get("page")
    )
    return render(
        request,
        "programme/forum_list.html",
        {
            "region": region,
            "filters": filters,
            "fiscal_year": fiscal_year,
            "page": page,
            "can_record": access.can_record_forum(request.user, region.pk),
            "is_region_staff": can_see_region(request.user, region.pk),
        },
    )


@login_required
def forum_detail(request, pk):
    """The forum, and under each presenting group the threads on its part (for readers
    of that group's threads)."""
    forum = access.get_forum_for_user(request.user, pk)
    groups = forum_selectors.forum_groups(forum)
    threads = SharedSubjectThreads(request.user, FORUM, forum, groups)
    for group in groups:
        group.forum_threads = threads.box(group)
    return render(
        request,
        "programme/forum_detail.html",
        {
            "forum": forum,
            "region": forum.tambon.province.region,
            "groups": groups,
            "stories": stories.forum_stories(forum, threads.readable),
            **threads.page,
            "can_edit": access.can_edit_forum(request.user, forum),
        },
    )


def _forum_form_page(request, region, forum=None):
    """The form lists one province's tambons and groups at a time; "show" (a submit button
    of the same form) changes the province and keeps what was typed, without saving."""
    provinces = forum_selectors.region_provinces(region.pk)
    chooser = ProvinceFilterForm(request.POST or request.GET or None, provinces=provinces)
    province = chooser.cleaned_data["province"] if chooser.is_valid() else None
    # A province outside the region posted with the form: said beside the field, nothing saved.
    wrong_province = request.method == "POST" and chooser.is_bound and not chooser.is_valid()
    if province is None and not wrong_province:
        province = forum.tambon.province if forum else provinces.first()
        chooser = ProvinceFilterForm(initial={"province": province}, provinces=provinces)
    picking = request.method == "POST" and "pick_province" in request.POST
    staff = can_see_region(request.user, region.pk)
    kwargs = {
        "instance": forum,
        "tambons": forum_selectors.region_tambons(region.pk),
        "groups": forum_selectors.region_groups(region.pk),
        "offered_tambons": forum_selectors.province_tambons(province),
        "mentor_groups": None
        if staff
        else access.mentored_groups_in_region(request.user, region.pk),
    }
    if picking:
        typed = {name: request.POST.get(name, "") for name in ForumForm.Meta.fields}
        form = ForumForm(initial=typed, **kwargs)
        chosen = set(request.POST.getlist("groups"))
    else:
        form = ForumForm(request.POST or None, **kwargs)
        chosen = form.chosen_group_ids() if form.is_bound else set()
    if wrong_province:
        province = forum.tambon.province if forum else provinces.first()
    if request.method == "POST" and not picking and not wrong_province and form.is_valid():
        saved = forum_save(
            forum=forum, by=request.user, values=form.values, groups=form.cleaned_data["groups"]
        )
        messages.success(request, _("บันทึกเวทีแลกเปลี่ยนเรียนรู้แล้ว"))
        return redirect(saved)
    if forum is not None and request.method != "POST":
        chosen = {str(pk) for pk in forum.groups.values_list("pk", flat=True)}
    return render(
        request,
        "programme/forum_form.html",
        {
            "region": region,
            "forum": forum,
            "form": form,
            "chooser": chooser,
            "offered_groups": forum_selectors.province_groups(
                province, chosen, region_id=region.pk
            ),
            "chosen": chosen,
        },
    )


@login_required
def forum_create(request, region):
    region = access.get_region_for_forum_record(request.user, region)
    return _forum_form_page(request, region)


@login_required
def forum_edit(request, pk):
    forum = access.get_forum_for_edit(request.user, pk)
    return _forum_form_page(request, forum.tambon.province.region, forum)
