"""Who may see what in interpreting — the only place it is decided; pages and API both call these.

- Coordinators keep the registry, see every request and the monthly statements: administrators,
  and counselors who supervise a casework queue or belong to the "interpreter coordinators" group
  (a center may name a coordinator who supervises no queue).
- Counselors and administrators raise requests and see the ones they raised.
- An interpreter (privacy issue §1) sees only the requests offered or dispatched to them, and of
  each only what the session needs (`selectors.brief`): never identifiers, status of stay or
  case notes. They never reach cases or resident records through this app. The web chat of a
  dispatched session's case is theirs to read and correct for the session's window; ieum.chat.access
  decides that (`session_reaching`).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from ieum.core.access import log_access
from ieum.core.models import Role, User
from ieum.interpreting.models import Interpreter, InterpreterOffer, InterpreterRequest

COORDINATOR_GROUP = "interpreter coordinators"
REQUESTER_ROLES = frozenset({Role.COUNSELOR, Role.ADMIN})


def _active(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active)


def is_coordinator(user: User) -> bool:
    if not _active(user):
        return False
    if user.role == Role.ADMIN:
        return True
    if user.role != Role.COUNSELOR:
        return False
    from ieum.casework.models import Queue

    if Queue.objects.filter(supervisors=user).exists():
        return True
    return user.groups.filter(name=COORDINATOR_GROUP).exists()


def may_request(user: User) -> bool:
    return _active(user) and user.role in REQUESTER_ROLES


def require_coordinator(user: User) -> None:
    if not is_coordinator(user):
        raise PermissionDenied


def require_requester(user: User) -> None:
    if not may_request(user):
        raise PermissionDenied


def own_interpreter(user: User) -> Interpreter | None:
    if not _active(user) or user.role != Role.INTERPRETER:
        return None
    return Interpreter.objects.filter(user=user, active=True).first()


def get_own_interpreter(user: User) -> Interpreter:
    interpreter = own_interpreter(user)
    if interpreter is None:
        raise PermissionDenied
    return interpreter


def get_offer_for_user(user: User, offer_id: int) -> InterpreterOffer:
    """An offer, for the interpreter it was made to; 404 for anyone else."""
    interpreter = own_interpreter(user)
    offer = (
        InterpreterOffer.objects.select_related("request")
        .filter(pk=offer_id, interpreter__isnull=False)
        .first()
    )
    if offer is None or interpreter is None or offer.interpreter_id != interpreter.pk:
        raise Http404
    return offer


def get_request_for_user(
    user: User, request_id: int, *, http_request: HttpRequest | None = None
) -> InterpreterRequest:
    """A request, for a coordinator, its requester, or the interpreter dispatched to it."""
    item = InterpreterRequest.objects.filter(pk=request_id).first()
    if item is None or not may_see_request(user, item):
        raise Http404
    log_access(
        user=user,
        action="view",
        subject_type="interpreter_request",
        subject_id=item.pk,
        request=http_request,
    )
    return item


def may_see_request(user: User, item: InterpreterRequest) -> bool:
    if not _active(user):
        return False
    if is_coordinator(user):
        return True
    if user.role in REQUESTER_ROLES:
        return item.requested_by_id == user.pk
    interpreter = own_interpreter(user)
    if interpreter is None:
        return False
    if item.interpreter_id == interpreter.pk:
        return True
    return item.offers.filter(interpreter=interpreter, answer=InterpreterOffer.Answer.PENDING).exists()


def get_dispatched_request_for_user(user: User, request_id: int) -> tuple[InterpreterRequest, Interpreter]:
    """A request the signed-in interpreter accepted (to log its session)."""
    interpreter = own_interpreter(user)
    item = InterpreterRequest.objects.filter(pk=request_id).first()
    if interpreter is None or item is None or item.interpreter_id != interpreter.pk:
        raise Http404
    return item, interpreter


def get_interpreter_for_user(user: User, interpreter_id: int) -> Interpreter:
    """A registry entry (with rate and contact), for a coordinator or the interpreter themself."""
    interpreter = Interpreter.objects.filter(pk=interpreter_id).first()
    if interpreter is None:
        raise Http404
    if is_coordinator(user):
        return interpreter
    own = own_interpreter(user)
    if own is not None and own.pk == interpreter.pk:
        return interpreter
    raise Http404
