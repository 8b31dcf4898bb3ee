/**
 * The on-time statistics API for clerks and leaders.
 */
package vn.motcua.app.stats;
