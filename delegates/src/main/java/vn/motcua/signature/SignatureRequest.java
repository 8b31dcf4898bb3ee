package vn.motcua.signature;

import java.time.Instant;

/**
 * One signature to put on a PDF.
 *
 * @param agencyCode  whose key signs (the competent agency of the dossier)
 * @param agencyName  printed in the visible block
 * @param approvedBy  the leader who approved, printed in the visible block (may be null)
 * @param dossierCode written into the signature so the verifier can name the dossier
 * @param reason      the signature's reason, e.g. "Kết quả giải quyết thủ tục hành chính"
 * @param signedAt    the signing time (the PDF's /M)
 */
public record SignatureRequest(
        String agencyCode, String agencyName, String approvedBy, String dossierCode, String reason, Instant signedAt) {}
