"""`--explain`: where start-up and a week switch spend their time (import times, cProfile), printed
after the figures. Not a measurement: children run with the profiler or `-X importtime` on."""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.children import FIRST_PAINT_MARK, run_passthrough
from benchmarks.dataset import Dataset


def _summarise_imports(lines: list[str], title: str) -> list[str]:
    top: list[tuple[int, str]] = []
    per_package: dict[str, int] = {}
    coapp: list[tuple[int, str]] = []
    for line in lines:
        try:
            self_us, cumulative_us, raw = line[len("import time:") :].split("|", 2)
            self_t, cumulative = int(self_us), int(cumulative_us)
        except ValueError:
            continue  # the header line
        name = raw.strip()
        package = name.split(".")[0]
        per_package[package] = per_package.get(package, 0) + self_t
        if len(raw) - len(raw.lstrip()) <= 1:
            top.append((cumulative, name))
        if package == "coapp":
            coapp.append((cumulative, name))
    total = sum(per_package.values())
    out = [f"   {title}: {total / 1000:.1f} ms of imports ({len(lines)} modules)"]
    if not total:
        return out
    out.append("     self time per top-level package (where the import time goes):")
    out += [
        f"       {us / 1000:8.1f}  {pkg}  ({100 * us / total:.0f} %)"
        for pkg, us in sorted(per_package.items(), key=lambda kv: -kv[1])[:8]
    ]
    out.append("     imported at the top level, with everything they pull in (cumulative):")
    out += [f"       {us / 1000:8.1f}  {name}" for us, name in sorted(top, reverse=True)[:8]]
    if coapp:
        out.append("     coapp modules (cumulative):")
        out += [f"       {us / 1000:8.1f}  {name}" for us, name in sorted(coapp, reverse=True)[:8]]
    return out


def explain_imports(data_dir: Path, timeout: float) -> str:
    """`python -X importtime` of the app's start-up child, summarised before and after the first paint."""
    text = run_passthrough(
        ["startup", "app", str(data_dir)], "import times", timeout, python_flags=("-X", "importtime")
    )
    before: list[str] = []
    after: list[str] = []
    target = before
    for line in text.splitlines():
        if line.startswith(FIRST_PAINT_MARK):
            target = after
        elif line.startswith("import time:"):
            target.append(line)
    out = ["-- python -X importtime of the coapp start-up child (ms) --"]
    out += _summarise_imports(before, "up to the first paint")
    if after:
        out += _summarise_imports(after, "after the first paint, until the store is open")
    return "\n".join(out)


def explain(dataset: Dataset, data_dir: Path, switches: int, args: argparse.Namespace) -> None:
    print()
    print("Explain")
    if args.only in (None, "startup"):
        print(explain_imports(data_dir, args.timeout))
        print()
        print(run_passthrough(["profile-startup", str(data_dir)], "start-up profile", args.timeout).rstrip())
    if args.only in (None, "switch"):
        print()
        print(
            run_passthrough(
                [
                    "profile-switch",
                    str(data_dir),
                    dataset.first_monday.isoformat(),
                    str(switches),
                    str(max(5, switches // 10)),
                    str(args.seed),
                ],
                "week switch profile",
                args.timeout,
            ).rstrip()
        )
