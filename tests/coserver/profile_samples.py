"""A valid row of every profile entity, as the app's outbox sends a new row (every column that
travels), for the server's profile tests, the fuzz tests and the body-size tests."""

from __future__ import annotations

import uuid
from typing import Any

from coapp.sync.wire import BUSINESS_ROW_ID, PROFILE_ROW_ID

SAMPLE_FIELDS: dict[str, dict[str, Any]] = {
    "profile": {
        "name": "Anna Andersson",
        "title": "Backend developer",
        "email": "anna@example.com",
        "phone": "+46 70 123 45 67",
        "city": "Göteborg",
        "country": "SE",
        "available_from": "2026-04-01",
        "availability_percent": 80,
        "hourly_rate_minor": 95000,
        "daily_rate_minor": 720000,
        "currency": "SEK",
        "letter": "# Hej\n\nI build *reliable* systems.",
        "photo_sha256": "ab" * 32,
    },
    "profile_language": {"language": "Swedish", "level": "native", "position": 0},
    "profile_link": {"url": "https://github.com/anna", "position": 0},
    "profile_skill": {"name": "Python", "level": 5, "years": 12, "position": 0},
    "profile_experience": {
        "organisation": "Acme AB",
        "role": "Developer",
        "start_month": "2020-01",
        "end_month": "2023-06",
        "is_current": False,
        "description": "Built the **billing** system.",
        "skills": ["Python", "PostgreSQL"],
        "position": 0,
    },
    "profile_education": {
        "school": "Chalmers",
        "degree": "MSc",
        "field_of_study": "Computer Science",
        "start_month": "2010-09",
        "end_month": "2015-06",
        "position": 0,
    },
    "profile_certificate": {
        "name": "AWS Solutions Architect",
        "issuer": "Amazon",
        "issued": "2022-03",
        "expires": "2025-03",
        "url": "https://aws.amazon.com/verify/123",
        "position": 0,
    },
    "profile_award": {
        "title": "Developer of the year",
        "issuer": "Acme",
        "awarded": "2022-12",
        "description": "For the billing rewrite.",
        "position": 0,
    },
    "profile_reference": {
        "name": "Bo Ek",
        "relation": "Manager at Acme",
        "contact": "bo@acme.se",
        "position": 0,
    },
    "profile_portfolio_item": {
        "title": "Billing talk",
        "url": "https://example.com/talk",
        "description": "Slides of my talk.",
        "file_sha256": "cd" * 32,
        "file_name": "billing talk.pdf",
        "file_size": 123456,
        "content_type": "application/pdf",
        "position": 0,
    },
    "resume_variant": {
        "name": "Backend",
        "sections": ["letter", "experience", "skills"],
        "experience_ids": [str(uuid.UUID(int=1))],
        "language": "en",
        "look": "modern",
    },
    "business_details": {
        "name": "Anna Andersson Konsult",
        "company_form": "sole_trader",
        "address": "Storgatan 1",
        "postcode": "411 01",
        "city": "Göteborg",
        "country": "SE",
        "org_number": "800101-1234",
        "vat_number": "SE800101123401",
        "f_skatt": True,
        "registered_office": "Göteborg",
        "bankgiro": "123-4567",
        "plusgiro": "",
        "iban": "SE4550000000058398257466",
        "bic": "ESSESESS",
        "payment_terms_days": 30,
        "invoice_language": "sv",
        "email": "faktura@example.com",
        "invoice_number_format": "{year}-{seq:04d}",
    },
}


def sample_id(entity: str) -> uuid.UUID:
    """The row id a device would use: fixed for the profile and the business details."""
    if entity == "profile":
        return PROFILE_ROW_ID
    if entity == "business_details":
        return BUSINESS_ROW_ID
    return uuid.uuid5(PROFILE_ROW_ID, entity)
