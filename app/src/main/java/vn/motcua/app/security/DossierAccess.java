package vn.motcua.app.security;

import java.security.Principal;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.motcua.agency.AgencySide;
import vn.motcua.agency.StaffRole;
import vn.motcua.app.agency.StaffDirectory;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.UnknownDossierException;

/**
 * The agency check of every staff action on a dossier: the signed-in user must hold one of the allowed roles at
 * the dossier's agency on the allowed side (the receiving desk, the competent agency, the return desk).
 * Spring Security's role check comes first; this one says at which agency.
 */
@Component
public class DossierAccess {

    private final DossierRepository dossiers;
    private final StaffDirectory staff;

    public DossierAccess(DossierRepository dossiers, StaffDirectory staff) {
        this.dossiers = dossiers;
        this.staff = staff;
    }

    /**
     * @param allowed for each side of the dossier, the roles that may act there
     * @throws UnknownDossierException when there is no such dossier
     * @throws AgencyAccessException when the user holds none of them there
     */
    public Dossier require(Principal user, String dossierCode, Map<AgencySide, Set<StaffRole>> allowed) {
        Dossier dossier = dossiers.findByCode(dossierCode).orElseThrow(() -> new UnknownDossierException(dossierCode));
        for (var entry : allowed.entrySet()) {
            if (staff.hasRole(user.getName(), agencyOn(dossier, entry.getKey()), entry.getValue())) {
                return dossier;
            }
        }
        throw new AgencyAccessException(
                "User " + user.getName() + " has no role at this dossier's agencies that allows this action.");
    }

    /**
     * Whether the user holds one of the allowed roles on a side of this dossier: what {@link #require} checks, asked
     * beforehand, e.g. to offer a page's action only to those it would not refuse.
     */
    public boolean may(Principal user, Dossier dossier, Map<AgencySide, Set<StaffRole>> allowed) {
        if (user == null) {
            return false;
        }
        for (var entry : allowed.entrySet()) {
            String agency = agencyOn(dossier, entry.getKey());
            if (agency != null && staff.hasRole(user.getName(), agency, entry.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** The user must hold the role at the agency (e.g. a desk clerk taking a dossier in at their own desk). */
    public void requireAt(Principal user, String agencyCode, StaffRole role) {
        if (!staff.hasRole(user.getName(), agencyCode, Set.of(role))) {
            throw new AgencyAccessException(
                    "User " + user.getName() + " is not " + role + " at agency " + agencyCode + ".");
        }
    }

    /** The user must hold one of the roles at the agency (e.g. any staff member exporting its register). */
    public void requireAnyAt(Principal user, String agencyCode, Set<StaffRole> roles) {
        if (!staff.hasRole(user.getName(), agencyCode, roles)) {
            throw new AgencyAccessException(
                    "User " + user.getName() + " has none of the roles " + roles + " at agency " + agencyCode + ".");
        }
    }

    private static String agencyOn(Dossier d, AgencySide side) {
        return switch (side) {
            case RECEIVING -> d.receivingAgencyCode();
            case COMPETENT -> d.competentAgencyCode();
            case RETURN -> d.returnAgencyCode();
        };
    }
}
