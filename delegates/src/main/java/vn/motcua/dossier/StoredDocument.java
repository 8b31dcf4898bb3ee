package vn.motcua.dossier;

import java.time.Instant;

/** A file kept with a dossier, described without its content. */
public record StoredDocument(
        long id,
        String documentCode,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        int supplementRound,
        Instant uploadedAt) {}
