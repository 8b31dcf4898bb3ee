package vn.motcua.procedure;

import java.util.List;
import vn.motcua.agency.AgencyLevel;

/**
 * What {@code procedure.yaml} says about a procedure. Deployed with its BPMN, so every process
 * definition version carries the rules (time limit, documents) it was started under.
 *
 * @param key                  the folder name, which is also the BPMN process id
 * @param nationalCode         the code in the national database of administrative procedures
 * @param timeLimitWorkingDays the legal time limit; 0 means the same working day
 */
public record ProcedureDescriptor(
        String key,
        String nationalCode,
        LocalizedText name,
        String field,
        AgencyLevel agencyLevel,
        CompetentAgency competentAgency,
        Boolean receivingAnywhere,
        Integer timeLimitWorkingDays,
        ServiceLevel serviceLevel,
        List<RequiredDocument> requiredDocuments,
        List<String> legalBasis) {

    public ProcedureDescriptor {
        competentAgency = competentAgency == null ? CompetentAgency.RECEIVING : competentAgency;
        receivingAnywhere = receivingAnywhere != null && receivingAnywhere;
        requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
    }

    /** A text in Vietnamese, the language of record, and English. */
    public record LocalizedText(String vi, String en) {}

    /** A paper the applicant must (or may) hand in, e.g. the original to be certified. */
    public record RequiredDocument(String code, LocalizedText name, boolean required) {}

    /**
     * Which agency decides a dossier, given where it was received. The level of that agency is
     * {@link #agencyLevel()}, and it lies in the receiving agency's province.
     */
    public enum CompetentAgency {
        /** The agency whose desk received it decides (e.g. certifying a copy at any commune). */
        RECEIVING,
        /** The agency the citizen names, e.g. the commune where the child's parents live. */
        CHOSEN,
        /** The province's one agency of that level, e.g. the provincial police. */
        PROVINCIAL
    }
}
