/**
 * The dossier: its record, codes, public statuses and event log, submission and its checks, the requests citizens
 * and clerks make, and the delegate that moves a status.
 */
package vn.motcua.dossier;
