/**
 * On-time statistics of finished dossiers by procedure, agency and month, by the national rule.
 */
package vn.motcua.stats;
