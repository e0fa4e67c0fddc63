from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorsConfig(AppConfig):
    name = "mentors"
    verbose_name = _("พี่เลี้ยงและรุ่น")
