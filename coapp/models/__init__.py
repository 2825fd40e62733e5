"""SQLAlchemy 2 typed tables. Importing this package registers every table on Base.metadata."""

from coapp.models import invoice_guards  # noqa: F401 - registers the triggers
from coapp.models.applications import (
    AgentCard,
    ApplicationCommand,
    ApplicationEventRow,
    ApplicationRow,
    ConsentRow,
    InterviewRow,
    MessageRow,
)
from coapp.models.assignments import AssignmentRow, Favourite
from coapp.models.base import Base, SyncMixin
from coapp.models.business import BusinessDetails
from coapp.models.contract_terms import ContractFeedback, ContractMilestone, ContractReview
from coapp.models.contracts import Contract
from coapp.models.file_transfers import FileTransfer
from coapp.models.invoices import Invoice, InvoiceLineRow, NumberSeries
from coapp.models.notices import Notice
from coapp.models.outbox import OutboxRecord
from coapp.models.profile import (
    Profile,
    ProfileAward,
    ProfileCertificate,
    ProfileEducation,
    ProfileExperience,
    ProfileLanguage,
    ProfileLink,
    ProfilePortfolioItem,
    ProfileReference,
    ProfileSkill,
)
from coapp.models.resume_variants import ResumeVariant
from coapp.models.sync_state import SyncCommand, SyncSeen, SyncState
from coapp.models.time_entries import RunningTimer, TimeEntry
from coapp.models.week_rows import HiddenWeekRow

__all__ = [
    "AgentCard",
    "ApplicationCommand",
    "ApplicationEventRow",
    "ApplicationRow",
    "AssignmentRow",
    "Base",
    "BusinessDetails",
    "ConsentRow",
    "Contract",
    "ContractFeedback",
    "ContractMilestone",
    "ContractReview",
    "Favourite",
    "FileTransfer",
    "HiddenWeekRow",
    "InterviewRow",
    "Invoice",
    "InvoiceLineRow",
    "MessageRow",
    "Notice",
    "NumberSeries",
    "OutboxRecord",
    "Profile",
    "ProfileAward",
    "ProfileCertificate",
    "ProfileEducation",
    "ProfileExperience",
    "ProfileLanguage",
    "ProfileLink",
    "ProfilePortfolioItem",
    "ProfileReference",
    "ProfileSkill",
    "ResumeVariant",
    "RunningTimer",
    "SyncCommand",
    "SyncMixin",
    "SyncSeen",
    "SyncState",
    "TimeEntry",
]
