/**
 * The one-stop slips over HTTP for staff: the slips kept with a dossier to print at the desk, the process control
 * slip and the tracking register of an agency (docs/documents.md). Citizens download their slips with the lookup
 * key through the citizen API ({@code vn.motcua.app.citizen}).
 */
package vn.motcua.app.slip;
