"""The network graph: deterministic, bounded, readable without colour."""

from types import SimpleNamespace

from programme.network_graph import KIND_STYLES, network_svg


def group(pk, name, province="กระบี่"):
    return SimpleNamespace(
        pk=pk, name=name, tambon=SimpleNamespace(province=SimpleNamespace(name=province))
    )


def test_the_same_network_gives_the_same_picture():
    groups = [group(1, "กลุ่มล่องเรือ"), group(2, "กลุ่มมะละกอ <b>"), group(3, "กลุ่มผ้าบาติก")]
    edges = [(1, 2, "supply"), (2, 3, "tourism_route"), (1, 3, "knowledge")]
    first = network_svg(groups, edges, title="เครือข่าย")
    assert first == network_svg(groups, list(reversed(edges)), title="เครือข่าย")
    assert "<b>" not in first and "&lt;b&gt;" in first
    assert 'role="img"' in first and "<title" in first
    assert "style=" not in first
    # Every kind has its own dash pattern, in the lines and the legend.
    dashes = {dash for _colour, dash in KIND_STYLES.values()}
    assert len(dashes) == len(KIND_STYLES)
    for dash in dashes:
        assert f'stroke-dasharray="{dash}"' in first


def test_an_edge_to_a_group_not_drawn_is_left_out():
    svg = network_svg(
        [group(1, "ก"), group(2, "ข")], [(1, 2, "supply"), (1, 9, "supply")], title="t"
    )
    assert svg.count("<line") == 1 + len(KIND_STYLES)


def test_an_empty_network_says_so():
    assert "ยังไม่มีกลุ่มที่เชื่อมโยงกัน" in network_svg([], [], title="t")
