from django.urls import path

from communities import views

app_name = "communities"

urlpatterns = [
    path("", views.group_list, name="group_list"),
    path("new/", views.group_create, name="group_create"),
    path("<int:pk>/", views.group_detail, name="group_detail"),
    path("<int:pk>/edit/", views.group_edit, name="group_edit"),
    path("<int:pk>/description/", views.group_description_edit, name="group_description"),
    path("<int:pk>/people/new/", views.person_add, name="person_add"),
    path("<int:pk>/people/<int:user_pk>/link/", views.person_link, name="person_link"),
    path(
        "<int:pk>/invitations/<int:invitation_pk>/withdraw/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("invitations/<int:pk>/accept/", views.invitation_accept, name="invitation_accept"),
    path("invitations/<int:pk>/decline/", views.invitation_decline, name="invitation_decline"),
    path("places/", views.tambon_search, name="tambon_search"),
]
