/**
 * Steps the engine could not carry out (a failed job, an incident), shown to the staff of the dossier: which step,
 * why, and whether the engine retries by itself or waits for an operator's retry after the fix.
 */
package vn.motcua.app.incident;
