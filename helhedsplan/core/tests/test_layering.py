"""The apps' layering (pyproject.toml, [tool.importlinter]): no app imports an app above it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(project: Path) -> subprocess.CompletedProcess:
    """Runs the contracts of `project`'s pyproject.toml on the `helhedsplan` package in it."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
        check=False,
    )


def copy_of_the_code(target: Path) -> Path:
    """The package's Python files and the contracts, where a test may change them."""
    shutil.copytree(
        ROOT / "helhedsplan",
        target / "helhedsplan",
        ignore=lambda folder, names: [
            n for n in names if not n.endswith(".py") and not (Path(folder) / n).is_dir()
        ],
    )
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
    return target


def test_no_app_imports_an_app_above_it():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_the_contract_breaks_when_plans_imports_monitoring_inside_a_function(tmp_path):
    project = copy_of_the_code(tmp_path)
    with open(project / "helhedsplan" / "plans" / "summary.py", "a") as module:
        module.write(
            "\n\ndef upward():\n    from helhedsplan.monitoring import report\n\n"
            "    return report\n"
        )

    result = lint_imports(project)

    assert result.returncode == 1
    assert "helhedsplan.plans is not allowed to import helhedsplan.monitoring" in result.stdout
    assert "helhedsplan.plans.summary -> helhedsplan.monitoring.report" in result.stdout


def test_the_contract_breaks_when_core_imports_accounts(tmp_path):
    project = copy_of_the_code(tmp_path)
    with open(project / "helhedsplan" / "core" / "views.py", "a") as module:
        module.write("\nfrom helhedsplan.accounts.access import visible_plans  # noqa\n")

    result = lint_imports(project)

    assert result.returncode == 1
    assert "helhedsplan.core is not allowed to import helhedsplan.accounts" in result.stdout
