"""Root conftest: registers the local runtime's pytest plugin (fixtures `platform`, `make_platform`),
the shared fixtures of `tests.support.fixtures` (`new_key`, `service_clock`), the real browser
of `tests.support.browser` (`browser`, `page`) and how xdist shares the tests between workers
(`tests.support.scheduling`)."""

pytest_plugins = [
    "numeriqc_local.pytest_plugin",
    "tests.support.fixtures",
    "tests.support.browser",
    "tests.support.scheduling",
]
