"""Local copies of an export's images: each downloaded once, politely, at a stable path.

An image at ``https://example.org/wp-content/uploads/2024/05/photo.jpg`` is saved as
``images/example.org/wp-content/uploads/2024/05/photo.jpg`` under the export's folder and
linked as ``/images/example.org/…`` (Hugo publishes files of its content folder as they lie).
Each part of the path is a safe name (`wpparse.output.layout.safe_name`); a query string, which
WordPress uses for resized copies (``?resize=300,200``), adds a short hash to the name. A file
already there is not downloaded again, so a second run costs no request. Downloads go through
the fetch client (`wpparse.output.http`), at its rate; one that fails is reported and the image
keeps its address.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from wpparse._errors import WPParseError
from wpparse.output.http import Client
from wpparse.output.layout import safe_name

IMAGES_FOLDER = "images"


def local_path(url: str) -> PurePosixPath | None:
    """Where the image at `url` is kept, under the export's folder (None: not http(s))."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    names = [safe_name(unquote(part), "_") for part in parts.path.split("/") if part]
    if not names:
        names = ["image"]
    if parts.query:
        digest = hashlib.sha256(parts.query.encode("utf-8")).hexdigest()[:8]
        stem, dot, suffix = names[-1].rpartition(".")
        names[-1] = f"{stem}-{digest}.{suffix}" if dot and stem else f"{names[-1]}-{digest}"
    host = safe_name(parts.hostname or parts.netloc, "host")
    return PurePosixPath(IMAGES_FOLDER, host, *names)


class ImageStore:
    """Downloads images into `folder` once each and says where each one is linked from now."""

    def __init__(
        self, folder: Path, client: Client, url_prefix: str, warn: Callable[[str], None]
    ) -> None:
        self.folder = folder
        self.client = client
        self.url_prefix = url_prefix.rstrip("/") + "/"
        self._warn = warn
        self._done: dict[str, str | None] = {}
        self.downloaded = 0
        self.failed = 0

    def local_url(self, url: str) -> str | None:
        """The local address of the image at `url`, downloading it first if need be.

        None when it cannot be had (not http(s), or the download failed: reported once).
        """
        if url in self._done:
            return self._done[url]
        relative = local_path(url)
        found: str | None = None
        if relative is not None:
            target = self.folder / relative
            if target.is_file() or self._download(url, target):
                found = self.url_prefix + "/".join(relative.parts[1:])
        self._done[url] = found
        return found

    def _download(self, url: str, target: Path) -> bool:
        try:
            response = self.client.get(url)
        except WPParseError as error:
            return self._failed(url, str(error))
        kind = response.headers.get("Content-Type", "")
        if response.status != 200 or kind.startswith("text/html"):
            return self._failed(url, f"HTTP {response.status}, {kind or 'no content type'}")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(response.body)
        partial.replace(target)  # never a half-written image under the final name
        self.downloaded += 1
        return True

    def _failed(self, url: str, why: str) -> bool:
        self.failed += 1
        self._warn(f"image not downloaded, its address kept: {url} ({why})")
        return False
