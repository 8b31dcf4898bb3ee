package vn.motcua.app.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.agency.AgencyLevel;
import vn.motcua.app.web.SubmissionRequest.ResultDelivery;
import vn.motcua.calendar.TimeLimitKind;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.procedure.ProcedureDescriptor;
import vn.motcua.procedure.ProcedureDescriptor.LocalizedText;
import vn.motcua.procedure.ProcedureDescriptor.TimeLimit;
import vn.motcua.procedure.ServiceLevel;

class ResultDeliveriesTest {

    @Test
    void leftOutOrAtTheDeskIsAlwaysFine() {
        assertThat(ResultDeliveries.problems(procedure(ServiceLevel.PARTIAL), null))
                .isEmpty();
        assertThat(ResultDeliveries.problems(procedure(ServiceLevel.PARTIAL), new ResultDelivery("DESK", null)))
                .isEmpty();
    }

    @Test
    void byPostNeedsAnAddressOfAtMost500Characters() {
        assertThat(fields(ResultDeliveries.problems(procedure(ServiceLevel.PARTIAL), new ResultDelivery("POST", " "))))
                .containsExactly("resultDelivery.address");
        assertThat(ResultDeliveries.problems(
                        procedure(ServiceLevel.PARTIAL), new ResultDelivery("POST", "Số 1 đường Láng")))
                .isEmpty();
        assertThat(fields(ResultDeliveries.problems(
                        procedure(ServiceLevel.PARTIAL), new ResultDelivery("POST", "x".repeat(501)))))
                .containsExactly("resultDelivery.address");
    }

    @Test
    void electronicallyOnlyForFullOnlineProceduresAndNoOtherMethod() {
        assertThat(fields(
                        ResultDeliveries.problems(procedure(ServiceLevel.PARTIAL), new ResultDelivery("ONLINE", null))))
                .containsExactly("resultDelivery.method");
        assertThat(ResultDeliveries.problems(procedure(ServiceLevel.FULL_ONLINE), new ResultDelivery("ONLINE", null)))
                .isEmpty();
        assertThat(fields(ResultDeliveries.problems(
                        procedure(ServiceLevel.FULL_ONLINE), new ResultDelivery("FAX", null))))
                .containsExactly("resultDelivery.method");
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    private static ProcedureDescriptor procedure(ServiceLevel level) {
        return new ProcedureDescriptor(
                "thu-nghiem",
                "1.000000",
                new LocalizedText("Thủ tục thử nghiệm", "Test procedure"),
                "Thử nghiệm",
                AgencyLevel.COMMUNE,
                null,
                false,
                new TimeLimit(1, TimeLimitKind.WORKING, 0),
                level,
                List.of(),
                List.of(),
                List.of(),
                null);
    }
}
