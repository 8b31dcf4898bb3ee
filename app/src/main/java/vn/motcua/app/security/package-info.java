/**
 * Sign-in against Camunda's identity service, the groups and their authorizations, the demo accounts and the first
 * administrator.
 */
package vn.motcua.app.security;
