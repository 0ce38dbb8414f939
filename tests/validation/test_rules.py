"""A test per rule: one bad change to a valid project, and the exact lines staff will read.

The project (helpers.make_project) passes with no problem at all; each case in
cases.MUTATIONS breaks one thing, and EXPECTED holds every line the validator
must print for it: file, line, column, severity, both languages and the rule id.
"""

from __future__ import annotations

import pytest

from noidung.validation.rules import all_rules

from .cases import MUTATIONS
from .helpers import lines, make_project

# ruff: noqa: E501 (the expected lines are long on purpose: they are what staff read)
EXPECTED: dict[str, list[str]] = {
    'dates-order': [
        'campaigns/chien-dich-mau/campaign.yml:3:11: [error] end_date 2025-05-31 trước start_date 2025-06-01 / end_date is before start_date (dates-order)',
    ],
    'date-format': [
        "campaigns/chien-dich-mau/campaign.yml:2:13: [error] «start_date» có giá trị «28/6/2025», cần ngày dạng YYYY-MM-DD / 'start_date' is '28/6/2025', expected a date as YYYY-MM-DD (date-format)",
    ],
    'date-not-in-calendar': [
        "docs/vi/tin-bai/posts/bai-mau.md:5:7: [error] «date» là 2025-02-30: không có ngày này trong lịch / 'date' is 2025-02-30: no such day in the calendar (date-format)",
    ],
    'field-required': [
        "docs/vi/tin-bai/posts/bai-mau.md:2:1: [error] thiếu trường bắt buộc «summary» (Tóm tắt một-hai câu) / required field 'summary' (One- or two-sentence summary) is missing (field-required)",
    ],
    'field-type-comma-list': [
        "docs/vi/tin-bai/posts/bai-mau.md:8:7: [error] «tags» phải là danh sách, đang là chữ «bao-ve-tre-em, gia-dinh» / 'tags' must be a list, found text 'bao-ve-tre-em, gia-dinh' (field-type)",
    ],
    'field-type-unquoted-version': [
        "docs/vi/tap-huan/hoc-phan-a.md:18:10: [error] «version» phải là chữ, đang là số «1.0» / 'version' must be text, found a number '1.0' (field-type)",
    ],
    'field-unknown': [
        "docs/vi/tin-bai/posts/bai-mau.md:13:1: [error] trường «drafts» không có trong mô hình nội dung; có phải «draft»? / unknown field 'drafts'; did you mean 'draft'? (field-unknown)",
    ],
    'field-unknown-flow-comma': [
        "docs/registries/audiences.yml:19:23: [error] «tổ chức phối hợp» bị tách thành một trường riêng: dấu phẩy trong { } đã cắt đôi giá trị đứng trước / 'tổ chức phối hợp' became a field of its own: a comma inside { } cut the value before it in two (field-unknown)",
    ],
    'field-value-enum': [
        "docs/vi/tap-huan/hoc-phan-a.md:8:8: [error] «level» có giá trị «co ban», cần một trong: co-ban, trung-cap, nang-cao; có phải «co-ban»? / 'level' is 'co ban', expected one of: co-ban, trung-cap, nang-cao; did you mean 'co-ban'? (field-value)",
    ],
    'field-value-empty': [
        "docs/vi/tin-bai/posts/bai-mau.md:6:10: [error] «authors» đang để trống, cần ít nhất một giá trị / 'authors' is empty, expected at least one value (field-value)",
    ],
    'id-format': [
        "docs/vi/tin-bai/posts/bai-mau.md:2:5: [error] «id» là «Bài-Mẫu», cần chữ thường không dấu, chữ số, nối bằng gạch ngang / 'id' is 'Bài-Mẫu', expected lowercase ASCII letters and digits joined by hyphens (id-format)",
    ],
    'id-filename': [
        "docs/vi/tin-bai/posts/bai-mau.md:2:5: [error] id «bai-khac» khác tên tệp «bai-mau» / id 'bai-khac' differs from the file name 'bai-mau' (id-filename)",
    ],
    'id-unique-code': [
        "docs/vi/tap-huan/hoc-phan-b.md:3:7: [error] code «M01» đã dùng ở docs/vi/tap-huan/hoc-phan-a.md / code 'M01' is already used in docs/vi/tap-huan/hoc-phan-a.md (id-unique)",
    ],
    'id-unique-site': [
        'docs/vi/tap-huan/bai-mau.md: [warning] chưa có bản dịch en: docs/en/tap-huan/bai-mau.md / no en translation yet: docs/en/tap-huan/bai-mau.md (translation-missing)',
        "docs/vi/tin-bai/posts/bai-mau.md:2:5: [error] id «bai-mau» đã dùng cho học phần docs/vi/tap-huan/bai-mau.md / id 'bai-mau' is already used by the module docs/vi/tap-huan/bai-mau.md (id-unique)",
    ],
    'id-unique-session': [
        "docs/vi/tap-huan/hoc-phan-a.md:17:9: [error] sessions[1].id «buoc-1» trùng với mục ở dòng 13 / sessions[1].id 'buoc-1' repeats the entry on line 13 (id-unique)",
    ],
    'id-unique-registry': [
        "docs/registries/categories.yml:8:7: [error] id «cong-tac-gia-dinh» đã có ở dòng 4 / id 'cong-tac-gia-dinh' already appears on line 4 (id-unique)",
    ],
    'path-ascii': [
        "docs/vi/Giới-thiệu.md: [error] tên «Giới-thiệu» không phải chữ thường không dấu (tên này thành đường dẫn trên trang) / the name 'Giới-thiệu' is not lowercase ASCII (it becomes a published URL) (path-ascii)",
    ],
    'registry-value': [
        "docs/vi/tin-bai/posts/bai-mau.md:7:14: [error] «hoat-dong-phoi-hopp» không có trong danh mục categories.yml; có phải «hoat-dong-phoi-hop»? / 'hoat-dong-phoi-hopp' is not in the registry categories.yml; did you mean 'hoat-dong-phoi-hop'? (registry-value)",
    ],
    'registry-expired': [
        "campaigns/chien-dich-mau/campaign.yml:5:17: [error] «so-lao-dong-thuong-binh-xa-hoi» hết hiệu lực từ sau 2025-02-28, trước start_date 2025-06-01; thay bằng: so-noi-vu, so-y-te / 'so-lao-dong-thuong-binh-xa-hoi' ceased after 2025-02-28, before start_date 2025-06-01; use instead: so-noi-vu, so-y-te (registry-expired)",
    ],
    'registry-not-yet-valid': [
        "docs/vi/tin-bai/posts/bai-mau.md:6:11: [error] «so-noi-vu» chỉ có hiệu lực từ 2025-03-01, sau date 2025-01-02 / 'so-noi-vu' is valid only from 2025-03-01, after date 2025-01-02 (registry-expired)",
    ],
    'ref-missing-module': [
        "campaigns/chien-dich-mau/campaign.yml:11:11: [error] «hoc-phan-x» không có: không thấy học phần docs/vi/tap-huan/hoc-phan-x.md / 'hoc-phan-x' does not exist: no module docs/vi/tap-huan/hoc-phan-x.md (ref-missing)",
    ],
    'ref-missing-campaign': [
        "docs/vi/tin-bai/posts/bai-mau.md:9:11: [error] «chien-dich-khac» không có: không thấy chiến dịch campaigns/chien-dich-khac/campaign.yml / 'chien-dich-khac' does not exist: no campaign campaigns/chien-dich-khac/campaign.yml (ref-missing)",
    ],
    'ref-missing-article': [
        "campaigns/chien-dich-mau/campaign.yml:12:12: [error] «bai-khong-co» không có: không thấy tin bài docs/vi/tin-bai/posts/bai-khong-co.md / 'bai-khong-co' does not exist: no article docs/vi/tin-bai/posts/bai-khong-co.md (ref-missing)",
    ],
    'ref-file': [
        "campaigns/chien-dich-mau/campaign.yml:14:11: [error] không thấy tệp «poster.png» (tìm trong campaigns/chien-dich-mau/) / file 'poster.png' not found (looked in campaigns/chien-dich-mau/) (ref-file)",
    ],
    'asset-shared-by-both-languages': [
    ],
    'asset-missing-cover': [
        "docs/vi/tin-bai/posts/bai-mau.md:11:9: [error] không thấy ảnh «anh/bia.jpg» (không có docs/vi/tin-bai/posts/anh/bia.jpg); có phải ý bạn là «anh/bia.png»? / image 'anh/bia.jpg' not found (no docs/vi/tin-bai/posts/anh/bia.jpg); did you mean 'anh/bia.png'? (asset-missing)",
    ],
    'asset-missing-body-en': [
        "docs/en/tin-bai/posts/bai-mau.md:9:13: [error] không thấy ảnh «anh/hoi-ngi.png» (không có docs/en/tin-bai/posts/anh/hoi-ngi.png và docs/vi/tin-bai/posts/anh/hoi-ngi.png); có phải ý bạn là «anh/hoi-nghi.png», «anh/bia.png»? / image 'anh/hoi-ngi.png' not found (no docs/en/tin-bai/posts/anh/hoi-ngi.png or docs/vi/tin-bai/posts/anh/hoi-ngi.png); did you mean 'anh/hoi-nghi.png', 'anh/bia.png'? (asset-missing)",
    ],
    'asset-only-in-english-tree': [
        "docs/vi/tin-bai/posts/bai-mau.md:18:10: [error] không thấy ảnh «anh/so-do.png» (không có docs/vi/tin-bai/posts/anh/so-do.png); tệp đang ở docs/en/tin-bai/posts/anh/so-do.png: chuyển sang docs/vi/tin-bai/posts/anh/so-do.png / image 'anh/so-do.png' not found (no docs/vi/tin-bai/posts/anh/so-do.png); the file is in docs/en/tin-bai/posts/anh/so-do.png: move it to docs/vi/tin-bai/posts/anh/so-do.png (asset-missing)",
    ],
    'asset-case': [
        "docs/en/tin-bai/posts/bai-mau.md:9:13: [error] «anh/Bia.PNG» chỉ khác tệp có thật «anh/bia.png» ở chữ hoa, chữ thường; trang thật phân biệt chữ hoa và chữ thường / 'anh/Bia.PNG' differs from the existing file 'anh/bia.png' only in letter case; the web server tells them apart (asset-case)",
    ],
    'asset-path': [
        "docs/vi/tin-bai/posts/bai-mau.md:18:18: [error] đường dẫn «/tin-bai/posts/anh/bia.png» bắt đầu bằng /, trang dựng không tìm được tệp / the reference '/tin-bai/posts/anh/bia.png' starts with /, the build cannot find the file (asset-path)",
    ],
    'asset-name': [
        "docs/vi/tin-bai/posts/anh/Ảnh Hội nghị.JPG: [error] tên «Ảnh Hội nghị.JPG» có chữ hoa, dấu cách và dấu tiếng Việt; đổi tên thành «anh-hoi-nghi.jpg» / the name 'Ảnh Hội nghị.JPG' has capitals, spaces and Vietnamese marks; rename it 'anh-hoi-nghi.jpg' (asset-name)",
    ],
    'asset-missing-module-material': [
        "docs/vi/tap-huan/hoc-phan-a.md:18:11: [error] không thấy tệp «phieu-bai-tap.pdf» (không có docs/vi/tap-huan/tai-lieu/phieu-bai-tap.pdf); tệp đang ở docs/vi/tap-huan/phieu-bai-tap.pdf: chuyển sang docs/vi/tap-huan/tai-lieu/phieu-bai-tap.pdf / file 'phieu-bai-tap.pdf' not found (no docs/vi/tap-huan/tai-lieu/phieu-bai-tap.pdf); the file is in docs/vi/tap-huan/phieu-bai-tap.pdf: move it to docs/vi/tap-huan/tai-lieu/phieu-bai-tap.pdf (asset-missing)",
    ],
    'asset-campaign-material-link': [
    ],
    'asset-size': [
        'docs/vi/tin-bai/posts/anh/bia.png: [error] ảnh 3,4 MB, quá giới hạn 2 MB / image is 3.4 MB, over the 2 MB limit (asset-size)',
    ],
    'asset-size-material': [
        'docs/vi/tap-huan/tai-lieu/so-tay.pdf: [error] tài liệu 12 MB, quá giới hạn 10 MB / material is 12 MB, over the 10 MB limit (asset-size)',
    ],
    'ref-link': [
        "docs/vi/tap-huan/hoc-phan-b.md:15:18: [error] liên kết tới «hoc-phan-c.md» không có tệp đích / the link to 'hoc-phan-c.md' points to no file (ref-link)",
    ],
    'ref-missing-redirect': [
        "docs/registries/redirects.yml:4:7: [error] «tap-huan/khong-co/» không có: không có trang /tap-huan/khong-co/ / 'tap-huan/khong-co/' does not exist: no page at /tap-huan/khong-co/ (ref-missing)",
    ],
    'ref-link-generated-pages': [
    ],
    'campaign-files': [
        'campaigns/chien-dich-trong: [error] thư mục chiến dịch thiếu tệp campaign.yml / the campaign folder lacks campaign.yml (campaign-files)',
        'campaigns/chien-dich-trong: [error] thư mục chiến dịch thiếu tệp vi.md / the campaign folder lacks vi.md (campaign-files)',
    ],
    'prerequisite-cycle': [
        'docs/vi/tap-huan/hoc-phan-a.md:11:17: [error] điều kiện học trước tạo thành vòng: hoc-phan-a → hoc-phan-b → hoc-phan-a / the prerequisites form a cycle: hoc-phan-a → hoc-phan-b → hoc-phan-a (prerequisite-cycle)',
    ],
    'translation-mismatch': [
        "docs/en/tin-bai/posts/bai-mau.md:3:7: [error] «date» ghi «2025-06-03» nhưng docs/vi/tin-bai/posts/bai-mau.md ghi «2025-06-02» / 'date' is '2025-06-03' but docs/vi/tin-bai/posts/bai-mau.md says '2025-06-02' (translation-mismatch)",
    ],
    'translation-mismatch-sessions': [
        "docs/en/tap-huan/hoc-phan-a.md:6:14: [error] bước «buoc-1» ghi 45 phút, bản gốc ghi 60 / step 'buoc-1' says 45 minutes, the original 60 (translation-mismatch)",
    ],
    'translation-orphan': [
        'docs/en/tin-bai/posts/bai-le.md: [error] bản dịch không có bản gốc tiếng Việt docs/vi/tin-bai/posts/bai-le.md / this translation has no Vietnamese original docs/vi/tin-bai/posts/bai-le.md (translation-orphan)',
    ],
    'translation-missing': [
        'docs/vi/tap-huan/hoc-phan-b.md: [warning] chưa có bản dịch en: docs/en/tap-huan/hoc-phan-b.md / no en translation yet: docs/en/tap-huan/hoc-phan-b.md (translation-missing)',
    ],
    'alt-missing-body': [
        "docs/vi/tin-bai/posts/bai-mau.md:18:1: [error] ảnh «anh/bia.png» không có mô tả (alt) giữa [ ] / the image 'anh/bia.png' has no alt text between [ ] (alt-missing)",
    ],
    'alt-missing-html': [
        'docs/en/index.md:3:1: [error] thẻ <img src="a.png"> không có thuộc tính alt / <img src="a.png"> has no alt attribute (alt-missing)',
    ],
    'alt-missing-material': [
        "campaigns/chien-dich-mau/en.md:5:5: [error] ảnh «poster.png» chưa có mô tả (alt) bằng tiếng Anh / the image 'poster.png' has no English alt text (alt-missing)",
    ],
    'alt-missing-cover-en': [
        "docs/en/tin-bai/posts/bai-mau.md:2:1: [error] ảnh «anh/bia.png» chưa có mô tả (alt) bằng tiếng Anh / the image 'anh/bia.png' has no English alt text (alt-missing)",
    ],
    'alt-language': [
        "campaigns/chien-dich-mau/en.md:7:10: [error] alt của «poster.png» là tiếng Việt, chép từ bản gốc / the alt text of 'poster.png' is the Vietnamese original, not English (alt-language)",
    ],
    'unsafe-html-script': [
        'docs/vi/index.md:3:1: [error] thẻ HTML <script> bị cấm trên trang / the HTML tag <script> is not allowed (unsafe-html)',
    ],
    'unsafe-html-iframe': [
        'docs/en/index.md:3:1: [error] thẻ HTML <iframe> bị cấm trên trang / the HTML tag <iframe> is not allowed (unsafe-html)',
    ],
    'unsafe-html-onclick': [
        'docs/en/index.md:3:1: [error] thẻ <span> có thuộc tính chạy mã onclick= / <span> has the event handler onclick= (unsafe-html)',
    ],
    'unsafe-url-javascript': [
        "docs/en/index.md:3:9: [error] liên kết dùng «javascript:» bị cấm / a 'javascript:' URL is not allowed (unsafe-url)",
    ],
    'unsafe-url-data': [
        "docs/en/index.md:3:1: [error] liên kết dùng «data:» bị cấm / a 'data:' URL is not allowed (unsafe-url)",
    ],
    'unsafe-html-in-summary': [
        "docs/vi/tin-bai/posts/bai-mau.md:4:10: [error] «summary» chứa mã HTML/liên kết bị cấm: <img onerror=> / 'summary' holds forbidden HTML or links: <img onerror=> (unsafe-html)",
    ],
    'code-is-not-html': [
    ],
    'privacy-phone': [
        "docs/vi/tin-bai/posts/bai-mau.md:16:27: [error] số điện thoại «0912 345 678» có thể làm lộ thông tin cá nhân (Luật Trẻ em 2016 Điều 6, Nghị định 56/2017 Điều 33) / phone number '0912 345 678' may expose private information (Law on Children 2016 art. 6, Decree 56/2017 art. 33) (privacy-phone)",
    ],
    'privacy-phone-in-summary': [
        "docs/en/tin-bai/posts/bai-mau.md:3:10: [error] số điện thoại «+84 912 345 678» có thể làm lộ thông tin cá nhân (Luật Trẻ em 2016 Điều 6, Nghị định 56/2017 Điều 33) / phone number '+84 912 345 678' may expose private information (Law on Children 2016 art. 6, Decree 56/2017 art. 33) (privacy-phone)",
    ],
    'privacy-id-number': [
        "docs/vi/tin-bai/posts/bai-mau.md:16:26: [error] dãy 12 chữ số «001203004567» (giống số CMND/CCCD) có thể làm lộ thông tin cá nhân (Luật Trẻ em 2016 Điều 6, Nghị định 56/2017 Điều 33) / a 12-digit number '001203004567' (like an identity card) may expose private information (Law on Children 2016 art. 6, Decree 56/2017 art. 33) (privacy-id-number)",
    ],
    'privacy-email': [
        "docs/vi/tin-bai/posts/bai-mau.md:16:20: [error] e-mail cá nhân «lan.nguyen@gmail.com» có thể làm lộ thông tin cá nhân (Luật Trẻ em 2016 Điều 6, Nghị định 56/2017 Điều 33) / personal e-mail address 'lan.nguyen@gmail.com' may expose private information (Law on Children 2016 art. 6, Decree 56/2017 art. 33) (privacy-email)",
    ],
    'privacy-not-numbers': [
    ],
    'privacy-consent': [
        "campaigns/chien-dich-mau/campaign.yml:14:5: [error] «materials[0]» ghi shows_children: true nhưng thiếu consent_ref (văn bản đồng ý của cha mẹ/người giám hộ) — Luật Trẻ em 2016 Điều 6, Nghị định 56/2017 Điều 33 / 'materials[0]' has shows_children: true but no consent_ref (the parents' or guardians' written consent) — Law on Children 2016 art. 6, Decree 56/2017 art. 33 (privacy-consent)",
    ],
    'nfc': [
        "docs/vi/index.md:1:11: [error] chữ «chủ» gõ dạng tổ hợp (dấu tách rời), cần Unicode dựng sẵn NFC / the word 'chủ' is typed with combining marks, expected Unicode NFC (nfc)",
    ],
    'bom': [
        'docs/en/index.md:1:1: [error] tệp bắt đầu bằng dấu BOM (U+FEFF), cần UTF-8 không BOM / the file starts with a byte-order mark (U+FEFF), expected UTF-8 without BOM (bom)',
    ],
    'encoding': [
        'docs/en/index.md:2:4: [error] tệp không phải UTF-8 (byte 0xe9 không hợp lệ) / the file is not UTF-8 (invalid byte 0xe9) (encoding)',
    ],
    'encoding-binary': [
        'docs/en/index.md: [error] tệp không phải văn bản (có byte NUL, có thể là tệp nhị phân) / the file is not text (it contains NUL bytes, maybe a binary file) (encoding)',
    ],
    'front-matter-unclosed': [
        "docs/vi/tin-bai/posts/bai-mau.md:1:1: [error] phần thông tin đầu trang (front matter) mở bằng '---' nhưng không có dòng '---' đóng / the front matter opened by '---' is never closed by a '---' line (front-matter-unclosed)",
    ],
    'front-matter-missing': [
        "docs/vi/tin-bai/posts/bai-mau.md:1:1: [error] thiếu phần thông tin đầu trang (front matter) giữa hai dòng '---' / the front matter between two '---' lines is missing (front-matter-missing)",
    ],
    'yaml-syntax': [
        "docs/vi/tin-bai/posts/bai-mau.md:3:11: [error] dấu ':' không đúng chỗ: giá trị có dấu ':' cần đặt trong ngoặc kép, hoặc thiếu dấu cách sau ':' (mapping values are not allowed in this context) / a ':' in the wrong place: quote a value that contains ':' or add a space after ':' (mapping values are not allowed in this context) (yaml-syntax)",
    ],
    'yaml-duplicate-key': [
        "docs/vi/tin-bai/posts/bai-mau.md:4:1: [error] trường «title» được ghi hai lần (lần đầu ở dòng 3); chỉ giá trị sau được dùng / field 'title' appears twice (first on line 3); only the last value counts (yaml-duplicate-key)",
    ],
    'yaml-structure': [
        "docs/vi/tin-bai/posts/bai-mau.md:2:1: [error] nội dung tệp phải là nhóm trường, đang là danh sách / the file's content must be a group of fields, found a list (yaml-structure)",
    ],
    'yaml-too-complex': [
        'docs/vi/index.md:2:4: [error] YAML quá sâu, quá lớn hoặc có bí danh (&, *) lặp vòng / the YAML is too deep, too large or has self-referencing aliases (&, *) (yaml-too-complex)',
    ],
    'empty-campaign': [
        'campaigns/chien-dich-mau/campaign.yml:1:1: [error] thông tin trống, thiếu mọi trường bắt buộc: id, start_date, end_date, lead_unit, topics / the metadata is empty; every required field is missing: id, start_date, end_date, lead_unit, topics (field-required)',
    ],
}


def test_the_valid_project_has_no_problem(tmp_path):
    assert lines(make_project(tmp_path)) == []


@pytest.mark.parametrize("case", sorted(MUTATIONS))
def test_rule_message_and_position(tmp_path, case):
    project = make_project(tmp_path)
    MUTATIONS[case](project)
    assert lines(project) == EXPECTED[case]


def test_every_rule_id_has_a_failing_case():
    produced = {line.rsplit("(", 1)[1].rstrip(")") for case in EXPECTED.values()
                for line in case}
    assert set(all_rules()) - {"internal-error", "file-unreadable"} <= produced


def test_every_case_has_its_expectation():
    assert set(MUTATIONS) == set(EXPECTED)


@pytest.mark.parametrize(("case", "field"), [
    ("asset-missing-cover", "cover.file"), ("asset-missing-body-en", "body"),
    ("asset-case", "body"), ("asset-path", "body"),
])
def test_image_problems_name_the_field_and_where_photos_go(tmp_path, case, field):
    from noidung.validation import validate_project

    project = make_project(tmp_path)
    MUTATIONS[case](project)
    [found] = validate_project(project).problems
    assert found.field == field
    if case != "asset-case":  # that one says which spelling to write instead
        assert "đặt một lần trong docs/vi/tin-bai/posts/anh/ (cạnh bản gốc" in found.hint_vi
        assert "store the file once in docs/vi/tin-bai/posts/anh/" in found.hint_en
