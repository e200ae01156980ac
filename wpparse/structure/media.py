"""``media_details`` of attachments: the file, its dimensions and its generated sizes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from wpparse.structure.fields import (
    ObjectReader,
    read_kept_object,
    read_object,
    read_stored_int,
    read_str,
    without_none,
)
from wpparse.structure.problems import ProblemLog, child_path


@attrs.frozen
class ImageSize:
    """One generated size of an image (``media_details.sizes[name]``).

    Attributes:
        file: The file name of this size.
        width: Width in pixels.
        height: Height in pixels.
        mime_type: The MIME type of this size.
        source_url: The URL of this size.
        filesize: Its size in bytes, where WordPress recorded it.
        extra: Other keys, as they came.

    """

    file: str | None = None
    width: int | None = None
    height: int | None = None
    mime_type: str | None = None
    source_url: str | None = None
    filesize: int | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The size object as WordPress writes it."""
        out = without_none(
            file=self.file,
            width=self.width,
            height=self.height,
            mime_type=self.mime_type,
            source_url=self.source_url,
            filesize=self.filesize,
        )
        out.update(self.extra)
        return out


@attrs.frozen
class MediaDetails:
    """``media_details`` of an attachment.

    Attributes:
        width: Width in pixels of the original.
        height: Height in pixels of the original.
        file: The file's path relative to the uploads folder.
        filesize: Its size in bytes, where WordPress recorded it.
        sizes: The generated sizes by name (``thumbnail``, ``medium``, ``full``, …).
        image_meta: EXIF and IPTC data WordPress read from the file, as it came.
        extra: Other keys (audio and video details, plugin data), as they came.

    """

    width: int | None = None
    height: int | None = None
    file: str | None = None
    filesize: int | None = None
    sizes: Mapping[str, ImageSize] = attrs.field(factory=dict)
    image_meta: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The object as WordPress writes it."""
        out = without_none(
            width=self.width, height=self.height, file=self.file, filesize=self.filesize
        )
        out["sizes"] = {name: size.to_dict() for name, size in self.sizes.items()}
        if self.image_meta is not None:
            out["image_meta"] = dict(self.image_meta)
        out.update(self.extra)
        return out


def read_media_details(value: Any, path: str, log: ProblemLog) -> MediaDetails | None:
    """Read ``media_details``; ``[]`` (PHP's empty object) gives empty details."""
    obj = read_object(value, path, log)
    if obj is None:
        return None
    fields = ObjectReader(obj, path, log)
    sizes_value = fields.get("sizes", read_object) or {}
    sizes_path = child_path(path, "sizes")
    sizes = {}
    for name, size in sizes_value.items():
        read = _read_image_size(size, child_path(sizes_path, name), log)
        if read is not None:
            sizes[name] = read
    return MediaDetails(
        width=fields.get("width", read_stored_int),
        height=fields.get("height", read_stored_int),
        file=fields.get("file", read_str),
        filesize=fields.get("filesize", read_stored_int),
        sizes=sizes,
        image_meta=fields.get("image_meta", read_kept_object),
        extra=fields.unread(),
    )


def _read_image_size(value: Any, path: str, log: ProblemLog) -> ImageSize | None:
    obj = read_object(value, path, log)
    if obj is None:
        return None
    fields = ObjectReader(obj, path, log)
    return ImageSize(
        file=fields.get("file", read_str),
        width=fields.get("width", read_stored_int),
        height=fields.get("height", read_stored_int),
        mime_type=fields.get("mime_type", read_str),
        source_url=fields.get("source_url", read_str),
        filesize=fields.get("filesize", read_stored_int),
        extra=fields.unread(),
    )
