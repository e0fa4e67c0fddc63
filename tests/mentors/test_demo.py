import pytest

from communities.demo import seed_communities
from mentors.demo import seed_mentors
from mentors.models import Assignment, Cohort, FollowUp, Mentor
from mentors.selectors import is_assigned_mentor, region_coverage

pytestmark = pytest.mark.django_db


def test_seed_mentors_is_idempotent_and_leaves_gaps_to_see(real_geography):
    for _ in range(2):
        seeded = seed_communities("demo-pass-2563")
        seed_mentors(**seeded)
    assert Mentor.objects.count() == 2
    assert Assignment.objects.count() == 2 and FollowUp.objects.count() == 3
    cohort = Cohort.objects.get()
    assert cohort.name == "รุ่นที่ 1 ภาคใต้ 2568" and cohort.groups.count() == 5
    mentor_south = seeded["people"]["mentor_south"]
    assert is_assigned_mentor(mentor_south, seeded["groups"]["aoluek"])
    assert not is_assigned_mentor(seeded["people"]["mentor_other"], seeded["groups"]["aoluek"])
    coverage = region_coverage(seeded["groups"]["aoluek"].tambon.province.region)
    rows = {row.province.code: row for row in coverage.provinces}
    # Narathiwat has no group: neutral, not red. Pattani and Yala have groups no mentor
    # follows: the strongest step.
    assert rows["96"].step is None and not rows["96"].has_no_mentor
    assert rows["94"].step == rows["95"].step == 4
    assert coverage.provinces_without_groups > 0
    assert coverage.groups_without_mentor == 3
