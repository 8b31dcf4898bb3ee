package vn.motcua.app.search;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dossier index's settings ({@code motcua.search.*}, docs/search.md).
 *
 * @param alias            the alias searches read and the indexer writes; each physical index is
 *                         {@code <alias>-<timestamp>}, and {@code <alias>-next} names the one a reindex is filling
 * @param batchSize        outbox messages the indexer takes at once (one SQL read, one bulk request)
 * @param maxRetry         the longest wait before a failed message is tried again: short, so the index catches up
 *                         soon after Elasticsearch comes back
 * @param reindexChunkSize dossiers read and written per bulk request by a reindex
 */
@ConfigurationProperties("motcua.search")
@Validated
public record SearchProperties(
        @Pattern(
                regexp = "[a-z0-9][a-z0-9_.-]*",
                message = "must be an Elasticsearch index name: lower case letters, digits, '_', '.', '-'")
        @DefaultValue("dossiers")
        String alias,

        @Positive @DefaultValue("500") int batchSize,
        @NotNull @DefaultValue("PT30S") Duration maxRetry,
        @Positive @DefaultValue("1000") int reindexChunkSize) {

    @AssertTrue(message = "max-retry must be longer than zero")
    public boolean isMaxRetryPositive() {
        return maxRetry == null || maxRetry.compareTo(Duration.ZERO) > 0;
    }

    /** The start option that runs a reindex once the application is up: {@code --motcua.search.reindex}. */
    public static final String REINDEX_OPTION = "motcua.search.reindex";

    String nextAlias() {
        return alias + "-next";
    }
}
