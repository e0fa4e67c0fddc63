from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from accounts import views as accounts_views
from cbmc_portal import views
from dashboards import views as dashboard_views

urlpatterns = [
    path("", dashboard_views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("floor", views.floor, name="floor"),
    path("accounts/", include("accounts.urls")),
    path("privacy/", accounts_views.privacy_notice, name="privacy"),
    path("groups/", include("communities.urls")),
    path("canvases/", include("canvases.urls")),
    path("mentors/", include("mentors.urls")),
    path("programme/", include("programme.urls")),
    path("dashboards/", include("dashboards.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

# Public pages of published stories (programme): no sign-in.
urlpatterns.append(path("stories/", include("programme.public_urls")))

if settings.BENCH_VIEWS:  # the benchmark's server only (bench/urls.py)
    urlpatterns.append(path("", include("bench.urls")))

handler500 = "cbmc_portal.views.server_error"
