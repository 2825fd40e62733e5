"""Accounts over real HTTP: register, confirm, sign in, refresh, sign out, change password, /me."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.coserver.harness import PASSWORD, LiveServer


def test_register_mail_confirm_sign_in_me(server: LiveServer) -> None:
    created = server.register("Anna@Example.com", display_name="Anna Berg")
    assert created.status_code == 201, created.text
    account = created.json()
    assert account["role"] == "freelancer"
    assert account["confirmed"] is False

    (mail,) = server.mails()
    assert mail["To"].casefold() == "anna@example.com"
    assert "Confirm" in mail["Subject"]
    token = server.confirmation_token("anna@example.com")
    confirmed = server.post("/v1/auth/confirm", {"token": token})
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["confirmed"] is True
    # A retry after a lost answer succeeds again.
    assert server.post("/v1/auth/confirm", {"token": token}).status_code == 200

    signed = server.sign_in("ANNA@example.com")
    assert signed.status_code == 200, signed.text
    pair = signed.json()
    assert pair["token_type"] == "bearer"
    assert pair["expires_in"] == 15 * 60
    assert pair["access_token"] != pair["refresh_token"]

    me = server.get("/v1/me", pair["access_token"])
    assert me.status_code == 200, me.text
    assert me.json() == {**account, "confirmed": True}


def test_client_role_may_register_but_not_agent_or_admin(server: LiveServer) -> None:
    assert server.register("buyer@example.com", role="client").json()["role"] == "client"
    for role in ("agent", "admin", "boss"):
        refused = server.register(f"{role}@example.com", role=role)
        assert refused.status_code == 422
        assert refused.json()["field"] == "role"


def test_unknown_confirmation_code(server: LiveServer) -> None:
    refused = server.post("/v1/auth/confirm", {"token": "coc_nonsense"})
    assert refused.status_code == 400
    assert refused.json()["error"] == "invalid_token"


def test_confirmation_code_expires(server: LiveServer) -> None:
    server.register("late@example.com")
    server.clock.advance(days=3)
    refused = server.post("/v1/auth/confirm", {"token": server.confirmation_token("late@example.com")})
    assert refused.status_code == 400


def test_unconfirmed_account_cannot_sign_in(server: LiveServer) -> None:
    server.register("new@example.com")
    refused = server.sign_in("new@example.com")
    assert refused.status_code == 403
    assert refused.json()["error"] == "email_not_confirmed"


def test_wrong_password_and_unknown_email_answer_alike(server: LiveServer) -> None:
    server.signed_in("anna@example.com")
    wrong = server.sign_in("anna@example.com", "not the password at all")
    unknown = server.sign_in("nobody@example.com")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["error"] == "invalid_credentials"
    assert wrong.headers["WWW-Authenticate"].startswith("Bearer")


def test_duplicate_email_ignores_case(server: LiveServer) -> None:
    assert server.register("anna@example.com").status_code == 201
    duplicate = server.register("ANNA@example.com")
    assert duplicate.status_code == 409
    assert duplicate.json()["error"] == "email_taken"
    assert len(server.mails()) == 1


@pytest.mark.parametrize(
    "password",
    ["short1", "aaaaaaaaaaaa", "abababababab", "1234567890", "Password123", "my anna.berg secret"],
)
def test_weak_passwords_are_refused_with_the_field(server: LiveServer, password: str) -> None:
    refused = server.register("anna.berg@example.com", password)
    assert refused.status_code == 422, refused.text
    body = refused.json()
    assert body["error"] == "weak_password"
    assert body["field"] == "password"
    assert server.mails() == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"password": PASSWORD}, "email"),
        ({"email": "not an address", "password": PASSWORD}, "email"),
        ({"email": "anna@example.com"}, "password"),
        ({"email": "anna@example.com", "password": 12345678901}, "password"),
        ({"email": "anna@example.com", "password": PASSWORD, "admin": True}, "admin"),
        ({"email": "anna@example.com", "password": "x" * 300}, "password"),
        ([1, 2, 3], "body"),
    ],
)
def test_bad_fields_name_the_field(server: LiveServer, body: object, field: str) -> None:
    refused = server.post("/v1/auth/register", body)
    assert refused.status_code == 422, refused.text
    assert refused.json()["field"] == field
    assert field in refused.json()["message"]


def test_malformed_json_is_422(server: LiveServer) -> None:
    for path in ("/v1/auth/register", "/v1/auth/sign-in", "/v1/auth/refresh"):
        refused = server.http.post(
            server.url + path, data=b'{"email": ', headers={"Content-Type": "application/json"}, timeout=30
        )
        assert refused.status_code == 422
        assert refused.json() == {
            "error": "invalid_json",
            "message": "The request body is not valid JSON.",
            "field": "body",
        }


def test_refresh_rotates_and_reuse_ends_the_family(server: LiveServer) -> None:
    first = server.signed_in()
    rotated = server.post("/v1/auth/refresh", {"refresh_token": first["refresh_token"]})
    assert rotated.status_code == 200, rotated.text
    second = rotated.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert server.get("/v1/me", second["access_token"]).status_code == 200

    # The old refresh token comes back: a copy leaked, so the whole session ends.
    reused = server.post("/v1/auth/refresh", {"refresh_token": first["refresh_token"]})
    assert reused.status_code == 401
    assert reused.json()["error"] == "refresh_reused"
    after = server.post("/v1/auth/refresh", {"refresh_token": second["refresh_token"]})
    assert after.status_code == 401
    assert after.json()["error"] == "session_revoked"
    assert server.get("/v1/me", second["access_token"]).status_code == 401
    # Another session of the same account is not affected.
    other = server.sign_in("anna@example.com").json()
    assert server.get("/v1/me", other["access_token"]).status_code == 200


def test_unknown_refresh_token(server: LiveServer) -> None:
    refused = server.post("/v1/auth/refresh", {"refresh_token": "cor_made_up"})
    assert refused.status_code == 401
    assert refused.json()["error"] == "invalid_token"


def test_sign_out_ends_the_session(server: LiveServer) -> None:
    pair = server.signed_in()
    assert server.post("/v1/auth/sign-out", {"refresh_token": pair["refresh_token"]}).status_code == 204
    assert server.get("/v1/me", pair["access_token"]).json()["error"] == "session_revoked"
    assert server.post("/v1/auth/refresh", {"refresh_token": pair["refresh_token"]}).status_code == 401
    # Idempotent: signing out twice, or with an unknown token, is fine.
    assert server.post("/v1/auth/sign-out", {"refresh_token": pair["refresh_token"]}).status_code == 204
    assert server.post("/v1/auth/sign-out", {"refresh_token": "cor_unknown"}).status_code == 204


def test_change_password_ends_other_sessions(server: LiveServer) -> None:
    here = server.signed_in()
    elsewhere = server.sign_in("anna@example.com").json()
    new_password = "a brand new passphrase"
    wrong = server.post(
        "/v1/auth/change-password",
        {"current_password": "not it at all!", "new_password": new_password},
        token=here["access_token"],
    )
    assert wrong.status_code == 403
    assert wrong.json()["field"] == "current_password"
    weak = server.post(
        "/v1/auth/change-password",
        {"current_password": PASSWORD, "new_password": "short"},
        token=here["access_token"],
    )
    assert weak.status_code == 422
    assert weak.json()["field"] == "new_password"

    changed = server.post(
        "/v1/auth/change-password",
        {"current_password": PASSWORD, "new_password": new_password},
        token=here["access_token"],
    )
    assert changed.status_code == 204, changed.text
    assert server.get("/v1/me", here["access_token"]).status_code == 200
    assert server.get("/v1/me", elsewhere["access_token"]).status_code == 401
    assert server.post("/v1/auth/refresh", {"refresh_token": elsewhere["refresh_token"]}).status_code == 401
    assert server.sign_in("anna@example.com").status_code == 401
    assert server.sign_in("anna@example.com", new_password).status_code == 200


def test_change_password_needs_a_token(server: LiveServer) -> None:
    refused = server.post("/v1/auth/change-password", {"current_password": "x", "new_password": "y"})
    assert refused.status_code == 401


def test_access_token_expires_and_refresh_renews_it(server: LiveServer) -> None:
    pair = server.signed_in()
    server.clock.advance(minutes=14)
    assert server.get("/v1/me", pair["access_token"]).status_code == 200
    server.clock.advance(minutes=2)
    expired = server.get("/v1/me", pair["access_token"])
    assert expired.status_code == 401
    assert expired.json()["error"] == "token_expired"
    renewed = server.post("/v1/auth/refresh", {"refresh_token": pair["refresh_token"]}).json()
    assert server.get("/v1/me", renewed["access_token"]).status_code == 200


def test_refresh_token_expires(server: LiveServer) -> None:
    pair = server.signed_in()
    server.clock.advance(days=31)
    expired = server.post("/v1/auth/refresh", {"refresh_token": pair["refresh_token"]})
    assert expired.status_code == 401
    assert expired.json()["error"] == "token_expired"


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer coa_unknown", "Basic dXNlcjpwYXNz"])
def test_me_without_a_valid_token(server: LiveServer, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    refused = server.http.get(server.url + "/v1/me", headers=headers, timeout=30)
    assert refused.status_code == 401
    assert refused.json()["error"] in {"not_authenticated", "invalid_token"}
    assert refused.headers["WWW-Authenticate"].startswith("Bearer")


def test_unknown_path_is_json_404(server: LiveServer) -> None:
    missing = server.get("/v1/nothing-here")
    assert missing.status_code == 404
    assert missing.json()["error"] == "not_found"


def test_two_servers_share_one_database(start_server: Callable[..., LiveServer]) -> None:
    """Stateless processes: tokens from one work on the other; migrations run once."""
    one, two = start_server(), start_server()
    pair = one.signed_in()
    assert two.get("/v1/me", pair["access_token"]).status_code == 200
    rotated = two.post("/v1/auth/refresh", {"refresh_token": pair["refresh_token"]})
    assert rotated.status_code == 200
    assert one.post("/v1/auth/refresh", {"refresh_token": pair["refresh_token"]}).status_code == 401
