"""Import problems as a CSV file people can open in Excel."""

import csv
import io

from django.utils.translation import gettext as _

from helhedsplan.core.cells import safe_row


def problems_csv(problems) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("file"), _("sheet"), _("row"), _("column"), _("problem")])
    for problem in problems:
        writer.writerow(safe_row(problem.as_row()))
    return "\ufeff" + out.getvalue()
