from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CanvasesConfig(AppConfig):
    name = "canvases"
    verbose_name = _("แผนธุรกิจเพื่อชุมชน")

    def ready(self):
        from canvases import tallies
        from communities.signals import groups_moved

        groups_moved.connect(tallies.refresh_moved_groups, dispatch_uid="canvases.tallies")
