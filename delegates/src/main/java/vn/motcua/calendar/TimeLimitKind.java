package vn.motcua.calendar;

/**
 * What a procedure's time limit counts, as its legal text says: "ngày làm việc" (working days) or "ngày"
 * (days, the calendar's every day; Bộ luật Dân sự 2015, Điều 147-148, for how a period in days runs).
 */
public enum TimeLimitKind {
    /** "… ngày làm việc": only working days of the calendar count. */
    WORKING("ngày làm việc", "working days"),
    /** "… ngày": every day counts; a period ending on a day off runs to the close of the next working day. */
    CALENDAR("ngày", "days");

    private final String unitVi;
    private final String unitEn;

    TimeLimitKind(String unitVi, String unitEn) {
        this.unitVi = unitVi;
        this.unitEn = unitEn;
    }

    /** The unit as the law writes it, e.g. "10 ngày", "3 ngày làm việc". */
    public String unitVi() {
        return unitVi;
    }

    public String unitEn() {
        return unitEn;
    }
}
