from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "programme"
    verbose_name = _("แผนพัฒนาและผลลัพธ์ของกลุ่ม")

    def ready(self):
        from programme import threads

        threads.register()
