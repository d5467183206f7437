import pytest

from ieum.casework.models import Callback, CallLog, Case, TelephonyAccount
from ieum.core.models import ApiToken, Role, User
from ieum.core.testing import client_for
from ieum.interpreting.models import Interpreter, InterpreterLanguage, InterpreterRequest, InterpreterSession
from ieum.interpreting.services import interpreter_offer_accept, interpreter_offer_make

URL = "/api/v1/casework/cti/calls"


@pytest.fixture
def pbx(center, client):
    system = User.objects.create_user(username="pbx", password="x" * 12, role=Role.COUNSELOR)
    TelephonyAccount.objects.create(user=system, name="PBX")
    _token, key = ApiToken.issue(user=system, name="pbx")

    def post(**body):
        return client.post(URL, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}")

    return post


@pytest.mark.django_db
def test_an_incoming_call_opens_a_case_and_shows_it_to_the_answering_counselor(center, pbx):
    answer = pbx(event="incoming", call_id="c-1", caller_phone="010-2345-6789", ivr_language="vi")
    assert answer.status_code == 200, answer.content
    case = Case.objects.get(pk=answer.json()["case_id"])
    assert (case.channel, case.language, case.caller_phone) == ("phone", "vi", "+821023456789")
    assert case.assignee == center.vi_counselor
    panel = client_for(center.vi_counselor).get("/workspace/cases/incoming/")
    assert case.number in panel.content.decode()
    # Another counselor's panel does not show it.
    assert (
        case.number
        not in client_for(center.other_counselor).get("/workspace/cases/incoming/").content.decode()
    )


@pytest.mark.django_db
def test_a_second_call_from_the_same_number_finds_the_open_case(center, pbx):
    first = pbx(event="incoming", call_id="c-1", caller_phone="01023456789", ivr_language="vi").json()
    pbx(event="ended", call_id="c-1", outcome="answered", duration_seconds=120)
    second = pbx(event="incoming", call_id="c-2", caller_phone="+82 10-2345-6789", ivr_language="vi").json()
    assert first["case_id"] == second["case_id"]
    assert Case.objects.count() == 1
    # A retried webhook with the same call id changes nothing.
    pbx(event="incoming", call_id="c-2", caller_phone="01023456789", ivr_language="vi")
    assert CallLog.objects.count() == 2


@pytest.mark.django_db
def test_the_call_outcome_and_duration_are_recorded(center, pbx):
    pbx(event="incoming", call_id="c-1", caller_phone="01023456789", ivr_language="vi")
    answered = pbx(event="answered", call_id="c-1", agent=center.vi_counselor.username)
    assert answered.json()["counselor"] == center.vi_counselor.username
    pbx(event="ended", call_id="c-1", outcome="answered", duration_seconds=305)
    call = CallLog.objects.get(call_id="c-1")
    assert (call.outcome, call.duration_seconds) == ("answered", 305)
    assert call.case.first_response_at is not None


@pytest.mark.django_db
def test_bad_call_events_are_refused_and_change_nothing(center, pbx):
    assert pbx(event="incoming", call_id="c-1", caller_phone="12", ivr_language="vi").status_code == 400
    assert pbx(event="ended", call_id="nope", outcome="answered").status_code == 400
    assert pbx(event="hangup", call_id="c-1").status_code == 422
    assert not Case.objects.exists() and not CallLog.objects.exists()


@pytest.mark.django_db
def test_a_callback_request_waits_in_the_callback_queue(center, pbx):
    answer = pbx(event="callback", caller_phone="010-9876-5432", ivr_language="vi")
    assert answer.status_code == 201
    callback = Callback.objects.get()
    assert callback.queue == center.vi_queue and callback.status == "pending"
    page = client_for(center.vi_counselor).get("/workspace/cases/callbacks/")
    assert "+821098765432" in page.content.decode()


@pytest.mark.django_db
def test_a_three_way_interpreted_call_is_recorded_as_an_interpreter_session(center, pbx):
    # The one Vietnamese counselor is busy: the next Vietnamese call overflows to an interpreter.
    pbx(event="incoming", call_id="c-1", caller_phone="01011112222", ivr_language="vi")
    overflow = pbx(event="incoming", call_id="c-2", caller_phone="01033334444", ivr_language="vi").json()
    request = InterpreterRequest.objects.get(source=f"casework.overflow:{overflow['case_id']}")
    interpreter = Interpreter.objects.create(name="Tran", modalities=["phone"], rate_per_hour=30000)
    InterpreterLanguage.objects.create(interpreter=interpreter, language="vi")
    offer = interpreter_offer_make(request=request, interpreter=interpreter, actor=center.supervisor)
    interpreter_offer_accept(offer=offer, actor=None)
    pbx(event="answered", call_id="c-2", agent=center.ko_counselor.username)
    ended = pbx(
        event="ended",
        call_id="c-2",
        outcome="answered",
        duration_seconds=600,
        interpreter_request_id=request.pk,
    )
    assert ended.status_code == 200, ended.content
    session = InterpreterSession.objects.get(request=request)
    assert session.three_way_call and session.interpreter == interpreter
    assert CallLog.objects.get(call_id="c-2").three_way
