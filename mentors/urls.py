from django.urls import path

from mentors import views

app_name = "mentors"

urlpatterns = [
    path("", views.mentor_list, name="mentor_list"),
    path("new/", views.mentor_create, name="mentor_create"),
    path("me/", views.me, name="me"),
    path("<int:pk>/", views.mentor_detail, name="mentor_detail"),
    path("<int:pk>/edit/", views.mentor_edit, name="mentor_edit"),
    path("<int:pk>/assign/", views.mentor_assign, name="mentor_assign"),
    path("<int:pk>/follow-ups/", views.mentor_follow_ups, name="mentor_follow_ups"),
    path("assignments/<int:pk>/end/", views.assignment_end, name="assignment_end"),
    path("groups/<int:pk>/", views.group_follow_ups, name="group_follow_ups"),
    path("groups/<int:pk>/assign/", views.group_assign, name="group_assign"),
    path("groups/<int:pk>/follow-ups/new/", views.follow_up_create, name="follow_up_create"),
    path("cohorts/", views.cohort_list, name="cohort_list"),
    path("cohorts/new/", views.cohort_create, name="cohort_create"),
    path("cohorts/<int:pk>/", views.cohort_detail, name="cohort_detail"),
    path("cohorts/<int:pk>/edit/", views.cohort_edit, name="cohort_edit"),
    path("coverage/", views.coverage, name="coverage"),
    path("coverage/<str:code>/", views.coverage_province, name="coverage_province"),
]
