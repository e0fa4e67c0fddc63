"""What one dashboard page counts: an area, the viewer's reach and the filters.

Every figure is a query over some model that reaches a community group
through a path (`group__`, `canvas__group__`); `Scope.q(path)` is the one
place that turns the area, the mentor's groups and the filters into a
condition on that path, so every figure counts the same groups. Rows that
carry their group's place themselves (the canvases' summary rows) are asked
with `placed=True`: the area is then read from their own columns.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from cbmc_portal.fiscal import FiscalYear
from communities.models import District, Province, Region, Tambon
from dashboards.access import Viewer


class Level:
    COUNTRY = "country"
    REGION = "region"
    PROVINCE = "province"
    DISTRICT = "district"
    TAMBON = "tambon"


# The lookups of each level on rows carrying their group's place.
_PLACED_LOOKUPS = {
    Level.REGION: "region_id",
    Level.PROVINCE: "province_id",
    Level.DISTRICT: "tambon__district_id",
    Level.TAMBON: "tambon_id",
    "group": "group_id",
}


@dataclass(frozen=True)
class Filters:
    cohort_id: int | None = None
    sector: str = ""
    kind: str = ""


@dataclass(frozen=True)
class Scope:
    viewer: Viewer
    level: str
    fiscal_year: FiscalYear
    region: Region | None = None
    province: Province | None = None
    district: District | None = None
    tambon: Tambon | None = None
    filters: Filters = field(default_factory=Filters)
    # The table's rows when not the level's usual parts (the country's map: provinces).
    table_level: str = ""

    @property
    def area(self):
        return self.tambon or self.district or self.province or self.region

    @property
    def region_id(self):
        if self.province:
            return self.province.region_id
        return self.region.pk if self.region else None

    @property
    def child_level(self) -> str:
        """What the table's rows are: regions of the country, provinces of a region…

        A mentor's root page lists provinces: their groups are few and spread thin."""
        if self.table_level:
            return self.table_level
        if self.level == Level.COUNTRY and self.viewer.is_mentor:
            return Level.PROVINCE
        return {
            Level.COUNTRY: Level.REGION,
            Level.REGION: Level.PROVINCE,
            Level.PROVINCE: Level.DISTRICT,
            Level.DISTRICT: Level.TAMBON,
            Level.TAMBON: "group",
        }[self.level]

    def child_lookup(self, path: str = "", placed: bool = False) -> str:
        if placed:
            return _PLACED_LOOKUPS[self.child_level]
        lookup = {
            Level.REGION: "tambon__province__region_id",
            Level.PROVINCE: "tambon__province_id",
            Level.DISTRICT: "tambon__district_id",
            Level.TAMBON: "tambon_id",
            "group": "id",
        }[self.child_level]
        return path + lookup

    def area_q(self, path: str = "", placed: bool = False) -> Q:
        """The area alone, on a path to a group (`tambon__` from a group's tambon), or
        on the row's own place columns when `placed`."""
        if placed:
            return self._placed_area_q()
        if self.tambon:
            return Q(**{f"{path}tambon_id": self.tambon.pk})
        if self.district:
            return Q(**{f"{path}tambon__district_id": self.district.pk})
        if self.province:
            return Q(**{f"{path}tambon__province_id": self.province.pk})
        if self.region:
            return Q(**{f"{path}tambon__province__region_id": self.region.pk})
        return Q()

    def _placed_area_q(self) -> Q:
        """Every level down to the area, so a province's rows are a range of its
        region's index (the summary rows' indexes lead with the region)."""
        condition = Q()
        if self.region_id:
            condition &= Q(region_id=self.region_id)
        if self.province:
            condition &= Q(province_id=self.province.pk)
        if self.district:
            condition &= Q(tambon__district_id=self.district.pk)
        if self.tambon:
            condition &= Q(tambon_id=self.tambon.pk)
        return condition

    def q(self, path: str = "", placed: bool = False) -> Q:
        """The groups this page counts, as a condition on `path` (a lookup prefix to a group);
        `placed`: the rows carry their group's place (canvases.models.PlacedTally)."""
        condition = self.area_q("" if placed else path, placed)
        if self.viewer.is_mentor:
            condition &= Q(**{f"{path}id__in": list(self.viewer.group_ids)})
        if self.filters.cohort_id:
            condition &= Q(**{f"{path}cohorts": self.filters.cohort_id})
        if self.filters.sector:
            condition &= Q(**{f"{path}sectors__contains": [self.filters.sector]})
        if self.filters.kind:
            condition &= Q(**{f"{path}kind": self.filters.kind})
        return condition

    @property
    def narrows_groups(self) -> bool:
        """Whether the groups counted are fewer than the whole region's (or country's)."""
        return bool(
            self.province
            or self.viewer.is_mentor
            or self.filters.sector
            or self.filters.kind
            or self.filters.cohort_id
        )
