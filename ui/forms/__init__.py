"""Forms for every kind of record, built from ``core.spec`` rather than drawn by hand.

One declarative description of the records already drives validation, the
dump and the import; the forms follow it too, so a field added to the spec
appears on screen with the right editor and nobody has thirteen dialogs to
keep in step.
"""

from ui.forms.delete import confirm_delete
from ui.forms.record_dialog import RecordDialog, edit_record

__all__ = ["RecordDialog", "confirm_delete", "edit_record"]
