"""The nine blocks of the Community Business Model Canvas, in one place.

Each block has its key (as stored), a Thai title, an English title, two or
three guiding questions in plain village Thai, its place in the classic
desktop grid (static/css/canvas.css, by key) and its order on a phone,
which follows the order a mentor asks about them.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cbmc_portal.text import without_control_chars

MAX_BLOCK_CHARS = 5000
# A block with fewer visible characters than this counts as only begun.
MIN_FILLED_CHARS = 10


@dataclass(frozen=True)
class Block:
    key: str
    title: Promise
    title_en: str
    questions: tuple[Promise, ...]
    phone_order: int

    @property
    def number(self) -> int:
        return self.phone_order


BLOCKS: tuple[Block, ...] = (
    Block(
        "customer_segments",
        _("กลุ่มลูกค้า"),
        "Customer segments",
        (
            _("ใครซื้อสินค้าหรือมาเที่ยวกับเรา คนในชุมชน นักท่องเที่ยว หรือลูกค้าออนไลน์"),
            _("ลูกค้ากลุ่มไหนสำคัญที่สุด เขาอยู่ที่ไหน"),
        ),
        1,
    ),
    Block(
        "value_propositions",
        _("คุณค่าที่ส่งมอบ"),
        "Value propositions",
        (
            _("ของเราดีหรือพิเศษตรงไหน ทำไมลูกค้าต้องเลือกเรา"),
            _("มีเรื่องเล่า ทรัพยากรท้องถิ่น สุขภาพ หรือประวัติศาสตร์อะไรที่คนอื่นไม่มี"),
        ),
        2,
    ),
    Block(
        "channels",
        _("ช่องทาง"),
        "Channels",
        (
            _("ลูกค้ารู้จักเราและซื้อของเราทางไหน หน้าสวน ตลาด ออนไลน์ หรือบริษัททัวร์"),
            _("ช่องทางไหนขายได้ดีที่สุด ช่องทางไหนอยากเพิ่ม"),
        ),
        3,
    ),
    Block(
        "customer_relationships",
        _("ความสัมพันธ์กับลูกค้า"),
        "Customer relationships",
        (
            _("ทำอย่างไรให้ลูกค้ากลับมาซื้ออีก และบอกต่อคนอื่น"),
            _("เราติดต่อดูแลลูกค้าอย่างไรหลังการขาย"),
        ),
        4,
    ),
    Block(
        "revenue_streams",
        _("รายได้"),
        "Revenue streams",
        (
            _("อะไรทำเงินให้กลุ่ม ขายอะไร ราคาเท่าไร"),
            _("แบ่งรายได้อย่างไร ให้ครอบครัวเท่าไร ให้ชุมชนเท่าไร (เช่น 60:40)"),
        ),
        5,
    ),
    Block(
        "key_resources",
        _("ทุน/ทรัพยากรหลัก"),
        "Key resources",
        (
            _("ชุมชนมีทุนอะไรบ้าง ธรรมชาติ คน ความรู้ วัฒนธรรม เงิน"),
            _("ขาดอะไรที่ยังต้องหามาเพิ่ม"),
        ),
        6,
    ),
    Block(
        "key_activities",
        _("กิจกรรมหลัก"),
        "Key activities",
        (
            _("กลุ่มต้องทำอะไรให้ดีเป็นประจำ"),
            _("ใครรับผิดชอบงานไหน"),
        ),
        7,
    ),
    Block(
        "key_partners",
        _("ภาคีหุ้นส่วน"),
        "Key partners",
        (
            _("ใครช่วยเราได้บ้าง หน่วยงาน เครือข่าย โรงเรียน หรือกลุ่มอื่น"),
            _("เราช่วยอะไรเขา และเขาช่วยอะไรเรา"),
        ),
        8,
    ),
    Block(
        "cost_structure",
        _("ต้นทุน"),
        "Cost structure",
        (
            _("ต้องจ่ายเงินค่าอะไรบ้าง ค่าไหนสูงที่สุด"),
            _("แรงงานและเวลาที่สมาชิกลงไปโดยไม่ได้ค่าจ้างมีอะไรบ้าง"),
        ),
        9,
    ),
)

BLOCK_KEYS: tuple[str, ...] = tuple(block.key for block in BLOCKS)
BLOCKS_BY_KEY: dict[str, Block] = {block.key: block for block in BLOCKS}
# Phone order is the definition order above.
PHONE_ORDER: tuple[Block, ...] = tuple(sorted(BLOCKS, key=lambda block: block.phone_order))


class Progress:
    EMPTY = "empty"
    BEGUN = "begun"
    FILLED = "filled"


PROGRESS_LABELS = {
    Progress.EMPTY: _("ยังว่าง"),
    Progress.BEGUN: _("เริ่มเขียนแล้ว"),
    Progress.FILLED: _("เขียนครบ"),
}


def visible_length(text: str) -> int:
    return len("".join((text or "").split()))


def block_progress(text: str) -> str:
    """Empty (nothing but spaces), begun (a few characters) or filled."""
    length = visible_length(text)
    if length == 0:
        return Progress.EMPTY
    if length < MIN_FILLED_CHARS:
        return Progress.BEGUN
    return Progress.FILLED


def empty_blocks() -> dict[str, str]:
    return dict.fromkeys(BLOCK_KEYS, "")


def filled_count(blocks: dict) -> int:
    return sum(block_progress(blocks.get(key, "")) == Progress.FILLED for key in BLOCK_KEYS)


def normalise_text(text) -> str:
    """The text as typed, minus control characters; line breaks become plain newlines.

    Tabs and newlines stay; format characters such as zero-width joiners,
    combining marks and emoji are kept exactly.
    """
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    return without_control_chars(text, keep="\n\t")
