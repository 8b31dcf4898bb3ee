/**
 * The deadline clock of each dossier: due and warning dates set on receipt, paused by supplement requests, and the
 * warning and escalation delegates with the apology letter.
 */
package vn.motcua.deadline;
