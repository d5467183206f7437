from django.urls import path

from ieum.residents import import_views, views

urlpatterns = [
    path("", views.resident_search, name="resident-search"),
    path("new/", views.resident_create, name="resident-create"),
    path("duplicates/", views.duplicate_list, name="resident-duplicates"),
    path("merge/", views.resident_merge, name="resident-merge"),
    path("<int:resident_id>/", views.resident_detail, name="resident-detail"),
    path("<int:resident_id>/reveal/", views.resident_reveal, name="resident-reveal"),
    path("<int:resident_id>/documents/", views.document_upload, name="resident-document-upload"),
    path("<int:resident_id>/documents/<int:document_id>/", views.document_download, name="resident-document"),
    path("import/", import_views.resident_import, name="resident-import"),
    path("import/<int:batch_id>/", import_views.resident_import_batch, name="resident-import-batch"),
    path("import/<int:batch_id>/commit/", import_views.resident_import_commit, name="resident-import-commit"),
]
