-- The current version of several pointers of one tenant in one round trip (same hash slot).
-- KEYS: pointer hashes; returns their 'current' fields in order (false where a pointer is absent)
local result = {}
for i, key in ipairs(KEYS) do
  result[i] = redis.call('HGET', key, 'current')
end
return result
