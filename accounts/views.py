from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import access, notifications, selectors, services
from accounts.forms import AnonymiseConfirmForm, AuditFilterForm, PortalSetPasswordForm, SignInForm
from accounts.models import Notification


def sign_in_locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout answer: the sign-in page again, with the cool-off said in Thai.

    Only this account from this address waits; the person can still sign in
    from another network, and everyone else behind the same address can too.
    """
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = SignInForm(request, initial={"username": request.POST.get("username", "")})
    context = {
        "form": form,
        "next": request.POST.get("next", ""),
        "locked_out": _(
            "ใส่รหัสผ่านผิดหลายครั้งเกินไป เพื่อความปลอดภัยจึงพักการเข้าสู่ระบบของบัญชีนี้"
            "จากเครือข่ายนี้ไว้ %(minutes)d นาที กรุณาลองใหม่เมื่อครบเวลา "
            "หากจำรหัสผ่านไม่ได้ ขอลิงก์ตั้งรหัสผ่านใหม่จากเจ้าหน้าที่ พอช. ในภาคของท่าน"
        )
        % {"minutes": minutes},
    }
    response = render(request, "accounts/login.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """The one-time link staff hand to a new leader (valid 7 days, single use)."""

    template_name = "accounts/set_password.html"
    form_class = PortalSetPasswordForm
    success_url = reverse_lazy("accounts:password_set")
    post_reset_login = True
    post_reset_login_backend = "accounts.backends.PhoneOrUsernameBackend"


def password_set(request):
    messages.success(request, _("ตั้งรหัสผ่านเรียบร้อย ยินดีต้อนรับ"))
    return redirect("home")


@login_required
def password_changed(request):
    messages.success(request, _("เปลี่ยนรหัสผ่านเรียบร้อยแล้ว"))
    return redirect("home")


NOTIFICATIONS_PER_PAGE = 30


@login_required
def notification_list(request):
    """The signed-in person's notifications, newest first, unread ones marked."""
    notifications = Notification.objects.filter(recipient=request.user).select_related("actor")
    page = Paginator(notifications, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "accounts/notification_list.html", {"page": page})


@login_required
def notification_open(request, pk):
    """Mark it read and go where it points (a local path only); others' notifications are 404."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    notifications.notification_open(notification=notification)
    if notifications.is_local_url(notification.url):
        return redirect(notification.url)
    return redirect("accounts:notifications")


@login_required
@require_POST
def notifications_mark_all_read(request):
    count = notifications.notifications_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("ทำเครื่องหมายว่าอ่านแล้วทั้งหมด"))
    return redirect("accounts:notifications")


# Audit trail ----------------------------------------------------------------

AUDIT_PER_PAGE = 50


def _audit_region(request, slug):
    """(region, regions): national staff pick any region or none; regional staff have theirs.

    A regional staff member naming another region gets 403; an unknown slug is None.
    """
    Region = apps.get_model("communities", "Region")
    if request.user.is_national_staff:
        regions = list(Region.objects.all())
        return next((r for r in regions if r.slug == slug), None), regions
    if slug:
        own = Region.objects.filter(pk=access.staff_region_id(request.user)).first()
        if own is None or own.slug != slug:
            raise PermissionDenied
    return None, None


@never_cache
@login_required
def audit_list(request):
    """The audit trail: the region's entries for its staff, everything for national staff.

    Filtered by person (`?person=`), by object (`?target_type=&target_id=`), by
    action and, for national staff, by region; paged.
    """
    entries = access.audit_entries_visible_to(request.user)
    form = AuditFilterForm(request.GET)
    if not form.is_valid():
        return render(
            request,
            "accounts/audit_list.html",
            {"form": form, "page": None, "regions": None},
            status=400,
        )
    data = form.cleaned_data
    region, regions = _audit_region(request, data["region"])
    if region is not None:
        entries = entries.filter(region_id=region.pk)
    elif data["region"] and regions is not None:
        entries = entries.none()
    entries = selectors.audit_entries(
        entries=entries,
        person_id=data["person"],
        target_type=data["target_type"],
        target_id=data["target_id"],
        action=data["action"],
    )
    page = Paginator(entries, AUDIT_PER_PAGE).get_page(request.GET.get("page"))
    for entry in page:
        entry.target_label = selectors.audit_target_label(entry.target_type)
    return render(
        request,
        "accounts/audit_list.html",
        {
            "form": form,
            "page": page,
            "region": region,
            "regions": regions,
            "person_id": data["person"],
            "target_type": data["target_type"],
            "target_label": selectors.audit_target_label(data["target_type"]),
            "target_id": data["target_id"],
        },
    )


# Personal data --------------------------------------------------------------


@never_cache
@login_required
def person_detail(request, pk):
    """What the portal holds about one person, for their region's staff and national staff."""
    person = access.get_person_for_staff(request.user, pk)
    memberships = person.memberships.select_related("group__tambon__province").order_by(
        "group__name"
    )
    return render(
        request,
        "accounts/person_detail.html",
        {
            "person": person,
            "memberships": memberships,
            "can_administer": request.user.is_national_staff,
        },
    )


@never_cache
@login_required
def person_export(request, pk):
    """A JSON download of everything held about the person (PDPA access request)."""
    person = access.get_person_for_admin(request.user, pk)
    data = services.person_export(person=person, by=request.user)
    response = JsonResponse(
        data, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.json"'
    return response


@never_cache
@login_required
def person_anonymise(request, pk):
    """Erase a person's personal data after the admin confirms (PDPA erasure request)."""
    person = access.get_person_for_admin(request.user, pk)
    form = AnonymiseConfirmForm(request.POST or None)
    if person.pk == request.user.pk:
        form.add_error(None, _("ไม่สามารถลบข้อมูลของบัญชีที่ท่านใช้อยู่"))
    elif person.is_anonymised:
        form.add_error(None, _("ข้อมูลส่วนบุคคลของผู้ใช้นี้ถูกลบแล้ว"))
    elif request.method == "POST" and form.is_valid():
        services.person_anonymise(person=person, by=request.user)
        messages.success(request, _("ลบข้อมูลส่วนบุคคลแล้ว แผนและความเห็นของกลุ่มยังอ่านได้"))
        return redirect("accounts:person_detail", pk=person.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "accounts/person_anonymise.html", {"person": person, "form": form}, status=status
    )


def privacy_notice(request):
    """The privacy notice (PDPA), open to everyone, signed in or not."""
    return render(request, "accounts/privacy.html")
