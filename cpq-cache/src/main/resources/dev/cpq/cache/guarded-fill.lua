-- Writes a loaded value only if the loader's lease is still the current one.
-- An invalidation (or a later loader) removes or replaces the lease, so a value loaded before an
-- invalidation can never be written after it.
-- KEYS[1] payload key, KEYS[2] lease key; ARGV[1] lease token, ARGV[2] value, ARGV[3] ttl in ms
if redis.call('GET', KEYS[2]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  redis.call('DEL', KEYS[2])
  return 1
end
return 0
