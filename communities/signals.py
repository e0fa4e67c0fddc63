"""What communities tells the apps to its right, which it may not import.

`groups_moved` is sent, inside the transaction of the change, with the ids of the
groups whose place changed: a group given another tambon, or the groups of a
province moved to another region. Apps that keep a copy of a group's place (the
dashboards' summary rows in canvases) write it again.
"""

from django.dispatch import Signal

groups_moved = Signal()  # keyword argument: group_ids
