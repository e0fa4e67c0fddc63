from django.urls import path

from canvases import autosave_views, history_views, review_views, subject_views, views

app_name = "canvases"

urlpatterns = [
    path("group/<int:group_pk>/", views.group_canvases, name="group_list"),
    path("group/<int:group_pk>/new/", views.canvas_create, name="create"),
    path("queue/", review_views.review_queue, name="queue"),
    path("<int:pk>/", views.canvas_detail, name="detail"),
    path("<int:pk>/save/", views.canvas_save, name="save"),
    path("<int:pk>/autosave/", autosave_views.canvas_autosave, name="autosave"),
    path("<int:pk>/submit/", views.canvas_submit, name="submit"),
    path("<int:pk>/submit/confirm/", views.canvas_submit_confirm, name="submit_confirm"),
    path("<int:pk>/withdraw/", views.canvas_withdraw, name="withdraw"),
    path("<int:pk>/revise/", views.canvas_revise, name="revise"),
    path("<int:pk>/review/", review_views.canvas_review, name="review"),
    path("<int:pk>/versions/", history_views.canvas_history, name="history"),
    path("<int:pk>/versions/<int:number>/", history_views.version_detail, name="version"),
    path(
        "<int:pk>/versions/<int:number>/review/",
        review_views.version_review,
        name="version_review",
    ),
    path(
        "<int:pk>/versions/<int:number>/review/blocks/<str:key>/",
        review_views.review_block_threads,
        name="review_block_threads",
    ),
    path("<int:pk>/threads/<int:thread_pk>/", review_views.thread_detail, name="thread"),
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
    path("<int:pk>/compare/", history_views.version_compare, name="compare"),
    path("<int:pk>/blocks/<str:key>/", history_views.block_history, name="block_history"),
    path(
        "<int:pk>/blocks/<str:key>/restore/<int:change_pk>/",
        history_views.block_restore,
        name="block_restore",
    ),
    path("<int:pk>/print/", views.canvas_print, name="print"),
    path("<int:pk>/pdf/", views.canvas_pdf, name="pdf"),
]

# Threads on other subjects than canvas blocks: a group's plan areas, results… (subjects.py)
urlpatterns += [
    path(
        "threads/on/<slug:kind>/<int:object_pk>/",
        subject_views.thread_open,
        name="subject_thread_open",
    ),
    path("threads/<int:thread_pk>/reply/", subject_views.thread_reply, name="subject_thread_reply"),
    path(
        "threads/<int:thread_pk>/resolve/",
        subject_views.thread_resolve,
        name="subject_thread_resolve",
    ),
    path(
        "threads/<int:thread_pk>/reopen/",
        subject_views.thread_reopen,
        name="subject_thread_reopen",
    ),
    path(
        "threads/comments/<int:comment_pk>/edit/",
        subject_views.comment_edit,
        name="subject_comment_edit",
    ),
]
