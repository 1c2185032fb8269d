-- Moves an active-version pointer forward only: a late, replayed or out-of-order move is refused.
-- KEYS[1] pointer hash; ARGV[1] new version sequence, ARGV[2] now in epoch ms
-- returns {1, previous} when moved, {0, current} when refused
local current = tonumber(redis.call('HGET', KEYS[1], 'current'))
local proposed = tonumber(ARGV[1])
if current and current >= proposed then
  return {0, current}
end
if current then
  redis.call('HSET', KEYS[1], 'previous', current)
end
redis.call('HSET', KEYS[1], 'current', proposed, 'moved_at', ARGV[2])
return {1, current or 0}
