"""Parallel Vietnamese and English phrases from which the synthetic corpus is written.

Every sentence is composed from parallel phrase lists, so that a page and its
translation say the same thing. The phrases describe ordinary family and child
protection work in communes; they name no person and state no statistics.
"""

from __future__ import annotations

import random

# (Vietnamese, English) pairs. English predicates are in the past tense, so they
# agree with singular and plural subjects alike.
SUBJECTS = [
    ("Cán bộ văn hóa - xã hội của xã", "The commune's culture and social affairs officer"),
    ("Hội Liên hiệp Phụ nữ xã", "The commune Women's Union"),
    ("Cộng tác viên thôn", "The village volunteers"),
    ("Tổ hòa giải ở cơ sở", "The community reconciliation group"),
    ("Nhà trường", "The school"),
    ("Đoàn Thanh niên xã", "The commune Youth Union"),
    ("Trạm y tế xã", "The commune health station"),
    ("Ủy ban nhân dân phường", "The ward People's Committee"),
    ("Ban công tác Mặt trận khu dân cư", "The residential Front committee"),
    ("Câu lạc bộ gia đình phát triển bền vững", "The sustainable family club"),
    ("Phòng Nếp sống văn hóa và Gia đình", "The Division of Cultural Lifestyle and Family"),
    ("Nhóm cha mẹ học sinh", "The pupils' parents group"),
]

PREDICATES = [
    ("đã tổ chức buổi sinh hoạt chuyên đề về kỹ năng làm cha mẹ",
     "held a themed meeting on parenting skills"),
    ("đã phát tờ rơi hướng dẫn cách gọi Tổng đài quốc gia bảo vệ trẻ em 111",
     "handed out leaflets on how to call the national child protection hotline 111"),
    ("đã rà soát hoàn cảnh các gia đình có trẻ em cần được hỗ trợ",
     "reviewed the situation of families whose children need support"),
    ("đã mở lớp tập huấn về bảo vệ trẻ em trên môi trường mạng",
     "ran a training class on keeping children safe online"),
    ("đã đối thoại với các cặp vợ chồng trẻ về chia sẻ việc nhà",
     "talked with young couples about sharing housework"),
    ("đã phối hợp với giáo viên chủ nhiệm để nhận biết sớm dấu hiệu trẻ bị bạo lực",
     "worked with form teachers to spot early signs that a child is being harmed"),
    ("đã hướng dẫn người dân cách báo tin khi phát hiện bạo lực gia đình",
     "showed residents how to report domestic violence when they see it"),
    ("đã thăm hỏi và tư vấn cho các gia đình đang có mâu thuẫn",
     "visited and advised families going through conflict"),
    ("đã giới thiệu mô hình gia đình hạnh phúc, không bạo lực",
     "presented the model of happy families free from violence"),
    ("đã thảo luận cách trò chuyện với con tuổi mới lớn",
     "discussed how to talk with teenage children"),
    ("đã cập nhật danh sách địa chỉ tin cậy trong cộng đồng",
     "updated the list of trusted addresses in the community"),
    ("đã lồng ghép nội dung bình đẳng giới vào buổi họp thôn",
     "added gender equality to the agenda of the village meeting"),
]

TAILS = [
    ("tại nhà văn hóa thôn", "at the village cultural house"),
    ("trong dịp nghỉ hè của học sinh", "during the pupils' summer holidays"),
    ("trước Ngày Gia đình Việt Nam 28/6", "ahead of Vietnamese Family Day on 28 June"),
    ("với sự tham gia của nhiều hộ gia đình", "with many households taking part"),
    ("theo kế hoạch chung của tỉnh", "in line with the province's plan"),
    ("trong Tháng hành động vì trẻ em", "during the Month of Action for Children"),
    ("ngay tại sân trường", "in the school yard"),
    ("vào buổi tối để người đi làm cũng tham dự được",
     "in the evening so that working parents could attend"),
]

STATEMENTS = [
    ("Trẻ em có quyền được lắng nghe và được tôn trọng ý kiến.",
     "Children have the right to be heard and to have their views respected."),
    ("Bạo lực gia đình không phải là chuyện riêng của mỗi nhà.",
     "Domestic violence is not a private matter for each household."),
    ("Khi thấy trẻ em bị xâm hại hoặc có nguy cơ bị xâm hại, hãy gọi ngay số 111.",
     "If you see a child being abused or at risk of abuse, call 111 at once."),
    ("Tổng đài 111 miễn phí và hoạt động suốt ngày đêm.",
     "The 111 hotline is free and answers day and night."),
    ("Thông tin riêng của trẻ em không được đăng tải khi chưa có sự đồng ý.",
     "A child's private information is never published without consent."),
    ("Cha mẹ dành thời gian trò chuyện với con mỗi ngày giúp con tự tin hơn.",
     "Parents who talk with their children every day help them grow in confidence."),
    ("Chia sẻ việc nhà là cách đơn giản để vun đắp hạnh phúc gia đình.",
     "Sharing housework is a simple way to build a happy family."),
    ("Người cao tuổi, phụ nữ và trẻ em cần được quan tâm nhiều hơn trong mỗi gia đình.",
     "Older people, women and children deserve more care in every family."),
    ("Hòa giải kịp thời giúp nhiều mâu thuẫn nhỏ không trở thành bạo lực.",
     "Timely reconciliation keeps many small disputes from turning into violence."),
    ("Mỗi thôn, tổ dân phố đều có địa chỉ tin cậy để người bị bạo lực tìm đến.",
     "Every village and neighbourhood has a trusted address where victims can go."),
    ("Giáo dục không dùng roi vọt giúp trẻ hiểu lỗi và biết sửa lỗi.",
     "Discipline without beating helps children understand and correct their mistakes."),
    ("Trẻ em dùng mạng cần được hướng dẫn để tự bảo vệ mình.",
     "Children who go online need guidance to protect themselves."),
]

#: Headings for the sections of a page.
HEADINGS = [
    ("Bối cảnh", "Background"),
    ("Nội dung chính", "Main points"),
    ("Kết quả bước đầu", "First results"),
    ("Ý kiến của người tham dự", "What participants said"),
    ("Việc cần làm tiếp theo", "Next steps"),
    ("Hướng dẫn cho gia đình", "Guidance for families"),
    ("Phối hợp giữa các ngành", "Working across sectors"),
    ("Ở thôn, tổ dân phố", "In villages and neighbourhoods"),
]

#: Table: (header row, rows) in both languages.
TABLE_HEAD = (("Thời gian", "Hoạt động", "Đơn vị thực hiện"),
              ("When", "Activity", "Carried out by"))
TABLE_WHEN = [("Tuần 1", "Week 1"), ("Tuần 2", "Week 2"), ("Tuần 3", "Week 3"),
              ("Tuần 4", "Week 4"), ("Cuối tháng", "End of the month")]

TITLE_TOPICS = [
    ("kỹ năng làm cha mẹ", "parenting skills"),
    ("phòng, chống bạo lực gia đình", "preventing domestic violence"),
    ("bảo vệ trẻ em trên mạng", "keeping children safe online"),
    ("bình đẳng giới trong gia đình", "gender equality at home"),
    ("Tổng đài 111", "the 111 hotline"),
    ("hòa giải ở cơ sở", "community reconciliation"),
    ("chăm sóc người cao tuổi", "caring for older relatives"),
    ("phòng ngừa đuối nước cho trẻ", "preventing drowning among children"),
    ("gia đình hạnh phúc", "happy families"),
    ("quyền riêng tư của trẻ em", "children's privacy"),
]

TITLE_FRAMES = [
    ("{place} sinh hoạt chuyên đề về {topic}", "{place} holds a meeting on {topic}"),
    ("Tập huấn cho cán bộ cơ sở về {topic}", "Training for commune officers on {topic}"),
    ("{place} tuyên truyền về {topic}", "{place} raises awareness of {topic}"),
    ("Hỏi đáp về {topic}", "Questions and answers on {topic}"),
    ("Đối thoại với cha mẹ về {topic}", "A dialogue with parents on {topic}"),
]

PLACES = [
    ("Xã Gia Sinh", "Gia Sinh commune"), ("Phường Nam Thành", "Nam Thành ward"),
    ("Xã Kim Sơn", "Kim Sơn commune"), ("Xã Yên Mô", "Yên Mô commune"),
    ("Phường Tam Điệp", "Tam Điệp ward"), ("Xã Nho Quan", "Nho Quan commune"),
    ("Xã Gia Viễn", "Gia Viễn commune"), ("Phường Hoa Lư", "Hoa Lư ward"),
]


def pick(rng: random.Random, options: list[tuple[str, str]]) -> tuple[str, str]:
    return options[rng.randrange(len(options))]


def sentence(rng: random.Random) -> tuple[str, str]:
    """One sentence in both languages: a report of an activity, or a general statement."""
    if rng.random() < 0.3:
        return pick(rng, STATEMENTS)
    s, p, t = pick(rng, SUBJECTS), pick(rng, PREDICATES), pick(rng, TAILS)
    return f"{s[0]} {p[0]} {t[0]}.", f"{s[1]} {p[1]} {t[1]}."


def paragraph(rng: random.Random, count: int) -> tuple[str, str]:
    pairs = [sentence(rng) for _ in range(count)]
    return " ".join(v for v, _ in pairs), " ".join(e for _, e in pairs)


def title(rng: random.Random, number: int) -> tuple[str, str]:
    """A title, made unique by a number so that pages are told apart in search results."""
    frame, topic, place = pick(rng, TITLE_FRAMES), pick(rng, TITLE_TOPICS), pick(rng, PLACES)
    vi = frame[0].format(place=place[0], topic=topic[0])
    en = frame[1].format(place=place[1], topic=topic[1])
    return f"{vi} (số {number})", f"{en[0].upper()}{en[1:]} (no. {number})"
