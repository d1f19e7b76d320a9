"""Check, before anything is installed, that this machine can run reportgen; say how to fix it if not.

Runs with the system Python and the standard library only.
"""

import ctypes.util
import sys

PANGO_HINT = (
    "On Debian or Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0; "
    "on Fedora: sudo dnf install pango; on macOS: brew install pango."
)


def main() -> int:
    problems = []
    if sys.version_info < (3, 11):
        found = ".".join(map(str, sys.version_info[:3]))
        problems.append(
            f"reportgen needs Python 3.11 or newer, but '{sys.executable}' is {found}: "
            "install a newer Python and run make with PYTHON=python3.11 (or newer)."
        )
    for library in ("pango-1.0", "pangoft2-1.0"):
        if ctypes.util.find_library(library) is None:
            problems.append(
                f"The system library {library} that WeasyPrint needs to make PDFs is missing. " + PANGO_HINT
            )
            break
    for problem in problems:
        print(f"reportgen setup: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
