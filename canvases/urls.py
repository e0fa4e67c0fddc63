from django.urls import path

from canvases import review_views, views

app_name = "canvases"

urlpatterns = [
    path("group/<int:group_pk>/", views.group_canvases, name="group_list"),
    path("group/<int:group_pk>/new/", views.canvas_create, name="create"),
    path("queue/", review_views.review_queue, name="queue"),
    path("<int:pk>/", views.canvas_detail, name="detail"),
    path("<int:pk>/save/", views.canvas_save, name="save"),
    path("<int:pk>/submit/", views.canvas_submit, name="submit"),
    path("<int:pk>/revise/", views.canvas_revise, name="revise"),
    path("<int:pk>/review/", review_views.canvas_review, name="review"),
    path("<int:pk>/versions/", views.canvas_history, name="history"),
    path("<int:pk>/versions/<int:number>/", views.version_detail, name="version"),
    path(
        "<int:pk>/versions/<int:number>/review/",
        review_views.version_review,
        name="version_review",
    ),
    path("<int:pk>/comments/", review_views.comment_create, name="comment_create"),
    path(
        "<int:pk>/comments/<int:comment_pk>/edit/",
        review_views.comment_edit,
        name="comment_edit",
    ),
    path("<int:pk>/threads/<int:thread_pk>/reply/", review_views.thread_reply, name="thread_reply"),
    path(
        "<int:pk>/threads/<int:thread_pk>/resolve/",
        review_views.thread_resolve,
        name="thread_resolve",
    ),
    path(
        "<int:pk>/threads/<int:thread_pk>/reopen/",
        review_views.thread_reopen,
        name="thread_reopen",
    ),
    path("<int:pk>/compare/", views.version_compare, name="compare"),
    path("<int:pk>/print/", views.canvas_print, name="print"),
    path("<int:pk>/pdf/", views.canvas_pdf, name="pdf"),
]
