"""The comparison of two assessments on a phone: grades, facts, measures and factor degrees all change, and at
390 px every table shows all its columns without the page (or the table) scrolling sideways."""
import json

from selenium.webdriver.common.by import By

from conftest import PASSWORDS, ROOT, api, assert_no_sideways_scroll, at_width, screenshot
from test_workbench import login, wait

TABLES = ["compare-grades", "compare-facts", "compare-factors"]


def store(server, cookie, csrf, **changes):
    # Graded 低 → 低 as it is (Fixtures/projects/house-expropriation/xa-road-low.yaml as JSON).
    project = json.loads((ROOT / "Fixtures/batch/projects.jsonl").read_text(encoding="utf-8").splitlines()[0])
    project["id"], project["name"] = "XA-PHONE-01", "雁塔区某某路拓宽工程房屋征收(手机上比较两次评估的各项变化)"
    project["facts"].update(changes.pop("facts", {}))
    project.update(changes)
    return json.load(api(server, "/api/v1/projects", project, cookie, csrf))["assessment"]["id"]


def test_comparison_fits_a_phone(server, browser):
    driver = browser
    response = api(server, "/api/v1/login", {"name": "planner", "password": PASSWORDS["planner"]})
    cookie, csrf = response.headers["Set-Cookie"].split(";")[0], json.load(response)["csrfToken"]
    first = store(server, cookie, csrf)
    second = store(server, cookie, csrf, measures=[], facts={
        "opposition_rate": 0.4, "offered_price": 5200, "market_price": 7100, "transition_months": 30,
        "petitions_5y": 12, "media_sentiment": "负面热点", "survey_coverage": 0.61, "funds_in_place": False})
    login(driver, server, "planner")
    driver.get(server + f"/projects/XA-PHONE-01/compare?from={first}&to={second}")
    wait(driver, lambda d: d.find_elements(By.ID, "compare-facts"))
    for table in TABLES:
        assert driver.find_elements(By.CSS_SELECTOR, f"#{table} tbody tr"), f"{table} lists changes"
    assert "取消" in driver.find_element(By.ID, "compare-measures").text
    assert_no_sideways_scroll(driver)
    for width in (1280, 390):
        at_width(driver, width)
        # Not only the page: each table fits whole, every column visible without scrolling its box.
        for table in TABLES:
            right, box = driver.execute_script(
                "var t = document.getElementById(arguments[0]);"
                "return [t.getBoundingClientRect().right, t.parentElement.getBoundingClientRect().right]", table)
            assert right <= box + 1 and right <= driver.execute_script("return window.innerWidth"), \
                f"{table} at {width} px ends at {right}"
            # And no cell's text runs out of its cell (into the next column).
            spilled = driver.execute_script(
                "return [...document.querySelectorAll('#' + arguments[0] + ' th, #' + arguments[0] + ' td')]"
                ".filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent)", table)
            assert not spilled, f"{table} at {width} px: text wider than its cell: {spilled}"
    screenshot(driver, "compare-phone")
