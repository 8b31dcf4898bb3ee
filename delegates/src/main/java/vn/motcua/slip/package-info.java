/**
 * The one-stop slips of Thông tư 01/2018/TT-VPCP (Mẫu 01–06): the receipt and appointment slip, the supplement
 * request and the refusal notice written at their status change and kept with the dossier, the apology letter (by
 * the deadline escalation), the process control slip and the tracking register written on request from the
 * dossier's recorded events (docs/documents.md).
 */
package vn.motcua.slip;
