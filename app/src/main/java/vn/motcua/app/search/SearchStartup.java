package vn.motcua.app.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * At start-up: makes sure the alias exists, and fills a newly made (empty) index from the database when there are
 * dossiers already (a new Elasticsearch, or one that lost its data). Warns when the index's mapping is older than
 * the application's. Runs a reindex when started with {@code --motcua.search.reindex}. When Elasticsearch is
 * away, says so and goes on: the indexer creates the index once it can.
 */
@Component
class SearchStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchStartup.class);

    private final DossierIndex index;
    private final DossierRows rows;
    private final SearchReindex reindex;
    private final Environment environment;

    SearchStartup(DossierIndex index, DossierRows rows, SearchReindex reindex, Environment environment) {
        this.index = index;
        this.rows = rows;
        this.reindex = reindex;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String option = environment.getProperty(SearchProperties.REINDEX_OPTION);
        boolean requested = option != null && !option.equalsIgnoreCase("false");
        try {
            reindex.recoverInterruptedRuns();
            boolean created = index.ensure();
            if (created && rows.count() > 0) {
                log.warn("The search index was empty while the database holds dossiers: rebuilding it");
                reindex.start("system: empty index at start-up");
            } else if (requested) {
                log.info("Reindex requested at start-up ({})", SearchProperties.REINDEX_OPTION);
                reindex.start("command line");
            } else {
                index.mappingVersion()
                        .filter(v -> v < DossierIndex.MAPPING_VERSION)
                        .ifPresent(v -> log.warn(
                                "The search index has mapping version {}, this application writes version {}: run a reindex "
                                        + "(POST /api/admin/search/reindex or start once with --{})",
                                v,
                                DossierIndex.MAPPING_VERSION,
                                SearchProperties.REINDEX_OPTION));
            }
        } catch (ReindexRunningException e) {
            log.info("No reindex started at start-up: {}", e.getMessage());
        } catch (SearchUnavailableException e) {
            log.warn(
                    "The search index cannot be checked now ({}); the indexer creates it when Elasticsearch answers"
                            + (requested ? ". The requested reindex did not start: start it again later." : ""),
                    e.getMessage());
        }
    }
}
