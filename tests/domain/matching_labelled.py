# ruff: noqa: E501 (a table reads best one row a line)
"""A labelled set for matching: three freelancers × sixty assignments, each pair graded by hand the
way an agent would sort them for that freelancer (3: propose at once, 2: worth a look, 1: a stretch,
0: not for them). The grades were set from the assignment and the profile, before any score was
computed, and are not to be tuned to the scorer: change a grade only when the judgement was wrong.

Used by tests/domain/test_matching.py (the rules must beat the plain skill-overlap baseline) and by
the benchmark, which reports NDCG@10 of both.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from coapp.domain.assignments import Assignment, Seniority, Workplace
from coapp.domain.profile import LanguageSkill, PersonalDetails, Profile
from coapp.domain.profile_sections import Experience
from coapp.domain.skills import Skill
from coapp.domain.year_month import YearMonth as YM

TODAY = date(2026, 12, 6)


def _job(org: str, role: str, start: YM, end: YM | None, skills: tuple[str, ...]) -> Experience:
    return Experience(org, role, start, end, current=end is None, skills=skills)


BACKEND = Profile(
    details=PersonalDetails(
        name="Ada (backend)", title="Senior backend developer", city="Stockholm", country="SE",
        available_from=date(2027, 1, 1), availability_percent=100, hourly_rate=Decimal(1100),
        currency="SEK",
    ),
    languages=(LanguageSkill("Svenska", "native"), LanguageSkill("English", "C2")),
    skills=(
        Skill("Python", 5, 10), Skill("Django", 4, 6), Skill("PostgreSQL", 4, 8), Skill("Kubernetes", 4, 5),
        Skill("Docker", 4, 7), Skill("AWS", 3, 4), Skill("Terraform", 3, 3), Skill("Go", 2, 1),
        Skill("Kafka", 3, 3), Skill("Linux", 4, 12),
    ),
    experience=(
        _job("Betalbolaget AB", "Tech lead", YM(2021, 3), None, ("Python", "Kubernetes", "Kafka", "AWS")),
        _job("Webbyrån AB", "Backend developer", YM(2014, 8), YM(2021, 2), ("Python", "Django", "PostgreSQL")),
    ),
)  # fmt: skip

FRONTEND = Profile(
    details=PersonalDetails(
        name="Bo (frontend)", title="Frontend developer", city="Göteborg", country="SE",
        available_from=date(2027, 2, 1), availability_percent=80, hourly_rate=Decimal(800), currency="SEK",
    ),
    languages=(LanguageSkill("Swedish", "native"), LanguageSkill("Engelska", "C1")),
    skills=(
        Skill("JavaScript", 5, 5), Skill("TypeScript", 4, 3), Skill("React", 5, 4), Skill("Next.js", 3, 2),
        Skill("CSS", 4, 5), Skill("HTML", 5, 5), Skill("Figma", 3, 2), Skill("Node.js", 3, 2),
        Skill("GraphQL", 2, 1), Skill("Jest", 3, 3),
    ),
    experience=(
        _job("Handeln AB", "Frontend developer", YM(2022, 9), None, ("React", "TypeScript", "Next.js")),
        _job("Appstudion", "Junior developer", YM(2021, 1), YM(2022, 8), ("JavaScript", "CSS", "HTML")),
    ),
)  # fmt: skip

DATA = Profile(
    details=PersonalDetails(
        name="Cai (data)", title="Data engineer", city="Oslo", country="NO",
        available_from=date(2027, 1, 15), availability_percent=100, hourly_rate=Decimal(1000),
        currency="NOK",
    ),
    languages=(LanguageSkill("Norsk", "native"), LanguageSkill("English", "C1"), LanguageSkill("Svenska", "B2")),
    skills=(
        Skill("Python", 4, 8), Skill("SQL", 5, 8), Skill("Spark", 4, 5), Skill("Airflow", 4, 4),
        Skill("Databricks", 3, 3), Skill("Azure", 4, 5), Skill("dbt", 3, 2), Skill("Kafka", 3, 3),
        Skill("Scala", 3, 3), Skill("Power BI", 2, 2),
    ),
    experience=(
        _job("Strøm AS", "Data engineer", YM(2020, 4), None, ("Python", "Apache Spark", "Databricks", "Azure")),
        _job("Banken ASA", "BI developer", YM(2018, 9), YM(2020, 3), ("SQL", "Power BI")),
    ),
)  # fmt: skip

PROFILES = {"backend": BACKEND, "frontend": FRONTEND, "data": DATA}

_S, _R, _H = Workplace.ONSITE, Workplace.REMOTE, Workplace.HYBRID
_JR, _MID, _SR, _EX = Seniority.JUNIOR, Seniority.MID, Seniority.SENIOR, Seniority.EXPERT

# (title, must-have, nice-to-have, seniority, extent %, workplace, city, country, language,
#  rate min, rate max, currency, start, grades for backend / frontend / data)
_ROWS = (
    ("Senior Python developer, payments", "Python,Django,PostgreSQL", "Kubernetes,Kafka", _SR, 100, _H, "Stockholm", "SE", "sv", 950, 1200, "SEK", "2027-01-11", (3, 0, 1)),
    ("Backend developer, Go microservices", "Go,Kubernetes", "gRPC,PostgreSQL", _SR, 100, _R, "", "SE", "en", 900, 1150, "SEK", "2027-01-18", (2, 0, 0)),
    ("Platform engineer, Kubernetes", "Kubernetes,Terraform,AWS", "Go,Python", _SR, 100, _H, "Stockholm", "SE", "sv", 1000, 1250, "SEK", "2027-02-01", (3, 0, 0)),
    ("Python API developer", "Python,FastAPI", "Docker,PostgreSQL", _MID, 100, _R, "", "SE", "sv", 800, 1000, "SEK", "2027-01-04", (2, 0, 1)),
    ("Django developer, half time", "Django,Python", "PostgreSQL", _MID, 50, _S, "Uppsala", "SE", "sv", 700, 900, "SEK", "2027-01-11", (1, 0, 0)),
    ("Senior backend developer, Kotlin", "Kotlin,Spring Boot", "Kafka,PostgreSQL", _SR, 100, _H, "Stockholm", "SE", "sv", 1000, 1200, "SEK", "2027-02-15", (1, 0, 0)),
    ("Event streaming engineer", "Kafka,Java", "Kubernetes", _SR, 100, _S, "Stockholm", "SE", "sv", 1000, 1200, "SEK", "2027-01-11", (1, 0, 0)),
    ("Backend developer, Node.js", "Node.js,TypeScript", "PostgreSQL,AWS", _MID, 100, _R, "", "SE", "sv", 800, 1000, "SEK", "2027-02-01", (1, 2, 0)),
    ("Tech lead, Python platform", "Python,Kubernetes,AWS", "Terraform,Kafka", _EX, 100, _H, "Stockholm", "SE", "sv", 1200, 1400, "SEK", "2027-01-18", (3, 0, 1)),
    ("Rust systems developer", "Rust", "Linux,C++", _SR, 100, _S, "Linköping", "SE", "en", 1000, 1200, "SEK", "2027-03-01", (0, 0, 0)),
    ("React developer, e-commerce", "React,TypeScript", "Next.js,GraphQL", _MID, 80, _H, "Göteborg", "SE", "sv", 700, 900, "SEK", "2027-02-08", (0, 3, 0)),
    ("Senior frontend architect", "React,TypeScript,Micro frontends", "Webpack", _EX, 100, _S, "Stockholm", "SE", "sv", 1100, 1300, "SEK", "2027-01-11", (0, 1, 0)),
    ("Vue.js developer", "Vue.js,JavaScript", "TypeScript", _MID, 100, _R, "", "SE", "sv", 700, 900, "SEK", "2027-02-01", (0, 1, 0)),
    ("Frontend developer, Next.js", "Next.js,React", "Tailwind CSS,Jest", _MID, 80, _R, "", "SE", "en", 750, 950, "SEK", "2027-02-01", (0, 3, 0)),
    ("UX/UI designer", "Figma,UX design", "HTML,CSS", _MID, 100, _H, "Göteborg", "SE", "sv", 700, 850, "SEK", "2027-02-01", (0, 1, 0)),
    ("Angular developer, banking", "Angular,TypeScript,RxJS", "Java", _SR, 100, _S, "Stockholm", "SE", "sv", 900, 1100, "SEK", "2027-01-11", (0, 0, 0)),
    ("Full-stack developer, React and Node", "React,Node.js", "PostgreSQL,Docker", _MID, 80, _H, "Göteborg", "SE", "sv", 800, 950, "SEK", "2027-02-15", (1, 3, 0)),
    ("Accessibility specialist, frontend", "HTML,CSS,WCAG", "React", _MID, 60, _R, "", "SE", "sv", 750, 900, "SEK", "2027-02-01", (0, 2, 0)),
    ("React Native developer", "React Native,TypeScript", "iOS", _MID, 100, _H, "Malmö", "SE", "sv", 800, 950, "SEK", "2027-02-01", (0, 1, 0)),
    ("Design system developer", "React,CSS,Storybook", "TypeScript,Figma", _MID, 80, _R, "", "SE", "en", 800, 950, "SEK", "2027-02-01", (0, 2, 0)),
    ("Data engineer, Spark and Databricks", "Spark,Databricks,Python", "Azure,dbt", _SR, 100, _R, "", "NO", "en", 900, 1100, "NOK", "2027-01-18", (1, 0, 3)),
    ("Data pipelines with Airflow", "Airflow,Python,SQL", "AWS", _MID, 100, _R, "", "SE", "en", 850, 1050, "SEK", "2027-01-18", (1, 0, 3)),
    ("Analytics engineer, dbt", "dbt,SQL", "Snowflake,Power BI", _MID, 100, _H, "Oslo", "NO", "no", 800, 1000, "NOK", "2027-01-18", (0, 0, 3)),
    ("BI developer, Power BI", "Power BI,SQL", "Azure", _MID, 100, _S, "Bergen", "NO", "no", 700, 900, "NOK", "2027-02-01", (0, 0, 1)),
    ("Data platform on Azure", "Azure,Databricks,Terraform", "Python", _SR, 100, _R, "", "NO", "en", 1000, 1200, "NOK", "2027-01-18", (1, 0, 2)),
    ("Streaming data, Kafka and Scala", "Kafka,Scala", "Spark", _SR, 100, _R, "", "NO", "en", 950, 1150, "NOK", "2027-02-01", (1, 0, 3)),
    ("Machine learning engineer", "Python,PyTorch,MLOps", "Kubernetes", _SR, 100, _R, "", "SE", "en", 1000, 1300, "SEK", "2027-02-01", (1, 0, 1)),
    ("Data scientist", "Python,Machine learning,Statistics", "SQL", _MID, 100, _H, "Stockholm", "SE", "sv", 800, 1000, "SEK", "2027-01-11", (1, 0, 1)),
    ("SQL Server database administrator", "SQL Server,T-SQL", "Azure", _SR, 100, _S, "Göteborg", "SE", "sv", 850, 1000, "SEK", "2027-01-11", (0, 0, 0)),
    ("Data engineer, Google Cloud", "GCP,BigQuery,Python", "dbt,Airflow", _MID, 100, _R, "", "SE", "en", 850, 1050, "SEK", "2027-02-01", (1, 0, 2)),
    ("DevOps engineer, AWS", "AWS,Terraform,Docker", "Kubernetes,Python", _SR, 100, _R, "", "SE", "en", 950, 1150, "SEK", "2027-01-11", (3, 0, 0)),
    ("Site reliability engineer", "Kubernetes,Prometheus,Linux", "Go,Terraform", _SR, 100, _H, "Stockholm", "SE", "en", 1000, 1200, "SEK", "2027-01-18", (2, 0, 0)),
    ("Azure cloud architect", "Azure,Terraform,Kubernetes", ".NET", _EX, 100, _R, "", "SE", "sv", 1200, 1500, "SEK", "2027-02-01", (1, 0, 1)),
    ("CI/CD specialist, GitLab", "GitLab CI,Docker", "Kubernetes,Python", _MID, 100, _S, "Stockholm", "SE", "sv", 850, 1000, "SEK", "2027-01-11", (2, 0, 0)),
    ("Linux system administrator", "Linux,Ansible", "Bash", _MID, 100, _S, "Västerås", "SE", "sv", 700, 850, "SEK", "2027-01-11", (1, 0, 0)),
    ("Cloud security engineer", "AWS,IAM,Security", "Terraform", _SR, 100, _R, "", "SE", "en", 1000, 1250, "SEK", "2027-02-01", (1, 0, 0)),
    (".NET developer", "C#,.NET,Azure", "SQL Server", _MID, 100, _S, "Göteborg", "SE", "sv", 800, 950, "SEK", "2027-02-01", (0, 0, 0)),
    ("Java backend developer, Spring", "Java,Spring Boot", "Kafka,Kubernetes", _SR, 100, _H, "Stockholm", "SE", "sv", 950, 1150, "SEK", "2027-01-18", (1, 0, 0)),
    ("Senior C# developer", "C#,ASP.NET", "", _SR, 100, _R, "", "SE", "sv", 900, 1100, "SEK", "2027-01-11", (0, 0, 0)),
    ("Java architect", "Java,Microservices", "AWS", _EX, 100, _S, "Malmö", "SE", "sv", 1100, 1400, "SEK", "2027-03-01", (0, 0, 0)),
    ("Scala developer", "Scala,Akka", "Kafka", _SR, 100, _R, "", "NO", "en", 1000, 1200, "NOK", "2027-02-01", (0, 0, 2)),
    ("Android developer, Kotlin", "Kotlin,Android", "Jetpack Compose", _MID, 100, _H, "Stockholm", "SE", "sv", 800, 1000, "SEK", "2027-01-18", (0, 0, 0)),
    ("iOS developer", "Swift,iOS", "SwiftUI", _MID, 100, _S, "Stockholm", "SE", "sv", 800, 1000, "SEK", "2027-02-01", (0, 0, 0)),
    ("Flutter developer", "Flutter,Dart", "", _MID, 100, _R, "", "SE", "en", 750, 900, "SEK", "2027-02-01", (0, 0, 0)),
    ("SAP S/4HANA finance consultant", "SAP,SAP FI", "", _EX, 100, _S, "Stockholm", "SE", "sv", 1200, 1500, "SEK", "2027-01-11", (0, 0, 0)),
    ("Dynamics 365 developer", "Dynamics 365,C#", "", _MID, 100, _R, "", "SE", "sv", 850, 1000, "SEK", "2027-02-01", (0, 0, 0)),
    ("Salesforce developer", "Salesforce,Apex", "", _MID, 100, _H, "Oslo", "NO", "no", 900, 1100, "NOK", "2027-01-18", (0, 0, 0)),
    ("Scrum master", "Scrum,Agile coaching", "", _MID, 100, _H, "Stockholm", "SE", "sv", 900, 1100, "SEK", "2027-01-11", (0, 0, 0)),
    ("IT project manager", "Project management,Budgeting", "", _SR, 100, _S, "Göteborg", "SE", "sv", 950, 1150, "SEK", "2027-02-01", (0, 0, 0)),
    ("Product owner, e-commerce", "Product management,Agile", "Figma", _MID, 100, _H, "Göteborg", "SE", "sv", 850, 1000, "SEK", "2027-02-01", (0, 0, 0)),
    ("Penetration tester", "Penetration testing,OWASP", "", _SR, 100, _R, "", "SE", "en", 1000, 1200, "SEK", "2027-02-01", (0, 0, 0)),
    ("Security-minded Python developer", "Python,OWASP", "Django", _SR, 100, _H, "Stockholm", "SE", "sv", 1000, 1200, "SEK", "2027-01-18", (2, 0, 1)),
    ("Identity and access developer, Keycloak", "Keycloak,Java", "Kubernetes", _SR, 100, _S, "Stockholm", "SE", "sv", 950, 1150, "SEK", "2027-02-01", (0, 0, 0)),
    ("Computer vision engineer", "Python,OpenCV,PyTorch", "", _SR, 100, _S, "Lund", "SE", "en", 1000, 1200, "SEK", "2027-02-01", (0, 0, 0)),
    ("LLM application developer", "Python,LLM,FastAPI", "Docker,PostgreSQL", _MID, 100, _R, "", "SE", "en", 900, 1150, "SEK", "2027-01-18", (1, 0, 1)),
    ("NLP data engineer, Norwegian", "Python,NLP,SQL", "Spark", _MID, 100, _R, "", "NO", "no", 900, 1100, "NOK", "2027-01-18", (0, 0, 2)),
    ("Embedded C developer", "C,Embedded systems", "Linux", _SR, 100, _S, "Göteborg", "SE", "sv", 900, 1100, "SEK", "2027-02-01", (0, 0, 0)),
    ("WordPress developer", "WordPress,PHP", "CSS", _MID, 100, _R, "", "SE", "sv", 600, 750, "SEK", "2027-02-01", (0, 1, 0)),
    ("Technical writer, API documentation", "Technical writing,REST", "Python", _MID, 100, _R, "", "SE", "en", 700, 850, "SEK", "2027-02-01", (0, 0, 0)),
    ("Full-stack developer, Python and React", "Python,React", "Django,TypeScript,PostgreSQL", _SR, 100, _H, "Stockholm", "SE", "sv", 950, 1150, "SEK", "2027-01-18", (2, 1, 0)),
)  # fmt: skip


def _split(text: str) -> tuple[str, ...]:
    return tuple(s for s in text.split(",") if s)


ASSIGNMENTS: tuple[Assignment, ...] = tuple(
    Assignment(
        id=f"a{n:02d}", title=row[0], must_have=_split(row[1]), nice_to_have=_split(row[2]), seniority=row[3],
        extent_percent=row[4], workplace=row[5], city=row[6], country=row[7], language=row[8],
        rate_min=Decimal(row[9]), rate_max=Decimal(row[10]), currency=row[11], start=date.fromisoformat(row[12]),
    )
    for n, row in enumerate(_ROWS, start=1)
)  # fmt: skip

GRADES: dict[str, dict[str, int]] = {
    name: {a.id: row[13][i] for a, row in zip(ASSIGNMENTS, _ROWS, strict=True)}
    for i, name in enumerate(PROFILES)
}


def ndcg_at(ranked_ids: list[str], grades: dict[str, int], k: int = 10) -> float:
    """Normalised discounted cumulative gain of a ranking's first k (gain 2^grade - 1)."""

    def dcg(values: list[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(values[:k]))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades[i] for i in ranked_ids]) / ideal if ideal else 0.0
