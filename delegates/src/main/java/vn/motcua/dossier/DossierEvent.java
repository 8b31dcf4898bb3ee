package vn.motcua.dossier;

import java.time.Instant;

/** One entry of a dossier's append-only log. The public message is what the citizen's timeline shows. */
public record DossierEvent(
        Instant occurredAt,
        String actor,
        PublicStatus publicStatus,
        String internalStep,
        String publicMessage,
        String internalNote) {}
