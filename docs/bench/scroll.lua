-- 20 clients scrolling lead_events at random offsets over two sorts (bench for the grid issue).
local sorts = {"-occurred_at", "channel,revenue"}
math.randomseed(os.time())
request = function()
  local sort = sorts[math.random(1, 2)]
  local offset = math.random(0, 4999900)
  return wrk.format("GET", "/api/v1/relations/lead_events/rows?sort=" .. sort .. "&offset=" .. offset .. "&limit=100",
    {["Authorization"] = "Bearer wrk-token-123"})
end
