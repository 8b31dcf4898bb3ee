/** Administration of agencies and staff: the agencies file, their HTTP API, and staff memberships in the engine. */
package vn.motcua.app.agency;
