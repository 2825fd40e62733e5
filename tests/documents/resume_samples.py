"""Profiles for the resume tests: a full one (six jobs, twenty skills, a letter with a list)."""

from __future__ import annotations

from coapp.domain.profile import LanguageSkill, PersonalDetails, Profile
from coapp.domain.profile_links import Link
from coapp.domain.profile_sections import Award, Certificate, Education, Experience, Reference
from coapp.domain.skills import Skill
from coapp.domain.year_month import YearMonth as YM

LETTER = """## Backend-utvecklare med fokus på drift

Jag bygger **robusta** tjänster i Python och Go och trivs där *verksamhet* och teknik möts.
Senaste åren har jag lett små team genom migreringar till molnet, 2019--2021 på Nordea.

- Arkitektur och kodgranskning
- Kubernetes, Terraform och *observability*
- Mentorskap för juniora utvecklare

Jag söker uppdrag på 80 % från januari."""

SKILLS = [
    "Python",
    "Go",
    "Kubernetes",
    "Terraform",
    "PostgreSQL",
    "AWS",
    "Docker",
    "Kafka",
    "React",
    "TypeScript",
    "GraphQL",
    "Linux",
    "Ansible",
    "Redis",
    "gRPC",
    "Prometheus",
    "Grafana",
    "Django",
    "FastAPI",
    "Rust",
]


def full(n_jobs=6, letter=LETTER):
    jobs = []
    orgs = ["Nordea", "Spotify AB", "Klarna", "Volvo Cars", "Ericsson", "Skatteverket"]
    for i in range(n_jobs):
        cur = i == 0
        start = YM(2024 - 2 * i, 3 if i % 2 else 9)
        jobs.append(
            Experience(
                organisation=f"{orgs[i % 6]}" + (f" {i}" if i >= 6 else ""),
                role=[
                    "Senior backendutvecklare",
                    "Tech lead",
                    "Plattformsingenjör",
                    "Utvecklare",
                    "Systemarkitekt",
                    "Konsult",
                ][i % 6]
                + (f" #{i}" if i >= 6 else ""),
                start=start,
                end=None if cur else YM(start.year + 1, 11),
                current=cur,
                description="Ansvarade för betalflödet och dess *övervakning*.\n\n"
                "- Flyttade 40 tjänster till Kubernetes\n- Sänkte driftkostnaden med **30 %**"
                if i % 2 == 0
                else "Byggde en intern plattform för dataflöden i Kafka och Python; ledde tre utvecklare.",
                skills=("Python", "Kubernetes", "Kafka")[: 1 + i % 3],
                id=f"job-{i}",
            )
        )
    return Profile(
        details=PersonalDetails(
            name="Åsa Økland-Ähtäri",
            title="Senior backendutvecklare och arkitekt",
            email="asa@example.se",
            phone="+46 70 123 45 67",
            city="Malmö",
            country="SE",
        ),
        letter=letter,
        languages=(
            LanguageSkill("Svenska", "native"),
            LanguageSkill("English", "C2"),
            LanguageSkill("Deutsch", "B1"),
        ),
        links=(Link("https://www.linkedin.com/in/asa-okland"), Link("https://github.com/asaok")),
        experience=tuple(jobs),
        education=(
            Education(
                school="Lunds universitet",
                degree="Civilingenjör",
                field="Datateknik",
                start=YM(2008, 8),
                end=YM(2013, 6),
                id="edu-1",
            ),
            Education(school="Malmö borgarskola", start=YM(2005, 8), end=YM(2008, 6), id="edu-2"),
        ),
        skills=tuple(Skill(n, level=5 - i % 5, years=None) for i, n in enumerate(SKILLS)),
        certificates=(
            Certificate(
                name="Certified Kubernetes Administrator",
                issuer="CNCF",
                issued=YM(2022, 5),
                expires=YM(2025, 5),
                id="c1",
            ),
            Certificate(
                name="AWS Solutions Architect – Associate",
                issuer="Amazon Web Services",
                issued=YM(2021, 2),
                id="c2",
            ),
        ),
        awards=(Award(title="Årets utvecklare", issuer="Sydsvenska Tech", awarded=YM(2020, 11), id="a1"),),
        references=(
            Reference(name="Karin Lind", relation="Chef på Klarna", contact="karin@example.com", id="r1"),
        ),
    )
