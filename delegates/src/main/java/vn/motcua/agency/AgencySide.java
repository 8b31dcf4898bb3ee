package vn.motcua.agency;

/**
 * Which of a dossier's agencies a step belongs to: the desk that received it, the agency competent to decide,
 * or the desk where the citizen chose to collect the result (Nghị định 118/2025/NĐ-CP: receiving and returning
 * regardless of administrative boundaries).
 */
public enum AgencySide {
    RECEIVING("receiving"),
    COMPETENT("competent"),
    RETURN("return");

    private final String value;

    AgencySide(String value) {
        this.value = value;
    }

    /** The word a BPMN user task's extension property {@value TaskRouting#AGENCY_PROPERTY} uses. */
    public String value() {
        return value;
    }

    public static AgencySide ofValue(String value) {
        for (AgencySide side : values()) {
            if (side.value.equals(value)) {
                return side;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not receiving, competent or return");
    }
}
