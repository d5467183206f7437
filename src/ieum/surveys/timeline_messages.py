from django.utils.translation import gettext as _


def survey_messages() -> dict[str, str]:
    return {"survey.answered": _("Answered the survey “%(survey)s”.")}
