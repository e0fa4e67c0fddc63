"""Pages of networks of groups: a group's links (and adding one), a region's graph."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from communities.models import Province
from programme import access, forum_selectors
from programme.forum_forms import GroupLinkForm, ProvinceFilterForm
from programme.forum_services import link_accept, link_create, link_remove
from programme.network_graph import network_svg


def _provinces_for(user, group):
    if user.is_national_staff:
        return Province.objects.current().order_by("name_th")
    return forum_selectors.region_provinces(group.region_id)


@login_required
def group_network(request, pk):
    """The group's links for its readers; the form to add one for its leaders and staff."""
    group = access.get_group_for_network(request.user, pk)
    can_manage = access.can_manage_network(request.user, group)
    if request.method == "POST" and not can_manage:
        raise PermissionDenied
    form = chooser = None
    if can_manage:
        provinces = _provinces_for(request.user, group)
        chooser = ProvinceFilterForm(request.GET or None, provinces=provinces)
        province = chooser.cleaned_data["province"] if chooser.is_valid() else None
        if province is None:
            province = group.tambon.province
            chooser = ProvinceFilterForm(initial={"province": province}, provinces=provinces)
        others = access.link_partner_groups(request.user, group)
        # The chooser holds only provinces the user may link in (any, for national staff).
        in_province = forum_selectors.province_groups(province, region_id=province.region_id)
        offered = [g for g in in_province if g.pk != group.pk]
        form = GroupLinkForm(request.POST or None, others=others, offered=offered)
        if request.method == "POST" and form.is_valid():
            other = form.cleaned_data["other"]
            direct = access.links_directly(request.user, group, other)
            try:
                link_create(
                    group=group,
                    other=other,
                    kind=form.cleaned_data["kind"],
                    note=form.cleaned_data["note"],
                    by=request.user,
                    direct=direct,
                )
            except ValidationError as error:
                for field, errors in error.error_dict.items():
                    form.add_error(field, errors)
            else:
                if direct:
                    messages.success(request, _("เชื่อมโยงกลุ่มแล้ว"))
                else:
                    messages.success(request, _("ส่งคำขอเชื่อมโยงแล้ว รอกลุ่มคู่เครือข่ายตอบรับ"))
                return redirect("programme:group_network", pk=group.pk)
    links = forum_selectors.group_links(group)
    led = access.led_group_ids(request.user)
    for link in links:
        link.can_accept = access.can_accept_link(request.user, link, led)
        link.can_remove = access.can_remove_link(request.user, link, led)
    return render(
        request,
        "programme/group_network.html",
        {"group": group, "links": links, "form": form, "chooser": chooser},
    )


@login_required
@require_POST
def link_accept_view(request, pk):
    link = access.get_link_for_accept(request.user, pk)
    target = _back_to(request, link)
    try:
        link_accept(link=link, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("ตอบรับการเชื่อมโยงแล้ว"))
    return redirect(target)


@login_required
@require_POST
def link_remove_view(request, pk):
    link = access.get_link_for_remove(request.user, pk)
    target = _back_to(request, link)
    link_remove(link=link, by=request.user)
    messages.success(request, _("ยกเลิกการเชื่อมโยงแล้ว"))
    return redirect(target)


def _back_to(request, link):
    """Back to the page of the group the person came from, which must be one of the link's
    two (any other group named is refused before anything changes)."""
    came_from = request.POST.get("group", "")
    ends = {str(link.group_low_id): link.group_low_id, str(link.group_high_id): link.group_high_id}
    if came_from and came_from not in ends:
        raise Http404
    return reverse("programme:group_network", args=[ends.get(came_from, link.group_low_id)])


@login_required
def region_network(request, region):
    region = access.get_region_for_network(request.user, region)
    network = forum_selectors.region_network(region.pk, request.GET.get("page"))
    title = _("เครือข่ายกลุ่มใน%(region)s") % {"region": region.name}
    return render(
        request,
        "programme/region_network.html",
        {
            "region": region,
            "title": title,
            "svg": network_svg(network["nodes"], network["edges"], title=title),
            "max_nodes": forum_selectors.NETWORK_MAX_NODES,
            **network,
        },
    )
