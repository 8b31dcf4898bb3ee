package vn.motcua.dossier;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.outbox.Outbox;

/**
 * Announces that a dossier changed, in the transaction of the change, so that copies of it kept
 * elsewhere (the search index) catch up after the commit. Every code path that changes a dossier
 * row calls {@link #changed}.
 */
@Component
public class DossierChanges {

    /** The outbox topic the search indexer drains. */
    public static final String TOPIC_INDEX = "dossier-index";

    private final Outbox outbox;
    private final JdbcTemplate jdbc;

    public DossierChanges(Outbox outbox, JdbcTemplate jdbc) {
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /**
     * Gives the dossier a new index version and queues its re-indexing. The update takes (or already
     * holds) the dossier's row lock, so versions grow in the order the changes commit; copies use the
     * version to refuse stale writes (V4__search.sql). A code that names no dossier queues nothing.
     */
    public void changed(String dossierCode) {
        int rows = jdbc.update(
                "update dossier set index_version = nextval('dossier_index_version_seq') where code = ?", dossierCode);
        if (rows > 0) {
            outbox.add(TOPIC_INDEX, dossierCode, Map.of("code", dossierCode));
        }
    }
}
