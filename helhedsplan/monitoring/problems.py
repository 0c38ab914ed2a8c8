"""Import problems as a CSV file people can open in Excel."""

import csv
import io

from django.utils.translation import gettext as _

from helhedsplan.core.cells import safe_row
from helhedsplan.core.tabular import more_problems


def problems_csv(problems, more: int = 0) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("file"), _("sheet"), _("row"), _("column"), _("problem")])
    for problem in problems:
        writer.writerow(safe_row(problem.as_row()))
    if more:
        writer.writerow(safe_row(["", "", "", "", more_problems(more)]))
    return "\ufeff" + out.getvalue()
