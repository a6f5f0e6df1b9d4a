"""The system's name resolver (implements `ports.HostResolver`): the kernel's, shared by every
service that checks endpoints (core/host_names.py)."""

from numeriqc.core.host_names import SystemResolver

__all__ = ["SystemResolver"]
