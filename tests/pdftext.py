"""Just enough of a PDF reader for the print tests: the page count and each page's text, from
the PDFs that Chromium writes (Skia: uncompressed objects, Flate content streams, Type 0 fonts
with ToUnicode maps). No PDF library is needed."""

from __future__ import annotations

import re
import zlib

_START = re.compile(rb"(\d+) 0 obj\s*")
_STREAM_START = re.compile(rb"stream\r?\n")
_REF = rb"(\d+) 0 R"


class Pdf:
    def __init__(self, data: bytes) -> None:
        self.objects: dict[int, tuple[bytes, bytes | None]] = {}
        at = 0
        while match := _START.search(data, at):
            stream = _STREAM_START.search(data, match.end())
            end = data.find(b"endobj", match.end())
            if stream and stream.start() < end:  # a stream object: its /Length says where it ends
                body = data[match.end():stream.start()]
                length = re.search(rb"/Length (\d+)(?!\d| 0 R)", body)
                size = int(length.group(1)) if length else data.find(b"endstream", stream.end()) - stream.end()
                raw = data[stream.end():stream.end() + size]
                if b"/FlateDecode" in body:
                    raw = zlib.decompressobj().decompress(raw)
                self.objects[int(match.group(1))] = (body, raw)
                at = data.find(b"endobj", stream.end() + size)
            else:
                self.objects[int(match.group(1))] = (data[match.end():end], None)
                at = end
            if at < 0:
                break
        self.data = data

    @property
    def page_count(self) -> int:
        counts = [int(n) for n in re.findall(rb"/Type /Pages.*?/Count (\d+)", self.data, re.DOTALL)]
        return max(counts) if counts else 0

    def pages(self) -> list[int]:
        """The page objects' numbers, in document order."""
        found = []
        for number, (body, _) in sorted(self.objects.items()):
            if re.search(rb"/Type /Page\b(?!s)", body):
                found.append(number)
        return found

    def _dict_of(self, body: bytes, key: bytes) -> bytes:
        """The text of `key`'s value in `body`: an inline dictionary, or the object it refers to."""
        match = re.search(rb"/" + key + rb"\s*(" + _REF + rb"|<<)", body)
        if not match:
            return b""
        if match.group(2):
            return self.objects[int(match.group(2))][0]
        depth, i = 0, match.start(1)
        while i < len(body):
            if body[i:i + 2] == b"<<":
                depth, i = depth + 1, i + 2
            elif body[i:i + 2] == b">>":
                depth, i = depth - 1, i + 2
                if depth == 0:
                    return body[match.start(1):i]
            else:
                i += 1
        return body[match.start(1):]

    def _cmap(self, font: int) -> dict[int, str]:
        match = re.search(rb"/ToUnicode " + _REF, self.objects[font][0])
        if not match:
            return {}
        text = self.objects[int(match.group(1))][1] or b""
        table: dict[int, str] = {}
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.DOTALL):
            for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                table[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.DOTALL):
            for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                start = int(dst, 16)
                for k in range(int(lo, 16), int(hi, 16) + 1):
                    table[k] = chr(start + k - int(lo, 16))
        return table

    def page_text(self, page: int) -> str:
        body = self.objects[page][0]
        resources = self._dict_of(body, b"Resources")
        fonts = {name: self._cmap(int(ref)) for name, ref in
                 re.findall(rb"/([\w.+-]+) " + _REF, self._dict_of(resources, b"Font"))}
        contents = re.search(rb"/Contents (?:\[\s*)?((?:" + _REF + rb"\s*)+)", body)
        streams = [self.objects[int(n)][1] or b"" for n in re.findall(rb"(\d+) 0 R", contents.group(1))] if contents else []
        out: list[str] = []
        for stream in streams:
            cmap: dict[int, str] = {}
            for token in re.finditer(rb"/([\w.+-]+)\s+[\d.]+\s+Tf|\[(.*?)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj|\bET\b|T\*",
                                     stream, re.DOTALL):
                if token.group(1):
                    cmap = fonts.get(token.group(1), {})
                elif token.group(2) is not None or token.group(3) is not None:
                    parts = re.findall(rb"<([0-9A-Fa-f]*)>|(-?[\d.]+)", token.group(2) or b"<" + token.group(3) + b">")
                    for hexa, gap in parts:
                        if gap and float(gap) < -200:
                            out.append(" ")
                        for k in range(0, len(hexa), 4):
                            out.append(cmap.get(int(hexa[k:k + 4], 16), ""))
                else:
                    out.append("\n")
        return "".join(out)

    def texts(self) -> list[str]:
        return [self.page_text(p) for p in self.pages()]
