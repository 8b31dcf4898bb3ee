/**
 * The outbox worker that drains each topic to its handler, with retries, back-off and backlog metrics.
 */
package vn.motcua.app.outbox;
