package vn.motcua.app.search;

import java.time.Instant;
import java.util.Set;

/**
 * What a clerk asks the dossier search, already checked (see {@link DossierSearchController}).
 *
 * @param text       free text: a code or part of one, a name with or without diacritics, an identity number, a phone
 * @param statuses   public status codes (any of them); empty for all
 * @param procedures procedure keys (any of them); empty for all
 * @param agencies   agency codes asked for; always narrowed to the clerk's own agencies
 * @param late       only late dossiers (true), only dossiers not late (false), or both (null)
 * @param from       submitted at or after, inclusive; may be null
 * @param to         submitted before, exclusive; may be null
 * @param address    words of the applicant's address, with or without diacritics; may be null
 */
record DossierQuery(
        String text,
        Set<Integer> statuses,
        Set<String> procedures,
        Set<String> agencies,
        Boolean late,
        Instant from,
        Instant to,
        String address,
        Sort sort,
        int page,
        int size) {

    DossierQuery {
        statuses = Set.copyOf(statuses);
        procedures = Set.copyOf(procedures);
        agencies = Set.copyOf(agencies);
    }

    boolean hasText() {
        return text != null && !text.isBlank();
    }

    /** Order of the results: {@code field} one of {@link #FIELDS}, or {@code relevance}. */
    record Sort(String field, boolean descending) {

        static final Set<String> FIELDS = Set.of("relevance", "submittedAt", "dueAt", "updatedAt", "code");
        static final Sort RELEVANCE = new Sort("relevance", true);
        static final Sort NEWEST = new Sort("submittedAt", true);
    }
}
