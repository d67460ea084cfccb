"""Bytes → text, naming the encoding; refuses binary, empty and oversized files."""

from __future__ import annotations

import codecs
import re

from .errors import IngestError

MAX_BYTES = 20 * 1024 * 1024  # an article is a few kB; 20 MB is surely not one
BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (docx/xlsx?)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x7fELF": "an executable",
}
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def decode(data: bytes, source: str) -> tuple[str, str]:
    """(text, encoding name). Tries BOMs, strict UTF-8, then a detector limited to Chinese encodings."""
    if len(data) > MAX_BYTES:
        raise IngestError(
            source,
            f"file is {len(data) / 1e6:.1f} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit for one article",
        )
    if not data.strip():
        raise IngestError(source, "empty file")
    for magic, what in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise IngestError(source, f"binary file ({what}), not an article")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise IngestError(
                    source, f"undecodable bytes after a {enc} byte-order mark at byte {e.start}"
                ) from None
    if data.count(b"\x00") > len(data) // 4:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if CJK.search(text):
                return text, enc
        raise IngestError(source, "binary file (NUL bytes), not an article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data, source)


def _detect(data: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "utf_8"]).best()
    if best is not None and CJK.search(str(best)):
        return str(best), best.encoding
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if CJK.search(text):
            return text, enc
    raise IngestError(source, "undecodable: not UTF-8, UTF-16, GB18030 or Big5 text")
