package vn.motcua.app.search;

import co.elastic.clients.elasticsearch._types.Refresh;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import vn.motcua.app.search.ReindexRun.State;

/**
 * Rebuilds the index from PostgreSQL into a new index and moves the alias over, while searches go on against the
 * old one. One run at a time in the whole cluster: a PostgreSQL advisory lock, held by a connection of the running
 * node, which a crash releases.
 *
 * <ol>
 *   <li>A new index {@code dossiers-<timestamp>} is created with the alias {@code dossiers-next}. From then on the
 *       indexer writes every change into both indices ({@link DossierIndexer}).</li>
 *   <li>The highest index version in the database is noted, then all dossiers are read in id order and written in
 *       bulk, with their versions, into the new index (refresh off meanwhile).</li>
 *   <li>The alias {@code dossiers} moves to the new index and {@code dossiers-next} goes, in one atomic step.</li>
 *   <li>Dossiers whose version is above the mark (changed during the scan) are written again: a second guard,
 *       beside the indexer's double writes, that no change made during the run is missing.</li>
 *   <li>The old index is deleted.</li>
 * </ol>
 * Versions make every write idempotent: the scan, the catch-up and the indexer may write one dossier in any order
 * and the newest state stays. A run that fails before the switch deletes its new index; the old one stays in use.
 */
@Service
public class SearchReindex {

    private static final Logger log = LoggerFactory.getLogger(SearchReindex.class);
    /** PostgreSQL advisory lock ("motcua" + 2), held for a whole run. */
    static final long RUN_LOCK = 0x6d6f74637561_02L;

    private static final int WRITE_ATTEMPTS = 5;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final DossierIndex index;
    private final DossierRows rows;
    private final IndexWriter writer;
    private final SearchProperties properties;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "search-reindex");
        thread.setDaemon(true);
        return thread;
    });

    SearchReindex(
            DataSource dataSource,
            JdbcTemplate jdbc,
            DossierIndex index,
            DossierRows rows,
            IndexWriter writer,
            SearchProperties properties) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.index = index;
        this.rows = rows;
        this.writer = writer;
        this.properties = properties;
    }

    /**
     * Creates the new index and starts filling it on a background thread.
     *
     * @throws ReindexRunningException when a run is under way somewhere in the cluster
     * @throws SearchUnavailableException when Elasticsearch cannot be reached
     */
    public ReindexRun start(String requestedBy) {
        Connection lock = acquireLock()
                .orElseThrow(() -> new ReindexRunningException(runningId().orElse(null)));
        try {
            failInterruptedRuns();
            index.ensure();
            index.delete(index.indicesOf(index.nextAlias())); // left by a run whose node died
            String newIndex = index.create(index.nextAlias());
            index.setRefreshInterval(newIndex, "-1");
            long id = insertRun(newIndex, requestedBy);
            log.info(
                    "Reindex {} requested by {}: filling {} from the database, searches stay on {}",
                    id,
                    requestedBy,
                    newIndex,
                    index.alias());
            executor.execute(() -> {
                try {
                    run(id, newIndex);
                } finally {
                    release(lock);
                }
            });
            return get(id).orElseThrow();
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    public Optional<ReindexRun> get(long id) {
        return jdbc.query("select * from search_reindex where id = ?", (rs, n) -> map(rs), id).stream()
                .findFirst();
    }

    /** The latest runs, newest first. */
    public List<ReindexRun> latest(int limit) {
        return jdbc.query("select * from search_reindex order by id desc limit ?", (rs, n) -> map(rs), limit);
    }

    /** Blocks until the run has ended; for the command-line option and tests. */
    public ReindexRun await(long id, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ReindexRun run = get(id).orElseThrow(() -> new UnknownReindexException(id));
            if (run.state() != State.RUNNING || System.nanoTime() > deadline) {
                return run;
            }
            Thread.sleep(200);
        }
    }

    /**
     * At start-up, when no run holds the lock: runs still marked RUNNING belong to a node that stopped, and are
     * marked FAILED; the index such a run left behind the next alias is deleted (the indexer would keep writing it).
     */
    void recoverInterruptedRuns() {
        acquireLock().ifPresent(lock -> {
            try {
                failInterruptedRuns();
                Set<String> leftover = index.indicesOf(index.nextAlias());
                if (!leftover.isEmpty()) {
                    log.warn(
                            "Deleting {}, left behind alias {} by an interrupted reindex", leftover, index.nextAlias());
                    index.delete(leftover);
                }
            } finally {
                release(lock);
            }
        });
    }

    private void run(long id, String newIndex) {
        boolean switched = false;
        long t0 = System.nanoTime();
        try {
            long mark = rows.highestVersion();
            long total = rows.count();
            jdbc.update("update search_reindex set total = ? where id = ?", total, id);
            long afterId = 0;
            long indexed = 0;
            int loggedTenth = 0;
            List<String> target = List.of(index.nextAlias());
            for (List<DossierRows.Row> page;
                    !(page = rows.afterId(afterId, properties.reindexChunkSize())).isEmpty(); ) {
                write(page, target, null);
                afterId = page.get(page.size() - 1).id();
                indexed += page.size();
                total = Math.max(total, indexed);
                jdbc.update("update search_reindex set indexed = ?, total = ? where id = ?", indexed, total, id);
                int tenth = (int) (indexed * 10 / total);
                if (tenth > loggedTenth) {
                    loggedTenth = tenth;
                    log.info(
                            "Reindex {}: {} of {} dossiers ({} %), {} per second",
                            id, indexed, total, tenth * 10, Math.round(indexed / ((System.nanoTime() - t0) / 1e9)));
                }
            }
            index.setRefreshInterval(newIndex, "1s");
            index.refresh(newIndex);
            Set<String> old = new HashSet<>(index.switchTo(newIndex));
            switched = true;
            long caughtUp = catchUp(mark);
            old.remove(newIndex);
            index.delete(old);
            jdbc.update(
                    "update search_reindex set state = 'DONE', caught_up = ?, finished_at = ? where id = ?",
                    caughtUp,
                    Timestamp.from(Instant.now()),
                    id);
            log.info(
                    "Reindex {} done in {} s: {} dossiers in {}, now behind alias {}; {} changed meanwhile and were "
                            + "written again; deleted {}",
                    id,
                    Math.round((System.nanoTime() - t0) / 1e9),
                    indexed,
                    newIndex,
                    index.alias(),
                    caughtUp,
                    old);
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Reindex {} failed{}", id, switched ? " after the switch (the new index is in use)" : "", e);
            jdbc.update(
                    "update search_reindex set state = 'FAILED', error = ?, finished_at = ? where id = ?",
                    String.valueOf(e),
                    Timestamp.from(Instant.now()),
                    id);
            if (!switched) {
                try {
                    index.delete(List.of(newIndex));
                } catch (RuntimeException cleanup) {
                    log.warn("Could not delete the unfinished index {}: {}", newIndex, cleanup.toString());
                }
            }
        }
    }

    /** Writes again the dossiers changed since the mark, in version order, until a page comes back short. */
    private long catchUp(long mark) throws InterruptedException {
        long count = 0;
        int chunk = properties.reindexChunkSize();
        while (true) {
            List<DossierRows.Row> page = rows.changedAfter(mark, chunk);
            write(page, List.of(index.alias()), null);
            count += page.size();
            if (page.size() < chunk) {
                return count;
            }
            mark = page.get(page.size() - 1).document().version();
        }
    }

    /** One bulk request, tried again a few times (1 s, 2 s, 4 s …) before the run gives up. */
    private void write(List<DossierRows.Row> page, List<String> targets, String optionalTarget)
            throws InterruptedException {
        List<DossierDocument> documents =
                page.stream().map(DossierRows.Row::document).toList();
        for (int attempt = 1; ; attempt++) {
            String problem;
            try {
                Map<String, String> failures = writer.write(documents, targets, optionalTarget, Refresh.False);
                if (failures.isEmpty()) {
                    return;
                }
                problem = failures.size() + " documents failed, e.g. "
                        + failures.entrySet().iterator().next();
            } catch (SearchUnavailableException e) {
                problem = e.getMessage();
            }
            if (attempt == WRITE_ATTEMPTS) {
                throw new IllegalStateException("Bulk write failed " + attempt + " times: " + problem);
            }
            log.warn("Reindex bulk write failed (attempt {}), trying again: {}", attempt, problem);
            Thread.sleep(1000L << (attempt - 1));
        }
    }

    private long insertRun(String indexName, String requestedBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement("""
                    insert into search_reindex (index_name, state, requested_by, started_at) values (?, 'RUNNING', ?, ?)""", new String[] {"id"});
                    ps.setString(1, indexName);
                    ps.setString(2, requestedBy);
                    ps.setTimestamp(3, Timestamp.from(Instant.now()));
                    return ps;
                },
                keys);
        return keys.getKey().longValue();
    }

    /** Only called while holding the lock: a run still marked RUNNING then belongs to a node that is gone. */
    private void failInterruptedRuns() {
        int failed = jdbc.update("""
                update search_reindex set state = 'FAILED', finished_at = ?,
                    error = 'interrupted: the node running it stopped' where state = 'RUNNING'""", Timestamp.from(Instant.now()));
        if (failed > 0) {
            log.warn("{} reindex run(s) were interrupted by a stop of their node; marked FAILED", failed);
        }
    }

    private Optional<Long> runningId() {
        return jdbc
                .queryForList(
                        "select id from search_reindex where state = 'RUNNING' order by id desc limit 1", Long.class)
                .stream()
                .findFirst();
    }

    private Optional<Connection> acquireLock() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement ps = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                ps.setLong(1, RUN_LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(connection);
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Cannot take the reindex lock in PostgreSQL", e);
        }
    }

    private static void release(Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, RUN_LOCK);
            ps.execute();
        } catch (SQLException e) {
            log.warn("Could not release the reindex lock; closing its connection releases it: {}", e.toString());
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing a connection: {}", e.toString());
            }
        }
    }

    private static ReindexRun map(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return ReindexRun.of(
                rs.getLong("id"),
                rs.getString("index_name"),
                State.valueOf(rs.getString("state")),
                rs.getString("requested_by"),
                rs.getLong("total"),
                rs.getLong("indexed"),
                rs.getLong("caught_up"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("error"),
                Instant.now());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
