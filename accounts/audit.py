"""The audit trail: one function that every app calls inside its own transaction.

An entry is written in the same transaction as the change it records, so a
rolled-back change leaves no entry and a committed one always has its entry.
"""

from accounts.models import AuditAction, AuditEntry

__all__ = ["AuditAction", "record"]


def record(
    *,
    actor,
    action: AuditAction,
    target_user=None,
    target=None,
    region_id=None,
    summary: str = "",
    details: dict | None = None,
) -> AuditEntry:
    """Write one audit entry.

    `target` is any model instance (its model label and pk are kept, not a
    foreign key, so the entry outlives it); `region_id` files the entry under a
    region so that region's staff can read it.
    """
    actor = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=actor,
        action=action,
        target_user=target_user,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=target.pk if target is not None else None,
        region_id=region_id,
        summary=str(summary)[:300],
        details=details or {},
    )
