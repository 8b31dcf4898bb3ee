package vn.motcua.app.search;

import co.elastic.clients.elasticsearch._types.Refresh;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.app.outbox.OutboxHandler;
import vn.motcua.dossier.DossierChanges;
import vn.motcua.outbox.OutboxMessage;

/**
 * Drains the outbox topic {@value DossierChanges#TOPIC_INDEX} into the search index. For a batch it reads the
 * current rows of the dossiers named (not the messages' contents: several messages of one dossier make one
 * write of its latest state) and writes them in one bulk request with their index versions as external versions,
 * so a repeated or out-of-order write never replaces a newer state. Runs after the commit that wrote the message:
 * nothing reaches the index before the database has it.
 *
 * <p>A failed item fails its messages, which the outbox tries again with back-off (at most
 * {@code motcua.search.max-retry} apart); nothing is deleted from the index on failure. A dossier that no longer
 * exists (never the case today) is skipped.
 *
 * <p>Lag: {@code motcua.search.index.lag} times each message from its outbox row (written in the change's
 * transaction, just before its commit) to the end of its write. A batch smaller than a full one, which is the
 * steady state, is written with {@code refresh=true}: the change can be found when the request returns, so there
 * the time is commit to searchable, and the index refreshes at most once per poll of the outbox (a few times a
 * second), not per change. A full batch (a backlog) is written without refresh, for throughput, and becomes
 * searchable at the index's next scheduled refresh (every second).
 */
@Component
class DossierIndexer implements OutboxHandler {

    private static final Logger log = LoggerFactory.getLogger(DossierIndexer.class);

    private final DossierRows rows;
    private final DossierIndex index;
    private final IndexWriter writer;
    private final SearchProperties properties;
    private final Clock clock;
    private final Timer lag;

    DossierIndexer(
            DossierRows rows,
            DossierIndex index,
            IndexWriter writer,
            SearchProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.rows = rows;
        this.index = index;
        this.writer = writer;
        this.properties = properties;
        this.clock = clock;
        this.lag = Timer.builder("motcua.search.index.lag")
                .description(
                        "From a dossier change's outbox row to its document written (and searchable, except in a backlog)")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(meters);
    }

    @Override
    public String topic() {
        return DossierChanges.TOPIC_INDEX;
    }

    @Override
    public int batchSize() {
        return properties.batchSize();
    }

    @Override
    public Duration maxRetry() {
        return properties.maxRetry();
    }

    @Override
    public Map<Long, String> handle(List<OutboxMessage> batch) {
        long t0 = System.nanoTime();
        Map<String, List<OutboxMessage>> byCode = new LinkedHashMap<>();
        for (OutboxMessage m : batch) {
            byCode.computeIfAbsent(m.aggregateId(), c -> new java.util.ArrayList<>())
                    .add(m);
        }
        List<DossierDocument> documents = rows.byCodes(byCode.keySet()).stream()
                .map(DossierRows.Row::document)
                .toList();
        if (documents.size() < byCode.size()) {
            log.debug(
                    "{} of {} dossiers in the batch no longer exist; skipped",
                    byCode.size() - documents.size(),
                    byCode.size());
        }
        long t1 = System.nanoTime();
        index.ensureOnce();
        // The targets are looked up after the rows were read: a reindex that registers its new index after this
        // look-up scans the rows later still, and finds this state or a newer one.
        List<String> targets = index.writeTargets();
        Refresh refresh = batch.size() < batchSize() ? Refresh.True : Refresh.False;
        long t2 = System.nanoTime();
        Map<String, String> failedCodes = writer.write(documents, targets, index.nextAlias(), refresh);
        long t3 = System.nanoTime();

        Map<Long, String> failures = new HashMap<>();
        Instant now = clock.instant();
        for (Map.Entry<String, List<OutboxMessage>> entry : byCode.entrySet()) {
            String error = failedCodes.get(entry.getKey());
            for (OutboxMessage m : entry.getValue()) {
                if (error != null) {
                    failures.put(m.id(), error);
                } else {
                    lag.record(Duration.between(m.createdAt(), now));
                }
            }
        }
        log.debug(
                "Indexed {} dossiers for {} messages into {} ({} failed): read {} ms, aliases {} ms, bulk {} ms",
                documents.size(),
                batch.size(),
                targets,
                failedCodes.size(),
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000);
        if (failedCodes.values().stream().anyMatch(e -> e.contains("index_not_found"))) {
            index.forgetAlias(); // someone removed the alias: make it again before the retry
        }
        return failures;
    }
}
