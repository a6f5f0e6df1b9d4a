"""`make bench`: print every benchmark's figures."""

from bench import cold_start, platform_calls


def main() -> None:
    for section in (
        cold_start.report,
        platform_calls.report,
    ):
        print("\n".join(section()))
        print()


if __name__ == "__main__":
    main()
