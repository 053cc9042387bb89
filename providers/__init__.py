"""Built-in providers, installed as `exposure_scan.providers`. One module per source.

Modules starting with `_` are helpers, not providers. Import siblings relatively: this folder
must never be imported as a bare `providers` package.
"""

# Imported from the repository root as `providers`, every module would load a second time as
# a different object (two registries, failing isinstance checks): refuse that second way.
if __name__ != "exposure_scan.providers":
    raise ImportError(f"import exposure_scan.providers, not {__name__}")
