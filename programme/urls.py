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
