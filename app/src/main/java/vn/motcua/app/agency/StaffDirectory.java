package vn.motcua.app.agency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.agency.AgencyRepository;
import vn.motcua.agency.StaffRole;

/**
 * Which agencies each staff member belongs to and in which roles (tables {@code staff_agency},
 * {@code staff_agency_role}). These rows are the truth; the user's Camunda memberships follow them: the role
 * groups (the application's permissions) and, for roles that work on dossiers, the role's group at each agency
 * (the tasks). A member of an agency without a role there finds its dossiers but gets none of its tasks.
 */
@Service
public class StaffDirectory {

    private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);

    private final JdbcTemplate jdbc;
    private final IdentityService identityService;
    private final AgencyRepository agencies;
    private final CamundaGroups groups;

    public StaffDirectory(
            JdbcTemplate jdbc, IdentityService identityService, AgencyRepository agencies, CamundaGroups groups) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.agencies = agencies;
        this.groups = groups;
    }

    /** A staff member's place at one agency. */
    public record Membership(String agencyCode, Set<StaffRole> roles) {
        public Membership {
            roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        }
    }

    /** The agencies a user belongs to, in code order: whose dossiers they find. */
    public List<String> agenciesOf(String userId) {
        return jdbc.queryForList(
                "select agency_code from staff_agency where user_id = ? order by agency_code", String.class, userId);
    }

    /** Whether the user has one of the roles at the agency. */
    public boolean hasRole(String userId, String agencyCode, Set<StaffRole> roles) {
        if (agencyCode == null || roles.isEmpty()) {
            return false;
        }
        List<String> held = jdbc.queryForList(
                "select role from staff_agency_role where user_id = ? and agency_code = ?",
                String.class,
                userId,
                agencyCode);
        return held.stream().map(StaffRole::valueOf).anyMatch(roles::contains);
    }

    public List<Membership> membershipsOf(String userId) {
        Map<String, Set<StaffRole>> byAgency = new LinkedHashMap<>();
        for (String agency : agenciesOf(userId)) {
            byAgency.put(agency, EnumSet.noneOf(StaffRole.class));
        }
        jdbc.query(
                "select agency_code, role from staff_agency_role where user_id = ?",
                rs -> {
                    byAgency.computeIfAbsent(rs.getString(1), a -> EnumSet.noneOf(StaffRole.class))
                            .add(StaffRole.valueOf(rs.getString(2)));
                },
                userId);
        List<Membership> memberships = new ArrayList<>();
        byAgency.forEach((agency, roles) -> memberships.add(new Membership(agency, roles)));
        return memberships;
    }

    /**
     * Replaces all of a user's memberships and brings their Camunda memberships in line.
     *
     * @throws AgencyDefinitionException naming an unknown agency
     */
    @Transactional
    public List<Membership> replace(String userId, List<Membership> memberships) {
        for (Membership m : memberships) {
            if (agencies.find(m.agencyCode()).isEmpty()) {
                throw new AgencyDefinitionException("memberships: " + m.agencyCode() + " is not a known agency");
            }
        }
        jdbc.update("delete from staff_agency where user_id = ?", userId); // cascades to the roles
        for (Membership m : memberships) {
            jdbc.update(
                    "insert into staff_agency (user_id, agency_code) values (?, ?) on conflict do nothing",
                    userId,
                    m.agencyCode());
            for (StaffRole role : m.roles()) {
                jdbc.update(
                        "insert into staff_agency_role (user_id, agency_code, role) values (?, ?, ?)"
                                + " on conflict do nothing",
                        userId,
                        m.agencyCode(),
                        role.name());
            }
        }
        syncEngineGroups(userId);
        return membershipsOf(userId);
    }

    /** Adds one role at one agency, keeping the rest. */
    @Transactional
    public List<Membership> add(String userId, String agencyCode, StaffRole role) {
        List<Membership> memberships = new ArrayList<>();
        boolean found = false;
        for (Membership m : membershipsOf(userId)) {
            if (m.agencyCode().equals(agencyCode)) {
                Set<StaffRole> roles = EnumSet.of(role);
                roles.addAll(m.roles());
                memberships.add(new Membership(agencyCode, roles));
                found = true;
            } else {
                memberships.add(m);
            }
        }
        if (!found) {
            memberships.add(new Membership(agencyCode, Set.of(role)));
        }
        return replace(userId, memberships);
    }

    /** Brings every staff member's Camunda memberships in line with their rows (at start-up). */
    @Transactional
    public void syncAll() {
        for (String userId : jdbc.queryForList("select distinct user_id from staff_agency", String.class)) {
            if (identityService.createUserQuery().userId(userId).count() > 0) {
                syncEngineGroups(userId);
            }
        }
    }

    /** The Camunda groups a user must be in, from their rows: role groups and per-agency task groups. */
    Set<String> engineGroups(List<Membership> memberships) {
        Set<String> groups = new LinkedHashSet<>();
        for (Membership m : memberships) {
            for (StaffRole role : m.roles()) {
                groups.add(role.groupId());
                if (role.worksOnDossiers()) {
                    groups.add(role.groupAt(m.agencyCode()));
                }
            }
        }
        return groups;
    }

    private void syncEngineGroups(String userId) {
        if (identityService.isReadOnly()) {
            log.warn("Identity service is read-only: Camunda memberships of {} are the directory's to keep", userId);
            return;
        }
        Set<String> wanted = engineGroups(membershipsOf(userId));
        Set<String> present = new LinkedHashSet<>();
        for (Group group :
                identityService.createGroupQuery().groupMember(userId).list()) {
            present.add(group.getId());
        }
        for (String group : present) {
            if (managed(group) && !wanted.contains(group)) {
                identityService.deleteMembership(userId, group);
            }
        }
        for (String group : wanted) {
            if (!present.contains(group)) {
                groups.ensure(group, group, Groups.GROUP_TYPE_WORKFLOW);
                identityService.createMembership(userId, group);
            }
        }
    }

    /** Groups whose memberships these rows decide: the roles' and the per-agency task groups. */
    private static boolean managed(String group) {
        for (StaffRole role : StaffRole.values()) {
            if (group.equals(role.groupId()) || group.startsWith(role.groupId() + "-")) {
                return true;
            }
        }
        return false;
    }
}
