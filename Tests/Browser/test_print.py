"""The main pages printed by Chromium (the same printToPDF as `chromium --headless --print-to-pdf`, through
Selenium so that the pages are signed in): the list, a project's history, a stored assessment, its full report and
a comparison. In print, navigation, buttons and forms are hidden and the content stays whole; the PDFs go beside
the screenshots (print-*.pdf) to be looked at (`pdftoppm -png`)."""
import base64
import json
import shutil
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

from conftest import PASSWORDS, SHOTS, api
from test_workbench import login, wait

PROJECT = {
    "id": "XA-PRINT-01", "name": "雁塔区某某路拓宽工程房屋征收(打印)", "kind": "house_expropriation",
    "jurisdiction": "中国/陕西省/西安市", "location": "西安市雁塔区某某街道", "applicant": "雁塔区房屋征收办公室",
    "scale": "被征收房屋 180 户",
    "facts": {"households": 180, "purpose": "基础设施建设", "plan_conformity": True, "in_annual_plan": True,
              "comment_period_days": 35, "funds_in_place": True, "offered_price": 7475, "market_price": 6500,
              "resettlement_housing_ready": True, "transition_months": 12, "opposition_rate": 0.03,
              "survey_coverage": 0.98, "petitions_5y": 0, "media_sentiment": "无负面舆情", "emergency_plan": True},
    "measures": ["opinion-monitoring"],
}
# Shown on screen, never on paper: the menu and sign-out, the review form, the comparison's pickers and button.
SCREEN_ONLY = ["header.top", "form.review-form", "#compare-submit", ".pick", "form.filters"]


def store(server, cookie, csrf, opposition):
    project = json.loads(json.dumps(PROJECT))
    project["facts"]["opposition_rate"] = opposition
    return json.load(api(server, "/api/v1/projects", project, cookie, csrf))["assessment"]["id"]


def print_pdf(driver, name):
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7  # A4, in cm
    path = SHOTS / f"print-{name}.pdf"
    path.write_bytes(base64.b64decode(driver.print_page(options)))
    return path


def test_main_pages_print_cleanly(server, browser):
    driver = browser
    response = api(server, "/api/v1/login", {"name": "planner", "password": PASSWORDS["planner"]})
    cookie, csrf = response.headers["Set-Cookie"].split(";")[0], json.load(response)["csrfToken"]
    first = store(server, cookie, csrf, 0.03)
    second = store(server, cookie, csrf, 0.06)
    login(driver, server, "reviewer")
    SHOTS.mkdir(exist_ok=True)
    pages = {
        "projects": "/projects",
        "history": "/projects/XA-PRINT-01",
        "assessment": f"/assessments/{second}",
        "report": f"/api/v1/assessments/{second}/report?format=html",
        "compare": f"/projects/XA-PRINT-01/compare?from={first}&to={second}",
    }
    pdftotext = shutil.which("pdftotext")
    for name, path in pages.items():
        driver.get(server + path)
        wait(driver, lambda d: d.find_elements(By.TAG_NAME, "h1"))
        # The page as Chromium lays it out for A4 paper: print media, about 718 CSS px wide (21 cm less its
        # default margins of 1 cm each side at 96 px per inch).
        driver.set_window_size(718, 1000)
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            for selector in SCREEN_ONLY:
                for element in driver.find_elements(By.CSS_SELECTOR, selector):
                    assert not element.is_displayed(), f"{name}: {selector} is printed"
            # Nothing runs off the paper's right edge (a table or figure that would be cut).
            wide = driver.execute_script(
                "var limit = document.documentElement.clientWidth + 1, found = [];"
                "document.querySelectorAll('body *').forEach(function (e) {"
                "  var r = e.getBoundingClientRect();"
                "  if (r.width > 0 && r.right > limit) found.push(e.tagName + '.' + e.className + ' ' + r.right);"
                "}); return found.slice(0, 5);")
            assert not wide, f"{name}: runs off the paper: {wide}"
        finally:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
            driver.set_window_size(1280, 1000)
        pdf = print_pdf(driver, name)
        if pdftotext:
            text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
            assert "退出" not in text and "稳评工作台" not in text, f"{name}: the menu is printed"
            assert "雁塔区某某路拓宽工程房屋征收(打印)" in text or name == "projects", f"{name}: {text[:300]}"
