"""The public pages of published stories, per region: no sign-in (mounted at /stories/)."""

from django.urls import path

from programme import story_views

app_name = "stories"

urlpatterns = [
    path("<str:region>/", story_views.public_stories, name="region"),
    path("<str:region>/<int:pk>/", story_views.public_story, name="story"),
    path(
        "<str:region>/<int:pk>/photos/<int:photo_pk>/",
        story_views.public_story_photo,
        name="photo",
    ),
    path(
        "<str:region>/<int:pk>/canvas/<int:canvas_pk>/",
        story_views.public_canvas,
        name="canvas",
    ),
]
