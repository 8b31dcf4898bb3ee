package vn.motcua.app.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** One page of the clerk search: how many dossiers match, this page of them, and counts by status and procedure. */
public record DossierSearchResult(long total, List<Item> items, Facets facets) {

    /** A dossier in the result list; times at Vietnam's offset. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            String code,
            String procedureKey,
            String procedureName,
            int status,
            String statusName,
            String step,
            Applicant applicant,
            String receivingAgency,
            String competentAgency,
            String channel,
            OffsetDateTime submittedAt,
            OffsetDateTime receivedAt,
            OffsetDateTime dueAt,
            OffsetDateTime finishedAt,
            OffsetDateTime returnedAt,
            boolean late,
            List<String> assignees,
            String feeState) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Applicant(String name, String identityNumber, String phone, String address) {}

    /**
     * Counts over everything that matches the other criteria: the status counts ignore the status filter and the
     * procedure counts the procedure filter, so a list of checkboxes shows what choosing another would give.
     */
    public record Facets(List<StatusCount> status, List<ProcedureCount> procedure) {}

    public record StatusCount(int status, String name, long count) {}

    public record ProcedureCount(String procedure, String name, long count) {}
}
