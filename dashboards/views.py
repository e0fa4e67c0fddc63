from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from canvases import selectors as canvas_selectors
from dashboards import selectors
from mentors import selectors as mentor_selectors

# The mentor's home shows the oldest waiting versions; the queue page has them all.
QUEUE_ON_HOME = 20


@login_required
def home(request):
    """Each role's home: a leader's groups; a mentor's review queue and assigned groups.

    Staff go to their region's groups."""
    user = request.user
    if user.is_codi_staff:
        return redirect("communities:group_list")
    mentor = mentor_selectors.mentor_of(user) if user.is_mentor else None
    queue = None
    if mentor:
        queue = canvas_selectors.with_days_waiting(
            canvas_selectors.review_queue(user)[: QUEUE_ON_HOME + 1]
        )
    return render(
        request,
        "dashboards/home.html",
        {
            "memberships": selectors.home_memberships(user),
            "mentor": mentor,
            "mentor_assignments": mentor_selectors.mentor_groups(mentor) if mentor else None,
            "queue": queue[:QUEUE_ON_HOME] if queue is not None else None,
            "queue_has_more": queue is not None and len(queue) > QUEUE_ON_HOME,
        },
    )
