package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.TimeLimitKind;

/** procedure.yaml: time limits with their kind, older files still read, legal bases, and errors naming the file. */
class ProcedureDescriptorReaderTest {

    private static final String HEAD = """
            nationalCode: "9.999999"
            name: { vi: Thủ tục thử, en: Test procedure }
            agencyLevel: COMMUNE
            serviceLevel: PARTIAL
            """;

    @Test
    void aTimeLimitInDaysSaysItsKind() {
        ProcedureDescriptor d = read(HEAD + "timeLimit: { days: 10, kind: CALENDAR }\n");

        assertThat(d.timeLimit().days()).isEqualTo(10);
        assertThat(d.timeLimit().kind()).isEqualTo(TimeLimitKind.CALENDAR);
        assertThat(d.timeLimit().maxExtensionWorkingDays()).isZero();
        assertThat(d.timeLimit().describeVi()).isEqualTo("10 ngày");
    }

    @Test
    void anOlderFileWithTimeLimitWorkingDaysReadsAsWorkingDays() {
        ProcedureDescriptor d = read(HEAD + "timeLimitWorkingDays: 3\nlegalBasis:\n  - Luật Hộ tịch 2014\n");

        assertThat(d.timeLimit().days()).isEqualTo(3);
        assertThat(d.timeLimit().kind()).isEqualTo(TimeLimitKind.WORKING);
        assertThat(d.timeLimit().describeVi()).isEqualTo("3 ngày làm việc");
        assertThat(d.legalBasis())
                .singleElement()
                .satisfies(b -> assertThat(b.title()).isEqualTo("Luật Hộ tịch 2014"));
    }

    @Test
    void bothSpellingsAMissingKindAnUnknownKeyOrABadDateAreRefusedNamingTheFile() {
        assertThatThrownBy(() -> read(HEAD + "timeLimitWorkingDays: 3\ntimeLimit: { days: 3, kind: WORKING }\n"))
                .isInstanceOf(ProcedureDefinitionException.class)
                .hasMessageContaining("processes/thu/procedure.yaml")
                .hasMessageContaining("either timeLimit");
        assertThatThrownBy(() -> read(HEAD + "timeLimit: { days: 3 }\n"))
                .hasMessageContaining("processes/thu/procedure.yaml")
                .hasMessageContaining("timeLimit.kind is required");
        assertThatThrownBy(() -> read(HEAD + "timeLimit: { days: 3, kind: WORKING, maxExtension: 2 }\n"))
                .hasMessageContaining("processes/thu/procedure.yaml")
                .hasMessageContaining("maxExtension");
        assertThatThrownBy(() -> read(HEAD + "timeLimit: { days: 3, kind: LUNAR }\n"))
                .hasMessageContaining("processes/thu/procedure.yaml");
        assertThatThrownBy(() -> read(HEAD + "timeLimit: { days: 3, kind: WORKING }\n"
                        + "legalBasis:\n  - { number: 1/2025/NĐ-CP, date: 09/06/2025, title: Nghị định thử }\n"))
                .hasMessageContaining("processes/thu/procedure.yaml")
                .hasMessageContaining("date '09/06/2025' is not a date like 2025-06-09");
        assertThatThrownBy(() -> read(
                        HEAD + "timeLimit: { days: 3, kind: WORKING }\nunconfirmed:\n  - { about: nationalCode }\n"))
                .hasMessageContaining("every unconfirmed entry needs");
    }

    @Test
    void theServiceLevelsCarryTheirNamesFromNghiDinh42() {
        assertThat(ServiceLevel.FULL_ONLINE.nameVi()).isEqualTo("Dịch vụ công trực tuyến toàn trình");
        assertThat(ServiceLevel.PARTIAL.nameVi()).isEqualTo("Dịch vụ công trực tuyến một phần");
        assertThat(ServiceLevel.FULL_ONLINE.nameEn()).isEqualTo("Full online public service");
        assertThat(ServiceLevel.PARTIAL.nameEn()).isEqualTo("Partial online public service");
    }

    private static ProcedureDescriptor read(String yaml) {
        return ProcedureDescriptorReader.read(
                "thu", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "processes/thu/procedure.yaml");
    }
}
