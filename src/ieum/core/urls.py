from django.contrib.auth import views as auth_views
from django.urls import path

from ieum.core import account_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(template_name="core/login.html"), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/two-factor/", account_views.two_factor_verify, name="two-factor-verify"),
    path("accounts/two-factor/setup/", account_views.two_factor_setup, name="two-factor-setup"),
    path("workspace/", views.workspace_home, name="workspace-home"),
    path("healthz", views.healthz, name="healthz"),
]
