/** The clerks' dossier API: desk submissions, stopping a dossier and attaching its result. */
package vn.motcua.app.clerk;
