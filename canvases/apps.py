from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CanvasesConfig(AppConfig):
    name = "canvases"
    verbose_name = _("แผนธุรกิจเพื่อชุมชน")
