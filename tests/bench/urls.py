"""The portal's URLs plus the benchmark's own, as the benchmark's server wires them
(BENCH_VIEWS=1; off in tests, so the authorisation table never meets them)."""

from django.urls import include, path

from cbmc_portal.urls import handler500  # noqa: F401
from cbmc_portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [*portal_urlpatterns, path("", include("bench.urls"))]
