from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from dashboards import selectors
from mentors import selectors as mentor_selectors


@login_required
def home(request):
    """Each role's home: a leader's groups, a mentor's assigned groups.

    Staff go to their region's groups."""
    user = request.user
    if user.is_codi_staff:
        return redirect("communities:group_list")
    mentor = mentor_selectors.mentor_of(user) if user.is_mentor else None
    return render(
        request,
        "dashboards/home.html",
        {
            "memberships": selectors.home_memberships(user),
            "mentor": mentor,
            "mentor_assignments": mentor_selectors.mentor_groups(mentor) if mentor else None,
        },
    )
