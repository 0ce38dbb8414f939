"""Fields: every metadata field against the schema of its kind (required, type, value).

jsonschema finds the errors; this module turns each into a message staff can act
on, at the line of the field, with the expected form and an example from the schema.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from jsonschema.exceptions import ValidationError

from ..days import DateAdvice, advise
from ..personal import mask_text
from ..problem import Position, Problem, Severity, problem
from ..project import Project, new_command
from ..schemas import KINDS, Schema, label, load_schema
from ..source import SourceFile, dotted
from ..suggest import did_you_mean
from . import Rule

E = Severity.ERROR
RULES = (
    Rule("field-required", E, "trường bắt buộc phải có", "required fields must be present",
         bad="(thiếu title)", good="title: Tiêu đề"),
    Rule("field-type", E, "giá trị đúng kiểu (danh sách, số, chữ, true/false)",
         "values have the right type (list, number, text, true/false)",
         bad="tags: gia-dinh, tre-em", good="tags: [gia-dinh, tre-em]"),
    Rule("field-unknown", E, "chỉ dùng các trường có trong mô hình nội dung",
         "only fields of the content model", bad="titel: A", good="title: A"),
    Rule("field-value", E, "giá trị thuộc tập cho phép, không rỗng, không lặp",
         "values are allowed, non-empty, not repeated", bad="level: co ban", good="level: co-ban"),
)

def schema_file(schema) -> str:
    """Where a kind's schema and its example live, as a repository path."""
    return f"scripts/noidung/content/schemas/{schema.kind}.yml"


_TYPE_VI = {"string": "chữ", "array": "danh sách", "object": "nhóm trường", "integer": "số nguyên",
            "number": "số", "boolean": "true/false", "null": "để trống"}
_TYPE_EN = {"string": "text", "array": "a list", "object": "a group of fields",
            "integer": "a whole number", "number": "a number", "boolean": "true/false",
            "null": "empty"}
_REQUIRED = re.compile(r"^'(.+)' is a required property$")


def schema_of(source: SourceFile) -> Schema | None:
    return load_schema(source.kind) if source.kind in KINDS else None


def own_data(source: SourceFile, schema: Schema) -> Any:
    """The data checked against the schema: a translation's shared fields are left out
    (their agreement with the original is the `translations` family's job)."""
    data = source.data
    shared_from = schema.data.get("x-shared-from")
    if not shared_from or not isinstance(data, dict):
        return data
    shared = load_schema(shared_from).properties
    own = schema.properties
    return {k: v for k, v in data.items() if k in own or k not in shared}


def check(project: Project) -> Iterator[Problem]:
    for source in project.files.values():
        schema = schema_of(source)
        if schema is None or source.doc is None or source.text is None:
            continue
        if schema.data.get("type") == "object" and not source.has_front_matter and \
                source.rel.endswith(".md"):
            continue  # reported once as front-matter-missing
        data = own_data(source, schema)
        if data is None:
            if schema.data.get("type") == "object":
                yield _empty(source, schema)
                continue
            data = []
        if schema.is_valid(data):
            continue
        for error in schema.validator.iter_errors(data):
            yield from _explain(source, schema, error)


def _empty(source: SourceFile, schema: Schema) -> Problem:
    required = ", ".join(schema.data.get("required", []))
    return problem(
        source.rel, Position(source.doc.first_line if source.doc else 1, 1), "field-required",
        f"thông tin trống, thiếu mọi trường bắt buộc: {required}",
        f"the metadata is empty; every required field is missing: {required}",
        hint_vi=f"xem ví dụ trong {schema_file(schema)}, hoặc tạo tệp mới bằng "
        f"{new_command(schema.kind)}",
        hint_en=f"see the example in {schema_file(schema)}, or create a new file "
        f"with {new_command(schema.kind)}",
    )


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def shown(value: Any, limit: int = 60) -> str:
    """A value as staff typed it, shortened."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif value is None:
        text = "(trống)"
    else:
        text = str(value)
    text = mask_text(text.replace("\n", " "))  # before shortening cuts a number in two
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _example(sub: dict[str, Any]) -> str:
    examples = sub.get("examples") or []
    if not examples:
        return ""
    value = examples[0]
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, str) and (value[:1].isdigit() or ":" in value or value[:1] == "#"):
        return f'"{value}"'
    return shown(value)


def slug(text: str) -> str:
    """A lowercase ASCII id proposal from any text (Vietnamese letters folded, đ → d)."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))


def _field_schema(schema: Schema, path: tuple) -> dict[str, Any]:
    sub: dict[str, Any] = schema.data
    for part in path:
        if isinstance(part, int):
            sub = sub.get("items", {}) if isinstance(sub.get("items"), dict) else {}
        else:
            sub = sub.get("properties", {}).get(part, {})
    return sub


def date_form(rel: str, pos: Position, path: tuple, text: str) -> Problem:
    """A date not written YYYY-MM-DD: the line to copy when it is a real day
    ("28/6/2025" → "date: 2025-06-28"), else why the day does not exist and a real
    day offered as an example (never "2027-06-31")."""
    name = dotted(path)
    key = next((str(p) for p in reversed(path) if isinstance(p, str)), name)
    advice = advise(text)
    vi = f"«{name}» có giá trị «{shown(text)}», cần ngày dạng YYYY-MM-DD"
    en = f"'{name}' is '{shown(text)}', expected a date as YYYY-MM-DD"
    if advice is not None and advice.exists:
        hint_vi = f"viết «{key}: {advice.iso}» (năm-tháng-ngày)"
        hint_en = f"write '{key}: {advice.iso}' (year-month-day)"
    elif advice is not None:
        vi += f"; ngày này cũng không có trong lịch: {advice.why_vi}"
        en += f"; that day does not exist either: {advice.why_en}"
        hint_vi, hint_en = example_hint(key, advice)
    else:
        hint_vi, hint_en = "ví dụ 2025-06-28 (năm-tháng-ngày)", "e.g. 2025-06-28 (year-month-day)"
    return problem(rel, pos, "date-format", vi, en, field=name, hint_vi=hint_vi,
                   hint_en=hint_en)


def example_hint(key: str, advice: DateAdvice) -> tuple[str, str]:
    """The hint for a day that does not exist: check it, and a real day as an example."""
    if not advice.example:
        return ("kiểm tra lại ngày và tháng, viết YYYY-MM-DD",
                "check the day and the month, written YYYY-MM-DD")
    return (f"kiểm tra lại ngày; ví dụ, {advice.example_vi}: «{key}: {advice.example}»",
            f"check the day; for example, {advice.example_en}: '{key}: {advice.example}'")


def _explain(source: SourceFile, schema: Schema, error: ValidationError) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    doc = source.doc
    assert doc is not None
    name = dotted(path)
    sub = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    rel = source.rel

    if kind == "required":
        match = _REQUIRED.match(error.message)
        missing = match.group(1) if match else "?"
        field_path = (*path, missing)
        fsub = _field_schema(schema, field_path)
        if missing == "consent_ref":
            yield problem(
                rel, doc.at(path), "privacy-consent",
                f"«{name}» ghi shows_children: true nhưng thiếu consent_ref (văn bản đồng ý "
                "của cha mẹ/người giám hộ) — Luật Trẻ em 2016 Điều 6, Nghị định 56/2017 Điều 33",
                f"'{name}' has shows_children: true but no consent_ref (the parents' or "
                "guardians' written consent) — Law on Children 2016 art. 6, Decree 56/2017 art. 33",
                field=dotted(field_path),
                hint_vi="ghi số văn bản đồng ý vào consent_ref, hoặc dùng ảnh không có trẻ em",
                hint_en="write the consent reference in consent_ref, or use an image without "
                "children",
            )
            return
        vi, en = label(fsub)
        where_vi = f" trong «{name}»" if name else ""
        where_en = f" in '{name}'" if name else ""
        example = _example(fsub)
        yield problem(
            rel, doc.at(path), "field-required",
            f"thiếu trường bắt buộc «{missing}» ({vi}){where_vi}",
            f"required field '{missing}' ({en}) is missing{where_en}",
            field=dotted(field_path),
            hint_vi=f"thêm dòng «{missing}: {example}»" if example else f"thêm trường {missing}",
            hint_en=f"add a line '{missing}: {example}'" if example else f"add {missing}",
        )
        return

    if kind == "additionalProperties":
        allowed = list(sub.get("properties", {}))
        instance = error.instance if isinstance(error.instance, dict) else {}
        for key in instance:
            if key in allowed:
                continue
            key_path = (*path, key)
            advice = did_you_mean(key, allowed, schema_file(schema))
            if instance[key] is None and (" " in str(key) or not str(key).isascii()):
                # `{vi: Cơ quan, tổ chức}`: inside { } a comma ends the value.
                yield problem(
                    rel, doc.at(key_path, key=True), "field-unknown",
                    f"«{key}» bị tách thành một trường riêng: dấu phẩy trong {{ }} đã cắt đôi "
                    "giá trị đứng trước",
                    f"'{key}' became a field of its own: a comma inside {{ }} cut the value "
                    "before it in two",
                    field=dotted(key_path),
                    hint_vi="đặt cả giá trị trong ngoặc kép: vi: \"Cơ quan, tổ chức\"",
                    hint_en="quote the whole value: vi: \"Cơ quan, tổ chức\"",
                )
                continue
            yield problem(
                rel, doc.at(key_path, key=True), "field-unknown",
                f"trường «{key}» không có trong mô hình nội dung{advice.vi}",
                f"unknown field '{key}'{advice.en}",
                field=dotted(key_path),
                hint_vi="các trường được phép: " + ", ".join(allowed),
                hint_en="allowed fields: " + ", ".join(allowed),
            )
        return

    pos = doc.at(path)
    value = error.instance
    vi_label, en_label = label(sub)
    subject_vi = f"«{name}»" if name else "nội dung tệp"
    subject_en = f"'{name}'" if name else "the file's content"

    if kind == "type":
        expected = error.validator_value
        expected = [expected] if isinstance(expected, str) else list(expected)
        found = _type_name(value)
        if not path:
            yield problem(
                rel, pos, "yaml-structure",
                f"nội dung tệp phải là {_TYPE_VI[expected[0]]}, đang là {_TYPE_VI[found]}",
                f"the file's content must be {_TYPE_EN[expected[0]]}, found {_TYPE_EN[found]}",
                hint_vi=f"so với ví dụ trong {schema_file(schema)}",
                hint_en=f"compare with the example in {schema_file(schema)}",
            )
            return
        exp_vi = " hoặc ".join(_TYPE_VI[t] for t in expected)
        exp_en = " or ".join(_TYPE_EN[t] for t in expected)
        hint_vi, hint_en = _type_hint(expected, value, _example(sub))
        yield problem(
            rel, pos, "field-type",
            f"{subject_vi} phải là {exp_vi}, đang là {_TYPE_VI[found]} «{shown(value)}»",
            f"{subject_en} must be {exp_en}, found {_TYPE_EN[found]} '{shown(value)}'",
            field=name, hint_vi=hint_vi, hint_en=hint_en,
        )
        return

    if kind == "enum":
        allowed = [str(v) for v in error.validator_value]
        advice = did_you_mean(value, allowed, f"scripts/noidung/content/schemas/{schema.kind}.yml")
        yield problem(
            rel, pos, "field-value",
            f"{subject_vi} có giá trị «{shown(value)}», cần một trong: {', '.join(allowed)}"
            f"{advice.vi}",
            f"{subject_en} is '{shown(value)}', expected one of: {', '.join(allowed)}"
            f"{advice.en}",
            field=name, hint_vi=vi_label, hint_en=en_label,
        )
        return

    if kind == "pattern":
        text = str(value)
        if sub.get("format") == "date":
            yield date_form(rel, pos, path, text)
            return
        if sub.get("x-id") and "x-expected" not in sub:
            proposal = slug(text)
            yield problem(
                rel, pos, "id-format",
                f"{subject_vi} là «{shown(text)}», cần chữ thường không dấu, chữ số, nối bằng "
                "gạch ngang",
                f"{subject_en} is '{shown(text)}', expected lowercase ASCII letters and digits "
                "joined by hyphens",
                field=name,
                hint_vi=f"viết «{proposal}»" if proposal else "ví dụ thang-hanh-dong-2025",
                hint_en=f"write '{proposal}'" if proposal else "e.g. thang-hanh-dong-2025",
            )
            return
        exp_vi, _, exp_en = str(sub.get("x-expected", vi_label + " / " + en_label)).partition(
            " / ")
        yield problem(
            rel, pos, "field-value",
            f"{subject_vi} có giá trị «{shown(text)}», cần {exp_vi}",
            f"{subject_en} is '{shown(text)}', expected {exp_en or exp_vi}",
            field=name,
            hint_vi=f"ví dụ: {_example(sub)}" if _example(sub) else "",
            hint_en=f"for example: {_example(sub)}" if _example(sub) else "",
        )
        return

    if kind in ("minItems", "minLength"):
        yield problem(
            rel, pos, "field-value",
            f"{subject_vi} đang để trống, cần ít nhất một giá trị",
            f"{subject_en} is empty, expected at least one value",
            field=name, hint_vi=f"ví dụ: {_example(sub)}" if _example(sub) else vi_label,
            hint_en=f"for example: {_example(sub)}" if _example(sub) else en_label,
        )
        return

    if kind == "uniqueItems":
        seen: set[str] = set()
        repeated = []
        for v in map(shown, value):
            if v in seen:
                repeated.append(v)
            seen.add(v)
        yield problem(
            rel, pos, "field-value",
            f"{subject_vi} có giá trị lặp lại: {', '.join(repeated)}",
            f"{subject_en} repeats a value: {', '.join(repeated)}",
            field=name, hint_vi="xóa giá trị lặp", hint_en="delete the repeated value",
        )
        return

    if kind in ("minimum", "maximum"):
        word_vi = "nhỏ nhất" if kind == "minimum" else "lớn nhất"
        word_en = "at least" if kind == "minimum" else "at most"
        yield problem(
            rel, pos, "field-value",
            f"{subject_vi} là {shown(value)}, giá trị {word_vi} cho phép là "
            f"{error.validator_value}",
            f"{subject_en} is {shown(value)}, expected {word_en} {error.validator_value}",
            field=name,
        )
        return

    yield problem(  # any other JSON Schema keyword: jsonschema's own words
        rel, pos, "field-value",
        f"{subject_vi} không hợp lệ ({error.message[:160]})",
        f"{subject_en} is not valid ({error.message[:160]})", field=name,
    )


def _type_hint(expected: list[str], value: Any, example: str) -> tuple[str, str]:
    if "array" in expected and isinstance(value, str):
        items = [p.strip() for p in re.split(r"[,;]", value) if p.strip()]
        listed = "[" + ", ".join(items) + "]"
        return (f"viết dạng danh sách: {listed} (hoặc mỗi giá trị một dòng bắt đầu bằng '- ')",
                f"write a list: {listed} (or one item per line starting with '- ')")
    if "string" in expected and isinstance(value, bool | int | float):
        return (f"đặt giá trị trong ngoặc kép: \"{shown(value)}\"",
                f"put the value in double quotes: \"{shown(value)}\"")
    if "boolean" in expected:
        return "viết true (có) hoặc false (không)", "write true or false"
    if "integer" in expected and isinstance(value, str):
        digits = "".join(re.findall(r"\d+", value))
        return (f"chỉ ghi chữ số{': ' + digits if digits else ''}",
                f"write digits only{': ' + digits if digits else ''}")
    return (f"ví dụ: {example}", f"for example: {example}") if example else ("", "")
