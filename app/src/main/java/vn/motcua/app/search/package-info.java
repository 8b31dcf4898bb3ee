/**
 * The Elasticsearch dossier index: indexing from the outbox, reindexing behind an alias, and the clerks' search
 * limited to their agencies.
 */
package vn.motcua.app.search;
