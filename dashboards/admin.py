from django.contrib import admin

from dashboards.models import FiscalTarget


@admin.register(FiscalTarget)
class FiscalTargetAdmin(admin.ModelAdmin):
    list_display = ["fiscal_year", "region", "tambons", "updated_by", "updated_at"]
    list_filter = ["fiscal_year", "region"]
    readonly_fields = ["updated_by", "updated_at"]

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
