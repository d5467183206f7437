from django.urls import path

from ieum.casework import report_views, views

app_name = "casework"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("incoming/", views.incoming, name="incoming"),
    path("next/", views.next_case, name="next"),
    path("new/", views.case_new, name="new"),
    path("search/", views.case_search, name="search"),
    path("supervisor/", views.supervisor, name="supervisor"),
    path("callbacks/", views.callbacks, name="callbacks"),
    path("callbacks/<int:callback_id>/", views.callbacks, name="callback"),
    path("reports/", report_views.reports_page, name="reports"),
    path("reports/export.xlsx", report_views.report_export, name="report-export"),
    path("<int:case_id>/", views.case_detail, name="detail"),
    path("<int:case_id>/action/", views.case_action, name="action"),
    path("<int:case_id>/notes/", views.case_note, name="note"),
    path("<int:case_id>/tasks/", views.case_tasks, name="tasks"),
    path("<int:case_id>/attachments/", views.case_attachment, name="attachments"),
    path("<int:case_id>/attachments/<int:attachment_id>/", views.case_attachment, name="attachment"),
]
