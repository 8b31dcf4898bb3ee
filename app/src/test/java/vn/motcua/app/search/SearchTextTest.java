package vn.motcua.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void namesAreFoldedToLowerCaseWithoutDiacritics() {
        assertThat(SearchText.fold("Nguyễn Văn Đoàn")).isEqualTo("nguyen van doan");
        assertThat(SearchText.fold("TRẦN THỊ ÁNH TUYẾT")).isEqualTo("tran thi anh tuyet");
        assertThat(SearchText.fold("Nguyễn Văn Doãn")).isEqualTo(SearchText.fold("Nguyen Van Đoàn"));
        assertThat(SearchText.fold(null)).isNull();
    }

    @Test
    void phonesBecomeTheirDomesticDigits() {
        assertThat(SearchText.phone("0912345678")).isEqualTo("0912345678");
        assertThat(SearchText.phone("+84 912 345 678")).isEqualTo("0912345678");
        assertThat(SearchText.phone("84912345678")).isEqualTo("0912345678");
        assertThat(SearchText.phone("0912.345.678")).isEqualTo("0912345678");
        assertThat(SearchText.phone("nguyen")).isNull();
    }

    @Test
    void identityNumbersLoseSpacesAndDots() {
        assertThat(SearchText.identityNumber("001 090 012 345")).isEqualTo("001090012345");
        assertThat(SearchText.identityNumber(" ")).isNull();
    }

    @Test
    void aDossierIsLateWhenFinishedAfterItsDueDateOrOpenPastIt() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        assertThat(DossierSearch.isLate(document("2026-11-27T10:00:00Z", null, null), now))
                .isTrue();
        assertThat(DossierSearch.isLate(document("2026-11-29T10:00:00Z", null, null), now))
                .isFalse();
        assertThat(DossierSearch.isLate(document("2026-11-20T10:00:00Z", "2026-11-21T10:00:00Z", true), now))
                .isTrue();
        assertThat(DossierSearch.isLate(document("2026-11-20T10:00:00Z", "2026-11-19T10:00:00Z", false), now))
                .isFalse();
        assertThat(DossierSearch.isLate(document(null, null, null), now)).isFalse();
    }

    private static DossierDocument document(String dueAt, String finishedAt, Boolean finishedLate) {
        return new DossierDocument(
                "000.00.99.H99-261128-0001",
                "chung-thuc-ban-sao",
                1,
                null,
                "A",
                "a",
                null,
                null,
                null,
                null,
                4,
                null,
                "000.00.99.H99",
                "000.00.99.H99",
                List.of("000.00.99.H99"),
                "ONLINE",
                "PARTIAL",
                "2026-11-01T01:00:00Z",
                null,
                dueAt,
                finishedAt,
                null,
                null,
                finishedLate,
                null,
                null,
                1);
    }
}
