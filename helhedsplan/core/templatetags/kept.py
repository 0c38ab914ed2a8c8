"""{% kept "name" value ... %}…{% endkept %}: a part of a page rendered once per process and kept
under the plan content generation (core.content), the language and the given values.

Whatever the part shows must come from the plan's content or from the values: a part that also
shows monitoring data passes that plan's monitoring generation as a value. A kept part must not
depend on who is asking beyond the values given (pass the role if it does), and never holds a
form: a CSRF token is per user, so rendering one is refused. Context values the part alone needs
should be lazy, so that a kept part costs no queries.
"""

from django import template
from django.utils.translation import get_language

from helhedsplan.core import content
from helhedsplan.core.generations import Kept, for_request

register = template.Library()

PARTS = Kept(size=1024)


def content_generation(request) -> int:
    """The plan content generation, read once per request."""
    return content.current() if request is None else for_request(request, content.KEY)[0]


class KeptNode(template.Node):
    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.values = values

    def render(self, context):
        key = (
            content_generation(getattr(context, "request", None)),
            get_language(),
            *(value.resolve(context) for value in self.values),
        )

        def render_part():
            html = self.nodelist.render(context)
            if "csrfmiddlewaretoken" in html:
                raise template.TemplateSyntaxError("a kept part may not hold a form")
            return html

        return PARTS.get(key, render_part)


@register.tag
def kept(parser, token):
    values = token.split_contents()[1:]
    if not values:
        raise template.TemplateSyntaxError("{% kept %} needs a name for the part")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, [parser.compile_filter(value) for value in values])
