"""``python -m reportgen``: the command line, as the ``reportgen`` command runs it."""

from reportgen.cli import main

main()
