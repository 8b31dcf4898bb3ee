package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a citizen or a clerk may ask of a running dossier from outside its tasks: send a supplement,
 * withdraw it, stop it. Each is a BPMN message every procedure catches (the convention test checks
 * that), correlated by the dossier code in the same transaction as the files it brings.
 */
@Service
public class DossierRequests {

    public static final String MESSAGE_SUPPLEMENT_RECEIVED = "SupplementReceived";
    public static final String MESSAGE_WITHDRAWAL_REQUESTED = "WithdrawalRequested";
    public static final String MESSAGE_PROCESSING_STOPPED = "ProcessingStopped";
    public static final String VAR_WITHDRAWAL_REASON = "withdrawalReason";
    public static final String VAR_STOP_REASON = "stopReason";
    /** The document code of result files. */
    public static final String RESULT_DOCUMENT = "ket-qua";

    private final DossierRepository dossiers;
    private final Digitisation digitisation;
    private final SubmissionCheck check;
    private final DossierChanges changes;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public DossierRequests(
            DossierRepository dossiers,
            Digitisation digitisation,
            SubmissionCheck check,
            DossierChanges changes,
            RuntimeService runtimeService,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.dossiers = dossiers;
        this.digitisation = digitisation;
        this.check = check;
        this.changes = changes;
        this.runtimeService = runtimeService;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * @throws DossierStateException when the dossier is not waiting for a supplement
     * @throws RejectedDocumentException for a file of the wrong type or size
     */
    public Dossier supplement(String code, List<DocumentFile> files) {
        if (files.isEmpty()) {
            throw new InvalidSubmissionException(
                    List.of(new InvalidSubmissionException.FieldProblem("documents", "at least one file is required")));
        }
        check.checkFiles(files);
        return transaction.execute(status -> {
            Dossier dossier = lock(code);
            if (dossier.publicStatus() != PublicStatus.SUPPLEMENT_REQUESTED) {
                throw new DossierStateException(code, dossier.publicStatus(), "is not waiting for a supplement");
            }
            check.checkTotals(dossiers.documents(dossier.id()), files);
            Instant now = clock.instant();
            int round = dossiers.documents(dossier.id()).stream()
                            .mapToInt(StoredDocument::supplementRound)
                            .max()
                            .orElse(0)
                    + 1;
            for (DocumentFile file : files) {
                dossiers.insertDocument(dossier.id(), file, round, now);
            }
            changes.changed(code);
            correlate(runtimeService.createMessageCorrelation(MESSAGE_SUPPLEMENT_RECEIVED), code);
            return dossiers.findByCode(code).orElseThrow();
        });
    }

    /**
     * Staff attach the result (the signed certificate, the copy, the decision) while the dossier is
     * processed or ready; the citizen of a full-online dossier downloads it with the lookup key.
     */
    public Dossier attachResult(String code, List<DocumentFile> files, String actor) {
        if (files.isEmpty()) {
            throw new InvalidSubmissionException(List.of(
                    new InvalidSubmissionException.FieldProblem(RESULT_DOCUMENT, "at least one file is required")));
        }
        check.checkFiles(files);
        return transaction.execute(status -> {
            Dossier dossier = lock(code);
            if (dossier.publicStatus() != PublicStatus.PROCESSING && dossier.publicStatus() != PublicStatus.PROCESSED) {
                throw new DossierStateException(code, dossier.publicStatus(), "is not being processed");
            }
            check.checkTotals(dossiers.documents(dossier.id()), files);
            Instant now = clock.instant();
            for (DocumentFile file : files) {
                dossiers.insertDocument(
                        dossier.id(),
                        new DocumentFile(RESULT_DOCUMENT, file.fileName(), file.contentType(), file.content()),
                        0,
                        now);
            }
            // The result exists as a file: a digitised result (Quyết định 766/QĐ-TTg counts it).
            digitisation.recordResult(dossier.id(), actor, now);
            // Staff actions leave an event naming their actor; this one is internal (no public message).
            dossiers.appendEvent(
                    dossier.id(),
                    new DossierEvent(
                            now,
                            actor,
                            dossier.publicStatus(),
                            "result-attached",
                            null,
                            files.size() + " result file(s) attached"));
            changes.changed(code);
            return dossiers.findByCode(code).orElseThrow();
        });
    }

    /** The citizen withdraws the dossier; allowed until the result is ready. */
    public Dossier withdraw(String code, String reason) {
        return transaction.execute(status -> {
            lockInStatus(code, PublicStatus.WITHDRAWAL_REQUESTED);
            correlate(
                    runtimeService
                            .createMessageCorrelation(MESSAGE_WITHDRAWAL_REQUESTED)
                            .setVariable(VAR_WITHDRAWAL_REASON, reason),
                    code);
            return dossiers.findByCode(code).orElseThrow();
        });
    }

    /** A clerk stops processing the dossier, with a reason the citizen sees. */
    public Dossier stop(String code, String reason) {
        return transaction.execute(status -> {
            lockInStatus(code, PublicStatus.STOPPED);
            correlate(
                    runtimeService
                            .createMessageCorrelation(MESSAGE_PROCESSING_STOPPED)
                            .setVariable(VAR_STOP_REASON, reason),
                    code);
            return dossiers.findByCode(code).orElseThrow();
        });
    }

    /** Locks the dossier and checks the lifecycle allows the status the request leads to. */
    private Dossier lockInStatus(String code, PublicStatus next) {
        Dossier dossier = lock(code);
        if (!dossier.publicStatus().mayMoveTo(next)) {
            throw new DossierStateException(
                    code, dossier.publicStatus(), "cannot move to status " + next.code() + " (" + next.nameVi() + ")");
        }
        return dossier;
    }

    private Dossier lock(String code) {
        return dossiers.findByCodeForUpdate(code).orElseThrow(() -> new UnknownDossierException(code));
    }

    private static void correlate(MessageCorrelationBuilder correlation, String code) {
        correlation.processInstanceBusinessKey(code).correlateWithResult();
    }
}
