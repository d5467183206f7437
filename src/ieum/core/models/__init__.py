from ieum.core.models.access import AccessLog, AccessLogHead, AppendOnlyError, RoleGrantLog
from ieum.core.models.reference import (
    CenterSite,
    Classification,
    ClassificationItem,
    DeclineDesignation,
    Municipality,
    MunicipalityMembership,
    Nationality,
    Province,
    SiteCoverage,
    VisaStatus,
)
from ieum.core.models.users import ApiToken, Role, User

__all__ = [
    "AccessLog",
    "AccessLogHead",
    "AppendOnlyError",
    "RoleGrantLog",
    "ApiToken",
    "CenterSite",
    "Classification",
    "ClassificationItem",
    "DeclineDesignation",
    "Municipality",
    "MunicipalityMembership",
    "Nationality",
    "Province",
    "Role",
    "SiteCoverage",
    "User",
    "VisaStatus",
]
