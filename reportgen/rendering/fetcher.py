"""The only door through which WeasyPrint may load anything: our own templates folder and data: URLs.

Nothing from the network, nothing elsewhere on disk – whatever a spreadsheet's text may contain.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint.urls import URLFetcher


class RefusedURL(ValueError):
    pass


class ProjectOnlyFetcher(URLFetcher):
    """Serves ``data:`` URLs and ``file:`` URLs below *root*; refuses everything else."""

    def __init__(self, root: Path):
        super().__init__(timeout=1, allowed_protocols=("file", "data"), allow_redirects=False)
        self.root = root.resolve()

    def fetch(self, url, headers=None):
        if url.startswith("file:"):
            path = Path(unquote(urlparse(url).path)).resolve()
            if not path.is_relative_to(self.root) or not path.is_file():
                raise RefusedURL(url)
        elif not url.startswith("data:"):
            raise RefusedURL(url)
        return super().fetch(url, headers)
