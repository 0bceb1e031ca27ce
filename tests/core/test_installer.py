"""The Windows installer script and the CI workflow agree with the spec and pyproject.

Neither can run here (Inno Setup and the Windows and macOS runners are
elsewhere), so what would break them quietly is read from the files: a
changed AppId (a second copy instead of an upgrade), an admin install, a
version typed by hand, an executable name the bundle does not have.
"""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT
from tests.core.test_bundle_spec import spec_settings

ISS = ROOT / "packaging" / "windows" / "ici-la-bas.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "bundle.yml"
# Fixed once for all versions: if this test fails because the AppId changed, put it back.
APP_ID = "{{75C77E93-F887-4372-8A34-87F230F5D151}"


def setup_entries() -> dict[str, str]:
    """The [Setup] section's Key=Value lines."""
    text = ISS.read_text(encoding="utf-8-sig")
    section = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    return dict(line.split("=", 1) for line in section.splitlines()
                if "=" in line and not line.startswith(";"))


def defines() -> dict[str, str]:
    text = ISS.read_text(encoding="utf-8-sig")
    return dict(re.findall(r'#define (\w+) "([^"]*)"', text))


def test_per_user_install_without_admin_rights() -> None:
    setup = setup_entries()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith(("{autopf}", "{localappdata}\\Programs"))


def test_app_id_never_changes() -> None:
    assert setup_entries()["AppId"] == APP_ID


def test_start_menu_entry_and_the_data_left_at_uninstall() -> None:
    text = ISS.read_text(encoding="utf-8-sig")
    assert defines()["AppName"] == "Ici & Là-bas"
    assert '{autoprograms}\\{#AppName}"; Filename: "{app}\\{#AppExeName}"' in text
    sections = [line.strip() for line in text.splitlines() if line.startswith("[")]
    assert "[UninstallDelete]" not in sections  # the user's data is never deleted


def test_version_comes_from_pyproject_through_the_workflow() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    text = ISS.read_text(encoding="utf-8-sig")
    assert setup_entries()["AppVersion"] == "{#AppVersion}"
    assert "#ifndef AppVersion" in text and version not in text
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert "tomllib.load(open('pyproject.toml', 'rb'))['project']['version']" in workflow
    assert "/DAppVersion=${{ steps.version.outputs.version }}" in workflow
    assert "packaging\\windows\\ici-la-bas.iss" in workflow


def test_executable_and_bundle_folder_agree_with_the_spec() -> None:
    name = spec_settings()["NAME"]
    assert defines()["AppExeName"] == f"{name}.exe"
    assert defines()["BundleDir"] == f"..\\..\\dist\\{name}"
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert "python -m tools.bundle dist" in workflow
    assert f"dist\\{name}\\{name}.exe -ArgumentList '--self-test'" in workflow
    assert f"dist/{name}/{name} --self-test" in workflow
    for runner in ("windows-latest", "macos-latest"):
        assert runner in workflow
