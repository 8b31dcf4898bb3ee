package vn.motcua.signature;

import java.time.Instant;

/**
 * One result to sign: by the agency and, when a person is named, first by that person (the approving leader).
 *
 * @param agencyCode   whose key signs for the organisation (the competent agency of the dossier)
 * @param agencyName   printed in the visible blocks
 * @param approvedBy   the leader who approved, printed in the agency's block (may be null)
 * @param dossierCode  written into the signatures so the verifier can name the dossier
 * @param reason       the signature's reason, e.g. "Kết quả giải quyết thủ tục hành chính"
 * @param signedAt     the signing time (the PDF's /M)
 * @param signerUserId the person who signs personally before the agency (the approving leader's user id), or null
 *                     for the agency's signature alone
 * @param signerName   that person's name, printed in their block
 */
public record SignatureRequest(
        String agencyCode,
        String agencyName,
        String approvedBy,
        String dossierCode,
        String reason,
        Instant signedAt,
        String signerUserId,
        String signerName) {

    /** The agency's signature alone. */
    public SignatureRequest(
            String agencyCode,
            String agencyName,
            String approvedBy,
            String dossierCode,
            String reason,
            Instant signedAt) {
        this(agencyCode, agencyName, approvedBy, dossierCode, reason, signedAt, null, null);
    }

    public boolean personal() {
        return signerUserId != null && !signerUserId.isBlank();
    }
}
