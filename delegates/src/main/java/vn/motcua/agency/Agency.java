package vn.motcua.agency;

import java.time.LocalDate;

/**
 * A unit of the administration as data: its electronic unit code (mã định danh điện tử, the form
 * {@code V1V2V3.Z1Z2.Y1Y2.MX1X2} that starts every dossier code it receives), its name, level and place.
 *
 * @param provinceCode the province it belongs to (a province is its own)
 * @param hasDesk      whether it has a one-stop desk (bộ phận một cửa) that receives and returns dossiers
 * @param activeFrom   first day it exists, or null
 * @param activeTo     last day it exists (merged, dissolved), or null while it goes on
 * @param mergedInto   the agency that took over its work when it was merged, or null
 */
public record Agency(
        String code,
        String name,
        AgencyLevel level,
        String parentCode,
        String provinceCode,
        boolean hasDesk,
        LocalDate activeFrom,
        LocalDate activeTo,
        String mergedInto) {

    public boolean activeOn(LocalDate day) {
        return (activeFrom == null || !day.isBefore(activeFrom)) && (activeTo == null || !day.isAfter(activeTo));
    }
}
