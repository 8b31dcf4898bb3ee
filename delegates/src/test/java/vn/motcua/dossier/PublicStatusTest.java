package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PublicStatusTest {

    @Test
    void codesAreTheNationalPortalsOneToTen() {
        assertThat(Arrays.stream(PublicStatus.values()).map(PublicStatus::code))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(PublicStatus.ofCode(5)).isEqualTo(PublicStatus.SUPPLEMENT_REQUESTED);
        assertThatThrownBy(() -> PublicStatus.ofCode(11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void finalStatusesAllowNoFurtherMove() {
        assertThat(Arrays.stream(PublicStatus.values()).filter(PublicStatus::isFinal))
                .containsExactlyInAnyOrder(
                        PublicStatus.NOT_RECEIVED, PublicStatus.STOPPED, PublicStatus.RESULT_RETURNED);
        assertThat(PublicStatus.RESULT_RETURNED.mayMoveTo(PublicStatus.RESULT_RETURNED))
                .isFalse();
    }

    @Test
    void aResultIsReturnedOnlyOnceItIsProcessed() {
        assertThat(PublicStatus.PROCESSING.mayMoveTo(PublicStatus.RESULT_RETURNED))
                .isFalse();
        assertThat(PublicStatus.PROCESSED.mayMoveTo(PublicStatus.RESULT_RETURNED))
                .isTrue();
        assertThat(PublicStatus.NEW.mayMoveTo(PublicStatus.PROCESSING)).isFalse();
        assertThat(PublicStatus.PROCESSING.mayMoveTo(PublicStatus.PROCESSING)).isTrue();
    }
}
