-- Counts one request in a fixed window; the first count of a window starts its expiry.
-- KEYS[1] window counter; ARGV[1] window length in ms. Returns the count so far.
local n = redis.call('INCR', KEYS[1])
if n == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return n
