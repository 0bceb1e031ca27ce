"""What a commune must be able to do with personal data under the GDPR.

Access export (art. 15), anonymisation (art. 17), retention review, the
art. 30 register, and the log of every export of personal data. Each job
is its own module, used by the command line and the screens alike.
"""
