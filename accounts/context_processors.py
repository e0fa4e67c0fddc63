from django.utils.functional import SimpleLazyObject


def notifications(request):
    """The bell's unread count: one COUNT, run only if a page shows it to a signed-in user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from accounts.notifications import unread_count

    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
