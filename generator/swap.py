"""One build at a time per output folder, and an atomic swap of the finished build into place.

Two builds into the same folder would delete each other's staging folders or the site being replaced (seen as a
bare `[Errno 2]`); the lock turns that into a clear message. The swap exchanges the staging folder and the old
site in one step (Linux `renameat2(RENAME_EXCHANGE)`), so the output folder is never missing or half deleted;
where that call is unavailable, the old site is renamed aside first and deleted only after the new one is in place.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class BuildLocked(Exception):
    """Another build into the same output folder is running."""


def lock_path(output: Path) -> Path:
    return output.with_name(f".{output.name}.lock")


@contextmanager
def build_lock(output: Path) -> Iterator[None]:
    """Hold the output folder's lock for the block, or raise BuildLocked at once if another build holds it.

    The lock file is removed again on release, so a build leaves nothing behind. A build that opened the file
    just before it was removed would lock a file no longer in the folder; it sees that and tries again.
    """
    path = lock_path(output)
    while True:
        handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - closed below or after the block
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise BuildLocked(
                f"another build into {output.name}/ is running ({holder}; lock {path.name}); "
                "wait for it to finish, or build elsewhere with --output"
            ) from None
        try:
            same = os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        handle.close()  # the file was removed by the build that held it: lock the new one
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}\n")
        handle.flush()
        yield
    finally:
        path.unlink(missing_ok=True)
        handle.close()  # releases the lock


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step; False where the system cannot."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    if ctypes.get_errno() in (errno.ENOSYS, errno.EINVAL, errno.EPERM):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(second))


def swap_into_place(staging: Path, output: Path) -> None:
    """Make the finished build in `staging` the output folder; the old site ends up in `staging` (to delete)."""
    if not output.exists():
        staging.rename(output)
        staging.mkdir()  # the caller deletes the staging folder
        return
    if _exchange(staging, output):
        return
    aside = staging.with_name(staging.name + "-old")
    output.rename(aside)
    staging.rename(output)
    shutil.move(str(aside), str(staging))
