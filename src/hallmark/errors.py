"""Every error Hallmark raises on purpose.

HallmarkError
├── ConfigError            settings or rules files are wrong
├── NotConfigured          a component is switched off for a stated reason
├── BrandFileError         a brand YAML file failed validation (file, field path, problem)
├── ImportRecordError      one import record is malformed (file, line, reason)
├── ImageRejected          an image failed the checks made before decoding
├── NotFound               a brand, finding or listing does not exist in the workspace
├── FetchRefused           the safe client will not fetch a URL, and says why
├── PayloadError           a captured payload is unusable as a whole (an API error body)
└── PluginError            an unknown or duplicate detector or channel name
"""

from __future__ import annotations


class HallmarkError(Exception):
    """Base of every error Hallmark raises on purpose."""


class ConfigError(HallmarkError):
    """Settings or a rules file is invalid."""


class NotConfigured(HallmarkError):
    """A component is disabled; the message says why."""


class BrandFileError(HallmarkError):
    """A brand file failed validation."""

    def __init__(self, file: str, problems: list[tuple[str, str]]) -> None:
        self.file = file
        self.problems = problems
        lines = [f"{file}: {path}: {problem}" for path, problem in problems]
        super().__init__("\n".join(lines))


class ImportRecordError(HallmarkError):
    """One record of an import file is malformed."""

    def __init__(self, file: str, line: int, reason: str) -> None:
        self.file = file
        self.line = line
        self.reason = reason
        super().__init__(f"{file}:{line}: {reason}")


class ImageRejected(HallmarkError):
    """An image failed the size, pixel-count or format checks."""


class NotFound(HallmarkError):
    """The requested object does not exist in this workspace."""


class FetchRefused(HallmarkError):
    """A fetch was refused (private address, scheme, size, time); the message says why."""


class PayloadError(HallmarkError):
    """A captured payload cannot be read as a whole; the message says what it holds."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class PluginError(HallmarkError):
    """A plugin name is unknown or registered twice."""
