"""Built-in providers, installed as `exposure_scan.providers`. One module per source.

Modules starting with `_` are helpers, not providers. Import siblings relatively: this folder
must never be imported as a bare `providers` package.
"""
