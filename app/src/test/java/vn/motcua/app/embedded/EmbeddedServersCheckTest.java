package vn.motcua.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/** The production jar (no embedded servers inside) started without its services: one clear message, early. */
class EmbeddedServersCheckTest {

    /** What the production jar lacks: zonky's classes, and no distribution property. */
    private static final ClassLoader PRODUCTION_JAR = new FilteredClassLoader("io.zonky.");

    private final ApplicationContextRunner productionJar = new ApplicationContextRunner()
            .withClassLoader(PRODUCTION_JAR)
            // The build sets it for the tests; the production jar has no such setting.
            .withSystemProperties(ElasticsearchDistribution.PROPERTY + "=")
            .withBean(EmbeddedServersCheck.class)
            .withBean("anyBean", String.class, () -> {
                throw new AssertionError("no bean may be created before the check");
            });

    @Test
    void withoutServicesItFailsBeforeAnyBeanSayingWhatToConfigure() {
        productionJar.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .isInstanceOf(EmbeddedServersUnavailableException.class)
                    .hasMessageContaining("No PostgreSQL and no Elasticsearch is configured")
                    .hasMessageContaining("spring.datasource.url")
                    .hasMessageContaining("spring.elasticsearch.uris")
                    .hasMessageContaining("docs/operations.md")
                    .hasMessageContaining("mvn -B -ntp -pl app -am spring-boot:run");
        });
    }

    @Test
    void aMissingElasticsearchAloneIsNamed() {
        productionJar
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db/motcua")
                .run(context -> assertThat(context.getStartupFailure())
                        .isInstanceOf(EmbeddedServersUnavailableException.class)
                        .hasMessageStartingWith("No Elasticsearch is configured (spring.elasticsearch.uris not set)"));
    }

    @Test
    void configuredServicesPass() {
        assertThat(EmbeddedServersCheck.unavailable(
                        new MockEnvironment()
                                .withProperty("spring.datasource.url", "jdbc:postgresql://db/motcua")
                                .withProperty("spring.elasticsearch.uris", "http://es:9200"),
                        PRODUCTION_JAR))
                .isEmpty();
    }

    @Test
    void theRunCommandAndTheTestsCarryBothEmbeddedServers() {
        MockEnvironment runCommand = new MockEnvironment()
                .withProperty(ElasticsearchDistribution.PROPERTY, "app/target/embedded/elasticsearch-8.19.0.zip");
        assertThat(EmbeddedServersCheck.unavailable(runCommand, getClass().getClassLoader()))
                .isEmpty();
    }

    @Test
    void bootPrintsItAsAdvice() {
        FailureAnalysis analysis = new EmbeddedServersFailureAnalyzer()
                .analyze(new IllegalStateException(
                        "wrapped",
                        new EmbeddedServersUnavailableException(java.util.List.of(EmbeddedServer.POSTGRES))));
        assertThat(analysis.getDescription()).startsWith("No PostgreSQL is configured (spring.datasource.url not set)");
        assertThat(analysis.getAction())
                .contains("spring.datasource.url")
                .contains("docs/operations.md")
                .contains("mvn -B -ntp -pl app -am spring-boot:run");
    }
}
