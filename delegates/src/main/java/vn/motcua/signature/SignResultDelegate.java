package vn.motcua.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DocumentType;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierChanges;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.DossierRepository.UnsignedDocument;
import vn.motcua.dossier.DossierRequests;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.engine.CurrentActor;
import vn.motcua.engine.DelegateInputs;
import vn.motcua.result.ProduceResultDelegate;

/**
 * "Ký số kết quả": signs every result PDF of the dossier not yet signed, after the leader approved: first with the
 * personal key of the leader who approved (the process variable {@value ProduceResultDelegate#VAR_APPROVED_BY}, when
 * set), then with the competent agency's key; records the result as issued electronically. Put it before "Ghi nhận đã xử lý xong" with {@code camunda:asyncBefore="true"}: a failure (no key,
 * wrong password, provider down, no result PDF) then throws out of the job, the engine retries it and raises an
 * incident that an operator retries after the fix, and the dossier never reaches "processed" or "returned" unsigned.
 * Input parameters, optional:
 * <ul>
 *   <li>{@value #IN_DOCUMENT_CODE}: the document code of the files to sign, default {@value DossierRequests#RESULT_DOCUMENT};</li>
 *   <li>{@value #IN_APPROVED_BY}: the approving leader's name, printed in the agency's visible block (default: the
 *       name of the leader {@code ${produceResult}} recorded);</li>
 *   <li>{@value #IN_REASON}: the signature's reason.</li>
 * </ul>
 */
@Component("signResult")
public class SignResultDelegate implements JavaDelegate {

    public static final String IN_DOCUMENT_CODE = "documentCode";
    public static final String IN_APPROVED_BY = "approvedBy";
    public static final String IN_REASON = "reason";
    static final String DEFAULT_REASON = "Kết quả giải quyết thủ tục hành chính";

    private final DossierRepository dossiers;
    private final PdfSigner signer;
    private final DossierChanges changes;
    private final CurrentActor actor;
    private final Clock clock;

    public SignResultDelegate(
            DossierRepository dossiers, PdfSigner signer, DossierChanges changes, CurrentActor actor, Clock clock) {
        this.dossiers = dossiers;
        this.signer = signer;
        this.changes = changes;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        Dossier dossier = dossiers.findByCodeForUpdate(code).orElseThrow(() -> new UnknownDossierException(code));
        String documentCode =
                orDefault(DelegateInputs.optional(execution, IN_DOCUMENT_CODE), DossierRequests.RESULT_DOCUMENT);
        List<UnsignedDocument> unsigned = dossiers.unsignedDocuments(dossier.id(), documentCode).stream()
                .filter(d -> DocumentType.sniff(d.file().content())
                        .filter(t -> t == DocumentType.PDF)
                        .isPresent())
                .toList();
        if (unsigned.isEmpty()) {
            // Nothing to sign is a failure too: a result must not go out unsigned.
            throw new SigningException("Dossier " + code + " has no unsigned PDF with document code " + documentCode
                    + " to sign: attach the result, then retry");
        }
        String agencyCode = dossier.competentAgencyCode();
        String agencyName = orDefault(dossiers.agencyNames(dossier.id()).competent(), agencyCode);
        Instant now = clock.instant();
        String leader = (String) execution.getVariable(ProduceResultDelegate.VAR_APPROVED_BY);
        String leaderName = leader == null ? null : personName(execution, leader);
        SignatureRequest request = new SignatureRequest(
                agencyCode,
                agencyName,
                orDefault(DelegateInputs.optional(execution, IN_APPROVED_BY), leaderName),
                code,
                orDefault(DelegateInputs.optional(execution, IN_REASON), DEFAULT_REASON),
                now,
                leader,
                leaderName);
        for (UnsignedDocument document : unsigned) {
            dossiers.markSigned(document.id(), signer.sign(document.file().content(), request), agencyCode, now);
        }
        // Quyết định 766/QĐ-TTg counts the dossiers whose result was issued electronically.
        dossiers.markResultIssuedElectronically(dossier.id(), now);
        dossiers.appendEvent(
                dossier.id(),
                new DossierEvent(
                        now,
                        actor.userId(),
                        dossier.publicStatus(),
                        "result-signed",
                        "Kết quả đã được ký số.",
                        unsigned.size() + " result file(s) signed with the key of " + agencyCode));
        changes.changed(code);
    }

    /** The person's name as the engine's users know it, else the user id. */
    private static String personName(DelegateExecution execution, String userId) {
        User user = execution
                .getProcessEngineServices()
                .getIdentityService()
                .createUserQuery()
                .userId(userId)
                .singleResult();
        if (user == null) {
            return userId;
        }
        // Vietnamese order: family and middle names (the engine's last name), then the given name.
        String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
                        + (user.getFirstName() == null ? "" : user.getFirstName()))
                .trim();
        return name.isEmpty() ? userId : name;
    }

    private static String orDefault(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
