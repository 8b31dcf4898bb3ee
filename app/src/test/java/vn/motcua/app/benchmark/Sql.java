package vn.motcua.app.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The few plain SQL calls the benchmarks make beside the engine: server facts, an index on and off, table scans. */
final class Sql {

    static final String PARENT_TASK_INDEX = "motcua_ru_task_parent_idx";

    private Sql() {}

    static String string(DataSource dataSource, String query) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            String value = rs.getString(1);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return value;
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    static long number(DataSource dataSource, String query) {
        return Long.parseLong(string(dataSource, query));
    }

    static void execute(DataSource dataSource, String statement) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    /** The index of the application's migration V2, or none; statistics refreshed either way, as autovacuum would. */
    static void parentTaskIndex(DataSource dataSource, boolean present) {
        execute(
                dataSource,
                present
                        ? "create index if not exists " + PARENT_TASK_INDEX + " on act_ru_task (parent_task_id_)"
                        : "drop index if exists " + PARENT_TASK_INDEX);
        execute(dataSource, "analyze");
    }

    /** Per table so far: sequential scans, rows they read, rows fetched through indexes. */
    static Map<String, long[]> tableReads(DataSource dataSource) {
        Map<String, long[]> reads = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select relname, seq_scan, seq_tup_read, coalesce(idx_tup_fetch, 0) "
                        + "from pg_stat_user_tables order by relname")) {
            while (rs.next()) {
                reads.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return reads;
    }

    /**
     * Tables from which an operation read at least {@code minRows} rows on average between two snapshots,
     * by sequential scan or through an index: a read that grows with the backlog shows up here.
     */
    static String readsPerOperation(
            Map<String, long[]> before, Map<String, long[]> after, int operations, long minRows) {
        StringBuilder out = new StringBuilder();
        after.forEach((table, now) -> {
            long[] then = before.getOrDefault(table, new long[3]);
            double scans = (now[0] - then[0]) / (double) operations;
            double scanned = (now[1] - then[1]) / (double) operations;
            double fetched = (now[2] - then[2]) / (double) operations;
            if (scanned + fetched >= minRows) {
                if (!out.isEmpty()) {
                    out.append("; ");
                }
                out.append(table).append(": ");
                if (scanned > 0) {
                    out.append(String.format(
                            java.util.Locale.ROOT, "%,.0f rows by %.1f sequential scans", scanned, scans));
                }
                if (fetched >= 1) {
                    out.append(scanned > 0 ? ", " : "")
                            .append(String.format(java.util.Locale.ROOT, "%,.0f rows by index", fetched));
                }
            }
        });
        return out.isEmpty() ? "none" : out.toString();
    }
}
