from django.urls import path

from programme import views
from programme.capital import views as capital_views

app_name = "programme"

urlpatterns = [
    path("groups/<int:pk>/", views.overview, name="overview"),
    path("groups/<int:pk>/stage/", views.stage_move, name="stage_move"),
    path("groups/<int:pk>/results/", views.results, name="results"),
    path("groups/<int:pk>/results/entry/", views.result_entry, name="result_entry"),
    path("groups/<int:pk>/results/confirm/", views.result_confirm, name="result_confirm"),
    path("groups/<int:pk>/results/unconfirm/", views.result_unconfirm, name="result_unconfirm"),
    path("groups/<int:pk>/plan/", views.plan, name="plan"),
    path("groups/<int:pk>/plan/edit/", views.plan_edit, name="plan_edit"),
]

# Stories and photos ----------------------------------------------------------------
from programme import story_views  # noqa: E402

urlpatterns += [
    path("groups/<int:pk>/stories/", story_views.group_stories, name="stories"),
    path("groups/<int:pk>/stories/new/", story_views.story_new, name="story_new"),
    path("stories/<int:pk>/", story_views.story_detail, name="story_detail"),
    path("stories/<int:pk>/edit/", story_views.story_edit, name="story_edit"),
    path("stories/<int:pk>/publish/", story_views.story_publish, name="story_publish"),
    path("stories/<int:pk>/delete/", story_views.story_delete, name="story_delete"),
    path("stories/<int:pk>/photos/", story_views.story_photo_add, name="story_photo_add"),
    path("stories/<int:pk>/photos/<int:photo_pk>/", story_views.story_photo, name="story_photo"),
    path(
        "stories/<int:pk>/photos/<int:photo_pk>/delete/",
        story_views.story_photo_delete,
        name="story_photo_delete",
    ),
    path("canvases/<int:pk>/paper/", story_views.paper, name="paper"),
    path("canvases/<int:pk>/paper/add/", story_views.paper_add, name="paper_add"),
    path("canvases/<int:pk>/paper/<int:photo_pk>/", story_views.paper_photo, name="paper_photo"),
    path(
        "canvases/<int:pk>/paper/<int:photo_pk>/delete/",
        story_views.paper_delete,
        name="paper_delete",
    ),
]

# Learning forums and networks of groups ------------------------------------------
from programme import forum_views, network_views  # noqa: E402

urlpatterns += [
    path("regions/<slug:region>/forums/", forum_views.forum_list, name="forum_list"),
    path("regions/<slug:region>/forums/new/", forum_views.forum_create, name="forum_create"),
    path("forums/<int:pk>/", forum_views.forum_detail, name="forum_detail"),
    path("forums/<int:pk>/edit/", forum_views.forum_edit, name="forum_edit"),
    path("groups/<int:pk>/network/", network_views.group_network, name="group_network"),
    path("links/<int:pk>/accept/", network_views.link_accept_view, name="link_accept"),
    path("links/<int:pk>/remove/", network_views.link_remove_view, name="link_remove"),
    path("regions/<slug:region>/network/", network_views.region_network, name="region_network"),
]

# Community capital of a tambon (programme.capital) ------------------------------

urlpatterns += [
    path("tambons/<str:code>/capital/", capital_views.capital, name="capital"),
    path(
        "tambons/<str:code>/capital/<int:item_pk>/edit/",
        capital_views.capital_item_edit,
        name="capital_item_edit",
    ),
    path(
        "tambons/<str:code>/capital/<int:item_pk>/delete/",
        capital_views.capital_item_delete,
        name="capital_item_delete",
    ),
]
