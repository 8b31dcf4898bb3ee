/** The agencies of a province as data, staff roles, and the routing of each user task to its dossier's agency. */
package vn.motcua.agency;
