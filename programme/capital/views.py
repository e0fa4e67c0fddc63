"""Pages of a tambon's community capital: the inventory, adding, changing and removing items."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from communities import selectors, services
from communities.models import CapitalKind
from programme.capital import access
from programme.capital.forms import CapitalItemForm


@login_required
def capital(request, code):
    """The inventory, grouped by kind, with the form that adds an item (for its changers)."""
    tambon = access.get_tambon_for_capital(request.user, code)
    can_edit = access.can_edit_capital(request.user, tambon)
    form, status = None, 200
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        form = CapitalItemForm(request.POST)
        if form.is_valid():
            try:
                services.capital_item_add(tambon=tambon, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error("what", error)
            else:
                messages.success(request, _("เพิ่มทุนชุมชนแล้ว"))
                return redirect("programme:capital", code=tambon.code)
        status = 400
    elif can_edit:
        kind = request.GET.get("kind")
        form = CapitalItemForm(initial={"kind": kind if kind in CapitalKind.values else ""})
    return render(
        request,
        "programme/capital.html",
        {
            "tambon": tambon,
            "kinds": selectors.capital_by_kind(tambon),
            "form": form,
            "can_edit": can_edit,
        },
        status=status,
    )


@login_required
def capital_item_edit(request, code, item_pk):
    item = access.get_capital_item_for_edit(request.user, code, item_pk)
    form = CapitalItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        services.capital_item_update(item=item, by=request.user, **form.cleaned_data)
        messages.success(request, _("บันทึกทุนชุมชนแล้ว"))
        return redirect("programme:capital", code=item.tambon.code)
    return render(
        request,
        "programme/capital_item_form.html",
        {"tambon": item.tambon, "item": item, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def capital_item_delete(request, code, item_pk):
    item = access.get_capital_item_for_edit(request.user, code, item_pk)
    services.capital_item_delete(item=item, by=request.user)
    messages.success(request, _("ลบทุนชุมชนแล้ว"))
    return redirect("programme:capital", code=item.tambon.code)
