-- wrk script: POST projects to be stored (a new version each time, over 100 project ids) with an API token taken
-- from the WENPING_TOKEN environment variable. Run from the repository root:
--   WENPING_TOKEN=wp_... wrk -t2 -c8 -d20s --latency -s Benchmarks/serve/store.lua URL/api/v1/projects
local file = io.open("Fixtures/batch/projects.jsonl", "r")
local template = file:read("*l")
file:close()
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("WENPING_TOKEN")
request = function()
  counter = counter + 1
  local body = template:gsub('"id": "XA%-2025%-002"', '"id": "BENCH-' .. (counter % 100) .. '"', 1)
  return wrk.format(nil, nil, nil, body)
end
