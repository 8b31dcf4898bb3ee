package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.AgencyAssignment.Agencies;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.procedure.ProcedureCatalog;
import vn.motcua.procedure.ProcedureCatalog.DeployedProcedure;

/**
 * Takes a new dossier in: checks it, gives it its national code, stores it with its files, and
 * starts its procedure's latest version with the code as business key, all in one transaction, so
 * a failure anywhere leaves nothing behind.
 */
@Service
public class DossierSubmission {

    /** Process variable holding the dossier code, for expressions and forms (it is also the business key). */
    public static final String VAR_DOSSIER_CODE = "dossierCode";

    private final ProcedureCatalog catalog;
    private final Digitisation digitisation;
    private final SubmissionCheck check;
    private final AgencyAssignment assignment;
    private final DossierRepository dossiers;
    private final DossierCodes codes;
    private final DossierChanges changes;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public DossierSubmission(
            ProcedureCatalog catalog,
            Digitisation digitisation,
            SubmissionCheck check,
            AgencyAssignment assignment,
            DossierRepository dossiers,
            DossierCodes codes,
            DossierChanges changes,
            RuntimeService runtimeService,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.catalog = catalog;
        this.digitisation = digitisation;
        this.check = check;
        this.assignment = assignment;
        this.dossiers = dossiers;
        this.codes = codes;
        this.changes = changes;
        this.runtimeService = runtimeService;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * @throws RejectedDocumentException  for a file of the wrong type or size
     * @throws InvalidSubmissionException listing every problem with the request
     */
    public SubmittedDossier submit(NewDossier request) {
        if (request.procedureKey() == null || request.procedureKey().isBlank()) {
            throw new InvalidSubmissionException(List.of(new FieldProblem("procedureKey", "is required")));
        }
        String lookupKey = LookupKeys.generate();
        // The checks read the catalogue and the agencies in the same transaction: one connection, one commit.
        Dossier dossier = transaction.execute(status -> {
            DeployedProcedure procedure = catalog.latest(request.procedureKey())
                    .orElseThrow(() -> new InvalidSubmissionException(
                            List.of(new FieldProblem("procedureKey", "is not a known procedure"))));
            Instant now = clock.instant();
            LocalDate receiptDay = now.atZone(clock.getZone()).toLocalDate();
            List<FieldProblem> problems = new ArrayList<>();
            Agencies agencies = assignment.assign(
                    procedure.descriptor(),
                    request.receivingAgencyCode(),
                    request.competentAgencyCode(),
                    request.returnAgencyCode(),
                    receiptDay,
                    problems);
            if (!request.scannedDocuments().isEmpty() && request.channel() == Channel.ONLINE) {
                problems.add(new FieldProblem(
                        Digitisation.VAR_SCANNED_DOCUMENTS, "only a paper dossier (desk or post) is scanned"));
            }
            problems.addAll(Digitisation.problems(
                    procedure.descriptor(),
                    request.scannedDocuments(),
                    request.documents().stream().map(DocumentFile::documentCode).toList()));
            Map<String, Object> formVariables =
                    check.check(procedure, request.applicant(), request.data(), request.documents(), problems);
            String code = codes.next(agencies.receiving().code(), receiptDay);
            Dossier draft = new Dossier(
                    0,
                    code,
                    procedure.key(),
                    procedure.version(),
                    null,
                    request.applicant(),
                    agencies.receiving().code(),
                    agencies.competent().code(),
                    agencies.returning().code(),
                    request.channel(),
                    procedure.descriptor().serviceLevel(),
                    PublicStatus.NEW,
                    "submitted",
                    now,
                    null,
                    null,
                    null,
                    null);
            long id = dossiers.insert(draft, LookupKeys.sha256(lookupKey), now);
            for (DocumentFile file : request.documents()) {
                dossiers.insertDocument(id, file, 0, now);
            }
            digitisation.recordReceipt(id, procedure.descriptor(), request.scannedDocuments(), request.actor(), now);
            dossiers.appendEvent(
                    id,
                    new DossierEvent(
                            now,
                            request.actor(),
                            PublicStatus.NEW,
                            "submitted",
                            submittedMessage(request.channel()),
                            null));

            Map<String, Object> variables = new HashMap<>(formVariables);
            variables.put(VAR_DOSSIER_CODE, code);
            String processInstanceId = runtimeService
                    .startProcessInstanceById(procedure.processDefinitionId(), code, variables)
                    .getProcessInstanceId();
            changes.changed(code);
            return dossiers.linkProcessInstance(id, processInstanceId);
        });
        return new SubmittedDossier(dossier, lookupKey);
    }

    private static String submittedMessage(Channel channel) {
        return switch (channel) {
            case ONLINE -> "Hồ sơ đã được nộp trực tuyến.";
            case DESK -> "Hồ sơ đã được nộp tại Bộ phận Một cửa.";
            case POST -> "Hồ sơ đã được nhận qua dịch vụ bưu chính.";
        };
    }

    /**
     * A dossier to take in.
     *
     * @param receivingAgencyCode the desk that receives it; its unit starts the dossier code
     * @param competentAgencyCode the agency that decides it, where the procedure lets the citizen choose; else null
     * @param returnAgencyCode    the desk where the citizen collects the result; null for the receiving desk
     * @param data      the start form's fields, as submitted (checked and typed against the form)
     * @param documents the files, each for one of the procedure's documents
     * @param actor     who submitted it: the clerk at the desk, or {@code citizen} online
     * @param scannedDocuments the codes of the paper documents the desk clerk scanned and attached (the files of
     *                         those codes are the scans); empty online
     */
    public record NewDossier(
            String procedureKey,
            Applicant applicant,
            String receivingAgencyCode,
            String competentAgencyCode,
            String returnAgencyCode,
            Channel channel,
            Map<String, Object> data,
            List<DocumentFile> documents,
            String actor,
            List<String> scannedDocuments) {

        public NewDossier {
            data = data == null ? Map.of() : new HashMap<>(data);
            documents = documents == null ? List.of() : List.copyOf(documents);
            scannedDocuments = scannedDocuments == null ? List.of() : List.copyOf(scannedDocuments);
        }

        /** A dossier with no paper scanned (online, or a desk dossier whose clerk records scans later). */
        public NewDossier(
                String procedureKey,
                Applicant applicant,
                String receivingAgencyCode,
                String competentAgencyCode,
                String returnAgencyCode,
                Channel channel,
                Map<String, Object> data,
                List<DocumentFile> documents,
                String actor) {
            this(
                    procedureKey,
                    applicant,
                    receivingAgencyCode,
                    competentAgencyCode,
                    returnAgencyCode,
                    channel,
                    data,
                    documents,
                    actor,
                    List.of());
        }
    }

    /** The stored dossier and the lookup key to give the citizen, once: it is not kept. */
    public record SubmittedDossier(Dossier dossier, String lookupKey) {}
}
