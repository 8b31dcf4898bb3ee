package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.DossierSubmission.NewDossier;
import vn.motcua.dossier.DossierSubmission.SubmittedDossier;
import vn.motcua.dossier.InvalidSubmissionException;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.dossier.LookupKeys;
import vn.motcua.dossier.RejectedDocumentException;
import vn.motcua.dossier.StoredDocument;
import vn.motcua.procedure.ProcedureDeployer;
import vn.motcua.testing.ProcessTestPlatform;
import vn.motcua.testing.TestDocuments;

/** Submission against the real start form and required documents of "chứng thực bản sao". */
class DossierSubmissionTest {

    private static final Applicant APPLICANT = new Applicant(
            "Trần Thị Hoa",
            "001190054321",
            LocalDate.of(1985, 2, 3),
            "0987654321",
            "hoa@example.vn",
            "Xóm 3, xã Thử Nghiệm");
    private static final DocumentFile ORIGINAL =
            new DocumentFile("ban-chinh", "giay-khai-sinh.pdf", "application/pdf", TestDocuments.pdf());

    private final DossierSubmission submission = ProcessTestPlatform.bean(DossierSubmission.class);
    private final DossierRepository dossiers = ProcessTestPlatform.bean(DossierRepository.class);
    private final JdbcTemplate jdbc = ProcessTestPlatform.bean(JdbcTemplate.class);

    @BeforeAll
    static void deployProcedures() {
        ProcessTestPlatform.bean(ProcedureDeployer.class).deployAll("classpath*:procedures", "classpath*:forms");
    }

    @Test
    void aValidSubmissionIsStoredWithItsFilesAndALookupKeyThatIsOnlyKeptHashed() {
        SubmittedDossier submitted = submission.submit(request(validData(), List.of(ORIGINAL)));

        var dossier = submitted.dossier();
        assertThat(dossier.code()).matches("000\\.00\\.99\\.H99-\\d{6}-\\d{4}");
        assertThat(submitted.lookupKey()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(dossiers.lookupKeySha256(dossier.code())).contains(LookupKeys.sha256(submitted.lookupKey()));
        assertThat(LookupKeys.matches(
                        submitted.lookupKey().toLowerCase(),
                        dossiers.lookupKeySha256(dossier.code()).get()))
                .isTrue();
        List<StoredDocument> documents = dossiers.documents(dossier.id());
        assertThat(documents).singleElement().satisfies(d -> {
            assertThat(d.documentCode()).isEqualTo("ban-chinh");
            assertThat(d.contentType()).isEqualTo("application/pdf");
            assertThat(d.sizeBytes()).isEqualTo(TestDocuments.pdf().length);
            assertThat(d.sha256()).hasSize(64);
        });
        Map<String, Object> variables =
                ProcessTestPlatform.bean(RuntimeService.class).getVariables(dossier.processInstanceId());
        assertThat(variables)
                .containsEntry("copyCount", 2L)
                .containsEntry("documentName", "Bằng tốt nghiệp")
                .containsEntry("dossierCode", dossier.code());
    }

    @Test
    void everyProblemIsListedAtOnceAndNothingIsStored() {
        Map<String, Object> data = new HashMap<>(validData());
        data.remove("documentName");
        data.put("copyCount", 0);
        data.put("unknownField", "x");
        Applicant badApplicant = new Applicant("", "12345", null, "12345", "not-an-email", null);
        long dossiersBefore = count("dossier");
        long instancesBefore = ProcessTestPlatform.bean(RuntimeService.class)
                .createProcessInstanceQuery()
                .count();

        assertThatThrownBy(() -> submission.submit(new NewDossier(
                        "chung-thuc-ban-sao",
                        badApplicant,
                        "000.00.00.X00",
                        null,
                        null,
                        Channel.ONLINE,
                        data,
                        List.of(),
                        "citizen")))
                .isInstanceOfSatisfying(
                        InvalidSubmissionException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactlyInAnyOrder(
                                        "applicant.name",
                                        "applicant.identityNumber",
                                        "applicant.phone",
                                        "applicant.email",
                                        "agencyCode",
                                        "documents.ban-chinh",
                                        "data.documentName",
                                        "data.copyCount",
                                        "data.unknownField"));

        assertThat(count("dossier")).isEqualTo(dossiersBefore);
        assertThat(ProcessTestPlatform.bean(RuntimeService.class)
                        .createProcessInstanceQuery()
                        .count())
                .isEqualTo(instancesBefore);
    }

    @Test
    void aFileIsJudgedByItsBytesNotByItsNameOrDeclaredType() {
        DocumentFile executable =
                new DocumentFile("ban-chinh", "ban-chinh.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 0, 1, 2, 3});
        DocumentFile pngCalledPdf = new DocumentFile("ban-chinh", "anh.pdf", "application/pdf", TestDocuments.png());
        long documentsBefore = count("dossier_document");

        assertThatThrownBy(() -> submission.submit(request(validData(), List.of(executable))))
                .isInstanceOfSatisfying(
                        RejectedDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectedDocumentException.Reason.UNSUPPORTED_TYPE));
        assertThatThrownBy(() -> submission.submit(request(validData(), List.of(pngCalledPdf))))
                .isInstanceOf(RejectedDocumentException.class)
                .hasMessageContaining("declared as application/pdf but is image/png");
        assertThat(count("dossier_document")).isEqualTo(documentsBefore);
    }

    @Test
    void aFileOverTheLimitIsRejectedAsTooLarge() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestDocuments.pdf(), 0, big, 0, TestDocuments.pdf().length);

        assertThatThrownBy(() -> submission.submit(request(
                        validData(), List.of(new DocumentFile("ban-chinh", "lon.pdf", "application/pdf", big)))))
                .isInstanceOfSatisfying(
                        RejectedDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectedDocumentException.Reason.TOO_LARGE));
    }

    private static NewDossier request(Map<String, Object> data, List<DocumentFile> documents) {
        return new NewDossier(
                "chung-thuc-ban-sao",
                APPLICANT,
                ProcessTestPlatform.TEST_AGENCY,
                null,
                null,
                Channel.ONLINE,
                data,
                documents,
                "citizen");
    }

    static Map<String, Object> validData() {
        return Map.of("documentName", "Bằng tốt nghiệp", "copyCount", 2, "pagesPerCopy", 3);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
