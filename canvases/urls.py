from django.urls import path

from canvases import views

app_name = "canvases"

urlpatterns = [
    path("group/<int:group_pk>/", views.group_canvases, name="group_list"),
    path("group/<int:group_pk>/new/", views.canvas_create, name="create"),
    path("<int:pk>/", views.canvas_detail, name="detail"),
    path("<int:pk>/save/", views.canvas_save, name="save"),
    path("<int:pk>/submit/", views.canvas_submit, name="submit"),
    path("<int:pk>/revise/", views.canvas_revise, name="revise"),
    path("<int:pk>/review/", views.canvas_review, name="review"),
    path("<int:pk>/versions/", views.canvas_history, name="history"),
    path("<int:pk>/versions/<int:number>/", views.version_detail, name="version"),
    path("<int:pk>/compare/", views.version_compare, name="compare"),
    path("<int:pk>/print/", views.canvas_print, name="print"),
    path("<int:pk>/pdf/", views.canvas_pdf, name="pdf"),
]
