package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.PublicStatus;

/** Filling the message templates and choosing them, without a database or an outbox. */
class CitizenNotificationsTemplateTest {

    @Test
    void everyPlaceholderIsReplacedEachTimeItOccurs() {
        String text = CitizenNotifications.fill(
                "Hồ sơ {code} ({procedure}): {message} Mã {code}.",
                Map.of("code", "000.00.99.H99-260101-0001", "procedure", "Chứng thực", "message", "Đã nhận."));

        assertThat(text)
                .isEqualTo("Hồ sơ 000.00.99.H99-260101-0001 (Chứng thực): Đã nhận. Mã 000.00.99.H99-260101-0001.");
    }

    @Test
    void anEmptyMessageLeavesNoTrailingSpaceAndUnknownPlaceholdersStay() {
        String text =
                CitizenNotifications.fill("Hồ sơ {code} cần bổ sung. {message}\n", Map.of("code", "X", "message", ""));

        assertThat(text).isEqualTo("Hồ sơ X cần bổ sung.");
        assertThat(CitizenNotifications.fill("{other} {code}", Map.of("code", "X")))
                .isEqualTo("{other} X");
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsNotFilledAgain() {
        // A citizen's text is data: "{code}" typed into a message must reach them as typed.
        String text = CitizenNotifications.fill("{message}", Map.of("message", "Ghi rõ {code}"));

        assertThat(text).isEqualTo("Ghi rõ {code}");
    }

    @Test
    void citizensAreToldAtReceiptSupplementRefusalPaymentRequestResultAndElectronicReturnOnly() {
        assertThat(CitizenNotifications.templateFor(PublicStatus.RECEIVED, null))
                .contains("received");
        assertThat(CitizenNotifications.templateFor(PublicStatus.SUPPLEMENT_REQUESTED, null))
                .contains("supplement-requested");
        assertThat(CitizenNotifications.templateFor(PublicStatus.NOT_RECEIVED, null))
                .contains("not-received");
        assertThat(CitizenNotifications.templateFor(PublicStatus.PROCESSED, null))
                .contains("result-ready");
        assertThat(CitizenNotifications.templateFor(PublicStatus.AWAITING_FINANCIAL_OBLIGATION, null))
                .contains("payment-requested");
        assertThat(CitizenNotifications.templateFor(PublicStatus.PROCESSING, null))
                .isEmpty();
        assertThat(CitizenNotifications.templateFor(PublicStatus.RESULT_RETURNED, "result-returned"))
                .as("returned at the desk: the citizen is there")
                .isEmpty();
        assertThat(CitizenNotifications.templateFor(PublicStatus.RESULT_RETURNED, "result-returned-online"))
                .as("returned electronically: the signed result is ready to download")
                .contains("result-returned-online");
    }
}
