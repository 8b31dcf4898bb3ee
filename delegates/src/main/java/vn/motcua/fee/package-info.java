/**
 * Fees: each procedure's fee table, a DMN decision {@code <key>-fee} deployed with the procedure, evaluated by
 * {@link vn.motcua.fee.FeeQuotes} on the start form's data and the province's fee parameters
 * ({@link vn.motcua.fee.FeeProperties}). Payment is not built yet.
 */
package vn.motcua.fee;
