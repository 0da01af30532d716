"""Fixtures for the workbench's browser tests: a `wenping serve` on a loopback port with a fresh ledger, users of
each role, and headless Chromium driven through Selenium (chromium-driver from Debian)."""
import json
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHOTS = pathlib.Path(__file__).resolve().parent / "screenshots"
PASSWORDS = {"admin": "browser-admin-password", "planner": "planner-password-1", "reviewer": "reviewer-password-1"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(base, path, body=None, cookie=None, csrf=None):
    headers = {"Content-Type": "application/json"}
    if cookie:
        headers["Cookie"] = cookie
    if csrf:
        headers["X-CSRF-Token"] = csrf
    request = urllib.request.Request(base + path, method="POST" if body is not None else "GET", headers=headers,
                                     data=json.dumps(body).encode() if body is not None else None)
    return urllib.request.urlopen(request, timeout=30)


class Server(str):
    """The server's base URL (a string), with the folder of the rules it serves."""

    def __new__(cls, base, rules):
        value = super().__new__(cls, base)
        value.rules = rules
        return value


def start_server(work, port):
    """Starts `wenping serve` on `work`'s ledger, rules and jobs folder (made by `server`) and waits until it answers;
    the process and its base URL. The log is appended to `work/server.log`."""
    binary = os.environ.get("WENPING_BIN", str(ROOT / ".build/debug/wenping"))
    log = open(work / "server.log", "a")
    process = subprocess.Popen(
        [binary, "serve", "--port", str(port), "--ledger", str(work / "wenping.sqlite"), "--rules", str(work / "Rules"),
         "--admin-password-file", str(work / "admin-password"), "--jobs-folder", str(work / "jobs"),
         "--bcrypt-cost", "4"], stdout=log, stderr=log)
    log.close()
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return process, base
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("server exited: " + (work / "server.log").read_text())
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not start: " + (work / "server.log").read_text())


def stop_server(process, sig=signal.SIGTERM):
    process.send_signal(sig)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def new_server_folder():
    """A fresh folder with the admin password and a copy of the rules (so that a test can break them and watch a
    reload be refused)."""
    work = pathlib.Path(tempfile.mkdtemp(prefix="wenping-browser-"))
    (work / "admin-password").write_text(PASSWORDS["admin"])
    shutil.copytree(ROOT / "Rules", work / "Rules")
    return work


def add_users(base):
    """Signs in as admin and creates the planner and the reviewer."""
    response = api(base, "/api/v1/login", {"name": "admin", "password": PASSWORDS["admin"]})
    cookie = response.headers["Set-Cookie"].split(";")[0]
    csrf = json.load(response)["csrfToken"]
    for name, role in [("planner", "编制"), ("reviewer", "审核")]:
        api(base, "/api/v1/users", {"name": name, "role": role, "password": PASSWORDS[name]}, cookie, csrf)


@pytest.fixture(scope="session")
def server():
    work = new_server_folder()
    process, base = start_server(work, free_port())
    add_users(base)
    yield Server(base, work / "Rules")
    stop_server(process)
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--lang=zh-CN"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


def at_width(driver, width, height=900):
    """Resizes the window to `width` CSS pixels and waits until the page is laid out at that width."""
    driver.set_window_size(width, height)
    for _ in range(50):
        if driver.execute_script("return window.innerWidth") <= width:
            break
        time.sleep(0.05)
    time.sleep(0.2)


def assert_no_sideways_scroll(driver, widths=(1280, 390)):
    """The page at each of `widths` is no wider than the window (a table may scroll inside its own box, the page
    itself never scrolls sideways); names the widest elements when it is."""
    for width in widths:
        at_width(driver, width)
        page, window = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        culprits = driver.execute_script("""
            const limit = window.innerWidth;
            return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > limit + 1)
                .slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' '
                    + Math.round(e.getBoundingClientRect().right));
        """)
        assert page <= window, f"{driver.current_url} at {width} px: page {page} px wide > window {window} px: {culprits}"
    driver.set_window_size(1280, 1000)


def screenshot(driver, name):
    """Writes `name`-1280.png and `name`-390.png (whole page) into Tests/Browser/screenshots (not committed)."""
    SHOTS.mkdir(exist_ok=True)
    for width in (1280, 390):
        driver.set_window_size(width, 900)
        # Measure the page only once it is laid out at the new width.
        for _ in range(50):
            if driver.execute_script("return window.innerWidth") <= width:
                break
            time.sleep(0.05)
        time.sleep(0.2)
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 12000)")
        driver.set_window_size(width, max(height, 600))
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(str(SHOTS / f"{name}-{width}.png"))
    driver.set_window_size(1280, 1000)
