"""Bytes to text as each kind of file is read, and byte offsets to code points.

Python source is decoded as Python decodes it (PEP 263 cookie, BOM); UTF-16
and UTF-32 files, which Python cannot read as source, are recognised so that
they are reported instead of passing silently.
"""

from __future__ import annotations

import codecs
import tokenize
from io import BytesIO


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def python_text(data: bytes) -> str:
    """Source bytes to text as Python reads them, newlines normalised.

    Raises ``UnicodeDecodeError``, ``SyntaxError`` (a bad cookie) or ``LookupError``
    (an unknown encoding)."""
    encoding, _ = tokenize.detect_encoding(BytesIO(data).readline)
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    return normalise_newlines(text)


_WIDE_ENCODINGS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 (by the BOM, or by the NUL bytes of ASCII text without one)
    when the decoded text mentions azureml: the raw-bytes pre-check cannot see it."""
    candidates = [name for bom, name in _WIDE_ENCODINGS if data.startswith(bom)][:1]
    if not candidates and data[:1] != b"\x00" and b"\x00" in data[:4]:
        candidates = ["utf-32-le", "utf-16-le"]
    elif not candidates and data[:1] == b"\x00":
        candidates = ["utf-32-be", "utf-16-be"]
    for name in candidates:
        try:
            if "azureml" in data.decode(name):
                return name.split("-")[0].upper() + "-" + name.split("-")[1]
        except UnicodeDecodeError:
            continue
    return None


def code_point_col(lines: list[str], number: int | None, byte_col: int | None) -> int | None:
    """1-based code point column of a 0-based UTF-8 byte offset (what ast reports)."""
    if number is None or byte_col is None or not 1 <= number <= len(lines):
        return None
    encoded = lines[number - 1].encode("utf-8")
    return len(encoded[:byte_col].decode("utf-8", errors="ignore")) + 1
