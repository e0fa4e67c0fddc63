"""Demo canvases for the southern demo groups; idempotent (found by group and title)."""

from django.db import transaction
from django.utils import timezone

from canvases import services
from canvases.blocks import empty_blocks, filled_count
from canvases.models import Canvas, CanvasEvent, Comment, CommentThread, EventKind

MARUI_V1 = {
    "customer_segments": "นักท่องเที่ยวชาวไทยที่ชอบธรรมชาติ และนักท่องเที่ยวต่างชาติที่พักในกระบี่",
    "value_propositions": "ล่องเรือหางยาวในคลองมะรุย ชมป่าชายเลนและภาพเขียนสีโบราณ ฟังเรื่องเล่าชุมชน",
    "channels": "เพจเฟซบุ๊กของกลุ่ม บริษัททัวร์ในอ่าวนาง และป้ายที่ท่าเรือ",
    "customer_relationships": "ต้อนรับเหมือนญาติ ส่งรูปให้หลังทริป ชวนรีวิวและบอกต่อ",
    "revenue_streams": "ค่าล่องเรือคนละ 500 บาท ค่าอาหารพื้นบ้าน ของฝาก แบ่งรายได้ 60:40",
    "key_resources": "คลองมะรุย ป่าชายเลน เรือหางยาว 8 ลำ ปราชญ์ชาวบ้านที่รู้ประวัติ",
    "key_activities": "พาล่องเรือ ทำอาหารพื้นบ้าน เก็บขยะในคลองทุกเดือน อบรมคนขับเรือ",
    "key_partners": "อบต.อ่าวลึกใต้ ททท.กระบี่ เครือข่ายท่องเที่ยวอ่าวพังงา โรงเรียนในตำบล",
    "cost_structure": "ค่าน้ำมันเรือ ค่าซ่อมเรือ ค่าแรงคนขับเรือ เวลาที่สมาชิกช่วยกันโดยไม่ได้ค่าจ้าง",
}
MARUI_V2_CHANGES = {
    "channels": "เพจเฟซบุ๊กและไลน์ของกลุ่ม บริษัททัวร์ในอ่าวนาง และป้ายที่ท่าเรือ",
    "revenue_streams": ("ค่าล่องเรือคนละ 450 บาท ค่าอาหารพื้นบ้าน ของฝาก ค่าที่พักโฮมสเตย์ แบ่งรายได้ 60:40"),
}
# The mentor's threads on version 1 of the Marui canal plan: (block, mentor's comment,
# leader's reply, resolved by the leader).
MARUI_THREADS = [
    (
        "channels",
        "ลูกค้าต่างชาติส่วนมากจองผ่านไลน์หรือวอตส์แอป ลองเพิ่มช่องทางนี้ไหมคะ",
        "เพิ่มไลน์ของกลุ่มในฉบับใหม่แล้วค่ะ",
        True,
    ),
    (
        "revenue_streams",
        "ค่าเรือ 500 บาทรวมค่าอาหารหรือยัง และส่วน 40 ของชุมชนเข้ากองทุนอะไร",
        "ยังไม่รวมค่าอาหารค่ะ กองทุนยังไม่ได้ตกลงกันในเวทีสมาชิก",
        False,
    ),
]
PAPAYA_DRAFT = {
    "customer_segments": "คนในจังหวัดปัตตานีที่ซื้อของฝาก และลูกค้าออนไลน์",
    "value_propositions": "มะละกอทอดกรอบจากมะละกอสุกในสวนของสมาชิก ไม่ใส่สารกันเสีย",
    "channels": "ร้านของฝาก",
}


@transaction.atomic
def seed_canvases(groups: dict, people: dict) -> dict:
    """A submitted, reviewed and resubmitted canvas for Ao Luek Tai; a draft for Talubo."""
    canvases = {}
    aoluek, leader = groups["aoluek"], people["leader_aoluek"]
    marui = Canvas.objects.filter(group=aoluek, title="ล่องคลองมะรุย").first()
    if marui is None:
        marui = services.canvas_create(group=aoluek, by=leader, title="ล่องคลองมะรุย")
        services.canvas_save_blocks(
            canvas=marui, by=leader, blocks=MARUI_V1, base_revision=0, save_id="demo-1"
        )
        first = services.canvas_submit(canvas=marui, by=leader)
        services.canvas_request_changes(
            canvas=marui,
            version=first,
            by=people["staff_south"],
            summary="ช่วยเพิ่มช่องทางไลน์ และคิดราคาใหม่ให้รวมที่พัก",
        )
        services.canvas_save_blocks(
            canvas=marui,
            by=leader,
            blocks=MARUI_V2_CHANGES,
            base_revision=marui.revision,
            save_id="demo-2",
        )
        services.canvas_submit(canvas=marui, by=leader)
    if people.get("mentor_south"):
        seed_marui_threads(marui, mentor=people["mentor_south"], leader=leader)
    canvases["marui"] = marui

    fruit = groups["pattani_fruit"]
    papaya = Canvas.objects.filter(group=fruit, title="มะละกอทอดกรอบ").first()
    if papaya is None:
        # The demo group has no leader account: made here as staff would import it.
        blocks = {**empty_blocks(), **PAPAYA_DRAFT}
        papaya = Canvas.objects.create(
            group=fruit,
            title="มะละกอทอดกรอบ",
            blocks=blocks,
            revision=1,
            filled_blocks=filled_count(blocks),
            created_by=people["staff_south"],
            updated_by=people["staff_south"],
        )
        CanvasEvent.objects.create(
            canvas=papaya, kind=EventKind.CREATED, actor=people["staff_south"]
        )
    canvases["papaya"] = papaya
    return canvases


def seed_marui_threads(marui: Canvas, *, mentor, leader) -> None:
    """The mentor's threads on version 1 (one resolved, one still open and so shown on
    version 2 and in the editor), unless the canvas has threads already.

    Written as stored history, straight to the tables: the services would
    refuse a new thread on a version that is no longer the latest.
    """
    first = marui.versions.filter(number=1).first()
    if first is None or CommentThread.objects.filter(canvas=marui).exists():
        return
    for block_key, question, answer, resolved in MARUI_THREADS:
        thread = CommentThread.objects.create(
            canvas=marui, version=first, block_key=block_key, opened_by=mentor
        )
        Comment.objects.create(thread=thread, author=mentor, body=question)
        Comment.objects.create(thread=thread, author=leader, body=answer)
        if resolved:
            thread.resolved_at, thread.resolved_by = timezone.now(), leader
            thread.save(update_fields=["resolved_at", "resolved_by"])
