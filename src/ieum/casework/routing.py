"""Routing (issue 5 item 3): queues by language × topic, counselors by skill and capacity per
channel, automatic assignment balanced by load and atomic under concurrency.

Atomicity: a case is taken with a conditional UPDATE (`assignee IS NULL AND status = 'new'`), so
two counselors can never both get it, on any database; PostgreSQL also skips rows another
transaction holds (`select_for_update(skip_locked=True)`) so concurrent pulls do not queue up
behind each other. A counselor's CounselorProfile row is locked while a case is given to them,
so concurrent assignments cannot push them past their capacity.
"""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ieum.casework.config import default_capacity
from ieum.casework.models import (
    ACTIVE_STATUSES,
    Case,
    CounselorCapacity,
    CounselorProfile,
    CounselorSkill,
    Queue,
)
from ieum.core.models import Role, User


def queue_for(language: str, topic_id: int | None) -> Queue | None:
    """The queue of a language × topic, else the language's general queue (no topic)."""
    queues = Queue.objects.filter(active=True, language=language)
    exact = queues.filter(topic_id=topic_id).first() if topic_id is not None else None
    return exact or queues.filter(topic__isnull=True).first()


def queue_ids_of(user: Any) -> list[int]:
    """Queues a counselor works in or supervises."""
    return list(
        Queue.objects.filter(Q(members=user) | Q(supervisors=user))
        .order_by()
        .values_list("pk", flat=True)
        .distinct()
    )


def languages_of(user: Any) -> set[str]:
    skills = set(CounselorSkill.objects.filter(user=user).values_list("language", flat=True))
    return skills or set(getattr(user, "work_languages", None) or [])


def speaks(user: Any, language: str, topic_id: int | None) -> bool:
    skill = CounselorSkill.objects.filter(user=user, language=language).first()
    if skill is None:
        return language in (getattr(user, "work_languages", None) or [])
    topics = set(skill.topics.values_list("pk", flat=True))
    return not topics or topic_id in topics


def capacity(user: Any, channel: str) -> int:
    own = (
        CounselorCapacity.objects.filter(user=user, channel=channel)
        .values_list("max_active", flat=True)
        .first()
    )
    return own if own is not None else default_capacity(channel)


def _speaking(members: list[User], language: str, topic_id: int | None) -> list[User]:
    """`speaks` for a whole queue in two queries (a queue may hold hundreds of counselors)."""
    skills = {
        s.user_id: s
        for s in CounselorSkill.objects.filter(user__in=members, language=language).prefetch_related("topics")
    }
    kept = []
    for user in members:
        skill = skills.get(user.pk)
        if skill is None:
            if language in (getattr(user, "work_languages", None) or []):
                kept.append(user)
            continue
        topics = {t.pk for t in skill.topics.all()}
        if not topics or topic_id in topics:
            kept.append(user)
    return kept


def _capacities(members: list[User], channel: str) -> dict[int, int]:
    """`capacity` for a whole queue in one query."""
    own = dict(
        CounselorCapacity.objects.filter(user__in=members, channel=channel).values_list(
            "user_id", "max_active"
        )
    )
    return {u.pk: own.get(u.pk, default_capacity(channel)) for u in members}


def active_load(user: Any, channel: str) -> int:
    return Case.objects.filter(assignee=user, channel=channel, status__in=ACTIVE_STATUSES).count()


def _lock_profile(user: Any) -> CounselorProfile:
    CounselorProfile.objects.get_or_create(user=user)
    return CounselorProfile.objects.select_for_update().get(user=user)


def _take(case_id: int, user: Any, now) -> bool:
    """Give the case to `user` if it is still unassigned and new; False if someone was faster."""
    return bool(
        Case.objects.filter(pk=case_id, assignee__isnull=True, status=Case.Status.NEW).update(
            assignee=user, status=Case.Status.ASSIGNED, assigned_at=now
        )
    )


def free_counselors(
    queue: Queue | None, language: str, topic_id: int | None, channel: str, *, busy_too: bool = False
) -> list[User]:
    """Counselors of the queue who are available, speak the language and are under capacity on
    the channel (any load with `busy_too`), least loaded first (ties: who waited longest since
    their last case)."""
    if queue is None:
        return []
    members = list(
        User.objects.filter(case_queues=queue, role=Role.COUNSELOR, is_active=True)
        .exclude(counselor_profile__available=False)
        .order_by("counselor_profile__last_assigned_at", "pk")
    )
    members = _speaking(members, language, topic_id)
    if busy_too or not members:
        return members
    # One count per counselor from the (assignee, status) index, not a join over all their cases.
    loads = dict(
        Case.objects.filter(assignee__in=members, status__in=ACTIVE_STATUSES, channel=channel)
        .order_by()
        .values_list("assignee")
        .annotate(n=Count("id"))
        .values_list("assignee", "n")
    )
    limits = _capacities(members, channel)
    free = [u for u in members if loads.get(u.pk, 0) < limits[u.pk]]
    # Least loaded first; ties keep who waited longest since their last case.
    return sorted(free, key=lambda u: loads.get(u.pk, 0))


@transaction.atomic
def assign_to(case: Case, user: Any, *, check_capacity: bool = True) -> bool:
    """Give one new case to one counselor, atomically; False if taken or the counselor is full."""
    profile = _lock_profile(user)
    if check_capacity and active_load(user, case.channel) >= capacity(user, case.channel):
        return False
    now = timezone.now()
    if not _take(case.pk, user, now):
        return False
    profile.last_assigned_at = now
    profile.save(update_fields=["last_assigned_at"])
    case.refresh_from_db()
    return True


def push(case: Case, *, language: str = "") -> User | None:
    """Offer a new case to the least-loaded free counselor of its queue who speaks `language`
    (the case's own unless an interpreter carries it)."""
    for user in free_counselors(case.queue, language or case.language, case.topic_id, case.channel):
        if assign_to(case, user):
            return user
        case.refresh_from_db()
        if case.status != Case.Status.NEW:
            return None
    return None


def waiting_for(user: Any, channel: str) -> QuerySet[Case]:
    """New, unassigned cases of the channel in the user's queues and languages, most urgent first
    (earliest first-response due, then oldest)."""
    return Case.objects.filter(
        status=Case.Status.NEW,
        assignee__isnull=True,
        channel=channel,
        queue_id__in=queue_ids_of(user),
    ).order_by("first_response_due", "opened_at", "pk")


@transaction.atomic
def pull(user: Any, channel: str) -> Case | None:
    """The next case for `user` on `channel`, or None if they are full or nothing waits."""
    profile = _lock_profile(user)
    if active_load(user, channel) >= capacity(user, channel):
        return None
    now = timezone.now()
    # One row at a time: locking a batch would hide the whole batch from the other counselors.
    for _ in range(20):
        candidates = waiting_for(user, channel)
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True, of=("self",))
        case = candidates.first()
        if case is None:
            return None
        if _take(case.pk, user, now):
            profile.last_assigned_at = now
            profile.save(update_fields=["last_assigned_at"])
            case.refresh_from_db()
            return case
    return None
