/** {@code POST /api/public/procedures/{key}/fee-quote}: a procedure's fee for the start form's data, before submitting. */
package vn.motcua.app.fee;
