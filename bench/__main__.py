"""`make bench`: print every benchmark's figures."""

from bench import cold_start


def main() -> None:
    for section in (cold_start.report,):
        print("\n".join(section()))
        print()


if __name__ == "__main__":
    main()
