package vn.motcua.app.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The physical indices behind the alias: searches read {@code dossiers}, which points at one index
 * {@code dossiers-<timestamp>}; while a reindex fills a new index, {@code dossiers-next} points at that one
 * and the indexer writes into both. Mapping and settings: {@code search/dossiers-index.json}.
 */
@Component
public class DossierIndex {

    /** Raised with every change of {@code search/dossiers-index.json} that needs a reindex. */
    static final int MAPPING_VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(DossierIndex.class);
    private static final Resource DEFINITION = new ClassPathResource("search/dossiers-index.json");
    private static final DateTimeFormatter SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    /** PostgreSQL advisory lock ("motcua" + 1): one node at a time creates a missing alias. */
    private static final long CREATE_LOCK = 0x6d6f74637561_01L;

    private final ElasticsearchClient es;
    private final SearchProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private volatile boolean aliasSeen;

    DossierIndex(
            ElasticsearchClient es,
            SearchProperties properties,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager) {
        this.es = es;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The alias searches read. */
    public String alias() {
        return properties.alias();
    }

    /** The alias of the index a running reindex fills; absent otherwise. */
    public String nextAlias() {
        return properties.nextAlias();
    }

    /**
     * Makes sure the alias exists, creating an empty index behind it if not; one node at a time (an advisory lock
     * in PostgreSQL), so two nodes starting together do not make two.
     *
     * @return whether this call created it
     */
    boolean ensure() {
        if (aliasExists(alias())) {
            aliasSeen = true;
            return false;
        }
        Boolean created = transaction.execute(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, CREATE_LOCK);
            if (aliasExists(alias())) {
                return false;
            }
            String index = create(alias());
            log.info("Created the search index {} behind alias {}", index, alias());
            return true;
        });
        aliasSeen = true;
        return Boolean.TRUE.equals(created);
    }

    /** {@link #ensure()} until the alias has been seen once; after that nothing (a lost alias shows as write errors). */
    void ensureOnce() {
        if (!aliasSeen) {
            ensure();
        }
    }

    /** Forget that the alias was seen: the next {@link #ensureOnce()} checks again. */
    void forgetAlias() {
        aliasSeen = false;
    }

    /** Creates a new, empty index with the current mapping, reachable through {@code alias}. */
    String create(String alias) {
        String name = properties.alias() + "-" + SUFFIX.format(Instant.now());
        call(() -> {
            try (InputStream definition = DEFINITION.getInputStream()) {
                return es.indices()
                        .create(c -> c.withJson(definition).index(name).aliases(alias, a -> a));
            }
        });
        return name;
    }

    /** The aliases the indexer writes to: the next index first while a reindex runs (see {@link IndexWriter}). */
    List<String> writeTargets() {
        return aliasExists(nextAlias()) ? List.of(nextAlias(), alias()) : List.of(alias());
    }

    boolean aliasExists(String name) {
        return call(() -> es.indices().existsAlias(e -> e.name(name)).value());
    }

    /** The indices an alias points at (none when it does not exist). */
    Set<String> indicesOf(String name) {
        if (!aliasExists(name)) {
            return Set.of();
        }
        return new TreeSet<>(
                call(() -> es.indices().getAlias(g -> g.name(name)).result().keySet()));
    }

    /**
     * In one atomic step: the alias leaves its old indices for {@code index}, and the next alias leaves {@code index}.
     *
     * @return the indices the alias pointed at before
     */
    Set<String> switchTo(String index) {
        Set<String> old = indicesOf(alias());
        call(() -> es.indices().updateAliases(u -> {
            for (String o : old) {
                u.actions(a -> a.remove(r -> r.index(o).alias(alias())));
            }
            u.actions(a -> a.add(add -> add.index(index).alias(alias())));
            u.actions(a -> a.remove(r -> r.index(index).alias(nextAlias()).mustExist(false)));
            return u;
        }));
        return old;
    }

    void setRefreshInterval(String index, String interval) {
        call(() ->
                es.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time(interval)))));
    }

    void refresh(String index) {
        call(() -> es.indices().refresh(r -> r.index(index)));
    }

    void delete(Collection<String> indices) {
        if (!indices.isEmpty()) {
            call(() -> es.indices().delete(d -> d.index(List.copyOf(indices)).ignoreUnavailable(true)));
        }
    }

    /** The mapping version recorded in the index behind the alias, if it has one. */
    Optional<Integer> mappingVersion() {
        return call(() -> es.indices().getMapping(g -> g.index(alias()))).result().values().stream()
                .map(m -> m.mappings().meta().get("mappingVersion"))
                .filter(v -> v != null)
                .map(v -> v.to(Integer.class))
                .findFirst();
    }

    /** Runs an Elasticsearch call; a server that is away or refuses becomes {@link SearchUnavailableException}. */
    static <T> T call(EsCall<T> call) {
        try {
            return call.run();
        } catch (IOException | ElasticsearchException e) {
            throw new SearchUnavailableException("Elasticsearch: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface EsCall<T> {
        T run() throws IOException;
    }
}
