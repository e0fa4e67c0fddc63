from django.core.management.base import BaseCommand

from canvases.services import block_history_prune


class Command(BaseCommand):
    help = (
        "Drop saved block texts and save ids older than the retention period; "
        "the newest text of every block and every submitted version stay. Run it daily."
    )

    def handle(self, *args, **options):
        changes, saves = block_history_prune()
        self.stdout.write(f"{changes} block texts and {saves} save ids pruned")
