/**
 * The transactional outbox: work for other systems recorded in the same transaction as the change it comes from,
 * for workers to do after the commit.
 */
package vn.motcua.outbox;
