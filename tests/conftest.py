"""Root conftest: registers the local runtime's pytest plugin (fixtures `platform`, `make_platform`)
and the shared fixtures of `tests.support.fixtures` (`new_key`, `service_clock`)."""

pytest_plugins = ["numeriqc_local.pytest_plugin", "tests.support.fixtures"]
