from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.access import phone_prefetch
from accounts.services import password_link_issue
from communities import access, selectors, services
from communities.forms import GroupDescriptionForm, GroupForm, PersonForm

GROUPS_PER_PAGE = 50


def _staff_only(user):
    if not user.is_codi_staff:
        raise Http404


@login_required
def group_list(request):
    """Groups of the staff member's region, searchable by group or place name, each with
    its plans by state and how long a submission has waited (the staff's landing page)."""
    _staff_only(request.user)
    region, regions = access.chosen_region(request.user, request.GET.get("region", ""))
    query = request.GET.get("q", "")
    groups = selectors.groups_for_list(region_id=region.pk if region else None, query=query)
    page = Paginator(groups, GROUPS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = selectors.with_days_waiting(page.object_list)
    return render(
        request,
        "communities/group_list.html",
        {"page": page, "query": query, "region": region, "regions": regions},
    )


def _group_form_page(request, group=None):
    """Create or edit a group; "find_place" posts back only to list tambon matches."""
    form = GroupForm(request.POST or None, instance=group)
    if request.method == "POST" and "find_place" not in request.POST and form.is_valid():
        if access.can_see_region(request.user, form.cleaned_data["tambon"].province.region_id):
            saved = services.group_save(form=form)
            messages.success(request, _("บันทึกกลุ่มเรียบร้อยแล้ว"))
            return redirect("communities:group_detail", pk=saved.pk)
        form.add_error("tambon", _("ตำบลนี้อยู่นอกภาคที่ท่านดูแล"))
    chosen = form.data.get("tambon") if form.is_bound else form.initial.get("tambon")
    context = {
        "form": form,
        "group": group,
        "place": form.place_search(),
        "chosen": selectors.tambon_by_code(chosen) if chosen else None,
    }
    return render(request, "communities/group_form.html", context)


@login_required
def group_create(request):
    _staff_only(request.user)
    return _group_form_page(request)


@login_required
def group_edit(request, pk):
    return _group_form_page(request, access.get_group_for_manage(request.user, pk))


@login_required
def group_description_edit(request, pk):
    group = access.get_group_for_description_edit(request.user, pk)
    form = GroupDescriptionForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        services.group_save(form=form)
        messages.success(request, _("บันทึกรายละเอียดกลุ่มแล้ว"))
        return redirect("communities:group_detail", pk=group.pk)
    return render(request, "communities/group_description.html", {"form": form, "group": group})


@login_required
def group_detail(request, pk):
    group = access.get_group_for_user(request.user, pk)
    memberships = list(
        group.memberships.select_related("user")
        .prefetch_related(phone_prefetch("user__"))
        .order_by("role", "user__display_name")
    )
    can_manage = access.can_manage_group(request.user, group)
    for membership in memberships:
        membership.offer_link = can_manage and access.may_offer_password_link(
            request.user, membership.user
        )
    return render(
        request,
        "communities/group_detail.html",
        {
            "group": group,
            "memberships": memberships,
            "invitations": group.invitations.pending().order_by("created_at")
            if can_manage
            else None,
            "can_manage": can_manage,
            "can_edit_description": can_manage or access.is_group_leader(request.user, group),
        },
    )


# What staff are told after adding a phone number: never the owner's name or role.
PERSON_ADDED_MESSAGES = {
    services.PersonAdded.ATTACHED: gettext_lazy("เพิ่มเจ้าของเบอร์นี้เข้ากลุ่มแล้ว"),
    services.PersonAdded.INVITED: gettext_lazy(
        "เบอร์นี้มีบัญชีในระบบแล้ว ระบบส่งคำเชิญให้เจ้าของเบอร์ เมื่อตอบรับจึงจะเข้ากลุ่ม"
    ),
    services.PersonAdded.ALREADY_MEMBER: gettext_lazy("เบอร์นี้อยู่ในกลุ่มแล้ว บันทึกบทบาทในกลุ่มแล้ว"),
}


@login_required
def person_add(request, pk):
    group = access.get_group_for_manage(request.user, pk)
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome, person = services.group_add_person(
            group=group, by=request.user, **form.cleaned_data
        )
        if outcome is services.PersonAdded.CREATED:
            return redirect("communities:person_link", pk=group.pk, user_pk=person.pk)
        messages.success(request, PERSON_ADDED_MESSAGES[outcome])
        return redirect("communities:group_detail", pk=group.pk)
    return render(request, "communities/person_form.html", {"form": form, "group": group})


@login_required
def person_link(request, pk, user_pk):
    """A one-time link for a never-used account the staff member created (recorded)."""
    group = access.get_group_for_manage(request.user, pk)
    person = access.get_person_for_link(request.user, group, user_pk)
    path = password_link_issue(
        user=person, by=request.user, region_id=group.tambon.province.region_id, target=group
    )
    return render(
        request,
        "communities/person_link.html",
        {"group": group, "person": person, "link": request.build_absolute_uri(path)},
    )


@login_required
@require_POST
def invitation_withdraw(request, pk, invitation_pk):
    group = access.get_group_for_manage(request.user, pk)
    invitation = access.get_invitation_for_manage(request.user, group, invitation_pk)
    services.invitation_withdraw(invitation=invitation, by=request.user)
    messages.success(request, _("ยกเลิกคำเชิญแล้ว"))
    return redirect("communities:group_detail", pk=group.pk)


@login_required
@require_POST
def invitation_accept(request, pk):
    invitation = access.get_invitation_for_invitee(request.user, pk)
    services.invitation_accept(invitation=invitation)
    messages.success(request, _("เข้าร่วม%(group)s แล้ว") % {"group": invitation.group.name})
    return redirect("communities:group_detail", pk=invitation.group_id)


@login_required
@require_POST
def invitation_decline(request, pk):
    invitation = access.get_invitation_for_invitee(request.user, pk)
    services.invitation_decline(invitation=invitation)
    messages.success(request, _("ปฏิเสธคำเชิญแล้ว"))
    return redirect("home")


@login_required
def tambon_search(request):
    """The tambon picker's matches: a partial for htmx, a page without JavaScript."""
    search = selectors.search_tambons(request.GET.get("place_query", "")[:200])
    template = (
        "communities/_tambon_choices.html" if request.htmx else "communities/tambon_search.html"
    )
    chosen = selectors.tambon_by_code(request.GET.get("tambon", ""))
    return render(request, template, {"place": search, "chosen": chosen})
