package vn.motcua.procedure;

import java.util.List;
import vn.motcua.agency.AgencyLevel;
import vn.motcua.calendar.TimeLimitKind;

/**
 * What {@code procedure.yaml} says about a procedure. Deployed with its BPMN, so every process
 * definition version carries the rules (time limit, documents) it was started under.
 *
 * @param key                  the folder name, which is also the BPMN process id
 * @param nationalCode         the code in the national database of administrative procedures
 * @param timeLimit            the legal time limit (an old file's {@code timeLimitWorkingDays: N} reads as N working days)
 * @param legalBasis           the legal texts the procedure rests on, each with number, date and articles
 * @param unconfirmed          facts of this file its author could not confirm against an official text
 */
public record ProcedureDescriptor(
        String key,
        String nationalCode,
        LocalizedText name,
        String field,
        AgencyLevel agencyLevel,
        CompetentAgency competentAgency,
        Boolean receivingAnywhere,
        TimeLimit timeLimit,
        ServiceLevel serviceLevel,
        List<RequiredDocument> requiredDocuments,
        List<LegalBasis> legalBasis,
        List<Unconfirmed> unconfirmed,
        FeeTerms fee) {

    public ProcedureDescriptor {
        competentAgency = competentAgency == null ? CompetentAgency.RECEIVING : competentAgency;
        receivingAnywhere = receivingAnywhere != null && receivingAnywhere;
        requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
        unconfirmed = unconfirmed == null ? List.of() : List.copyOf(unconfirmed);
    }

    /**
     * The legal time limit from the receipt of a complete dossier.
     *
     * @param days                     0 means the same working day
     * @param kind                     working days or days, as the legal text says
     * @param maxExtensionWorkingDays  how many working days the receiving clerk may add, with a reason, where the
     *                                 law allows it (e.g. many copies to certify); 0 when it does not
     */
    public record TimeLimit(Integer days, TimeLimitKind kind, Integer maxExtensionWorkingDays) {
        public TimeLimit {
            maxExtensionWorkingDays = maxExtensionWorkingDays == null ? 0 : maxExtensionWorkingDays;
        }

        /** As the law writes it: "10 ngày", "03 ngày làm việc", "trong ngày". */
        public String describeVi() {
            return days == 0 ? "trong ngày làm việc" : days + " " + kind.unitVi();
        }
    }

    /**
     * A legal text the procedure rests on.
     *
     * @param number      its number, e.g. {@code 168/2025/NĐ-CP}, or the law's name and number
     * @param date        the day it was issued or passed, {@code yyyy-MM-dd}
     * @param title       what it is about, in Vietnamese
     * @param articles    the articles this procedure follows, e.g. "Điều 20 khoản 2"
     * @param unconfirmed true when what is cited was not checked against the official text
     * @param note        why it is cited, or what is not confirmed
     */
    public record LegalBasis(
            String number, String date, String title, String articles, Boolean unconfirmed, String note) {
        public LegalBasis {
            unconfirmed = unconfirmed != null && unconfirmed;
        }
    }

    /**
     * When the law has the fee paid, for a procedure with a fee table (docs/fees.md): the BPMN's payment step stands
     * before the receipt ({@link PaidOn#SUBMISSION}) or after it ({@link PaidOn#RECEIPT}).
     *
     * @param legalBasis the text that says so
     */
    public record FeeTerms(PaidOn paidOn, String legalBasis) {}

    /** The moment the fee is paid. */
    public enum PaidOn {
        /** With the application: the dossier is received (and its time limit starts) once paid. */
        SUBMISSION,
        /** Once the dossier is received, before it is processed; the clock stops while the citizen pays. */
        RECEIPT
    }

    /** A fact of the file not confirmed against an official text: which key, and what is doubtful. */
    public record Unconfirmed(String about, String note) {}

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
