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


# The left edge, in CSS pixels, of the first `character` on line `line` (0-based) of a <pre>, however the line is
# split into text nodes and boxes.
LEFT_OF = """
const [pre, line, character] = arguments;
const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
let current = 0;
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  for (let i = 0; i < node.data.length; i++) {
    if (node.data[i] === "\\n") { current++; continue; }
    if (current === line && node.data[i] === character) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect().left;
    }
  }
}
return null;
"""


def test_the_caret_stands_under_the_chinese_text_it_points_at(browser):
    """A diagnostic after Chinese text on its line (E402 on a value in a flow mapping): the caret in the index stands
    under the value's first character, not columns to its right (a Chinese character is two columns of the caret
    line, and must be two columns wide on the page whatever font draws it)."""
    driver = browser
    with tempfile.TemporaryDirectory(prefix="wenping-index-") as work:
        folder = pathlib.Path(work)
        (folder / "in").mkdir()
        source = (ROOT / "Fixtures/projects/house-expropriation/cd-school-low.yaml").read_text(encoding="utf-8")
        # The facts as one flow mapping (the block's other facts dropped: their E404s are beside the point).
        source = "\n".join(line for line in source.split("\n") if not line.startswith("  ")).replace(
            "facts:\n", "facts: {purpose: 公共事业, media_sentiment: 无负面舆情, households: 很多户}\n", 1)
        (folder / "in" / "cjk.yaml").write_text(source, encoding="utf-8")
        binary = os.environ.get("WENPING_BIN", str(ROOT / ".build/debug/wenping"))
        subprocess.run([binary, "batch", str(folder / "in"), "--rules", str(ROOT / "Rules"), "--output",
                        str(folder / "out")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        driver.get((folder / "out" / "index.html").as_uri())
        pre = [p for p in driver.find_elements(By.CSS_SELECTOR, "td.error pre.excerpt") if "很多户" in p.text][0]
        value = driver.execute_script(LEFT_OF, pre, 0, "很")
        caret = driver.execute_script(LEFT_OF, pre, 1, "^")
        bar, bar_below = (driver.execute_script(LEFT_OF, pre, line, "|") for line in (0, 1))
        assert value is not None and caret is not None
        assert abs(bar - bar_below) < 0.5
        assert abs(caret - value) < 1, f"caret at {caret} px, the value it points at at {value} px"
