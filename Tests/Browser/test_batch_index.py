"""A batch's index.html in a real browser: long diagnostics (E202 lists every accepted field) wrap, and the page
never scrolls sideways, neither at 1280 px nor on a phone (390 px), where the table reads as one card per input."""
import json
import os
import pathlib
import subprocess
import tempfile

from selenium.webdriver.common.by import By

from conftest import ROOT, assert_no_sideways_scroll, screenshot


def make_batch(folder):
    """A batch of the fixture's inputs plus a project with an unknown field (E202) and one with a misspelt fact
    (E401), written to `folder`/out; the index's path."""
    lines = (ROOT / "Fixtures/batch/projects.jsonl").read_text(encoding="utf-8").splitlines()
    unknown = json.loads(lines[0])
    unknown["id"], unknown["colour"] = "XA-UNKNOWN-FIELD", "红"
    misspelt = json.loads(lines[0])
    misspelt["id"] = "XA-MISSPELT-FACT"
    misspelt["facts"]["househods"] = 3
    projects = folder / "projects.jsonl"
    projects.write_text("\n".join(lines[:4] + [json.dumps(p, ensure_ascii=False) for p in (unknown, misspelt)])
                        + "\n", encoding="utf-8")
    binary = os.environ.get("WENPING_BIN", str(ROOT / ".build/debug/wenping"))
    subprocess.run([binary, "batch", str(projects), "--rules", str(ROOT / "Rules"), "--output", str(folder / "out")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return folder / "out" / "index.html"


def test_long_messages_wrap_and_the_page_fits(browser):
    driver = browser
    with tempfile.TemporaryDirectory(prefix="wenping-index-") as work:
        index = make_batch(pathlib.Path(work))
        driver.get(index.as_uri())
        errors = driver.find_elements(By.CSS_SELECTOR, "td.error")
        assert any("E202" in cell.text and "sign_off" in cell.text for cell in errors)
        assert_no_sideways_scroll(driver)
        for width in (1280, 390):
            driver.set_window_size(width, 900)
            # Each message wraps inside its cell; the quoted source lines stay inside the window too.
            for element in driver.find_elements(By.CSS_SELECTOR, "td.error .message, td.error pre.excerpt"):
                right = driver.execute_script("return arguments[0].getBoundingClientRect().right", element)
                assert right <= driver.execute_script("return window.innerWidth"), element.text[:80]
            message = [m for m in driver.find_elements(By.CSS_SELECTOR, "td.error .message") if "E202" in m.text][0]
            lines = driver.execute_script(
                "const s = getComputedStyle(arguments[0]);"
                "return arguments[0].getBoundingClientRect().height / parseFloat(s.lineHeight)", message)
            assert lines >= 2, f"the E202 message should wrap at {width} px"
        # On a phone each cell says which column it is.
        driver.set_window_size(390, 900)
        label = driver.execute_script(
            "return getComputedStyle(document.querySelector('tbody td:nth-child(2)'), '::before').content")
        assert label == '"项目编号"'
        screenshot(driver, "batch-index")
