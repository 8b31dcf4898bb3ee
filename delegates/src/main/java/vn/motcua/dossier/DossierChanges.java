package vn.motcua.dossier;

import java.util.Map;

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

    public DossierChanges(Outbox outbox) {
        this.outbox = outbox;
    }

    public void changed(String dossierCode) {
        outbox.add(TOPIC_INDEX, dossierCode, Map.of("code", dossierCode));
    }
}
