from django.core.paginator import Paginator
from django.template.loader import render_to_string


def links(number_of_pages: int, current: int) -> str:
    page = Paginator(range(number_of_pages * 10), 10).page(current)
    return render_to_string("core/_pagination.html", {"page": page, "query": "q=x"})


def test_long_lists_link_the_ends_and_the_neighbours_only():
    html = links(1131, 500)
    for number in (1, 498, 499, 501, 502, 1131):
        assert f'page={number}"' in html
    assert 'aria-current="page">500<' in html
    assert 'page=497"' not in html and 'page=503"' not in html
    assert html.count("…") == 2


def test_short_lists_link_every_page_and_keep_the_query():
    html = links(3, 2)
    assert "?q=x&amp;page=1" in html and "?q=x&amp;page=3" in html
    assert "…" not in html
