package vn.motcua.dossier;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.motcua.agency.Agency;
import vn.motcua.agency.AgencyRepository;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.procedure.ProcedureDescriptor;

/**
 * Decides a new dossier's three agencies: the desk that receives it (its code's unit), the agency competent to
 * decide it, by the rule its {@code procedure.yaml} declares, and the desk where the citizen collects the
 * result. Receiving at one desk for another agency, and returning at another desk, are allowed only for the
 * procedures the province receives regardless of administrative boundaries (Nghị định 118/2025/NĐ-CP).
 */
@Component
public class AgencyAssignment {

    static final String RECEIVING = "agencyCode";
    static final String COMPETENT = "competentAgencyCode";
    static final String RETURN = "returnAgencyCode";

    private final AgencyRepository agencies;

    public AgencyAssignment(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    /** A dossier's agencies; {@code null} members where {@code problems} says why. */
    public record Agencies(Agency receiving, Agency competent, Agency returning) {}

    public Agencies assign(
            ProcedureDescriptor procedure,
            String receivingCode,
            String competentCode,
            String returnCode,
            LocalDate day,
            List<FieldProblem> problems) {
        Agency receiving = desk(RECEIVING, receivingCode, day, problems).orElse(null);
        if (receiving == null) {
            return new Agencies(null, null, null);
        }
        Agency competent = competent(procedure, receiving, competentCode, day, problems);
        Agency returning = blank(returnCode)
                ? receiving
                : desk(RETURN, returnCode, day, problems)
                        .filter(a -> sameProvince(RETURN, receiving, a, problems))
                        .orElse(null);
        if (!procedure.receivingAnywhere()) {
            if (competent != null && !competent.code().equals(receiving.code())) {
                problems.add(new FieldProblem(
                        RECEIVING,
                        "this procedure is received only by the agency that decides it, " + competent.code()));
            }
            if (returning != null && !returning.code().equals(receiving.code())) {
                problems.add(new FieldProblem(RETURN, "this procedure's result is returned at the receiving desk"));
            }
        }
        return new Agencies(receiving, competent, returning);
    }

    private Agency competent(
            ProcedureDescriptor procedure,
            Agency receiving,
            String competentCode,
            LocalDate day,
            List<FieldProblem> problems) {
        String wanted = "a " + procedure.agencyLevel() + " agency";
        switch (procedure.competentAgency()) {
            case RECEIVING -> {
                if (!blank(competentCode) && !competentCode.equals(receiving.code())) {
                    problems.add(new FieldProblem(COMPETENT, "the receiving agency decides this procedure"));
                    return null;
                }
                if (receiving.level() != procedure.agencyLevel()) {
                    problems.add(new FieldProblem(RECEIVING, "does not decide this procedure: it needs " + wanted));
                    return null;
                }
                return receiving;
            }
            case CHOSEN -> {
                Optional<Agency> chosen =
                        blank(competentCode) ? Optional.of(receiving) : active(COMPETENT, competentCode, day, problems);
                if (chosen.isEmpty()) {
                    return null;
                }
                if (chosen.get().level() != procedure.agencyLevel()) {
                    problems.add(new FieldProblem(
                            COMPETENT, (blank(competentCode) ? "is required: name " : "must be ") + wanted));
                    return null;
                }
                return sameProvince(COMPETENT, receiving, chosen.get(), problems) ? chosen.get() : null;
            }
            case PROVINCIAL -> {
                Optional<Agency> provincial =
                        agencies.onlyOfLevel(receiving.provinceCode(), procedure.agencyLevel(), day);
                if (provincial.isEmpty()) {
                    problems.add(new FieldProblem(
                            RECEIVING,
                            "its province has no single " + procedure.agencyLevel() + " agency to decide it"));
                    return null;
                }
                if (!blank(competentCode)
                        && !competentCode.equals(provincial.get().code())) {
                    problems.add(new FieldProblem(
                            COMPETENT,
                            "this procedure is decided by " + provincial.get().code()));
                    return null;
                }
                return provincial.get();
            }
        }
        throw new IllegalStateException("Unknown rule " + procedure.competentAgency());
    }

    /** An active agency with a one-stop desk. */
    private Optional<Agency> desk(String field, String code, LocalDate day, List<FieldProblem> problems) {
        Optional<Agency> agency = active(field, code, day, problems);
        if (agency.isPresent() && !agency.get().hasDesk()) {
            problems.add(new FieldProblem(field, "has no one-stop desk"));
            return Optional.empty();
        }
        return agency;
    }

    private Optional<Agency> active(String field, String code, LocalDate day, List<FieldProblem> problems) {
        if (blank(code)) {
            problems.add(new FieldProblem(field, "is required"));
            return Optional.empty();
        }
        Optional<Agency> agency = agencies.find(code);
        if (agency.isEmpty()) {
            problems.add(new FieldProblem(field, "is not a known agency"));
        } else if (!agency.get().activeOn(day)) {
            problems.add(new FieldProblem(
                    field,
                    agency.get().mergedInto() == null
                            ? "is no longer active"
                            : "was merged into " + agency.get().mergedInto() + "; use that agency"));
            return Optional.empty();
        }
        return agency;
    }

    private static boolean sameProvince(String field, Agency receiving, Agency other, List<FieldProblem> problems) {
        if (receiving.provinceCode() == null || !receiving.provinceCode().equals(other.provinceCode())) {
            problems.add(new FieldProblem(field, "is not in the receiving agency's province"));
            return false;
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
