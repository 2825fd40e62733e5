"""The names of the entities a sync round pushes row by row, without what describes them.

coapp.sync.entities describes each (its wire schema: pydantic); reading how many changes wait
needs only their names, and the status bar reads that right after start-up, long before a device
that has never signed in needs pydantic, requests or the keyring. tests/sync check that this list
is ENTITIES' own.
"""

PUSHED_ENTITIES = (
    "contract", "time_entry", "running_timer", "profile", "profile_language", "profile_link",
    "profile_skill", "profile_experience", "profile_education", "profile_certificate",
    "profile_award", "profile_reference", "profile_portfolio_item", "resume_variant",
    "business_details", "assignment", "favourite", "application", "application_event",
    "interview", "consent", "message", "contract_milestone", "contract_feedback", "contract_review",
)  # fmt: skip
