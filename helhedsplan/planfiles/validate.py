"""Check plan files without a database: `python -m helhedsplan.planfiles.validate FILE...`."""

import sys

from .source import PlanFileError, read_plan_file


def main(paths: list[str]) -> int:
    failed = False
    for path in paths:
        try:
            plan_file = read_plan_file(path)
        except PlanFileError as error:
            failed = True
            print(error, file=sys.stderr)
        else:
            print(
                f"{path}: OK ({plan_file.plan.slug}: {len(plan_file.departments)} departments, "
                f"{len(plan_file.sub_agreements)} sub-agreements)"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
