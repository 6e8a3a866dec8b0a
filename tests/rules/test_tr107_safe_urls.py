"""TR107: published links are plain https without credentials or script schemes."""

from pathlib import Path

import pytest

from .conftest import mutate


@pytest.mark.parametrize(("url", "problem"), [
    ("javascript:alert(1)", "uses the javascript: scheme"),
    ("data:text/html;base64,PHNjcmlwdD4=", "uses the data: scheme"),
    ("https://trust center.cohere.com/<script>", "is not a valid uri"),
    ("http://trustcenter.cohere.com", "is not https"),
    ("https://user:secret@trustcenter.cohere.com", "carries credentials"),
    ("https://evil.com%2F.cohere.com/", "is not a valid URL"),
    ("https://evil%00.cohere.com/", "is not a valid URL"),
    ("https://evil.com;.cohere.com/", "has a host that is not a valid domain name"),
    ("https://evil.com%5C.cohere.com/", "is not a valid URL"),
    ("https://[v1.x.cohere.com]/", "is not a valid URL"),
    ("https://evil_x.cohere.com/", "has a host that is not a valid domain name"),
    ("https://xn--zz-zzz.cohere.com/", "not a valid internationalised domain name"),
    ("https://192.168.0.1/", "has an IP address as host"),
    ("https://0x7f.1/", "has an IP address as host"),
    ("https://[::1]/", "has an IP address as host"),
])
def test_unsafe_archive_url_fails(registry: Path, check, url: str, problem: str) -> None:
    mutate(registry, lambda d: d["cells"]["soc2_type2"]["sources"][0].update(archived=url))
    result = check(registry, "--select", "TR107")
    assert result.codes() == ["TR107"]
    assert problem in result.lines[0]


def test_https_url_passes(registry: Path, check) -> None:
    mutate(registry, lambda d: d["cells"]["soc2_type2"]["sources"][0].update(
        archived="https://web.archive.org/web/2026/https://trustcenter.cohere.com"))
    assert check(registry, "--select", "TR107").lines == []


@pytest.mark.parametrize(("file", "key", "line"), [("registry.yaml", "license_url", 3),
                                                   ("organisations/cohere.yaml", "trust_center", 6)])
@pytest.mark.parametrize("url", ["javascript:alert(1)", "http://creativecommons.org/licenses/by/4.0/",
                                 "https://user:pw@creativecommons.org/", "data:text/html,x"])
def test_unsafe_url_in_registry_or_organisation_fails(registry: Path, check, file: str, key: str,
                                                      line: int, url: str) -> None:
    path = registry / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[line - 1].startswith(f"{key}: ")
    lines[line - 1] = f"{key}: '{url}'\n"
    path.write_text("".join(lines), encoding="utf-8")
    result = check(registry, "--select", "TR107")
    assert result.status == 1 and len(result.lines) == 1
    assert result.lines[0].startswith(f"{file}:{line}:{len(key) + 3}: TR107 URL {url!r} ")


@pytest.mark.parametrize("key", ["repository", "correction_form", "base_url"])
def test_registry_links_pages_show_are_checked(registry: Path, check, key: str) -> None:
    path = registry / "registry.yaml"
    text = path.read_text(encoding="utf-8")
    line = len(text.splitlines()) + 1
    path.write_text(text + f"{key}: https://user:pw@registry.example/x\n", encoding="utf-8")
    result = check(registry, "--select", "TR107")
    assert result.status == 1 and len(result.lines) == 1
    assert result.lines[0].startswith(f"registry.yaml:{line}:{len(key) + 3}: TR107 URL ")
    path.write_text(text + f"{key}: https://registry.example/x\n", encoding="utf-8")
    assert check(registry, "--select", "TR107").lines == []


def test_a_copy_s_address_must_be_safe_too(registry, check) -> None:
    from .conftest import mutate
    from .evidence import as_draft

    def change(data: dict) -> None:
        as_draft(data, quotes=False)
        data["cells"]["soc2_type2"]["sources"][0]["copy"]["url"] = "javascript:alert(1)"
    mutate(registry, change)
    result = check(registry, "--select", "TR107")
    assert result.codes() == ["TR107"] and "uses the javascript: scheme" in result.lines[0]
