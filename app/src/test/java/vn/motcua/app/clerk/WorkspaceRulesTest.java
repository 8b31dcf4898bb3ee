package vn.motcua.app.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.app.clerk.Workspace.Urgency;

class WorkspaceRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z"); // 10:00 in Vietnam, a Tuesday
    private static final LocalDate WARN_UNTIL = LocalDate.of(2026, 12, 2);

    @Test
    void aDossierPastItsDueMomentOrMarkedLateIsLate() {
        assertThat(Urgency.of(NOW.minusSeconds(1), false, NOW, WARN_UNTIL)).isEqualTo(Urgency.LATE);
        assertThat(Urgency.of(NOW, false, NOW, WARN_UNTIL)).isEqualTo(Urgency.LATE);
        assertThat(Urgency.of(NOW.plusSeconds(86_400 * 10), true, NOW, WARN_UNTIL))
                .isEqualTo(Urgency.LATE);
    }

    @Test
    void aDossierDueWithinTheWarningDaysIsNearlyLateAndLaterOnesAreOnTime() {
        assertThat(Urgency.of(Instant.parse("2026-12-02T09:00:00Z"), false, NOW, WARN_UNTIL))
                .isEqualTo(Urgency.NEARLY_LATE); // 16:00 on the 2nd in Vietnam
        assertThat(Urgency.of(Instant.parse("2026-12-02T17:30:00Z"), false, NOW, WARN_UNTIL))
                .as("00:30 on the 3rd in Vietnam")
                .isEqualTo(Urgency.ON_TIME);
        assertThat(Urgency.of(null, false, NOW, WARN_UNTIL)).isEqualTo(Urgency.NO_DEADLINE);
    }

    @Test
    void aFormMaySetOnlyTheFieldsItDeclaresNestedGroupsIncluded() {
        String schema = """
                {"components": [
                  {"type": "text", "text": "# Tiếp nhận"},
                  {"type": "radio", "key": "receiptDecision"},
                  {"type": "group", "components": [{"type": "textarea", "key": "missingDocuments"}]}
                ]}""";
        assertThat(Workspace.fieldKeys(schema)).containsExactlyInAnyOrder("receiptDecision", "missingDocuments");
    }

    @Test
    void formValuesBecomeTextNumbersBooleansOrNothing() throws Exception {
        Map<String, Object> values = WorkspacePages.values(JSON.readTree("""
                {"a": "chữ", "b": 2, "c": 3000000000, "d": 1.5, "e": true, "f": null}"""));
        assertThat(values)
                .containsEntry("a", "chữ")
                .containsEntry("b", 2)
                .containsEntry("c", 3_000_000_000L)
                .containsEntry("d", 1.5)
                .containsEntry("e", true)
                .containsEntry("f", null);
    }

    @Test
    void aListOrObjectValueIsRefusedNamingItsField() {
        assertThatThrownBy(() -> WorkspacePages.values(JSON.readTree("{\"tags\": [\"x\"]}")))
                .isInstanceOf(InvalidFormValuesException.class)
                .hasMessageContaining("tags");
        assertThatThrownBy(() -> WorkspacePages.values(JSON.readTree("[1]")))
                .isInstanceOf(InvalidFormValuesException.class);
    }

    @Test
    void datesAndRatesAreWrittenTheVietnameseWay() {
        assertThat(PageFormat.INSTANCE.dt(NOW)).isEqualTo("01/12/2026 10:00");
        assertThat(PageFormat.INSTANCE.percent(0.875)).isEqualTo("87,5 %");
        assertThat(PageFormat.INSTANCE.percent(null)).isEqualTo("—");
        assertThat(PageFormat.INSTANCE.number(1_234_567)).isEqualTo("1.234.567");
        assertThat(PageFormat.INSTANCE.statusName(2, "en")).isNotBlank();
    }

    @Test
    void aSectionLinksOnlyWithinTheSite() {
        assertThat(DossierSection.Line.link("Giấy tiếp nhận", "PDF", "/phieu/1.pdf")
                        .href())
                .isEqualTo("/phieu/1.pdf");
        assertThatThrownBy(() -> DossierSection.Line.link("x", "y", "//evil.example/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DossierSection.Line.link("x", "y", "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
