"""Batch jobs across a restart of the real service: a finished job is still listed with its summary and ZIP after
`wenping serve` stops and starts again, and a job that was running when it stopped (SIGTERM in the middle of the
grading) is shown as 已中断, with its progress, not as running forever; running it again from the stored file
finishes."""
import http.client
import io
import json
import re
import shutil
import time
import urllib.parse
import zipfile

from conftest import PASSWORDS, ROOT, add_users, free_port, new_server_folder, screenshot, start_server, stop_server
from test_workbench import login, wait


def request(base, method, path, body=None, headers=None):
    """One request without following redirects: (status, headers, body text)."""
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(base).netloc, timeout=60)
    connection.request(method, path, body=body.encode() if isinstance(body, str) else body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, response.headers, data


def sign_in(base, name):
    status, headers, data = request(base, "POST", "/api/v1/login",
                                    json.dumps({"name": name, "password": PASSWORDS[name]}),
                                    {"Content-Type": "application/json"})
    assert status == 200, data
    return {"Cookie": headers["Set-Cookie"].split(";")[0], "X-CSRF-Token": json.loads(data)["csrfToken"]}


def upload(base, caller, text, file_name):
    """Uploads `text` as the batch page's form does (multipart, the file under its name); the job's page."""
    boundary = "wenping-restart-test-boundary"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="format"\r\n\r\njsonl\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
            f'Content-Type: application/x-ndjson\r\n\r\n{text}\r\n--{boundary}--\r\n').encode()
    status, headers, data = request(base, "POST", "/batch", body,
                                    dict(caller, **{"Content-Type": f"multipart/form-data; boundary={boundary}"}))
    assert status == 303, data[:500]
    return headers["Location"]


def page(base, caller, path):
    status, _, data = request(base, "GET", path, headers={"Cookie": caller["Cookie"]})
    assert status == 200, (path, status)
    return data.decode()


def test_batch_jobs_survive_a_restart(browser):
    work = new_server_folder()
    process, base = start_server(work, free_port())
    try:
        add_users(base)
        planner = sign_in(base, "planner")
        lines = (ROOT / "Fixtures/batch/projects.jsonl").read_text()
        finished = upload(base, planner, lines, "five.jsonl")
        deadline = time.monotonic() + 60
        while "batch-result" not in page(base, planner, finished):
            assert time.monotonic() < deadline, "the small batch did not finish"
            time.sleep(0.2)
        # A batch large enough to be stopped in the middle: the first valid project, 2,500 times under new ids (3 MB, under the 4 MB upload limit).
        first = next(line for line in lines.splitlines() if line.strip())
        big = "\n".join(first.replace('"XA-2025-002"', f'"RS-{n:05d}"', 1) for n in range(2500)) + "\n"
        running = upload(base, planner, big, "big.jsonl")
        deadline = time.monotonic() + 120
        while True:
            text = page(base, planner, running)
            done = re.search(r'id="batch-progress" max="\d+" value="(\d+)"', text)
            assert done, "the job finished or failed before it could be stopped: " + text[:500]
            if int(done.group(1)) > 0:
                break
            assert time.monotonic() < deadline, "the job made no progress"
            time.sleep(0.1)
        stop_server(process)
        process, base = start_server(work, free_port())
        planner = sign_in(base, "planner")
        text = page(base, planner, running)
        assert 'id="batch-interrupted"' in text and 'http-equiv="refresh"' not in text
        stopped_at = int(re.search(r"停止前已处理约 (\d+) 个项目", text).group(1))
        assert 0 < stopped_at < 2500
        listing = page(base, planner, "/batch")
        assert "已中断" in listing and "已完成" in listing
        status, headers, data = request(base, "GET", finished + "/reports.zip", headers={"Cookie": planner["Cookie"]})
        assert status == 200 and headers["Content-Type"] == "application/zip"
        assert "summary.json" in zipfile.ZipFile(io.BytesIO(data)).namelist()
        admin = sign_in(base, "admin")
        assert "batch.interrupted" in page(base, admin, "/admin")
        driver = browser
        login(driver, base, "planner")
        driver.get(base + running)
        screenshot(driver, "batch-interrupted")
        driver.get(base + "/batch")
        screenshot(driver, "batch-list")
        # The stored file graded again as a new job.
        driver.get(base + running)
        driver.find_element("id", "batch-rerun").click()
        wait(driver, lambda d: d.current_url != base + running and "/batch/" in d.current_url)
        wait(driver, lambda d: d.find_elements("id", "batch-result"), timeout=300)
    finally:
        stop_server(process)
        shutil.rmtree(work, ignore_errors=True)
