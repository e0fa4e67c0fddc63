from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "communities"
    verbose_name = _("ชุมชนและพื้นที่")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import Province
        from .selectors import forget_province_names

        # A province renamed or added in the admin is found by its new name at once.
        for signal in (post_save, post_delete):
            signal.connect(
                forget_province_names, sender=Province, dispatch_uid=f"province-names-{signal}"
            )
