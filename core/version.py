"""The app's version, written once in pyproject.toml.

A source checkout reads it from pyproject.toml (so a bumped version shows
without reinstalling); an installed copy or a frozen bundle reads the
installed package's metadata, which the build copied from the same file.
"""

from __future__ import annotations

import tomllib
from importlib import metadata

from core import paths

DISTRIBUTION = "ici-la-bas"


def app_version() -> str:
    """The version of this copy of the app, e.g. "0.1.0"."""
    pyproject = paths.checkout_file("pyproject.toml")
    if pyproject is not None:
        with pyproject.open("rb") as handle:
            project = tomllib.load(handle).get("project", {})
        if project.get("name") == DISTRIBUTION:
            return str(project["version"])
    return metadata.version(DISTRIBUTION)
