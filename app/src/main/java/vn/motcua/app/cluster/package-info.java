/**
 * Several application nodes on one database: their start-up work (the engine's schema, the procedure deployments,
 * the migrations, the role groups, agencies and accounts, the search index) is done one node at a time.
 */
package vn.motcua.app.cluster;
