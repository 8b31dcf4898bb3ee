package vn.motcua.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class FeePropertiesTest {

    private final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theProvincesFeesDefaultToTheDocumentedExamplesAndReachTheFeeTablesByName() {
        contexts.run(context -> {
            FeeProperties fees = context.getBean(FeeProperties.class);
            assertThat(fees).isEqualTo(new FeeProperties(8_000, 50_000));
            assertThat(fees.parameters())
                    .isEqualTo(Map.of("lateBirthRegistrationFee", 8_000L, "householdBusinessRegistrationFee", 50_000L));
        });
    }

    @Test
    void aProvinceSetsItsOwnFeeAndANegativeFeeStopsTheStart() {
        contexts.withPropertyValues("motcua.fees.late-birth-registration-fee=5000")
                .run(context -> assertThat(context.getBean(FeeProperties.class).lateBirthRegistrationFee())
                        .isEqualTo(5_000));
        contexts.withPropertyValues("motcua.fees.household-business-registration-fee=-1")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("motcua.fees.household-business-registration-fee"));
    }

    @EnableConfigurationProperties(FeeProperties.class)
    static class Settings {}
}
