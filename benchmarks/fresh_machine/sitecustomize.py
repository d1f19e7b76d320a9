"""Put on PYTHONPATH by `make bench` to measure a fresh machine on one that has libharfbuzz-subset0:
WeasyPrint then behaves as if the library were missing, in this process and in every worker it spawns."""

from weasyprint.pdf import fonts

fonts.harfbuzz_subset = None
