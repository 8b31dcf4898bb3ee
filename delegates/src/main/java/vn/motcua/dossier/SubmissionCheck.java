package vn.motcua.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.dossier.RejectedDocumentException.Reason;
import vn.motcua.procedure.ProcedureCatalog.DeployedProcedure;
import vn.motcua.procedure.ProcedureDescriptor.RequiredDocument;

/**
 * Checks a submission against its procedure before anything is stored: the applicant, the start
 * form's fields, the required documents, and each file's real type and size.
 */
@Component
public class SubmissionCheck {

    /** Citizen identity card (CCCD) numbers have 12 digits. */
    private static final Pattern IDENTITY_NUMBER = Pattern.compile("\\d{12}");
    /** Vietnamese phone numbers: 10 digits starting with 0, or +84 and 9 digits. */
    private static final Pattern PHONE = Pattern.compile("(0|\\+84)\\d{9}");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final FormService formService;
    private final Clock clock;
    private final long maxFileBytes;
    /**
     * Start forms by process definition id. A definition's start form is bound to its deployment
     * ({@code formRefBinding="deployment"}, which ProcedureConventionsTest requires) and never changes, so
     * each is read from the engine once; reading it took three queries and a transaction per submission.
     */
    private final Map<String, StartForm> startForms = new ConcurrentHashMap<>();

    private final UploadProperties uploads;

    public SubmissionCheck(
            FormService formService, Clock clock, DocumentProperties documents, UploadProperties uploads) {
        this.formService = formService;
        this.clock = clock;
        this.maxFileBytes = documents.maxFileSize().toBytes();
        this.uploads = uploads;
    }

    /**
     * @param problems what is already known to be wrong (the agencies), reported with the rest
     * @return the start form's data as typed process variables
     * @throws RejectedDocumentException  for a file of the wrong type or size (checked first)
     * @throws InvalidSubmissionException listing every other problem at once
     */
    public Map<String, Object> check(
            DeployedProcedure procedure,
            Applicant applicant,
            Map<String, Object> data,
            List<DocumentFile> documents,
            List<FieldProblem> problems) {
        checkFiles(documents);
        checkTotals(List.of(), documents);
        problems = new ArrayList<>(problems);
        checkApplicant(applicant, problems);
        checkRequiredDocuments(procedure.descriptor().requiredDocuments(), documents, problems);
        Map<String, Object> variables = startForm(procedure).toVariables(data, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        return variables;
    }

    /**
     * Only the start form's fields, checked as {@link #check} checks them (a fee quote asks before anything else
     * of the dossier is known).
     *
     * @return the data as typed process variables
     * @throws InvalidSubmissionException listing every problem, each named {@code data.<key>}
     */
    public Map<String, Object> checkStartFormData(DeployedProcedure procedure, Map<String, Object> data) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> variables = startForm(procedure).toVariables(data == null ? Map.of() : data, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        return variables;
    }

    /**
     * The files a dossier would hold with these new ones, against {@link UploadProperties}.
     *
     * @throws RejectedDocumentException ({@link Reason#DOSSIER_LIMIT}) naming the first file that goes past a total
     */
    public void checkTotals(List<StoredDocument> stored, List<DocumentFile> added) {
        int count = stored.size();
        long bytes = stored.stream().mapToLong(StoredDocument::sizeBytes).sum();
        for (DocumentFile file : added) {
            count++;
            bytes += file.content().length;
            if (count > uploads.maxFilesPerDossier()
                    || bytes > uploads.maxDossierSize().toBytes()) {
                throw new RejectedDocumentException(
                        Reason.DOSSIER_LIMIT,
                        file.fileName(),
                        "With file " + file.fileName() + " the dossier would hold " + count + " files of " + bytes
                                + " bytes; at most " + uploads.maxFilesPerDossier() + " files of "
                                + uploads.maxDossierSize().toBytes() + " bytes together are accepted");
            }
        }
    }

    /**
     * The documents a citizen sends later, as a supplement: only the files are checked: size, real type, and
     * opened as that type ({@link UploadInspection}).
     */
    public void checkFiles(List<DocumentFile> documents) {
        for (DocumentFile file : documents) {
            if (file.content().length > maxFileBytes) {
                throw new RejectedDocumentException(
                        Reason.TOO_LARGE,
                        file.fileName(),
                        "File " + file.fileName() + " has " + file.content().length + " bytes; at most " + maxFileBytes
                                + " are accepted");
            }
            DocumentType real = DocumentType.sniff(file.content())
                    .orElseThrow(() -> new RejectedDocumentException(
                            Reason.UNSUPPORTED_TYPE,
                            file.fileName(),
                            "File " + file.fileName() + " is not a PDF, JPEG or PNG file"));
            if (file.contentType() != null
                    && !file.contentType().isBlank()
                    && !file.contentType().equalsIgnoreCase(real.mediaType())
                    && !file.contentType().equalsIgnoreCase("application/octet-stream")) {
                throw new RejectedDocumentException(
                        Reason.UNSUPPORTED_TYPE,
                        file.fileName(),
                        "File " + file.fileName() + " is declared as " + file.contentType() + " but is "
                                + real.mediaType());
            }
            UploadInspection.inspect(file, real);
        }
    }

    private void checkApplicant(Applicant a, List<FieldProblem> problems) {
        if (a == null) {
            problems.add(new FieldProblem("applicant", "is required"));
            return;
        }
        if (a.name() == null || a.name().isBlank()) {
            problems.add(new FieldProblem("applicant.name", "is required"));
        } else if (a.name().length() > 255) {
            problems.add(new FieldProblem("applicant.name", "must have at most 255 characters"));
        }
        if (a.identityNumber() == null
                || !IDENTITY_NUMBER.matcher(a.identityNumber()).matches()) {
            problems.add(
                    new FieldProblem("applicant.identityNumber", "must be the 12 digits of a citizen identity card"));
        }
        if (a.phone() == null || !PHONE.matcher(a.phone()).matches()) {
            problems.add(new FieldProblem("applicant.phone", "must be a Vietnamese phone number, e.g. 0912345678"));
        }
        if (a.email() != null
                && !a.email().isBlank()
                && !EMAIL.matcher(a.email()).matches()) {
            problems.add(new FieldProblem("applicant.email", "is not an e-mail address"));
        }
        if (a.birthDate() != null && !a.birthDate().isBefore(LocalDate.now(clock))) {
            problems.add(new FieldProblem("applicant.birthDate", "must be in the past"));
        }
        if (a.address() != null && a.address().length() > 500) {
            problems.add(new FieldProblem("applicant.address", "must have at most 500 characters"));
        }
    }

    private static void checkRequiredDocuments(
            List<RequiredDocument> required, List<DocumentFile> documents, List<FieldProblem> problems) {
        Set<String> known = new HashSet<>();
        for (RequiredDocument doc : required) {
            known.add(doc.code());
            if (doc.required()
                    && documents.stream().noneMatch(f -> f.documentCode().equals(doc.code()))) {
                problems.add(new FieldProblem(
                        "documents." + doc.code(), "is required: " + doc.name().vi()));
            }
        }
        documents.stream()
                .map(DocumentFile::documentCode)
                .filter(code -> !known.contains(code))
                .distinct()
                .forEach(code ->
                        problems.add(new FieldProblem("documents." + code, "is not a document of this procedure")));
    }

    private StartForm startForm(DeployedProcedure procedure) {
        return startForms.computeIfAbsent(procedure.processDefinitionId(), id -> readStartForm(procedure));
    }

    private StartForm readStartForm(DeployedProcedure procedure) {
        try (InputStream form = formService.getDeployedStartForm(procedure.processDefinitionId())) {
            return StartForm.parse(form);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the start form of " + procedure.key(), e);
        }
    }
}
