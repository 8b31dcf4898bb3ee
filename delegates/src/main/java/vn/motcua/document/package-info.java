/**
 * Official documents: the one-stop slips and the results, each an XHTML template under {@code documents/} on the
 * class path, filled from the dossier's data by Thymeleaf, laid out as PDF/A-2b with the embedded DejaVu font by
 * openhtmltopdf, with the QR code of Thông tư 01/2023/TT-VPCP at the top left (ADR 0009, docs/documents.md).
 */
package vn.motcua.document;
