from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from dashboards import selectors


@login_required
def home(request):
    """Each role's home: a leader's groups; staff go to their region's groups."""
    user = request.user
    if user.is_codi_staff:
        return redirect("communities:group_list")
    return render(
        request, "dashboards/home.html", {"memberships": selectors.home_memberships(user)}
    )
