package dev.cpq.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisDataException;

/** Which error replies mean "Redis cannot serve now" (the replies Redis 7 sends, also from inside a script). */
class RedisErrorReplyClassificationTest {

    @Test
    void repliesOfARedisThatCannotServeAreUnavailabilityAndOthersAreProgrammingErrors() {
        assertThat(RedisGateway.cannotServe(new JedisDataException("OOM command not allowed when used memory > 'maxmemory'."))).isTrue();
        assertThat(RedisGateway.cannotServe(new JedisDataException("READONLY You can't write against a read only replica."))).isTrue();
        assertThat(RedisGateway.cannotServe(new JedisBusyException("BUSY Redis is busy running a script. You can only call SCRIPT KILL"))).isTrue();
        assertThat(RedisGateway.cannotServe(new JedisDataException("LOADING Redis is loading the dataset in memory"))).isTrue();
        assertThat(RedisGateway.cannotServe(new JedisDataException("MASTERDOWN Link with MASTER is down"))).isTrue();
        assertThat(RedisGateway.cannotServe(new JedisDataException(
                "ERR Error running script (call to f_1): @user_script:1: -OOM command not allowed when used memory > 'maxmemory'")))
                .as("raised inside a script").isTrue();

        assertThat(RedisGateway.cannotServe(new JedisAccessControlException("NOAUTH Authentication required.")))
                .as("a password set on the server that the suite does not have").isTrue();
        assertThat(RedisGateway.cannotServe(new JedisAccessControlException(
                "WRONGPASS invalid username-password pair or user is disabled."))).isTrue();

        assertThat(RedisGateway.cannotServe(new JedisDataException("WRONGTYPE Operation against a key holding the wrong kind of value"))).isFalse();
        assertThat(RedisGateway.cannotServe(new JedisDataException("ERR syntax error"))).isFalse();
        assertThat(RedisGateway.cannotServe(new JedisDataException("BUSYKEY Target key name already exists."))).isFalse();
        assertThat(RedisGateway.cannotServe(new JedisDataException((String) null))).isFalse();
    }
}
