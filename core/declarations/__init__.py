"""The yearly declarations a commune owes others, made from the data it already keeps.

France: the e-APD declaration of official development assistance (``apd``).
Belgium: the CIC/GIS programme's financial report (``cic``). Anyone: an IATI
2.03 activity file (``iati``). ``data`` reads the OECD lists shipped with the
app; ``deadline`` adds the yearly e-APD deadline for communes in France.
"""
