"""The comparison on Thai text: whole words marked (PyThaiNLP's newmm), never a cut cluster."""

import pytest
from pythainlp.tokenize import word_tokenize

from canvases.diff import diff_texts, has_changes, tokens


def marked(old, new):
    return [(s.kind, s.text) for s in diff_texts(old, new)]


def changed(old, new, kind):
    return [text for k, text in marked(old, new) if k == kind]


def test_thai_is_cut_into_dictionary_words_by_newmm():
    assert tokens("ค่าล่องเรือคนละ 500 บาท") == ["ค่า", "ล่องเรือ", "คนละ", " ", "500", " ", "บาท"]
    assert tokens("ขายผ่านไลน์กลุ่ม") == ["ขาย", "ผ่าน", "ไลน์", "กลุ่ม"]


def test_tokens_keep_tone_marks_and_vowels_with_their_consonant():
    marks = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b"
    for word in tokens("น้ำใสที่ผู้ใหญ่บ้านดูแล"):
        assert word[0] not in marks
    assert "".join(tokens("ล่องคลองมะรุย 60:40 online")) == "ล่องคลองมะรุย 60:40 online"


def test_non_thai_text_is_cut_into_words_numbers_and_signs():
    assert tokens("60:40 online, <b>x</b>") == [
        "60",
        ":",
        "40",
        " ",
        "online",
        ",",
        " ",
        "<",
        "b",
        ">",
        "x",
        "<",
        "/",
        "b",
        ">",
    ]
    assert tokens("a\n\tb") == ["a", "\n", "\t", "b"]


def test_the_price_of_the_boat_trip_marks_exactly_the_number():
    assert marked("ค่าล่องเรือคนละ 500 บาท", "ค่าล่องเรือคนละ 450 บาท") == [
        ("equal", "ค่าล่องเรือคนละ "),
        ("delete", "500"),
        ("insert", "450"),
        ("equal", " บาท"),
    ]


def test_a_changed_thai_word_is_marked_whole():
    # The hand-cut clusters marked "ละกอ"/"ม่วง" and left "มะ" unmarked.
    assert marked("มะละกอทอดกรอบ", "มะม่วงทอดกรอบ") == [
        ("delete", "มะละกอ"),
        ("insert", "มะม่วง"),
        ("equal", "ทอดกรอบ"),
    ]
    assert changed("นักท่องเที่ยวชาวไทย", "นักท่องเที่ยวชาวต่างชาติ", "insert") == ["ชาวต่างชาติ"]


def test_an_inserted_thai_word_is_one_run():
    assert marked("ขายหน้าสวน", "ขายหน้าสวนและออนไลน์") == [
        ("equal", "ขายหน้าสวน"),
        ("insert", "และออนไลน์"),
    ]


def test_a_changed_tone_mark_marks_the_whole_word():
    segments = marked("ค่าเรือ", "ค้าเรือ")
    assert all("\u0e48" not in text or kind != "equal" for kind, text in segments)
    assert "".join(t for k, t in segments if k != "delete") == "ค้าเรือ"


@pytest.mark.parametrize(
    "old,new",
    [
        ("ล่องเรือหางยาวในคลองมะรุย ชมป่าชายเลน", "ล่องเรือคายัคในคลองมะรุย ชมป่าชายเลนและภาพเขียนสี"),
        ("แปรรูปมะละกอสุกเป็นมะละกอกรอบ ขายที่ตลาดนัด", "แปรรูปมะละกอเป็นแยมกับมะละกอกรอบ ขายออนไลน์"),
        ("รายได้แบ่ง 60:40 ให้ครอบครัวและชุมชน", "รายได้แบ่ง 70:30 ให้ครอบครัวและกองทุนชุมชน"),
    ],
)
def test_every_mark_starts_and_ends_on_a_word_boundary(old, new):
    """No marked run begins or ends inside a word of the side it belongs to."""

    def boundaries(text):
        cuts, at = {0}, 0
        for word in tokens(text):
            at += len(word)
            cuts.add(at)
        return cuts

    for side, skip in ((old, "insert"), (new, "delete")):
        cuts, at = boundaries(side), 0
        for kind, text in marked(old, new):
            if kind == skip:
                continue
            assert at in cuts and at + len(text) in cuts, (kind, text)
            at += len(text)
        assert at == len(side)
    # newmm, not a hand-made cutter: the Thai words are the segmenter's own.
    thai_words = [w for w in tokens(new) if "\u0e00" <= w[0] <= "\u0e7f"]
    assert thai_words and all(w in word_tokenize(new, engine="newmm") for w in thai_words)


def test_reading_the_segments_gives_back_both_texts():
    old = "ล่องเรือหางยาวในคลองมะรุย ชมป่าชายเลน"
    new = "ล่องเรือคายัคในคลองมะรุย ชมป่าชายเลนและภาพเขียนสี"
    segments = diff_texts(old, new)
    assert "".join(s.text for s in segments if s.kind != "insert") == old
    assert "".join(s.text for s in segments if s.kind != "delete") == new
    assert has_changes(segments)
    assert not has_changes(diff_texts(old, old))
    assert diff_texts("", "") == []


def test_markup_stays_text_in_the_segments():
    # The segments carry the text as typed; the page escapes them (see test_version_compare).
    segments = diff_texts("ขาย", "ขาย<script>alert(1)</script>")
    assert "".join(s.text for s in segments if s.kind == "insert") == "<script>alert(1)</script>"
