from django import template

register = template.Library()


@register.filter
def page_links(page):
    """The page numbers worth a link: the first, the last and two either side of the
    current one, with Paginator.ELLIPSIS ("…") for the gaps. Looping over every page
    number instead costs a template iteration per page on long lists."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
