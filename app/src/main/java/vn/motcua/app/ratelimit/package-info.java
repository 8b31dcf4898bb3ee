/**
 * Rate limits per client and endpoint family (submissions, lookups, sign-in, fee quotes, signature checks, other
 * public writes), answered 429 problem details with {@code Retry-After}; token buckets of Bucket4j held in this
 * node's memory (docs/security.md, "Rate limits").
 */
package vn.motcua.app.ratelimit;
