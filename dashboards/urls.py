from django.urls import path, register_converter

from dashboards import export_views, programme_views, views


class ExtensionConverter:
    """The two download formats of a table."""

    regex = "csv|xlsx"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ExtensionConverter, "ext")

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
    path("export.<ext:extension>", views.export_root, name="export_root"),
    path("<str:level>/<str:code>/export.<ext:extension>", views.export_area, name="export_area"),
    path(
        "export/canvases.csv",
        export_views.export_canvases_csv,
        name="export_canvases_csv",
    ),
    path(
        "export/canvases.xlsx",
        export_views.export_canvases_xlsx,
        name="export_canvases_xlsx",
    ),
    path("programme/", programme_views.programme, name="programme"),
    path(
        "programme/export.<ext:extension>",
        programme_views.programme_export,
        name="programme_export",
    ),
]
