"""Django's password rules, with their help texts and errors in the portal's languages.

Django's Thai catalogue does not translate these messages, and our catalogue can
only override msgids that appear in our own source; so each rule keeps Django's
check and says it through our gettext (settings.AUTH_PASSWORD_VALIDATORS).
"""

from django.contrib.auth import password_validation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return _("รหัสผ่านคล้ายกับ%(verbose_name)sมากเกินไป")

    def get_help_text(self):
        return _("รหัสผ่านต้องไม่คล้ายกับข้อมูลส่วนตัวอื่นของท่าน")


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "รหัสผ่านสั้นเกินไป ต้องยาวอย่างน้อย %(min_length)d ตัวอักษร",
            "รหัสผ่านสั้นเกินไป ต้องยาวอย่างน้อย %(min_length)d ตัวอักษร",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "รหัสผ่านต้องยาวอย่างน้อย %(min_length)d ตัวอักษร",
            "รหัสผ่านต้องยาวอย่างน้อย %(min_length)d ตัวอักษร",
            self.min_length,
        ) % {"min_length": self.min_length}


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self):
        return _("รหัสผ่านนี้ใช้กันทั่วไปเกินไป")

    def get_help_text(self):
        return _("รหัสผ่านต้องไม่ใช่รหัสผ่านที่คนใช้กันทั่วไป")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_error_message(self):
        return _("รหัสผ่านนี้เป็นตัวเลขทั้งหมด")

    def get_help_text(self):
        return _("รหัสผ่านต้องไม่เป็นตัวเลขทั้งหมด")
