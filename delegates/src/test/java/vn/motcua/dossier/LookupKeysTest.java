package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LookupKeysTest {

    @Test
    void aKeyIsFourGroupsOfFourWithoutLookAlikeCharacters() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String key = LookupKeys.generate();
            assertThat(key).matches("[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}");
            keys.add(key);
        }
        assertThat(keys).as("80 random bits: no repeats in 200").hasSize(200);
    }

    @Test
    void caseDashesAndSpacesDoNotMatterWhenTheKeyIsTypedBack() {
        String stored = LookupKeys.sha256("ABCD-EFGH-JKLM-NPQR");

        assertThat(LookupKeys.matches("abcd efgh-jklm npqr", stored)).isTrue();
        assertThat(LookupKeys.matches("ABCDEFGHJKLMNPQR", stored)).isTrue();
        assertThat(LookupKeys.matches("ABCD-EFGH-JKLM-NPQS", stored)).isFalse();
        assertThat(LookupKeys.matches(null, stored)).isFalse();
        assertThat(LookupKeys.matches("ABCD-EFGH-JKLM-NPQR", null)).isFalse();
    }

    @Test
    void onlyTheHashIsKeptAndItIsSha256InHex() {
        assertThat(LookupKeys.sha256("ABCD-EFGH-JKLM-NPQR"))
                .matches("[0-9a-f]{64}")
                .doesNotContain("ABCD");
    }
}
