"""reportgen: partnership briefings for key account management.

The package is organised in stages, each a module: ``reading`` (workbooks → assessments),
``analysis`` (assessments → indices, zones, gaps), ``charts`` (matplotlib figures as SVG),
``briefing`` (the presentation-neutral view of one report), ``rendering`` (Jinja2 → HTML → PDF)
and ``cli``. Heavy libraries are imported inside the stages so ``reportgen --help`` stays instant.
"""

__version__ = "0.1.0"
