"""The `warta` command.

`warta predict` lives here, in the deployable package. Commands that make or measure models
(`train`, `evaluate`, `validate`, `stats`, `build-data`) live in training/ and are found through
the `warta.commands` entry-point group, so this package never imports training/.
"""

from __future__ import annotations

import sys
from importlib.metadata import entry_points

EXIT_OK, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 3


def _plugins() -> dict:
    return {ep.name: ep for ep in entry_points(group="warta.commands")}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    plugins = _plugins()
    commands = ["predict", "labelstudio", *sorted(plugins)]
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: warta [--version] COMMAND [options]\n\ncommands: " + ", ".join(commands) + "\n\n`warta COMMAND --help` for each.")
        return EXIT_OK if argv else EXIT_USAGE
    if argv[0] in ("-V", "--version"):
        from . import __version__

        print(f"warta {__version__}")
        return EXIT_OK
    cmd, rest = argv[0], argv[1:]
    if cmd == "predict":
        from .predict_cli import predict_main

        return predict_main(rest)
    if cmd == "labelstudio":
        from .labelstudio import main as labelstudio_main

        return labelstudio_main(rest)
    if cmd in plugins:
        return int(plugins[cmd].load()(rest) or 0)
    print(f"warta: unknown command {cmd!r}; commands: {', '.join(commands)}", file=sys.stderr)
    return EXIT_USAGE


if __name__ == "__main__":
    raise SystemExit(main())
