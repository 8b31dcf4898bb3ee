package vn.motcua.app.citizen;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.app.web.InvalidParameterException;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStateException;
import vn.motcua.dossier.PublicStatus;

/**
 * The citizen's satisfaction rating of a dossier (table {@code dossier_rating}, V13_1): one of the three levels the
 * national public service portal asks, with an optional comment, once per dossier, only after the result was
 * returned (status 10). Counted in the 766 indices ({@code vn.motcua.stats.ServiceIndices}).
 */
@Component
class Ratings {

    static final int MAX_COMMENT = 1000;
    static final Set<String> LEVELS = Set.of("VERY_SATISFIED", "SATISFIED", "DISSATISFIED");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Ratings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A rating as stored. */
    record Rating(String level, String comment, Instant ratedAt) {}

    /**
     * @throws InvalidParameterException for an unknown level or a too long comment (400)
     * @throws DossierStateException     before the result was returned, or when the dossier was rated already (409)
     */
    Rating rate(Dossier dossier, String level, String comment) {
        if (level == null || !LEVELS.contains(level)) {
            throw new InvalidParameterException("level", "'level' must be VERY_SATISFIED, SATISFIED or DISSATISFIED");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw new InvalidParameterException(
                    "comment", "'comment' must have at most " + MAX_COMMENT + " characters");
        }
        if (dossier.publicStatus() != PublicStatus.RESULT_RETURNED) {
            throw new DossierStateException(
                    dossier.code(), dossier.publicStatus(), "cannot be rated before its result is returned");
        }
        Instant now = clock.instant();
        try {
            jdbc.update(
                    "insert into dossier_rating (dossier_id, level, comment, rated_at) values (?, ?, ?, ?)",
                    dossier.id(),
                    level,
                    text,
                    Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            throw new DossierStateException(dossier.code(), dossier.publicStatus(), "was rated already");
        }
        return new Rating(level, text, now);
    }

    Optional<Rating> of(long dossierId) {
        return jdbc
                .query(
                        "select level, comment, rated_at from dossier_rating where dossier_id = ?",
                        (rs, n) -> new Rating(
                                rs.getString("level"),
                                rs.getString("comment"),
                                rs.getTimestamp("rated_at").toInstant()),
                        dossierId)
                .stream()
                .findFirst();
    }
}
