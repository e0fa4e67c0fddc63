"""The benchmark's own pages, wired by cbmc_portal/urls.py only when settings.BENCH_VIEWS is on
(the benchmark's server sets BENCH_VIEWS=1; a deployed portal never does)."""

from django.urls import path

from bench import views

urlpatterns = [
    path("floor/signed-in", views.signed_in_floor, name="floor_signed_in"),
]
