"""Many processes take `data.locked` in turn, each adding one to a shared counter while it holds the lock.

    python benchmarks/lock_stress.py [DATA_PY] [PROCESSES] [TURNS]

DATA_PY: a copy of brain_gradcam/data.py to test (default: the installed one), e.g. an older commit's
(`git show d953c16:brain_gradcam/data.py > /tmp/old_data.py`). Prints how many processes crashed and how many turns
were counted: with a sound lock, every turn of every process is counted and none crashes."""
import importlib.util, multiprocessing as mp, sys, tempfile
from pathlib import Path

def load_locked(source):
    if source is None:
        from brain_gradcam.data import locked
        return locked
    spec = importlib.util.spec_from_file_location("data_under_test", source)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module                      # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.locked

def work(source, folder, turns):
    locked = load_locked(source)
    counter = Path(folder)/"counter"
    for _ in range(turns):
        with locked(Path(folder)/"counter.lock"):
            counter.write_text(str(int(counter.read_text()) + 1))

if __name__ == "__main__":
    source = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] != "-" else None
    processes, turns = (int(a) for a in (sys.argv[2:4] if len(sys.argv) > 3 else (6, 300)))
    folder = tempfile.mkdtemp()
    (Path(folder)/"counter").write_text("0")
    workers = [mp.Process(target=work, args=(source, folder, turns)) for _ in range(processes)]
    for w in workers: w.start()
    for w in workers: w.join()
    crashed = sum(w.exitcode != 0 for w in workers)
    print(f"{source or 'installed data.py'}: {crashed} of {processes} processes crashed; "
          f"{(Path(folder)/'counter').read_text()} of {processes * turns} turns counted")
