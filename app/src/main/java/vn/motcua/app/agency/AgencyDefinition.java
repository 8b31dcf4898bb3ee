package vn.motcua.app.agency;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.util.regex.Pattern;
import vn.motcua.agency.Agency;
import vn.motcua.agency.AgencyLevel;

/**
 * An agency as an operator writes it, in the agencies file or a request to {@code /api/admin/agencies}.
 *
 * @param code       the electronic unit code, {@code V1V2V3.Z1Z2.Y1Y2.MX1X2} (e.g. {@code 000.00.17.H26})
 * @param parent     the agency above it (a commune's province, a department's province); none for a province
 * @param hasDesk    whether it has a one-stop desk; true unless said otherwise
 * @param activeFrom first day it exists (yyyy-MM-dd), or none
 * @param activeTo   last day it exists, or none
 * @param mergedInto the agency that took its work over
 */
public record AgencyDefinition(
        String code,
        String name,
        AgencyLevel level,
        String parent,
        Boolean hasDesk,
        @JsonFormat(pattern = "yyyy-MM-dd") LocalDate activeFrom,
        @JsonFormat(pattern = "yyyy-MM-dd") LocalDate activeTo,
        String mergedInto) {

    /** Thông tư 01/2018/TT-VPCP's unit code: three digits, two, two, then a letter and two digits. */
    static final Pattern UNIT_CODE = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");

    void check() {
        if (code == null || !UNIT_CODE.matcher(code).matches()) {
            throw new AgencyDefinitionException(
                    "code '" + code + "' is not an electronic unit code like 000.00.17.H26");
        }
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new AgencyDefinitionException(code + ": name is required (at most 255 characters)");
        }
        if (level == null) {
            throw new AgencyDefinitionException(
                    code + ": level is required (PROVINCE, COMMUNE, DEPARTMENT, POLICE or CENTRAL)");
        }
        if (activeFrom != null && activeTo != null && activeTo.isBefore(activeFrom)) {
            throw new AgencyDefinitionException(code + ": activeTo is before activeFrom");
        }
        if (code.equals(parent) || code.equals(mergedInto)) {
            throw new AgencyDefinitionException(code + ": an agency is not its own parent or successor");
        }
    }

    Agency toAgency(String provinceCode) {
        return new Agency(
                code,
                name.strip(),
                level,
                parent,
                provinceCode,
                hasDesk == null || hasDesk,
                activeFrom,
                activeTo,
                mergedInto);
    }

    static AgencyDefinition of(Agency a) {
        return new AgencyDefinition(
                a.code(),
                a.name(),
                a.level(),
                a.parentCode(),
                a.hasDesk(),
                a.activeFrom(),
                a.activeTo(),
                a.mergedInto());
    }
}
