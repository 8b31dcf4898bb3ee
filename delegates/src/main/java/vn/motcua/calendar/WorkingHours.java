package vn.motcua.calendar;

import java.time.LocalTime;

/**
 * The office day of the one-stop desk.
 *
 * @param opensAt         start of working hours; a dossier received earlier on a working day counts from here
 * @param closesAt        end of working hours; a dossier received at or after it counts from the next working day
 * @param sameDayCutOff   a same-day procedure (0 working days) received at or after this time is due the next working day
 */
public record WorkingHours(LocalTime opensAt, LocalTime closesAt, LocalTime sameDayCutOff) {

    public static final WorkingHours DEFAULT =
            new WorkingHours(LocalTime.of(7, 30), LocalTime.of(17, 0), LocalTime.of(15, 0));

    public WorkingHours {
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException(
                    "Working hours must open (" + opensAt + ") before they close (" + closesAt + ")");
        }
        if (sameDayCutOff.isBefore(opensAt) || sameDayCutOff.isAfter(closesAt)) {
            throw new IllegalArgumentException("The same-day cut-off " + sameDayCutOff
                    + " must lie within working hours " + opensAt + "–" + closesAt);
        }
    }
}
