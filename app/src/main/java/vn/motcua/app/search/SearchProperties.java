package vn.motcua.app.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
public record SearchProperties(
        @DefaultValue("dossiers") String alias,
        @DefaultValue("500") int batchSize,
        @DefaultValue("PT30S") Duration maxRetry,
        @DefaultValue("1000") int reindexChunkSize) {

    /** The start option that runs a reindex once the application is up: {@code --motcua.search.reindex}. */
    public static final String REINDEX_OPTION = "motcua.search.reindex";

    String nextAlias() {
        return alias + "-next";
    }
}
