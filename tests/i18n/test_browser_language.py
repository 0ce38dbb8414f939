"""Headless Chromium: the language switcher keeps the reader's page; requests stay on 127.0.0.1."""

from __future__ import annotations

import pytest

from tests.support.browser import RequestLog

pytestmark = pytest.mark.browser

SAME_PAGE = [
    ("", "en/"),
    ("chien-dich/", "en/chien-dich/"),
    ("gioi-thieu/", "en/gioi-thieu/"),
    ("lien-he/", "en/lien-he/"),
    ("tin-bai/", "en/tin-bai/"),
    ("tin-bai/2024/12/phoi-hop-cong-tac-gia-dinh-tre-em/",
     "en/tin-bai/2024/12/phoi-hop-cong-tac-gia-dinh-tre-em/"),
    ("tin-bai/chuyen-muc/hoat-dong-phoi-hop/", "en/tin-bai/chuyen-muc/hoat-dong-phoi-hop/"),
    ("tin-bai/luu-tru/2024/", "en/tin-bai/luu-tru/2024/"),
]


@pytest.mark.parametrize(("vi", "en"), SAME_PAGE)
def test_switching_language_keeps_the_page_both_ways(page, site_url, vi, en):
    log = RequestLog(site_url)
    log.attach(page)
    page.goto(site_url + vi)
    assert page.locator("html").get_attribute("lang") == "vi"
    with page.expect_navigation():
        page.locator("a[data-i18n-switch]").click()
    assert page.url == site_url + en
    assert page.locator("html").get_attribute("lang") == "en"
    with page.expect_navigation():
        page.locator("a[data-i18n-switch]").click()
    assert page.url == site_url + vi
    page.wait_for_timeout(300)  # let late requests (search worker, icons) show up in the log
    assert log.foreign() == []
    assert log.failures == []
    print(f"[requests] {vi or '/'}: {len(log.urls)} requests, all to 127.0.0.1")


def test_switcher_is_reachable_by_keyboard(page, site_url):
    page.goto(site_url + "gioi-thieu/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-i18n-switch')"):
            break
    else:
        pytest.fail("the language switcher was not reached with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + "en/gioi-thieu/"


def test_missing_page_uses_each_language_404(page, site_url):
    log = RequestLog(site_url)
    response = page.goto(site_url + "en/khong-co-trang-nay/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "en"
    log.attach(page)
    with page.expect_navigation():
        page.locator("a[data-i18n-switch]").click()
    assert page.url == site_url
    assert log.foreign() == []
