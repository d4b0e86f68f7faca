-- wrk script of bin/bench-collector: POSTs batches of 20 valid events as
-- text/plain, as the client does, every event id unique (a retried id
-- would be cheaper for the REST route, which skips stored ones).
-- Usage: wrk ... -s bin/bench-collector.lua URL -- <prefix>
local threads = 0

function setup(thread)
	threads = threads + 1
	thread:set("tid", threads)
end

function init(args)
	prefix = (args[1] or "b") .. "_" .. tid .. "_"
	counter = 0
end

function request()
	counter = counter + 1
	local events = {}
	for i = 1, 20 do
		events[i] = string.format(
			'{"id":"%s%d_%02d","event":"bench_click","attributes":{"plan":"pro","price":199},"page":"http://127.0.0.1/pricing/","device_id":"bench_device_%04d"}',
			prefix, counter, i, counter % 1000)
	end
	return wrk.format("POST", nil, { ["Content-Type"] = "text/plain;charset=UTF-8" },
		'{"events":[' .. table.concat(events, ",") .. ']}')
end
