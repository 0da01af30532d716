"""The workbench in Firefox (Debian's firefox-esr, driven through its own Marionette protocol with Mozilla's
marionette-driver from PyPI; Selenium's Firefox driver would need geckodriver, which Debian does not package):
sign in, fill the project form, watch the live grade follow a fact across a band, fill the form from the
explanation, save and open the report; every main page at a 390 px phone width fits without sideways scrolling.
Screenshots at 1280 px and 390 px go beside Chromium's, named firefox-*."""
import os
import shutil
import socket
import subprocess
import tempfile
import time

import pytest

from conftest import PASSWORDS, SHOTS

REQUIRED = bool(os.environ.get("WENPING_REQUIRE_FIREFOX"))
try:
    from marionette_driver.by import By
    from marionette_driver.marionette import Marionette
except ImportError:
    if REQUIRED:
        raise
    pytest.skip("marionette-driver is not installed", allow_module_level=True)
FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox")
if not FIREFOX:
    if REQUIRED:
        raise RuntimeError("WENPING_REQUIRE_FIREFOX is set but firefox-esr is not installed")
    pytest.skip("firefox-esr is not installed", allow_module_level=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def firefox():
    port = free_port()
    profile = tempfile.mkdtemp(prefix="wenping-firefox-")
    with open(os.path.join(profile, "user.js"), "w") as prefs:
        prefs.write(f'user_pref("marionette.port", {port});\nuser_pref("intl.accept_languages", "zh-CN");\n'
                    # Scrollbars over the page, as on a phone, so that a page is laid out at the whole width.
                    'user_pref("ui.useOverlayScrollbars", 1);\n')
    # System access lets the test set the page zoom from Firefox's chrome context (see `phone_width`).
    process = subprocess.Popen([FIREFOX, "--headless", "--marionette", "-remote-allow-system-access", "--no-remote",
                                "--profile", profile],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = Marionette(host="127.0.0.1", port=port, startup_timeout=120)
    client.start_session()
    client.set_window_rect(width=1280, height=1000)
    yield client
    try:
        client.delete_session()
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)


def until(condition, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except Exception:  # the element is not there yet, or the panel was just replaced
            pass
        time.sleep(0.2)
    raise AssertionError("condition not met within %s s" % timeout)


def text_of(client, element_id):
    found = client.find_elements(By.ID, element_id)
    return found[0].text if found else None


def type_into(client, element_id, value):
    element = client.find_element(By.ID, element_id)
    element.clear()
    element.send_keys(value)


def choose(client, element_id, value):
    client.execute_script(
        "var s = document.getElementById(arguments[0]); s.value = arguments[1];"
        "s.dispatchEvent(new Event('change', {bubbles: true}));", script_args=[element_id, value])


class phone_width:
    """A 390 CSS px wide viewport, as on a phone, for the `with` block.

    Headless Firefox keeps its window at least 500 px wide, so the window is made 520 px wide and the page zoomed
    to 4/3 (Firefox's full zoom, as Ctrl + does): the page then lays out in a viewport of 520 / (4/3) = 390 CSS px,
    and its media queries see 390 px, as on a phone with 390 CSS px. (4/3 is a zoom Firefox keeps exactly: 45 of
    its 60 app units per device pixel.)"""

    def __init__(self, client):
        self.client = client

    def zoom(self, value):
        with self.client.using_context("chrome"):
            self.client.execute_script("gBrowser.selectedBrowser.fullZoom = arguments[0];", script_args=[value])

    def __enter__(self):
        self.client.set_window_rect(width=520, height=900)
        self.zoom(4 / 3)
        until(lambda: self.client.execute_script("return document.documentElement.clientWidth") == 390, timeout=10)
        return self

    def __exit__(self, *exc):
        self.zoom(1)
        self.client.set_window_rect(width=1280, height=1000)


def overflow(client):
    """How many CSS px the page is wider than the viewport (0 when nothing needs sideways scrolling)."""
    return client.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")


def screenshot(client, name):
    """Whole-page screenshots at 1280 px and at a 390 px phone width (see `phone_width`); checks that the page
    fits the phone's width (wide tables scroll inside their own box, never the page)."""
    SHOTS.mkdir(exist_ok=True)
    client.set_window_rect(width=1280, height=900)
    time.sleep(0.3)
    client.execute_script("window.scrollTo(0, 0)")
    with open(SHOTS / f"firefox-{name}-1280.png", "wb") as out:
        out.write(client.screenshot(format="binary", full=True))
    with phone_width(client):
        time.sleep(0.3)
        client.execute_script("window.scrollTo(0, 0)")
        assert overflow(client) <= 0, f"{name}: {overflow(client)} px wider than a 390 px phone screen"
        with open(SHOTS / f"firefox-{name}-390.png", "wb") as out:
            out.write(client.screenshot(format="binary", full=True))


def test_planner_path_in_firefox(server, firefox):
    client = firefox
    client.navigate(server + "/login")
    type_into(client, "name", "planner")
    type_into(client, "password", PASSWORDS["planner"])
    client.find_element(By.ID, "login-submit").click()
    until(lambda: "/login" not in client.get_url())
    client.navigate(server + "/projects/new?ruleset=shaanxi/xian/house-expropriation")
    type_into(client, "project-id", "FF-001")
    type_into(client, "project-name", "火狐浏览器中的项目")
    for name, value in {"households": "260", "comment_period_days": "30", "offered_price": "7,200",
                        "market_price": "7,000", "transition_months": "18", "opposition_rate": "4%",
                        "survey_coverage": "97％", "petitions_5y": "0"}.items():
        type_into(client, "f-" + name, value)
    for name, value in {"purpose": "affordable_housing", "plan_conformity": "true", "in_annual_plan": "true",
                        "funds_in_place": "true", "resettlement_housing_ready": "true", "media_sentiment": "none",
                        "emergency_plan": "true"}.items():
        choose(client, "f-" + name, value)
    until(lambda: text_of(client, "live-before"))
    assert "反对率超过33%" not in client.find_element(By.ID, "live").text
    type_into(client, "f-opposition_rate", "40%")
    until(lambda: "反对率超过33%" in client.find_element(By.ID, "live").text)
    assert text_of(client, "live-before") == "高"
    type_into(client, "f-opposition_rate", "4%")
    until(lambda: "反对率超过33%" not in client.find_element(By.ID, "live").text)
    # The explanation's first offered change goes into the form.
    client.find_element(By.CSS_SELECTOR, "#explain > summary").click()
    client.execute_script("document.querySelectorAll('#explain details').forEach(function (d) { d.open = true; });")
    link = client.find_element(By.CSS_SELECTOR, "#explain a.try[data-field]")
    field, value = link.get_attribute("data-field"), link.get_attribute("data-value")
    link.click()
    until(lambda: client.find_element(By.ID, "f-" + field[len("fact."):]).get_property("value") == value)
    screenshot(client, "project-form")
    client.find_element(By.ID, "save-button").click()
    until(lambda: "/assessments/" in client.get_url())
    assert text_of(client, "grade-before") in ("高", "中", "低")
    screenshot(client, "assessment")
    client.find_element(By.ID, "report-html").click()
    until(lambda: "火狐浏览器中的项目" in client.page_source)
    # The other main pages at both widths.
    for name, path in [("projects", "/projects"), ("history", "/projects/FF-001"), ("edit", "/projects/FF-001/edit"),
                       ("batch", "/batch"), ("rules", "/rules")]:
        client.navigate(server + path)
        until(lambda: client.find_elements(By.TAG_NAME, "h1"))
        screenshot(client, name)
