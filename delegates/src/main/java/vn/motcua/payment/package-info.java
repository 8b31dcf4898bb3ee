/**
 * Payment: the ledger of a dossier's payment requests ({@link vn.motcua.payment.Payments}), paid online through a
 * gateway's verified notice or at the desk, each with a numbered receipt; requests cancelled and fees refunded when
 * the dossier ends without a result ({@link vn.motcua.payment.PaymentRefunds}).
 */
package vn.motcua.payment;
