from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from accounts import views
from accounts.forms import PortalPasswordChangeForm, SignInForm

app_name = "accounts"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=SignInForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            form_class=PortalPasswordChangeForm,
            success_url=reverse_lazy("accounts:password_changed"),
        ),
        name="password_change",
    ),
    path("password/done/", views.password_changed, name="password_changed"),
    path(
        "set-password/<uidb64>/<token>/",
        views.SetPasswordView.as_view(),
        name="set_password",
    ),
    path("set-password/done/", views.password_set, name="password_set"),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/<int:pk>/", views.notification_open, name="notification_open"),
    path(
        "notifications/read-all/",
        views.notifications_mark_all_read,
        name="notifications_mark_all_read",
    ),
    path("audit/", views.audit_list, name="audit"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/export/", views.person_export, name="person_export"),
    path("people/<int:pk>/anonymise/", views.person_anonymise, name="person_anonymise"),
]
