package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.agency.Agency;
import vn.motcua.agency.AgencyLevel;
import vn.motcua.agency.AgencyRepository;
import vn.motcua.calendar.TimeLimitKind;
import vn.motcua.dossier.AgencyAssignment.Agencies;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.procedure.ProcedureDescriptor;
import vn.motcua.procedure.ProcedureDescriptor.CompetentAgency;
import vn.motcua.procedure.ProcedureDescriptor.LocalizedText;
import vn.motcua.procedure.ProcedureDescriptor.TimeLimit;
import vn.motcua.procedure.ServiceLevel;
import vn.motcua.testing.ProcessTestPlatform;

/** Which agencies a new dossier gets, by its procedure's rule, on the agencies of a real database. */
class AgencyAssignmentTest {

    static final String PROVINCE = ProcessTestPlatform.TEST_PROVINCE;
    static final String POLICE = ProcessTestPlatform.TEST_POLICE;
    static final String COMMUNE = ProcessTestPlatform.TEST_AGENCY;
    static final String NEIGHBOUR = "000.00.97.H99";
    static final String NO_DESK = "000.00.96.H99";
    static final String MERGED = "000.00.95.H99";
    static final String OTHER_PROVINCE = "000.00.00.H97";
    static final String FAR_COMMUNE = "000.00.90.H97";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static AgencyAssignment assignment;

    @BeforeAll
    static void agencies() {
        AgencyRepository agencies = ProcessTestPlatform.bean(AgencyRepository.class);
        agencies.save(commune(NEIGHBOUR, "UBND xã Láng Giềng", PROVINCE, true, null, null));
        agencies.save(commune(NO_DESK, "UBND xã Không Bộ Phận", PROVINCE, false, null, null));
        agencies.save(commune(MERGED, "UBND xã Đã Nhập", PROVINCE, true, TODAY.minusDays(1), NEIGHBOUR));
        agencies.save(new Agency(
                OTHER_PROVINCE, "UBND tỉnh Khác", AgencyLevel.PROVINCE, null, OTHER_PROVINCE, true, null, null, null));
        agencies.save(commune(FAR_COMMUNE, "UBND xã Xa", OTHER_PROVINCE, true, null, null));
        assignment = ProcessTestPlatform.bean(AgencyAssignment.class);
    }

    @Test
    void theReceivingCommuneDecidesWhenTheRuleSaysSo() {
        List<FieldProblem> problems = new ArrayList<>();
        Agencies a = assignment.assign(
                procedure(AgencyLevel.COMMUNE, CompetentAgency.RECEIVING, false), COMMUNE, null, null, TODAY, problems);

        assertThat(problems).isEmpty();
        assertThat(List.of(
                        a.receiving().code(),
                        a.competent().code(),
                        a.returning().code()))
                .containsExactly(COMMUNE, COMMUNE, COMMUNE);
    }

    @Test
    void theCitizenChoosesTheDecidingCommuneAndTheReturnDeskWithinTheProvince() {
        List<FieldProblem> problems = new ArrayList<>();
        Agencies a = assignment.assign(
                procedure(AgencyLevel.COMMUNE, CompetentAgency.CHOSEN, true),
                COMMUNE,
                NEIGHBOUR,
                NEIGHBOUR,
                TODAY,
                problems);

        assertThat(problems).isEmpty();
        assertThat(a.receiving().code()).isEqualTo(COMMUNE);
        assertThat(a.competent().code()).isEqualTo(NEIGHBOUR);
        assertThat(a.returning().code()).isEqualTo(NEIGHBOUR);
    }

    @Test
    void theProvincesPoliceDecidesAProvincialProcedureReceivedAtACommune() {
        List<FieldProblem> problems = new ArrayList<>();
        Agencies a = assignment.assign(
                procedure(AgencyLevel.POLICE, CompetentAgency.PROVINCIAL, true), COMMUNE, null, null, TODAY, problems);

        assertThat(problems).isEmpty();
        assertThat(a.competent().code()).isEqualTo(POLICE);
        assertThat(a.receiving().code()).isEqualTo(COMMUNE);
    }

    @Test
    void aProcedureNotReceivedAnywhereMustGoToTheAgencyThatDecidesIt() {
        List<FieldProblem> problems = new ArrayList<>();
        assignment.assign(
                procedure(AgencyLevel.POLICE, CompetentAgency.PROVINCIAL, false),
                COMMUNE,
                null,
                NEIGHBOUR,
                TODAY,
                problems);

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        new FieldProblem(
                                "agencyCode",
                                "this procedure is received only by the agency that decides it, " + POLICE),
                        new FieldProblem(
                                "returnAgencyCode", "this procedure's result is returned at the receiving desk"));
    }

    @Test
    void aCommuneOfAnotherProvinceCannotBeChosen() {
        List<FieldProblem> problems = new ArrayList<>();
        assignment.assign(
                procedure(AgencyLevel.COMMUNE, CompetentAgency.CHOSEN, true),
                COMMUNE,
                FAR_COMMUNE,
                FAR_COMMUNE,
                TODAY,
                problems);

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        new FieldProblem("competentAgencyCode", "is not in the receiving agency's province"),
                        new FieldProblem("returnAgencyCode", "is not in the receiving agency's province"));
    }

    @Test
    void aMergedCommuneReceivesNothingAndNamesItsSuccessor() {
        List<FieldProblem> problems = new ArrayList<>();
        Agencies a = assignment.assign(
                procedure(AgencyLevel.COMMUNE, CompetentAgency.RECEIVING, true), MERGED, null, null, TODAY, problems);

        assertThat(a.receiving()).isNull();
        assertThat(problems)
                .containsExactly(new FieldProblem("agencyCode", "was merged into " + NEIGHBOUR + "; use that agency"));
        // Its last day it still received.
        List<FieldProblem> lastDay = new ArrayList<>();
        assignment.assign(
                procedure(AgencyLevel.COMMUNE, CompetentAgency.RECEIVING, true),
                MERGED,
                null,
                null,
                TODAY.minusDays(1),
                lastDay);
        assertThat(lastDay).isEmpty();
    }

    @Test
    void anAgencyWithoutADeskReceivesNothingAndTheWrongLevelDecidesNothing() {
        List<FieldProblem> noDesk = new ArrayList<>();
        assignment.assign(
                procedure(AgencyLevel.COMMUNE, CompetentAgency.RECEIVING, true), NO_DESK, null, null, TODAY, noDesk);
        assertThat(noDesk).containsExactly(new FieldProblem("agencyCode", "has no one-stop desk"));

        List<FieldProblem> wrongLevel = new ArrayList<>();
        assignment.assign(
                procedure(AgencyLevel.DEPARTMENT, CompetentAgency.RECEIVING, true),
                COMMUNE,
                null,
                null,
                TODAY,
                wrongLevel);
        assertThat(wrongLevel)
                .containsExactly(
                        new FieldProblem("agencyCode", "does not decide this procedure: it needs a DEPARTMENT agency"));

        List<FieldProblem> unknown = new ArrayList<>();
        assignment.assign(
                procedure(AgencyLevel.COMMUNE, CompetentAgency.CHOSEN, true),
                COMMUNE,
                "999.99.99.Z99",
                null,
                TODAY,
                unknown);
        assertThat(unknown).containsExactly(new FieldProblem("competentAgencyCode", "is not a known agency"));
    }

    private static Agency commune(
            String code, String name, String province, boolean desk, LocalDate activeTo, String mergedInto) {
        return new Agency(code, name, AgencyLevel.COMMUNE, province, province, desk, null, activeTo, mergedInto);
    }

    private static ProcedureDescriptor procedure(AgencyLevel level, CompetentAgency rule, boolean anywhere) {
        return new ProcedureDescriptor(
                "thu-tuc-thu",
                "0.000000",
                new LocalizedText("Thủ tục thử", "A test procedure"),
                "Thử",
                level,
                rule,
                anywhere,
                new TimeLimit(1, TimeLimitKind.WORKING, 0),
                ServiceLevel.PARTIAL,
                List.of(),
                List.of(),
                List.of(),
                null);
    }
}
