"""``media_details`` of attachments: the file, its dimensions and its generated sizes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from wpparse._structure.fields import read_kept_object, read_object, read_stored_int, read_str
from wpparse._structure.problems import ProblemLog, child_path
from wpparse._structure.table import Field, FieldTable


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
        return IMAGE_SIZE_FIELDS.write(self)


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
        """``media_details`` as WordPress writes it."""
        return MEDIA_DETAILS_FIELDS.write(self)


def read_media_details(value: Any, path: str, log: ProblemLog) -> MediaDetails | None:
    """Read ``media_details``; ``[]`` (PHP's empty object) gives empty details."""
    obj = read_object(value, path, log)
    if obj is None:
        return None
    values = MEDIA_DETAILS_FIELDS.read(obj, path, log)
    values["sizes"] = _read_sizes(obj.get("sizes"), path + ".sizes", log)
    return MediaDetails(**values, extra=MEDIA_DETAILS_FIELDS.unread(obj, path, log))


def _read_sizes(value: Any, path: str, log: ProblemLog) -> dict[str, ImageSize]:
    found = read_object(value, path, log) or {}
    sizes = {}
    for name, size in found.items():
        read = _read_image_size(size, child_path(path, name), log)
        if read is not None:
            sizes[name] = read
    return sizes


def _read_image_size(value: Any, path: str, log: ProblemLog) -> ImageSize | None:
    obj = read_object(value, path, log)
    if obj is None:
        return None
    values = IMAGE_SIZE_FIELDS.read(obj, path, log)
    return ImageSize(**values, extra=IMAGE_SIZE_FIELDS.unread(obj, path, log))


def _write_sizes(sizes: Mapping[str, ImageSize]) -> dict[str, Any]:
    return {name: size.to_dict() for name, size in sizes.items()}


#: The keys of a generated size, in the order WordPress writes them.
IMAGE_SIZE_FIELDS = FieldTable(
    Field("file", read_str),
    Field("width", read_stored_int),
    Field("height", read_stored_int),
    Field("mime_type", read_str),
    Field("source_url", read_str),
    Field("filesize", read_stored_int),
    Field("extra", write=dict, merge=True),
)
#: The keys of ``media_details``, in the order WordPress writes them (`sizes` is read by
#: `read_media_details`).
MEDIA_DETAILS_FIELDS = FieldTable(
    Field("width", read_stored_int),
    Field("height", read_stored_int),
    Field("file", read_str),
    Field("filesize", read_stored_int),
    Field("sizes", write=_write_sizes),
    Field("image_meta", read_kept_object, write=dict),
    Field("extra", write=dict, merge=True),
)
