package vn.motcua.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void toneAndVowelMarksGoAndDBecomesAPlainD() {
        assertThat(VietnameseText.fold("Nguyễn Văn Đoàn, đường Hồ Gươm")).isEqualTo("Nguyen Van Doan, duong Ho Guom");
    }

    @Test
    void composedAndDecomposedSpellingsFoldAlike() {
        String composed = "Tuyết";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);

        assertThat(VietnameseText.fold(decomposed))
                .isEqualTo(VietnameseText.fold(composed))
                .isEqualTo("Tuyet");
    }

    @Test
    void nothingToFoldStaysAsItIs() {
        assertThat(VietnameseText.fold("Ho so 000.00.99.H99-260101-0001")).isEqualTo("Ho so 000.00.99.H99-260101-0001");
        assertThat(VietnameseText.fold(null)).isNull();
    }
}
