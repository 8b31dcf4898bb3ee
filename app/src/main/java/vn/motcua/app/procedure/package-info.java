/**
 * Procedure deployment at engine start-up, the order of engine and application migrations, and the public procedure
 * catalogue API.
 */
package vn.motcua.app.procedure;
