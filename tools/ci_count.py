"""CI's closing lines: each pass's notebooks (passed, failed, never run), then every notebook counted once.

Usage: python tools/ci_count.py PASSES_DIR NBS_DIR [FAILED_STEP]
PASSES_DIR holds one file per pass (newcomer, real-data, series), each line "notebook status"; a pass without a file never
ran. Once: a notebook is failed if it failed in any pass, skipped if a pass it belongs to never ran it, else passed."""
import re, sys
from pathlib import Path

SERIES = re.compile(r"^(\d\d)[a-z]?_.+\.ipynb$")       # as `runner.series_notebooks`: numbered below 90

def expected(nbs:Path) -> dict:
    "The notebooks each pass should run: nbdev-test every notebook, the series the numbered ones below 90"
    tested = sorted(p.name for p in nbs.glob("*.ipynb") if not p.name.startswith("_"))
    series = [n for n in tested if (m := SERIES.match(n)) and int(m.group(1)) < 90]
    return {"newcomer": tested, "real-data": tested, "series": series}

def outcomes(passes:Path, name:str) -> dict:
    "{notebook: ok | failed | ...} as the pass recorded it; {} for a pass that never ran"
    path = passes/name
    if not path.is_file(): return {}
    return dict(line.split(maxsplit=1) for line in path.read_text().splitlines() if line.strip())

def main(passes:str, nbs:str, failed_step:str=""):
    overall = {}
    for name, notebooks in expected(Path(nbs)).items():
        seen = outcomes(Path(passes), name)
        ok = [n for n in notebooks if seen.get(n) == "ok"]
        bad = [n for n in notebooks if n in seen and seen[n] != "ok"]
        missing = [n for n in notebooks if n not in seen]
        print(f"{name} pass: {len(ok)} passed, {len(bad)} failed, {len(missing)} never ran"
              + (f" (failed: {', '.join(bad)})" if bad else ""))
        for n in notebooks:
            now = "failed" if n in bad else "skipped" if n in missing else "passed"
            rank = ["passed", "skipped", "failed"]
            overall[n] = max(overall.get(n, "passed"), now, key=rank.index)
    counts = {k: list(overall.values()).count(k) for k in ("passed", "failed", "skipped")}
    if failed_step: print(f"FAILED in step: {failed_step}")
    word = "FAILED" if failed_step or counts["failed"] else "notebooks"
    print(f"{word}: {counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")

if __name__ == "__main__": main(*sys.argv[1:])
