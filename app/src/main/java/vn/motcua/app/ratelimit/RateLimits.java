package vn.motcua.app.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import vn.motcua.app.ratelimit.RateLimitProperties.Limit;

/**
 * The token buckets, one per client and family, in this node's memory: a bounded cache that forgets the clients
 * least recently seen. Each node of a cluster counts on its own (a client spread over n nodes gets up to n times
 * the limit); a shared store (Bucket4j's JDBC or Redis proxy managers) would make it one limit.
 */
class RateLimits {

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets;

    RateLimits(RateLimitProperties properties) {
        this.properties = properties;
        Duration longest = Duration.ZERO;
        for (EndpointFamily family : EndpointFamily.values()) {
            Duration period = family.limit(properties).period();
            longest = period.compareTo(longest) > 0 ? period : longest;
        }
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxClients())
                .expireAfterAccess(longest)
                .build();
    }

    boolean enabled() {
        return properties.enabled();
    }

    Bucket bucket(EndpointFamily family, String client) {
        return buckets.get(family.id() + " " + client, key -> newBucket(family.limit(properties)));
    }

    private static Bucket newBucket(Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period())
                        .build())
                .build();
    }
}
