"""The save service under random interleavings of 2–4 editors (hypothesis).

Each simulated editor behaves like the editor script: it types in a block,
saves only the blocks it changed with the revision at which it last had each
block, adopts blocks merged from others, and settles a conflict by choosing
mine or theirs. Some never refresh and go on from a stale base.

Invariants: every acknowledged text is in the canvas or in the block history;
and no save replaces a stored text that its editor had not seen.
"""

from dataclasses import dataclass, field

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvases import services
from canvases.blocks import BLOCK_KEYS
from canvases.models import BlockChange, Canvas
from canvases.services import SaveOutcome
from communities.models import MembershipRole
from tests import factories

WORDS = ["ป่าชายเลน", "ล่องเรือ", "กุ้ง", "น้ำ", "ผู้ใหญ่", "500 บาท", "หน้าสวน", "🌊"]
KEYS = BLOCK_KEYS[:4]  # few blocks, so editors meet on the same block often


@dataclass
class Editor:
    user: object
    texts: dict = field(default_factory=lambda: dict.fromkeys(KEYS, ""))
    saved: dict = field(default_factory=lambda: dict.fromkeys(KEYS, ""))
    bases: dict = field(default_factory=lambda: dict.fromkeys(KEYS, 0))


step = st.tuples(
    st.integers(0, 3),  # editor
    st.sampled_from(KEYS),
    st.sampled_from(WORDS),
    st.sampled_from(["type_and_save", "save", "reload", "keep_mine", "take_theirs"]),
)


def last_change(canvas, key):
    return BlockChange.objects.filter(canvas=canvas, block_key=key).order_by("-revision").first()


def save(canvas, editor, number):
    dirty = {k: t for k, t in editor.texts.items() if t != editor.saved[k]}
    if not dirty:
        return None
    before = {k: last_change(canvas, k) for k in KEYS}
    result = services.canvas_save_blocks(
        canvas=Canvas.objects.get(pk=canvas.pk),
        by=editor.user,
        blocks=dirty,
        base_revision=min(editor.bases.values()),
        save_id=f"s{number}",
        block_bases=dict(editor.bases),
    )
    for key in KEYS:
        after = last_change(canvas, key)
        if after and (before[key] is None or after.pk != before[key].pk):
            replaced = before[key]
            # Stored over a text this editor had seen (or over the very text it started from).
            assert replaced is None or (
                replaced.revision <= editor.bases[key] or replaced.text == editor.saved[key]
            ), f"{key}: {replaced.text!r} replaced unseen"
    return dirty, result


def settle(editor, dirty, result, acknowledged, choice):
    conflicted = {c.key: c for c in result.conflicts}
    for key, text in dirty.items():
        if key not in conflicted:
            acknowledged.append((key, text))
            editor.saved[key], editor.bases[key] = text, result.revision
    for news in result.merged:
        if editor.texts[news.key] == editor.saved[news.key]:
            editor.texts[news.key] = editor.saved[news.key] = news.text
            editor.bases[news.key] = result.revision
    for key, conflict in conflicted.items():
        # The panel shows theirs as of this revision; taking theirs adopts it.
        editor.saved[key], editor.bases[key] = conflict.theirs.text, result.revision
        if choice == "take_theirs":
            editor.texts[key] = conflict.theirs.text


@pytest.fixture
def editors_group(group):
    users = [factories.UserFactory(display_name=f"แกนนำ {n}") for n in range(4)]
    for user in users:
        factories.MembershipFactory(group=group, user=user, role=MembershipRole.LEADER)
    return group, users


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(step, min_size=2, max_size=25), how_many=st.integers(2, 4))
def test_no_acknowledged_text_is_ever_lost(editors_group, steps, how_many):
    group, users = editors_group
    with transaction.atomic():
        canvas = services.canvas_create(group=group, by=users[0], title="แผนทดสอบ")
        editors = [Editor(user) for user in users[:how_many]]
        acknowledged = []
        for number, (who, key, word, action) in enumerate(steps):
            editor = editors[who % how_many]
            if action == "reload":
                fresh = Canvas.objects.get(pk=canvas.pk)
                editor.texts = {k: fresh.text(k) for k in KEYS}
                editor.saved = dict(editor.texts)
                editor.bases = dict.fromkeys(KEYS, fresh.revision)
                continue
            if action == "type_and_save":
                editor.texts[key] = f"{editor.texts[key]} {word}{number}".strip()
            outcome = save(canvas, editor, number)
            if outcome:
                dirty, result = outcome
                assert result.outcome in (SaveOutcome.SAVED, SaveOutcome.CONFLICT)
                settle(editor, dirty, result, acknowledged, action)

        current = Canvas.objects.get(pk=canvas.pk).blocks
        kept = set(BlockChange.objects.filter(canvas=canvas).values_list("block_key", "text"))
        for key, text in acknowledged:
            assert current[key] == text or (key, text) in kept, f"lost {key}: {text!r}"
        transaction.set_rollback(True)
