"""Root conftest: registers the local runtime's pytest plugin (fixtures `platform`, `make_platform`)."""

pytest_plugins = ["numeriqc_local.pytest_plugin"]
