"""The comparison on Thai text: changes marked as readable runs, never splitting a tone mark."""

from canvases.diff import diff_texts, has_changes, tokens


def marked(old, new):
    return [(s.kind, s.text) for s in diff_texts(old, new)]


def test_tokens_keep_tone_marks_and_vowels_with_their_consonant():
    assert tokens("น้ำใส") == ["น้ำ", "ใส"]
    assert tokens("ที่ผู้") == ["ที่", "ผู้"]
    assert "".join(tokens("ล่องคลองมะรุย 60:40 online")) == "ล่องคลองมะรุย 60:40 online"


def test_an_inserted_thai_word_is_one_run():
    assert marked("ขายหน้าสวน", "ขายหน้าสวนและออนไลน์") == [
        ("equal", "ขายหน้าสวน"),
        ("insert", "และออนไลน์"),
    ]


def test_a_replaced_thai_word_shows_both_sides_and_keeps_the_rest():
    assert marked("มะละกอทอดกรอบ", "มะม่วงทอดกรอบ") == [
        ("equal", "มะ"),
        ("delete", "ละกอ"),
        ("insert", "ม่วง"),
        ("equal", "ทอดกรอบ"),
    ]


def test_a_changed_tone_mark_marks_the_whole_cluster():
    segments = marked("ค่าเรือ", "ค้าเรือ")
    assert ("delete", "ค่า") in segments or ("delete", "ค่") in segments
    assert all("\u0e48" not in text or kind != "equal" for kind, text in segments)
    assert "".join(t for k, t in segments if k != "delete") == "ค้าเรือ"


def test_numbers_and_latin_words_change_as_whole_words():
    assert marked("ราคา 500 บาท", "ราคา 450 บาท") == [
        ("equal", "ราคา "),
        ("delete", "500"),
        ("insert", "450"),
        ("equal", " บาท"),
    ]


def test_reading_the_segments_gives_back_both_texts():
    old = "ล่องเรือหางยาวในคลองมะรุย ชมป่าชายเลน"
    new = "ล่องเรือคายัคในคลองมะรุย ชมป่าชายเลนและภาพเขียนสี"
    segments = diff_texts(old, new)
    assert "".join(s.text for s in segments if s.kind != "insert") == old
    assert "".join(s.text for s in segments if s.kind != "delete") == new
    assert has_changes(segments)
    assert not has_changes(diff_texts(old, old))
