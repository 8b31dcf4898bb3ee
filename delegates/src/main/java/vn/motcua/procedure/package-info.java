/**
 * Procedures as data: reading and checking each procedure folder, deploying it as one Camunda deployment, and the
 * catalogue of deployed versions.
 */
package vn.motcua.procedure;
