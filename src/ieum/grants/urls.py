from django.urls import path

from ieum.grants import portal_views, views, views_applications, views_payments

app_name = "grants"

urlpatterns = [
    path("", views.budget, name="budget"),
    path("budget/<int:line_id>/", views.line_detail, name="line"),
    path("budget/<int:line_id>/entries/", views.line_entry, name="line-entry"),
    path("ledger/", views.ledger, name="ledger"),
    path("ledger.xlsx", views.ledger_export, name="ledger-xlsx"),
    path("ledger/<int:entry_id>/reverse/", views.entry_reverse, name="entry-reverse"),
    path("statement/<int:year>.xlsx", views.statement_xlsx, name="statement-xlsx"),
    path("statement/<int:year>.pdf", views.statement_pdf, name="statement-pdf"),
    path("programs/", views_applications.programs, name="programs"),
    path("programs/<int:program_id>/", views_applications.program_detail, name="program"),
    path("applications/", views_applications.applications, name="applications"),
    path("applications/new/<int:resident_id>/", views_applications.application_new, name="application-new"),
    path("applications/<int:application_id>/", views_applications.application_detail, name="application"),
    path(
        "applications/<int:application_id>/prepare/",
        views_applications.application_prepare,
        name="application-prepare",
    ),
    path(
        "applications/<int:application_id>/approve/",
        views_applications.application_approve,
        name="application-approve",
    ),
    path(
        "applications/<int:application_id>/reject/",
        views_applications.application_reject,
        name="application-reject",
    ),
    path("batches/", views_payments.batches, name="batches"),
    path("batches/<int:batch_id>/", views_payments.batch_detail, name="batch"),
    path("batches/<int:batch_id>/bank-file/", views_payments.bank_file, name="bank-file"),
    path("payments/<int:payment_id>/retry/", views_payments.payment_retry, name="payment-retry"),
    path("payments/<int:payment_id>/hand-over/", views_payments.payment_hand_over, name="payment-hand-over"),
    path(
        "entitlements/<int:entitlement_id>/clawback/",
        views_payments.entitlement_clawback,
        name="entitlement-clawback",
    ),
    path("my/", portal_views.my_grants, name="my"),
    path("my/apply/<int:program_id>/", portal_views.my_apply, name="my-apply"),
    path("my/<int:application_id>/", portal_views.my_application, name="my-application"),
]
