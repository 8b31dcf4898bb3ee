/**
 * Payments at the desk and for staff: a receiving clerk records a cash or card payment against the dossier's open
 * payment request ({@code POST /api/dossiers/{code}/payments/desk}); the dossier's staff list its payments and
 * download their receipts. The ledger itself is {@link vn.motcua.payment.Payments} in the engine-side core.
 */
package vn.motcua.app.payment;
