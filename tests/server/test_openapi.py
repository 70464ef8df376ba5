"""``/api/openapi.json`` against the real app: same routes both ways, references resolve,
example requests succeed and their answers fit the declared schemas (a light check)."""

from __future__ import annotations

import re

import pytest

from tests.server.conftest import make_app

JSON_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "null": type(None),
}


@pytest.fixture(scope="module")
def app(built_data):
    app = make_app(f"embedded:{built_data}", QUERY_TIMEOUT=30.0)
    yield app
    app.extensions["perwali.backend"].close()


@pytest.fixture(scope="module")
def spec(app):
    response = app.test_client().get("/api/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    return response.get_json()


def api_rules(app) -> dict[str, set[str]]:
    """``{"/api/cite": {"get"}, ...}`` from the Flask url_map, in OpenAPI path syntax."""
    rules: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/"):
            path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
            methods = {m.lower() for m in rule.methods} - {"head", "options"}
            rules.setdefault(path, set()).update(methods)
    return rules


def test_document_is_openapi_3_1(spec):
    assert spec["openapi"] == "3.1.0"
    assert spec["info"]["title"] and spec["info"]["version"]
    assert spec["components"]["schemas"]["Error"]["required"] == ["code", "message"]


def test_every_documented_path_is_a_route_and_every_api_route_is_documented(app, spec):
    documented = {
        path: {m for m in item if m in ("get", "post", "put", "delete", "patch")}
        for path, item in spec["paths"].items()
    }
    assert documented == api_rules(app)
    assert {"/api/cite", "/api/cite/extract", "/api/openapi.json"} <= set(documented)


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def test_every_reference_resolves(spec):
    for ref in set(_refs(spec)):
        assert ref.startswith("#/components/schemas/"), ref
        assert ref.rsplit("/", 1)[1] in spec["components"]["schemas"], ref


def test_operation_ids_are_unique_and_errors_are_json(spec):
    ids = []
    for item in spec["paths"].values():
        for operation in item.values():
            ids += [operation["operationId"]] if "operationId" in operation else []
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    schema = resolve(spec, response["content"]["application/json"]["schema"])
                    for option in schema.get("anyOf", schema.get("oneOf", [schema])):
                        required = set(resolve(spec, option).get("required", []))
                        assert {"code", "message"} <= required, status
    assert len(ids) == len(set(ids))


def resolve(spec, schema):
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def fits(spec, schema, value, where="$") -> list[str]:
    """Problems of ``value`` against ``schema`` (type, required, properties, items, enum,
    const, oneOf/anyOf): a light check, not a full JSON Schema validator."""
    schema = resolve(spec, schema)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            options = [fits(spec, option, value, where) for option in schema[key]]
            return [] if any(not problems for problems in options) else [f"{where}: no {key} fits"]
    problems = []
    kinds = schema.get("type")
    if kinds:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        matched = any(
            isinstance(value, JSON_TYPES[k])
            and not (k in ("integer", "number") and isinstance(value, bool))
            for k in kinds
        )
        if not matched:
            return [f"{where}: {type(value).__name__} is not {kinds}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        problems.append(f"{where}: {value!r} != {schema['const']!r}")
    if isinstance(value, dict):
        problems += [
            f"{where}: missing {key}" for key in schema.get("required", []) if key not in value
        ]
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                problems += fits(spec, sub, value[key], f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value[:50]):
            problems += fits(spec, schema["items"], item, f"{where}[{i}]")
    return problems


def example_requests(spec):
    """One request per documented example: query parameters and request bodies."""
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            parameters = operation.get("parameters", [])
            required = [p for p in parameters if p.get("required")]
            if any("example" not in p for p in required):
                continue
            query = {p["name"]: p["example"] for p in parameters if "example" in p}
            content = operation.get("requestBody", {}).get("content")
            if not content:
                yield path, method, operation, {"query_string": query}
                continue
            for media, body in content.items():
                if "example" not in body:
                    continue
                kwargs = {"query_string": query}
                if media == "application/json":
                    kwargs["json"] = body["example"]
                else:
                    kwargs.update(data=body["example"], content_type=media)
                yield path, method, operation, kwargs


def test_example_requests_answer_as_documented(app, spec):
    client = app.test_client()
    ran = []
    for path, method, operation, kwargs in example_requests(spec):
        response = client.open(path, method=method.upper(), **kwargs)
        declared = operation["responses"]
        assert str(response.status_code) in declared, (
            path,
            response.status_code,
            response.data[:300],
        )
        content = declared[str(response.status_code)].get("content", {})
        if response.mimetype == "application/json" and "application/json" in content:
            problems = fits(spec, content["application/json"]["schema"], response.get_json())
            assert not problems, (path, problems[:5])
        ran.append(path)
    assert {"/api/cite", "/api/cite/extract", "/api/openapi.json"} <= set(ran)


@pytest.mark.parametrize(
    ("path", "kwargs", "status"),
    [
        ("/api/cite", {"query_string": {"ref": "Pasal 21 ayat (9) Perwali Palu 28/2023"}}, 404),
        ("/api/cite", {"query_string": {"ref": "Pasal 9"}}, 300),
        ("/api/cite", {"query_string": {"ref": "bukan rujukan"}}, 400),
        ("/api/cite", {"query_string": {}}, 400),
    ],
)
def test_cite_outcomes_fit_their_schemas(app, spec, path, kwargs, status):
    response = app.test_client().get(path, **kwargs)
    assert response.status_code == status
    schema = spec["paths"][path]["get"]["responses"][str(status)]["content"]["application/json"]
    assert not fits(spec, schema["schema"], response.get_json())


def test_light_checker_catches_a_wrong_shape(spec):
    schema = {"$ref": "#/components/schemas/CiteAnswer"}
    assert fits(spec, schema, {"citation": 3})
    assert fits(spec, {"$ref": "#/components/schemas/Error"}, {"code": "x"}) == [
        "$: missing message"
    ]


def test_the_document_is_valid_openapi_3_1(spec):
    """The full schema check of openapi-spec-validator (a test dependency)."""
    import openapi_spec_validator

    openapi_spec_validator.validate(spec)


def test_every_api_route_answers_bad_requests_in_the_error_contract(app):
    """No parameters, an empty body, a wrong method: JSON {code, message}, never a 500."""
    client = app.test_client()
    for path, methods in api_rules(app).items():
        if "{" in path:
            continue
        for method in methods:
            response = client.open(path, method=method.upper(), data=b"", content_type="text/plain")
            assert response.status_code != 500, (method, path)
            if response.status_code >= 400:
                body = response.get_json()
                assert set(body) >= {"code", "message"}, (method, path, body)
        wrong = client.open(path, method="PUT")
        assert wrong.status_code == 405 and wrong.get_json()["code"], path
