"""What the review pages and the pages of other subjects share: editing one's comment.

Not a view module (views never import one another): both `review_views` and
`subject_views` hand it the comment their getter checked and where to go back.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from canvases import reviews
from canvases.forms import CommentEditForm
from canvases.services import CanvasRefused


def comment_edit_page(request, comment, *, back: str, context: dict):
    """The edit form; a valid post saves and returns to `back` (400 bad input, 409 refused)."""
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                reviews.comment_edit(
                    comment=comment, body=form.cleaned_data["body"], by=request.user
                )
            except CanvasRefused as refusal:
                messages.error(request, refusal.message)
                status = 409
            else:
                messages.success(request, _("แก้ไขความเห็นแล้ว"))
                return redirect(back)
        else:
            status = 400
    return render(
        request,
        "canvases/comment_edit.html",
        {**context, "comment": comment, "form": form, "back": back},
        status=status,
    )
