from django.db import models
from django.utils.translation import gettext_lazy as _


class Generation(models.Model):
    """A number per kind of data, changed whenever that data changes: results computed from
    the data are kept under the generation they were computed at (see core.generations)."""

    key = models.CharField(_("key"), max_length=100, primary_key=True)
    number = models.PositiveBigIntegerField(_("number"), default=0)

    class Meta:
        verbose_name = _("data generation")
        verbose_name_plural = _("data generations")

    def __str__(self):
        return f"{self.key}: {self.number}"
