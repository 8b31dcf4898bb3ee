package vn.motcua.app.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import vn.motcua.engine.EngineClock;

/**
 * A reindex run and how far it got (table {@code search_reindex}).
 *
 * @param indexed  dossiers written into the new index so far, out of {@code total} (counted when the run began)
 * @param caughtUp dossiers changed while the run scanned, written again before it finished
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReindexRun(
        long id,
        String index,
        State state,
        String requestedBy,
        long total,
        long indexed,
        long caughtUp,
        int percent,
        Double documentsPerSecond,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        String error) {

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    static ReindexRun of(
            long id,
            String index,
            State state,
            String requestedBy,
            long total,
            long indexed,
            long caughtUp,
            Instant startedAt,
            Instant finishedAt,
            String error,
            Instant now) {
        int percent = state == State.DONE ? 100 : total == 0 ? 0 : (int) Math.min(99, indexed * 100 / total);
        long millis = Duration.between(startedAt, finishedAt != null ? finishedAt : now)
                .toMillis();
        Double rate = millis <= 0 ? null : Math.round(indexed * 10_000.0 / millis) / 10.0;
        return new ReindexRun(
                id,
                index,
                state,
                requestedBy,
                total,
                indexed,
                caughtUp,
                percent,
                rate,
                startedAt.atZone(EngineClock.VIETNAM).toOffsetDateTime(),
                finishedAt == null
                        ? null
                        : finishedAt.atZone(EngineClock.VIETNAM).toOffsetDateTime(),
                error);
    }
}
