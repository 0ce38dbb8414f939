"""Bold hotline numbers become tel: links; nothing else changes."""

from __future__ import annotations

from noidung.generate.hotlines import link_hotlines

NUMBERS = {"111", "113", "115"}


def test_a_bold_registry_number_becomes_a_tel_link():
    html = "<p>Gọi <strong>111</strong> hoặc <strong>113</strong>.</p>"
    assert link_hotlines(html, NUMBERS) == (
        '<p>Gọi <strong><a class="hotline" href="tel:111">111</a></strong> hoặc '
        '<strong><a class="hotline" href="tel:113">113</a></strong>.</p>')


def test_other_numbers_plain_text_and_links_are_left_alone():
    html = ("<p><strong>2025</strong> · 111 · <strong>112</strong> · "
            '<a href="../lien-he/"><strong>111</strong></a> · '
            '<a class="hotline" href="tel:115">115</a></p>')
    assert link_hotlines(html, NUMBERS) == html
    assert link_hotlines("<p><strong>111</strong></p>", []) == "<p><strong>111</strong></p>"
