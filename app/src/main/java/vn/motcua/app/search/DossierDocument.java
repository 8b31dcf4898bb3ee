package vn.motcua.app.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A dossier as the search index holds it (mapping: {@code search/dossiers-index.json}). Built from the
 * dossier row and the engine's open tasks by {@link DossierRows}; times are ISO-8601 instants (UTC,
 * milliseconds). The folded copies are the name and address without diacritics, for searches typed
 * without them; they are indexed but left out of the stored source.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DossierDocument(
        String code,
        String procedureKey,
        Integer procedureVersion,
        String procedureName,
        String applicantName,
        String applicantNameFolded,
        String applicantAddress,
        String applicantAddressFolded,
        String identityNumber,
        String phone,
        int status,
        String step,
        String receivingAgency,
        String competentAgency,
        List<String> agencies,
        String channel,
        String serviceLevel,
        String submittedAt,
        String receivedAt,
        String dueAt,
        String finishedAt,
        String returnedAt,
        String updatedAt,
        Boolean finishedLate,
        String feeState,
        List<String> assignees,
        long version) {}
