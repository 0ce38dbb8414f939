"""Fixtures for the publishing tests: the session's built site behind the shipped nginx."""

from __future__ import annotations

import pytest

from noidung.build.publish import DEPLOY_DIR, HEADERS_CONF
from tests.deploy.nginx import run_nginx


@pytest.fixture(scope="session")
def nginx_url(built_site, tmp_path_factory) -> str:
    """Base URL of nginx (deploy/nginx.conf) serving the built site; stopped at the end."""
    if not (built_site / DEPLOY_DIR / HEADERS_CONF).exists():
        pytest.fail(f"{built_site} has no {DEPLOY_DIR}/{HEADERS_CONF}: "
                    "it was built without scripts/noidung/build/publish.py (rebuild it)")
    with run_nginx(built_site, tmp_path_factory.mktemp("nginx")) as url:
        yield url
