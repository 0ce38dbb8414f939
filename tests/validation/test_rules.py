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
        "docs/vi/tin-bai/posts/bai-mau.md:5:7: [error] «date» là 2025-02-30: không có ngày này trong lịch: tháng 2 năm 2025 chỉ có 28 ngày / 'date' is 2025-02-30: no such day in the calendar: February 2025 has 28 days (date-format)",
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
        "docs/vi/tin-bai/posts/bai-mau.md:13:1: [error] trường «drafts» không có trong mô hình nội dung; có phải ý bạn là «draft»? / unknown field 'drafts'; did you mean 'draft'? (field-unknown)",
    ],
    'field-unknown-flow-comma': [
        "docs/registries/audiences.yml:19:23: [error] «tổ chức phối hợp» bị tách thành một trường riêng: dấu phẩy trong { } đã cắt đôi giá trị đứng trước / 'tổ chức phối hợp' became a field of its own: a comma inside { } cut the value before it in two (field-unknown)",
    ],
    'field-value-enum': [
        "docs/vi/tap-huan/hoc-phan-a.md:8:8: [error] «level» có giá trị «co ban», cần một trong: co-ban, trung-cap, nang-cao; có phải ý bạn là «co-ban»? / 'level' is 'co ban', expected one of: co-ban, trung-cap, nang-cao; did you mean 'co-ban'? (field-value)",
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
        "docs/vi/tap-huan/hoc-phan-b.md:3:7: [error] code «M01» đã dùng ở docs/vi/tap-huan/hoc-phan-a.md (có trước theo thứ tự đường dẫn) / code 'M01' is already used in docs/vi/tap-huan/hoc-phan-a.md (the first in path order) (id-unique)",
    ],
    'id-unique-site': [
        'docs/vi/tap-huan/bai-mau.md: [warning] chưa có bản dịch en: docs/en/tap-huan/bai-mau.md / no en translation yet: docs/en/tap-huan/bai-mau.md (translation-missing)',
        "docs/vi/tin-bai/posts/bai-mau.md:2:5: [error] id «bai-mau» đã dùng cho học phần docs/vi/tap-huan/bai-mau.md (có trước theo thứ tự đường dẫn) / id 'bai-mau' is already used by the module docs/vi/tap-huan/bai-mau.md (the first in path order) (id-unique)",
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
        "docs/vi/tin-bai/posts/bai-mau.md:7:14: [error] «hoat-dong-phoi-hopp» không có trong danh mục categories.yml; có phải ý bạn là «hoat-dong-phoi-hop»? / 'hoat-dong-phoi-hopp' is not in the registry categories.yml; did you mean 'hoat-dong-phoi-hop'? (registry-value)",
    ],
    'registry-expired': [
        "campaigns/chien-dich-mau/campaign.yml:5:17: [error] «partner_units[0]»: «so-lao-dong-thuong-binh-xa-hoi» hết hiệu lực từ sau 2025-02-28, trước start_date 2025-06-01; thay bằng: so-noi-vu, so-y-te / 'so-lao-dong-thuong-binh-xa-hoi' ceased after 2025-02-28, before start_date 2025-06-01; use instead: so-noi-vu, so-y-te (registry-expired)",
    ],
    'registry-not-yet-valid': [
        "docs/vi/tin-bai/posts/bai-mau.md:6:11: [error] «authors[0]»: «so-noi-vu» chỉ có hiệu lực từ 2025-03-01, sau date 2025-01-02 / 'so-noi-vu' is valid only from 2025-03-01, after date 2025-01-02 (registry-expired)",
    ],
    'ref-missing-module': [
        "campaigns/chien-dich-mau/campaign.yml:11:11: [error] «modules[0]»: «hoc-phan-x» không có: không thấy học phần docs/vi/tap-huan/hoc-phan-x.md; có phải ý bạn là «hoc-phan-b», «hoc-phan-a»? / 'hoc-phan-x' does not exist: no module docs/vi/tap-huan/hoc-phan-x.md; did you mean 'hoc-phan-b', 'hoc-phan-a'? (ref-missing)",
    ],
    'ref-missing-campaign': [
        "docs/vi/tin-bai/posts/bai-mau.md:9:11: [error] «chien-dich-khac» không có: không thấy chiến dịch campaigns/chien-dich-khac/campaign.yml; có phải ý bạn là «chien-dich-mau»? / 'chien-dich-khac' does not exist: no campaign campaigns/chien-dich-khac/campaign.yml; did you mean 'chien-dich-mau'? (ref-missing)",
    ],
    'ref-missing-article': [
        "campaigns/chien-dich-mau/campaign.yml:12:12: [error] «articles[0]»: «bai-khong-co» không có: không thấy tin bài docs/vi/tin-bai/posts/bai-khong-co.md / 'bai-khong-co' does not exist: no article docs/vi/tin-bai/posts/bai-khong-co.md (ref-missing)",
    ],
    'ref-file': [
        "campaigns/chien-dich-mau/campaign.yml:14:11: [error] «materials[0].file»: không thấy tệp «poster.png» (tìm trong campaigns/chien-dich-mau/) / file 'poster.png' not found (looked in campaigns/chien-dich-mau/) (ref-file)",
    ],
    'asset-shared-by-both-languages': [
    ],
    'asset-missing-cover': [
        "docs/vi/tin-bai/posts/bai-mau.md:11:9: [error] «cover.file»: không thấy ảnh «anh/bia.jpg» (không có docs/vi/tin-bai/posts/anh/bia.jpg); có phải ý bạn là «anh/bia.png»? / image 'anh/bia.jpg' not found (no docs/vi/tin-bai/posts/anh/bia.jpg); did you mean 'anh/bia.png'? (asset-missing)",
    ],
    'asset-missing-body-en': [
        "docs/en/tin-bai/posts/bai-mau.md:9:13: [error] «body»: không thấy ảnh «anh/hoi-ngi.png» (không có docs/en/tin-bai/posts/anh/hoi-ngi.png và docs/vi/tin-bai/posts/anh/hoi-ngi.png); có phải ý bạn là «anh/hoi-nghi.png», «anh/bia.png»? / image 'anh/hoi-ngi.png' not found (no docs/en/tin-bai/posts/anh/hoi-ngi.png or docs/vi/tin-bai/posts/anh/hoi-ngi.png); did you mean 'anh/hoi-nghi.png', 'anh/bia.png'? (asset-missing)",
    ],
    'asset-only-in-english-tree': [
        "docs/vi/tin-bai/posts/bai-mau.md:18:10: [error] «body»: không thấy ảnh «anh/so-do.png» (không có docs/vi/tin-bai/posts/anh/so-do.png); tệp đang ở docs/en/tin-bai/posts/anh/so-do.png: chuyển sang docs/vi/tin-bai/posts/anh/so-do.png / image 'anh/so-do.png' not found (no docs/vi/tin-bai/posts/anh/so-do.png); the file is in docs/en/tin-bai/posts/anh/so-do.png: move it to docs/vi/tin-bai/posts/anh/so-do.png (asset-missing)",
    ],
    'asset-case': [
        "docs/en/tin-bai/posts/bai-mau.md:9:13: [error] «body»: «anh/Bia.PNG» chỉ khác tệp có thật «anh/bia.png» ở chữ hoa, chữ thường; trang thật phân biệt chữ hoa và chữ thường / 'anh/Bia.PNG' differs from the existing file 'anh/bia.png' only in letter case; the web server tells them apart (asset-case)",
    ],
    'asset-path': [
        "docs/vi/tin-bai/posts/bai-mau.md:18:18: [error] «body»: đường dẫn «/tin-bai/posts/anh/bia.png» bắt đầu bằng /, trang dựng không tìm được tệp / the reference '/tin-bai/posts/anh/bia.png' starts with /, the build cannot find the file (asset-path)",
    ],
    'asset-name': [
        "docs/vi/tin-bai/posts/anh/Ảnh Hội nghị.JPG: [error] tên «Ảnh Hội nghị.JPG» có chữ hoa, dấu cách và dấu tiếng Việt; đổi tên thành «anh-hoi-nghi.jpg» / the name 'Ảnh Hội nghị.JPG' has capitals, spaces and Vietnamese marks; rename it 'anh-hoi-nghi.jpg' (asset-name)",
    ],
    'asset-missing-module-material': [
        "docs/vi/tap-huan/hoc-phan-a.md:18:11: [error] «materials[0].file»: không thấy tệp «phieu-bai-tap.pdf» (không có docs/vi/tap-huan/tai-lieu/phieu-bai-tap.pdf); tệp đang ở docs/vi/tap-huan/phieu-bai-tap.pdf: chuyển sang docs/vi/tap-huan/tai-lieu/phieu-bai-tap.pdf / file 'phieu-bai-tap.pdf' not found (no docs/vi/tap-huan/tai-lieu/phieu-bai-tap.pdf); the file is in docs/vi/tap-huan/phieu-bai-tap.pdf: move it to docs/vi/tap-huan/tai-lieu/phieu-bai-tap.pdf (asset-missing)",
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
        "docs/vi/tap-huan/hoc-phan-b.md:15:18: [error] liên kết tới «hoc-phan-c.md» không có tệp đích; có phải ý bạn là «hoc-phan-b.md», «hoc-phan-a.md»? / the link to 'hoc-phan-c.md' points to no file; did you mean 'hoc-phan-b.md', 'hoc-phan-a.md'? (ref-link)",
    ],
    'ref-missing-redirect': [
        "docs/registries/redirects.yml:4:7: [error] «[1].to»: «tap-huan/khong-co/» không có: không có trang /tap-huan/khong-co/; có phải ý bạn là «tap-huan/hoc-phan-b/», «tap-huan/hoc-phan-a/»? / 'tap-huan/khong-co/' does not exist: no page at /tap-huan/khong-co/; did you mean 'tap-huan/hoc-phan-b/', 'tap-huan/hoc-phan-a/'? (ref-missing)",
    ],
    'ref-link-generated-pages': [
    ],
    'campaign-files': [
        'campaigns/chien-dich-trong: [error] thư mục chiến dịch thiếu tệp campaign.yml / the campaign folder lacks campaign.yml (campaign-files)',
        'campaigns/chien-dich-trong: [error] thư mục chiến dịch thiếu tệp vi.md / the campaign folder lacks vi.md (campaign-files)',
    ],
    'prerequisite-cycle': [
        'docs/vi/tap-huan/hoc-phan-a.md:11:17: [error] «prerequisites[0]»: điều kiện học trước tạo thành vòng: hoc-phan-a → hoc-phan-b → hoc-phan-a / the prerequisites form a cycle: hoc-phan-a → hoc-phan-b → hoc-phan-a (prerequisite-cycle)',
    ],
    'translation-mismatch': [
        "docs/en/tin-bai/posts/bai-mau.md:3:7: [error] «date» ghi «2025-06-03» nhưng docs/vi/tin-bai/posts/bai-mau.md ghi «2025-06-02» / 'date' is '2025-06-03' but docs/vi/tin-bai/posts/bai-mau.md says '2025-06-02' (translation-mismatch)",
    ],
    'translation-mismatch-sessions': [
        "docs/en/tap-huan/hoc-phan-a.md:6:14: [error] «sessions[0].minutes»: bước «buoc-1» ghi 45 phút, bản gốc ghi 60 / step 'buoc-1' says 45 minutes, the original 60 (translation-mismatch)",
    ],
    'translation-orphan': [
        "docs/en/tin-bai/posts/bai-le.md: [error] bản dịch không có bản gốc tiếng Việt docs/vi/tin-bai/posts/bai-le.md; có phải ý bạn là «docs/vi/tin-bai/posts/bai-mau.md»? / this translation has no Vietnamese original docs/vi/tin-bai/posts/bai-le.md; did you mean 'docs/vi/tin-bai/posts/bai-mau.md'? (translation-orphan)",
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
        "campaigns/chien-dich-mau/en.md:5:5: [error] ảnh «poster.png» chưa có mô tả (alt) bằng tiếng Anh ở trường «materials[0].alt» / the image 'poster.png' has no English alt text in 'materials[0].alt' (alt-missing)",
    ],
    'alt-missing-cover-en': [
        "docs/en/tin-bai/posts/bai-mau.md:2:1: [error] ảnh «anh/bia.png» chưa có mô tả (alt) bằng tiếng Anh ở trường «cover_alt» / the image 'anh/bia.png' has no English alt text in 'cover_alt' (alt-missing)",
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
        "docs/vi/tin-bai/posts/bai-mau.md:16:27: [error] số điện thoại «0912 *** 678» có thể làm lộ thông tin cá nhân (Luật Trẻ em 2016 Điều 6, Nghị định 56/2017 Điều 33) / phone number '0912 *** 678' may expose private information (Law on Children 2016 art. 6, Decree 56/2017 art. 33) (privacy-phone)",
    ],
    'privacy-phone-in-summary': [
        "docs/en/tin-bai/posts/bai-mau.md:3:10: [error] «summary»: số điện thoại «+84 912 *** 678» có thể làm lộ thông tin cá nhân (Luật Trẻ em 2016 Điều 6, Nghị định 56/2017 Điều 33) / phone number '+84 912 *** 678' may expose private information (Law on Children 2016 art. 6, Decree 56/2017 art. 33) (privacy-phone)",
    ],
    'privacy-id-number': [
        "docs/vi/tin-bai/posts/bai-mau.md:16:26: [error] dãy 12 chữ số «0012*****567» (giống số CMND/CCCD) có thể làm lộ thông tin cá nhân (Luật Trẻ em 2016 Điều 6, Nghị định 56/2017 Điều 33) / a 12-digit number '0012*****567' (like an identity card) may expose private information (Law on Children 2016 art. 6, Decree 56/2017 art. 33) (privacy-id-number)",
    ],
    'privacy-email': [
        "docs/vi/tin-bai/posts/bai-mau.md:16:20: [error] e-mail cá nhân «l***@gmail.com» có thể làm lộ thông tin cá nhân (Luật Trẻ em 2016 Điều 6, Nghị định 56/2017 Điều 33) / personal e-mail address 'l***@gmail.com' may expose private information (Law on Children 2016 art. 6, Decree 56/2017 art. 33) (privacy-email)",
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
        "docs/vi/tin-bai/posts/bai-mau.md:3:11: [error] giá trị của «title» có dấu ':' nên cần đặt trong ngoặc kép / the value of 'title' contains ':' and must be quoted (yaml-syntax)",
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
    'privacy-bank-account': [
        "docs/vi/tin-bai/posts/bai-mau.md:16:30: [error] số tài khoản ngân hàng «1903 **** ***2 34» có thể làm lộ thông tin cá nhân (Luật Trẻ em 2016 Điều 6, Nghị định 56/2017 Điều 33) / bank account number '1903 **** ***2 34' may expose private information (Law on Children 2016 art. 6, Decree 56/2017 art. 33) (privacy-bank-account)",
    ],
    'privacy-masked-in-other-rules': [
        "docs/vi/tin-bai/posts/bai-mau.md:8:7: [error] «tags» phải là danh sách, đang là chữ «Gọi chị Lan 0912 *** 678» / 'tags' must be a list, found text 'Gọi chị Lan 0912 *** 678' (field-type)",
    ],
    'ref-missing-material-case': [
        "campaigns/chien-dich-mau/en.md:4:1: [error] ảnh «poster.png» chưa có mô tả (alt) bằng tiếng Anh ở trường «materials» / the image 'poster.png' has no English alt text in 'materials' (alt-missing)",
        "campaigns/chien-dich-mau/en.md:5:11: [error] «materials[0].file»: «Poster.png» không có: không có trong materials của campaigns/chien-dich-mau/campaign.yml; chỉ khác chữ hoa/thường với «poster.png» đã có (trên máy chủ chữ hoa và chữ thường là khác nhau) / 'Poster.png' does not exist: not among the materials of campaigns/chien-dich-mau/campaign.yml; it differs from the existing 'poster.png' only in letter case (the server tells upper from lower case) (ref-missing)",
    ],
    'ref-missing-prerequisite': [
        "docs/vi/tap-huan/hoc-phan-b.md:10:17: [error] «prerequisites[0]»: «hoc-phan-aa» không có: không thấy học phần docs/vi/tap-huan/hoc-phan-aa.md; có phải ý bạn là «hoc-phan-a», «hoc-phan-b»? / 'hoc-phan-aa' does not exist: no module docs/vi/tap-huan/hoc-phan-aa.md; did you mean 'hoc-phan-a', 'hoc-phan-b'? (ref-missing)",
    ],
    'registry-value-author': [
        "docs/vi/tin-bai/posts/bai-mau.md:6:11: [error] «authors[0]»: «phong-nep-song-gia-dinh» không có trong danh mục units.yml; có phải ý bạn là «phong-nep-song-van-hoa-gia-dinh»? / 'phong-nep-song-gia-dinh' is not in the registry units.yml; did you mean 'phong-nep-song-van-hoa-gia-dinh'? (registry-value)",
    ],
    'registry-value-diacritics-and-case': [
        "docs/vi/tin-bai/posts/bai-mau.md:8:8: [error] «tags[0]»: «Bảo vệ trẻ em» không có trong danh mục topics.yml; có phải ý bạn là «bao-ve-tre-em»? / 'Bảo vệ trẻ em' is not in the registry topics.yml; did you mean 'bao-ve-tre-em'? (registry-value)",
    ],
    'date-format-day-that-does-not-exist': [
        "campaigns/chien-dich-mau/campaign.yml:3:11: [error] «end_date» có giá trị «31/06/2025», cần ngày dạng YYYY-MM-DD; ngày này cũng không có trong lịch: tháng 6 chỉ có 30 ngày / 'end_date' is '31/06/2025', expected a date as YYYY-MM-DD; that day does not exist either: June has 30 days (date-format)",
    ],
    'date-month-13': [
        "docs/vi/tap-huan/hoc-phan-a.md:17:16: [error] «last_reviewed» là 2025-15-09: không có ngày này trong lịch: không có tháng 15 (tháng từ 01 đến 12) / 'last_reviewed' is 2025-15-09: no such day in the calendar: there is no month 15 (months are 01 to 12) (date-format)",
    ],
    'date-not-a-leap-year': [
        "docs/vi/tin-bai/posts/bai-mau.md:5:7: [error] «date» là 2025-02-29: không có ngày này trong lịch: năm 2025 không nhuận nên tháng 2 chỉ có 28 ngày / 'date' is 2025-02-29: no such day in the calendar: 2025 is not a leap year, so February has 28 days (date-format)",
    ],
    'alt-missing-cover-vi': [
        "docs/vi/tin-bai/posts/bai-mau.md:12:8: [error] ảnh «anh/bia.png» chưa có mô tả (alt) bằng tiếng Việt ở trường «cover.alt» / the image 'anh/bia.png' has no Vietnamese alt text in 'cover.alt' (alt-missing)",
    ],
    'alt-missing-material-vi': [
        "docs/en/tap-huan/hoc-phan-a.md:2:1: [error] ảnh «anh.png» chưa có mô tả (alt) bằng tiếng Anh ở trường «materials» / the image 'anh.png' has no English alt text in 'materials' (alt-missing)",
        "docs/vi/tap-huan/hoc-phan-a.md:20:5: [error] ảnh «anh.png» chưa có mô tả (alt) bằng tiếng Việt ở trường «materials[0].alt» / the image 'anh.png' has no Vietnamese alt text in 'materials[0].alt' (alt-missing)",
    ],
    'id-unique-code-not-committed': [
        "docs/vi/tap-huan/a-moi.md:3:7: [error] code «M01» đã dùng ở docs/vi/tap-huan/hoc-phan-a.md (có trước: đã lưu trong git, tệp này chưa) / code 'M01' is already used in docs/vi/tap-huan/hoc-phan-a.md (the older one: committed in git, this one not yet) (id-unique)",
    ],
    'id-unique-newer-by-date': [
        "campaigns/chien-dich-mau/campaign.yml:1:5: [error] id «chien-dich-mau» đã dùng cho tin bài docs/vi/tin-bai/posts/chien-dich-mau.md (có trước: ngày 2025-05-20, tệp này ngày 2025-06-01) / id 'chien-dich-mau' is already used by the article docs/vi/tin-bai/posts/chien-dich-mau.md (the older one: dated 2025-05-20, this one 2025-06-01) (id-unique)",
        'docs/vi/tin-bai/posts/chien-dich-mau.md: [warning] chưa có bản dịch en: docs/en/tin-bai/posts/chien-dich-mau.md / no en translation yet: docs/en/tin-bai/posts/chien-dich-mau.md (translation-missing)',
    ],
    'id-unique-newer-not-committed': [
        "docs/vi/tap-huan/bai-mau.md:2:5: [error] id «bai-mau» đã dùng cho tin bài docs/vi/tin-bai/posts/bai-mau.md (có trước: đã lưu trong git, tệp này chưa) / id 'bai-mau' is already used by the article docs/vi/tin-bai/posts/bai-mau.md (the older one: committed in git, this one not yet) (id-unique)",
    ],
    'yaml-bom-inside': [
        "docs/vi/tin-bai/posts/bai-mau.md:4:1: [error] «summary»: dòng này có dấu BOM vô hình (U+FEFF) ở đầu dòng, trước tên trường / 'summary': this line has an invisible byte-order mark (U+FEFF) at the start of the line (yaml-syntax)",
    ],
    'yaml-full-width-colon': [
        "docs/vi/tin-bai/posts/bai-mau.md:4:8: [error] «summary» viết với dấu hai chấm toàn khổ «：» (của bộ gõ tiếng Trung, Nhật); YAML cần dấu hai chấm thường ':' và một dấu cách / 'summary' is followed by a full-width colon '：'; YAML needs a plain ':' and a space (yaml-syntax)",
    ],
    'yaml-indentation': [
        "docs/vi/tin-bai/posts/bai-mau.md:4:1: [error] «summary» thụt lề sai: dòng này lùi vào như thể nằm trong giá trị của dòng trên / 'summary' is indented as if it were part of the value above (yaml-syntax)",
    ],
    'yaml-missing-colon': [
        "docs/vi/tin-bai/posts/bai-mau.md:4:1: [error] «summary»: dòng này thiếu dấu ':' sau tên trường (cần «tên: giá trị») / 'summary': this line lacks the ':' after the field name (expected 'name: value') (yaml-syntax)",
    ],
    'yaml-no-break-space': [
        "docs/vi/tin-bai/posts/bai-mau.md:12:1: [error] «cover.alt»: dòng này có dấu cách không ngắt (U+00A0) ở đầu dòng, trước tên trường / 'cover.alt': this line has a no-break space (U+00A0) at the start of the line (yaml-syntax)",
    ],
    'yaml-no-break-space-after-colon': [
        "docs/vi/tin-bai/posts/bai-mau.md:4:9: [error] dòng này có dấu cách không ngắt (U+00A0) sau dấu ':' của «summary» (YAML cần một dấu cách thường) / this line has a no-break space (U+00A0) after the ':' of 'summary' (YAML needs a plain space) (yaml-syntax)",
    ],
    'yaml-smart-quotes': [
        'docs/vi/tin-bai/posts/bai-mau.md:3:8: [error] giá trị của «title» đặt trong dấu ngoặc kép cong “ ” (YAML chỉ hiểu ngoặc thẳng " hoặc \') / the value of \'title\' is in curly quotes “ ” (YAML only understands straight quotes " or \') (yaml-syntax)',
    ],
    'yaml-tab': [
        "docs/vi/tin-bai/posts/bai-mau.md:12:1: [error] «cover.alt»: dòng này có ký tự tab ở đầu dòng, trước tên trường / 'cover.alt': this line has a tab character at the start of the line (yaml-syntax)",
    ],
    'yaml-tab-in-registry': [
        "docs/registries/categories.yml:9:1: [error] «[1].name»: dòng này có ký tự tab ở đầu dòng, trước tên trường / '[1].name': this line has a tab character at the start of the line (yaml-syntax)",
    ],
    'yaml-unclosed-bracket': [
        "docs/vi/tin-bai/posts/bai-mau.md:8:7: [error] «tags»: dấu «[» mở ở dòng này nhưng không có «]» đóng (hoặc một giá trị trong đó có dấu phẩy, dấu hai chấm cần đặt trong ngoặc kép) / 'tags': the '[' opened on this line is never closed by ']' (or a value inside it holds a comma or colon and needs quotes) (yaml-syntax)",
    ],
    'yaml-unclosed-quote': [
        'docs/vi/tin-bai/posts/bai-mau.md:4:10: [error] giá trị của «summary» mở ngoặc " ở dòng này nhưng không đóng / the value of \'summary\' opens a quote " on this line but never closes it (yaml-syntax)',
    ],
    'yaml-zero-width-space': [
        "docs/vi/tin-bai/posts/bai-mau.md:4:8: [error] dòng này có dấu cách vô hình, rộng bằng 0 (U+200B) trong tên trường «summary» (tên trông đúng nhưng không khớp) / this line has a zero-width space (U+200B) inside the field name 'summary' (it looks right but does not match) (yaml-syntax)",
    ],
    'placeholder-example': [
        "campaigns/chien-dich-mau/campaign.yml:4:1: [error] «lead_unit» vẫn là giá trị ví dụ «so-van-hoa-the-thao» do lệnh new ghi sẵn / 'lead_unit' is still the example value 'so-van-hoa-the-thao' that new wrote (placeholder-example)",
    ],
    'placeholder-example-changed-is-fine': [
    ],
    'placeholder-example-in-draft': [
    ],
    'placeholder-example-list': [
        "docs/vi/tin-bai/posts/bai-mau.md:7:1: [error] «categories» vẫn là giá trị ví dụ «hoat-dong-phoi-hop» do lệnh new ghi sẵn / 'categories' is still the example value 'hoat-dong-phoi-hop' that new wrote (placeholder-example)",
    ],
    'placeholder-text-body': [
        "docs/vi/tin-bai/posts/bai-mau.md:16:1: [error] nội dung chưa viết, còn dòng «CẦN VIẾT: nội dung chính, viết bằng Markdown.» / the text is not written yet: the line 'CẦN VIẾT: nội dung chính, viết bằng Markdown.' is still there (placeholder-text)",
    ],
    'placeholder-text-in-code-is-fine': [
    ],
    'placeholder-text-in-draft': [
    ],
    'placeholder-text-in-draft-campaign': [
    ],
    'placeholder-text-list-item': [
        "docs/vi/tap-huan/hoc-phan-a.md:10:5: [error] «objectives[0]» chưa viết, còn «CẦN VIẾT: Mục tiêu học tập» / 'objectives[0]' is not written yet: it still says 'CẦN VIẾT: Mục tiêu học tập' (placeholder-text)",
    ],
    'placeholder-text-summary': [
        "docs/vi/tin-bai/posts/bai-mau.md:4:10: [error] «summary» chưa viết, còn «CẦN VIẾT: Tóm tắt một-hai câu» / 'summary' is not written yet: it still says 'CẦN VIẾT: Tóm tắt một-hai câu' (placeholder-text)",
    ],
    'placeholder-text-translation': [
        "docs/en/tin-bai/posts/bai-mau.md:3:10: [error] «summary» chưa viết, còn «TO WRITE: Summary» / 'summary' is not written yet: it still says 'TO WRITE: Summary' (placeholder-text)",
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
