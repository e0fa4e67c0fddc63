from django.urls import path

from dashboards import export_views

app_name = "dashboards"

urlpatterns = []

# --- Exports (dashboards/export_views.py) ---------------------------------------
urlpatterns += [
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
]
