"""Bytes to text: the one decode policy of every command.

UTF-8 (with or without a BOM) and UTF-16 with a BOM are read as they are. Any other encoding is
read only when the user names it (`--encoding NAME`, an `encoding` setting) or asks for
detection (`auto`); otherwise the first bad byte is one error that says where it is and which
encoding the file most likely uses. The detector is imported only when UTF-8 has failed, so
clean files never pay for it.
"""

from __future__ import annotations

from typing import NamedTuple

from artlint.model.encodings import AUTO, check_encoding

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Korean archives are the common case; both names read the same bytes, CP949 being the superset.
_ALIASES = {"cp949": "CP949 (EUC-KR)", "euc_kr": "EUC-KR (CP949)"}


class DecodeError(Exception):
    """The file is not text artlint can read; carries the position of the first bad byte."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def decode(data: bytes, encoding: str | None = None) -> tuple[str, bool, str]:
    """Return (text, had_bom, encoding).

    A BOM always wins: it says what the bytes are. Without one, `encoding` (a codec name, or
    "auto" to detect) is used when given, else UTF-8.
    """
    if data.startswith(_UTF8_BOM):
        return _decode(data[3:], "utf-8"), True, "utf-8"
    if data.startswith(_UTF16_BOMS):
        return _decode(data, "utf-16"), True, "utf-16"
    if encoding is None or encoding in ("utf-8", "utf_8"):
        try:
            return data.decode("utf-8"), False, "utf-8"
        except UnicodeDecodeError as exc:
            raise _error(data, "utf-8", exc, hint=encoding is None) from None
    if encoding == AUTO:
        try:
            return data.decode("utf-8"), False, "utf-8"
        except UnicodeDecodeError as exc:
            guess = detect(data)
            if guess is None:
                raise _error(data, "utf-8", exc, hint=True) from None
            encoding = guess.encoding
    name = check_encoding(encoding)
    return _decode(data, name), False, name


def _decode(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _error(data, encoding, exc, hint=False) from None
    return text[1:] if text.startswith("\ufeff") else text


def _error(data: bytes, encoding: str, exc: UnicodeDecodeError, hint: bool) -> DecodeError:
    good = data[: exc.start]
    line = good.count(b"\n") + 1
    column = len(good[good.rfind(b"\n") + 1 :].decode(encoding, errors="replace")) + 1
    shown = encoding.upper().replace("_", "-")
    message = f"not valid {shown}: byte 0x{data[exc.start]:02x} cannot be decoded"
    if hint:
        message += "; " + describe(detect(data))
    return DecodeError(message, line, column)


class Guess(NamedTuple):
    encoding: str  # a Python codec name
    label: str  # the name shown to users
    language: str
    confidence: str  # high, medium or low
    chaos: float  # the detector's share of odd characters once decoded, 0..1


def detect(data: bytes) -> Guess | None:
    """The likely encoding of bytes that are not UTF-8, or None when nothing reads them as text."""
    if b"\0" in data[:8192] and data.count(b"\0") * 10 > min(len(data), 8192):
        return None  # binary: a NUL in every few bytes is no text encoding we could name
    from charset_normalizer import from_bytes

    results = from_bytes(data[:262144])
    best = results.best()
    if best is None:
        return None
    same = {best.encoding, *best.could_be_from_charset}
    rivals = [m for m in results if m.encoding not in same]
    chaos = float(best.chaos)
    if chaos < 0.05 and (not rivals or rivals[0].chaos - chaos > 0.1 or best.language != "Unknown"):
        confidence = "high"
    elif chaos < 0.2:
        confidence = "medium"
    else:
        confidence = "low"
    label = _ALIASES.get(best.encoding, best.encoding.upper().replace("_", "-"))
    return Guess(best.encoding, label, best.language, confidence, chaos)


def describe(guess: Guess | None) -> str:
    if guess is None:
        return "it does not look like text in any encoding (binary data?)"
    language = f", {guess.language}" if guess.language and guess.language != "Unknown" else ""
    name = guess.encoding.replace("_", "-")
    return (f"it looks like {guess.label}{language} (confidence: {guess.confidence}); "
            f"read it with --encoding {name} or an encoding setting")


def newline_style(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf > lf and crlf >= cr:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"
