"""kramdown through one long-lived `ruby` process fed JSON lines (see kramdown_render.rb)."""

from __future__ import annotations

import atexit
import functools
import json
import subprocess
import threading
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import IO, Any

from artlint.engines.errors import EngineError, EngineMissing

# What Jekyll gives kramdown when _config.yml says nothing (its documented defaults).
JEKYLL_DEFAULTS: dict[str, Any] = {
    "input": "GFM",
    "auto_ids": True,
    "smart_quotes": "lsquo,rsquo,ldquo,rdquo",
    "hard_wrap": False,
    "entity_output": "as_char",
    "footnote_nr": 1,
    "syntax_highlighter": None,
}


def program() -> str:
    return resources.files("artlint.engines").joinpath("kramdown_render.rb").read_text("utf-8")


@functools.cache
def libraries_load() -> bool:
    """Whether ruby can load kramdown and its GFM parser."""
    try:
        done = subprocess.run(
            ["ruby", "-e", "require 'kramdown'; require 'kramdown-parser-gfm'"],
            capture_output=True, timeout=60, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


class Kramdown:
    name = "kramdown"
    started = 0  # ruby processes started by this Python process (one per run is the point)

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()

    def _start(self) -> subprocess.Popen[str]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        try:
            process = subprocess.Popen(
                ["ruby", "-rkramdown", "-e", program()],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True, encoding="utf-8", bufsize=1,
            )
        except OSError as exc:
            raise EngineMissing("kramdown", str(exc)) from None
        Kramdown.started += 1
        self._process = process
        atexit.register(self.close)
        return process

    def render_many(self, bodies: Sequence[str], options: Mapping[str, Any] | None = None) -> list[str]:
        if not bodies:
            return []
        settings = dict(options or {})
        with self._lock:
            process = self._start()
            assert process.stdin is not None and process.stdout is not None
            lines = [json.dumps({"body": b, "options": settings}, ensure_ascii=False) + "\n" for b in bodies]
            # Writing and reading at once: a big batch would otherwise fill both pipes and stall.
            writer = threading.Thread(target=_write, args=(process.stdin, lines), daemon=True)
            writer.start()
            out = [self._answer(process.stdout) for _ in bodies]
            writer.join()
        return out

    def _answer(self, stdout: IO[str]) -> str:
        line = stdout.readline()
        if not line:
            error = self._stderr()
            if "kramdown" in error and ("LoadError" in error or "cannot load" in error):
                raise EngineMissing("kramdown", error.strip().splitlines()[0] if error.strip() else "")
            raise EngineError(f"kramdown stopped answering: {error.strip() or 'no output'}")
        answer = json.loads(line)
        if "error" in answer:
            if "GFM" in answer["error"] or "gfm" in answer["error"]:
                raise EngineMissing("kramdown", answer["error"])
            raise EngineError(f"kramdown: {answer['error']}")
        html: str = answer["html"]
        return html

    def _stderr(self) -> str:
        process, self._process = self._process, None
        if process is None:
            return ""
        process.wait(timeout=30)
        return process.stderr.read() if process.stderr is not None else ""

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def _write(stdin: IO[str], lines: list[str]) -> None:
    try:
        for line in lines:
            stdin.write(line)
        stdin.flush()
    except (BrokenPipeError, OSError):
        pass  # the reader sees the process gone and reports its stderr
