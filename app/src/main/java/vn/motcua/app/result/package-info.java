/**
 * The signed electronic result handed over: the citizen downloads it with the dossier code and lookup key, the staff
 * of the dossier's agencies download or print it (docs/signatures.md, "Return").
 */
package vn.motcua.app.result;
