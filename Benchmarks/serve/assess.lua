-- wrk script: POST one project (the first line of Fixtures/batch/projects.jsonl) to the dry-run endpoint.
-- Run from the repository root: wrk -t2 -c16 -d20s --latency -s Benchmarks/serve/assess.lua URL/api/v1/assess
local file = io.open("Fixtures/batch/projects.jsonl", "r")
wrk.method = "POST"
wrk.body = file:read("*l")
file:close()
wrk.headers["Content-Type"] = "application/json"
