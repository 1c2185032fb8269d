package dev.cpq.cache.projection;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What is stored under a cache key: the payload plus the format and source version it was built with,
 * so a reader can tell a payload that does not belong to its key (corruption) from a good one. Read in
 * one pass, straight into the payload type.
 */
record CacheEnvelope<T>(@JsonProperty("f") int format, @JsonProperty("v") String version, @JsonProperty("d") T payload) {}
