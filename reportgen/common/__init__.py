"""What every stage shares and nothing else decides: languages and formatting, how figures are rounded,
problems kept as data, the run's settings, where the project's data lives, which files a run reads,
and safe writing.
"""
