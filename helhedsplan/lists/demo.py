"""Demo figures for the Viborg areas: seed 000's December 2023 table, and clearly marked
synthetic earlier years so the early warning has a trend to show."""

from pathlib import Path

from .actions import import_area_figures

DATA_DIR = Path(__file__).parent / "data"


def load_lists_demo() -> None:
    import_area_figures(DATA_DIR / "viborg-synthetic-2019-2022.csv", synthetic=True)
    import_area_figures(DATA_DIR / "viborg-2023.csv")
