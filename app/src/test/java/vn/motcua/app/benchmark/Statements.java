package vn.motcua.app.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Which SQL statements an operation costs, from PostgreSQL's pg_stat_statements: statements and
 * commits per operation are exact counts, so a fix that saves a round trip shows even on a busy machine.
 */
final class Statements {

    /** On unless {@code -Dbenchmark.statements=false}: pg_stat_statements costs the server a little. */
    static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("benchmark.statements", "true"));

    private Statements() {}

    /**
     * Creates the cluster the application will find in its data folder, with pg_stat_statements loaded:
     * the application's embedded server reuses a cluster it finds, and the library must be loaded at start.
     */
    static void prepareCluster(Path postgresDataDir) throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(postgresDataDir)
                .setCleanDataDirectory(false)
                .setLocaleConfig("locale", "C")
                .start()) {
            Sql.execute(
                    postgres.getPostgresDatabase(), "alter system set shared_preload_libraries = 'pg_stat_statements'");
        }
    }

    static void enable(DataSource db) {
        Sql.execute(db, "create extension if not exists pg_stat_statements");
        reset(db);
    }

    static void reset(DataSource db) {
        Sql.execute(db, "select pg_stat_statements_reset()");
    }

    /** Transactions committed in the current database so far (pg_stat_database; idle backends report within ten seconds). */
    static long commits(DataSource db) {
        return Sql.number(db, "select xact_commit from pg_stat_database where datname = current_database()");
    }

    /** Statements of the current database since the last reset, heaviest first. */
    static List<Row> read(DataSource db) {
        List<Row> rows = new ArrayList<>();
        Map<String, Row> byText = new HashMap<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select query, calls, total_exec_time, rows from pg_stat_statements "
                        + "where dbid = (select oid from pg_database where datname = current_database())")) {
            while (rs.next()) {
                String text = rs.getString(1).replaceAll("\\s+", " ").trim();
                Row row = new Row(text, rs.getLong(2), rs.getDouble(3), rs.getLong(4));
                byText.merge(
                        text,
                        row,
                        (a, b) -> new Row(text, a.calls() + b.calls(), a.millis() + b.millis(), a.rows() + b.rows()));
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        rows.addAll(byText.values());
        rows.sort(Comparator.comparingDouble(Row::millis).reversed());
        return rows;
    }

    /** Statements, commits and server time per operation; the statements the benchmark itself ran are left out. */
    static Summary perOperation(List<Row> rows, long commits, long operations) {
        long statements = 0;
        double millis = 0;
        List<Row> kept = new ArrayList<>();
        for (Row r : rows) {
            if (r.query().contains("pg_stat")
                    || r.query().startsWith("analyze")
                    || r.query().contains("pg_database")) {
                continue;
            }
            if (!r.query().equalsIgnoreCase("begin") && !r.query().equalsIgnoreCase("commit")) {
                statements += r.calls();
            }
            millis += r.millis();
            kept.add(r);
        }
        return new Summary(
                statements / (double) operations, commits / (double) operations, millis / operations, kept, operations);
    }

    record Row(String query, long calls, double millis, long rows) {}

    record Summary(double statements, double commits, double serverMillis, List<Row> rows, long operations) {

        /** A Markdown table of the statements run at least once per ten operations, heaviest first. */
        String table(int limit) {
            StringBuilder md = new StringBuilder(
                    "| calls per operation | server ms per operation | statement |\n| ---: | ---: | --- |\n");
            rows.stream()
                    .filter(r -> r.calls() >= operations / 10)
                    .limit(limit)
                    .forEach(r -> md.append(String.format(
                            Locale.ROOT,
                            "| %.2f | %.3f | `%s` |%n",
                            r.calls() / (double) operations,
                            r.millis() / operations,
                            shorten(r.query(), 140))));
            return md.toString();
        }

        static String shorten(String query, int max) {
            String q = query.replace("|", "\\|").replace("`", "'");
            return q.length() > max ? q.substring(0, max - 1) + "…" : q;
        }
    }
}
