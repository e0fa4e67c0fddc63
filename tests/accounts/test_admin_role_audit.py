"""A role changed in the Django admin is written to the audit trail with old and new values."""

from django.urls import reverse

from accounts.models import AuditAction, AuditEntry, Role
from tests import factories


def test_a_role_change_in_the_admin_is_recorded(client, leader):
    admin = factories.UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = reverse("admin:accounts_user_change", args=[leader.pk])
    form = client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "username": leader.username,
            "role": Role.MENTOR,
            "date_joined_0": leader.date_joined.strftime("%Y-%m-%d"),
            "date_joined_1": leader.date_joined.strftime("%H:%M:%S"),
        }
    )
    data.pop("groups", None)
    data.pop("user_permissions", None)
    data.pop("last_login", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = AuditEntry.objects.get(action=AuditAction.ROLE_CHANGED, target_user=leader)
    assert entry.actor == admin
    assert entry.details["role"] == {"old": Role.COMMUNITY, "new": Role.MENTOR}
