from django.urls import path

from dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("", views.index, name="index"),
    path("list/<slug:figure>/", views.list_root, name="list_root"),
    path("province/<str:code>/", views.province, name="province"),
    path("province/<str:code>/list/<slug:figure>/", views.province_list, name="province_list"),
    path("district/<str:code>/", views.district, name="district"),
    path("district/<str:code>/list/<slug:figure>/", views.district_list, name="district_list"),
    path("tambon/<str:code>/", views.tambon, name="tambon"),
    path("tambon/<str:code>/list/<slug:figure>/", views.tambon_list, name="tambon_list"),
    path("targets/", views.targets, name="targets"),
]
