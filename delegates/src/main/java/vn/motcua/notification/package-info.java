/**
 * The citizen's SMS and e-mail messages, written from templates into the outbox when a dossier's status moves.
 */
package vn.motcua.notification;
