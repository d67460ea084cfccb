"""Where the page's pieces come from: our templates in viz/templates, vis-network from the pyvis
wheel, sigma.js and graphology from viz/node_modules (installed by `npm ci` in viz/; third-party
code is never committed to the repository). Everything is inlined into the page at write time.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path

import jinja2


class VizError(Exception):
    """The page cannot be written (a library is not installed …); the message is for the user."""


def viz_dir() -> Path:
    """viz/ of this checkout (PBKG_VIZ_DIR overrides, as PBKG_ONTOLOGY does for the ontology)."""
    env = os.environ.get("PBKG_VIZ_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "viz"


@cache
def templates() -> jinja2.Environment:
    """Our page templates, with autoescape on: a text from an article never becomes markup."""
    folder = viz_dir() / "templates"
    if not folder.is_dir():
        raise VizError(f"{folder}: page templates not found (run from a checkout, or set PBKG_VIZ_DIR)")
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


# The browser libraries of each renderer: (where from, path inside).
VIS_LIBRARY = ("pyvis", "templates/lib/vis-9.1.2/vis-network.min.js")
WEBGL_LIBRARIES = ("graphology/dist/graphology.umd.min.js", "sigma/dist/sigma.min.js")


@cache
def library_js(renderer: str) -> str:
    """The JavaScript libraries a renderer inlines, as one script text."""
    if renderer == "vis":
        package, inner = VIS_LIBRARY
        return resources.files(package).joinpath(inner).read_text(encoding="utf-8")
    modules = viz_dir() / "node_modules"
    parts = []
    for inner in WEBGL_LIBRARIES:
        path = modules.joinpath(*inner.split("/"))
        if not path.is_file():
            raise VizError(
                f"{path} is missing: the WebGL view needs sigma.js and graphology; install them with "
                f"`npm ci --prefix {viz_dir()}` (or `make viz-deps`), or use --renderer vis"
            )
        parts.append(path.read_text(encoding="utf-8"))
    return "\n;\n".join(parts)
