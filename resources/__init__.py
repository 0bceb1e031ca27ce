"""Fonts, translation catalogues and images the app reads at run time.

Installed as the package ``ici_la_bas_resources`` (see pyproject.toml) so that
``core.paths.resources_dir`` finds this folder with importlib.resources in a
source checkout, an installed wheel and a frozen bundle alike. No code here.
"""
