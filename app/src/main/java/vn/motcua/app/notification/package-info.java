/**
 * Sending what the outbox holds for citizens: e-mail over SMTP and SMS through the provider's HTTP gateway.
 */
package vn.motcua.app.notification;
