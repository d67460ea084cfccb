"""Bytes → text, naming the encoding; refuses binary, empty, oversized and undecodable files.

Order of evidence, most certain first: a byte-order mark; strict UTF-8 (the web's default, and a
valid UTF-8 Chinese text is practically never valid in another encoding by accident); UTF-8 with
a few damaged bytes (a truncated download: the damage is recorded, the rest kept); then
charset-normalizer, a maintained detector that weighs every candidate encoding by how coherent
the decoded text is (this is what tells GB18030 from Big5, and finds UTF-16 without a BOM).
"""

from __future__ import annotations

import codecs
import re

from .errors import IngestError

MAX_BYTES = 20 * 1024 * 1024  # an article is a few kB; 20 MB is surely not one
MAX_DAMAGED_UTF8 = 0.01  # at most this share of characters may be undecodable bytes in a UTF-8 file
BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (docx/xlsx?)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x7fELF": "an executable",
    b"MZ": "a Windows executable",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"RIFF": "a RIFF media file",
    b"ID3": "an MP3 file",
    b"\x00\x00\x00\x18ftyp": "an MP4 video",
    b"\x00\x00\x00\x20ftyp": "an MP4 video",
    b"SQLite format 3": "an SQLite database",
}
BOMS = (  # UTF-32 before UTF-16: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CHINESE_ENCODINGS = ["gb18030", "big5", "big5hkscs", "cp950", "utf_16", "utf_32"]
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # not tab, newlines or form feed


def decode(data: bytes, source: str) -> tuple[str, str]:
    """(text, encoding name) of one article file, or an `IngestError` saying why not."""
    if len(data) > MAX_BYTES:
        raise IngestError(source, too_big(len(data)))
    for magic, what in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise IngestError(source, f"binary file ({what}), not an article")
    text, encoding = _decode(data, source)
    if not text.strip("\ufeff \t\r\n\f\u3000"):
        raise IngestError(source, "empty file")
    if len(CONTROL.findall(text[:20000])) > max(2, len(text[:20000]) // 100):
        raise IngestError(source, "binary file (control bytes), not an article")
    return text, encoding


def too_big(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit for one article"


def _decode(data: bytes, source: str) -> tuple[str, str]:
    if not data.strip():
        return "", "utf-8"
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc).lstrip("\ufeff"), enc
            except UnicodeDecodeError as e:
                raise IngestError(
                    source, f"undecodable bytes after a {enc} byte-order mark at byte {e.start}"
                ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = data.decode("utf-8", errors="replace")
    if "\x00" not in damaged and damaged.count("\ufffd") <= len(damaged) * MAX_DAMAGED_UTF8:
        if CJK.search(damaged):
            return damaged, "utf-8"  # the replacement characters become damage records
    return _detect(data, source)


def _detect(data: bytes, source: str) -> tuple[str, str]:
    """charset-normalizer, first among the Chinese encodings (fast, and right for nearly every
    article), then, when that reads no Chinese, among all the encodings it knows."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=CHINESE_ENCODINGS).best()
    if best is None or best.language != "Chinese":
        best = from_bytes(data).best()
    if best is None:
        if b"\x00" in data:
            raise IngestError(source, "binary file (NUL bytes), not an article")
        raise IngestError(source, "undecodable: not UTF-8, UTF-16, GB18030, Big5 or any text encoding")
    return str(best), codecs.lookup(best.encoding).name
