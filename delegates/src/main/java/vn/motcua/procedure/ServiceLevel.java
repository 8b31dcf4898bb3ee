package vn.motcua.procedure;

/**
 * The online public-service level of a procedure, named as Nghị định 42/2022/NĐ-CP names it (replacing the old
 * "mức độ 4" and "mức độ 3"): full-online ("toàn trình") runs every step online and returns the result online;
 * partial ("một phần") needs the citizen at the desk for some step, e.g. to show the originals or collect the result.
 */
public enum ServiceLevel {
    FULL_ONLINE("Dịch vụ công trực tuyến toàn trình", "Full online public service"),
    PARTIAL("Dịch vụ công trực tuyến một phần", "Partial online public service");

    private final String nameVi;
    private final String nameEn;

    ServiceLevel(String nameVi, String nameEn) {
        this.nameVi = nameVi;
        this.nameEn = nameEn;
    }

    /** The legal name, shown to citizens. */
    public String nameVi() {
        return nameVi;
    }

    public String nameEn() {
        return nameEn;
    }
}
