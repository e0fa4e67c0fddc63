from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from canvases.demo import seed_canvases
from communities.demo import DEMO_PEOPLE, seed_communities
from communities.models import Tambon
from mentors.demo import seed_mentors
from programme.demo import seed_programme


class Command(BaseCommand):
    help = "Create the southern demo groups and accounts (idempotent; DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo creates accounts with a public password: DEBUG only.")
        if not Tambon.objects.exists():
            raise CommandError("Load the geography first: python manage.py load_geography")
        seeded = seed_communities(settings.DEMO_PASSWORD)
        seed_mentors(**seeded)
        seed_canvases(**seeded)
        seed_programme(**seeded)
        self.stdout.write(f"Demo accounts (password {settings.DEMO_PASSWORD}):")
        for username, name, phone, *_rest in DEMO_PEOPLE:
            self.stdout.write(f"  {username:<14} {name}  {phone or ''}")
