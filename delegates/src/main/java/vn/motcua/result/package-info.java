/**
 * Electronic results (kết quả điện tử): the generic step {@code ${produceResult}} that lays out a procedure's result
 * template ({@code <key>/<key>-result.xhtml}, deployed with the procedure) with the dossier's data as a PDF/A-2b and
 * stores it as the dossier's {@code ket-qua} document, for {@code ${signResult}} to sign.
 */
package vn.motcua.result;
