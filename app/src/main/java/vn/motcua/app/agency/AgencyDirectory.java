package vn.motcua.app.agency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.agency.Agency;
import vn.motcua.agency.AgencyLevel;
import vn.motcua.agency.AgencyRepository;
import vn.motcua.agency.StaffRole;

/**
 * The agencies of the installation, as operators keep them: from the agencies file at start-up and through
 * {@code /api/admin/agencies}. Saving an agency also makes its task groups in the engine (one per role that
 * works on dossiers), so its staff can be given tasks the moment it exists.
 */
@Service
public class AgencyDirectory {

    private final AgencyRepository agencies;
    private final CamundaGroups groups;
    private final Clock clock;

    public AgencyDirectory(AgencyRepository agencies, CamundaGroups groups, Clock clock) {
        this.agencies = agencies;
        this.groups = groups;
        this.clock = clock;
    }

    public List<Agency> all() {
        return agencies.all();
    }

    public Optional<Agency> find(String code) {
        return agencies.find(code);
    }

    /**
     * Creates or replaces agencies, in an order where parents come first, deriving each one's province from its
     * parents (a province is its own). All or nothing.
     *
     * @throws AgencyDefinitionException naming what is wrong
     */
    @Transactional
    public List<Agency> saveAll(List<AgencyDefinition> definitions) {
        Map<String, AgencyDefinition> byCode = new HashMap<>();
        for (AgencyDefinition d : definitions) {
            d.check();
            if (byCode.put(d.code(), d) != null) {
                throw new AgencyDefinitionException(d.code() + " is listed twice");
            }
        }
        List<Agency> saved = new ArrayList<>();
        for (AgencyDefinition d : definitions) {
            saveWithParents(d, byCode, saved, new ArrayList<>());
        }
        return saved;
    }

    private Agency saveWithParents(
            AgencyDefinition d, Map<String, AgencyDefinition> batch, List<Agency> saved, List<String> path) {
        for (Agency done : saved) {
            if (done.code().equals(d.code())) {
                return done;
            }
        }
        if (path.contains(d.code())) {
            throw new AgencyDefinitionException(
                    "parents form a circle: " + String.join(" → ", path) + " → " + d.code());
        }
        path.add(d.code());
        String province;
        if (d.level() == AgencyLevel.PROVINCE) {
            province = d.code();
        } else if (d.parent() == null) {
            province = null; // a central body
        } else {
            Agency parent = batch.containsKey(d.parent())
                    ? saveWithParents(batch.get(d.parent()), batch, saved, path)
                    : agencies.find(d.parent())
                            .orElseThrow(() -> new AgencyDefinitionException(
                                    d.code() + ": parent " + d.parent() + " is not a known agency"));
            province = parent.provinceCode();
        }
        if (d.level() != AgencyLevel.CENTRAL && province == null) {
            throw new AgencyDefinitionException(d.code() + ": a " + d.level() + " needs a parent within a province");
        }
        if (d.mergedInto() != null
                && !batch.containsKey(d.mergedInto())
                && agencies.find(d.mergedInto()).isEmpty()) {
            throw new AgencyDefinitionException(d.code() + ": mergedInto " + d.mergedInto() + " is not a known agency");
        }
        Agency agency = d.toAgency(province);
        if (d.mergedInto() != null && batch.containsKey(d.mergedInto())) {
            // the successor must exist before the row that points at it
            saveWithParents(batch.get(d.mergedInto()), batch, saved, path);
        }
        agencies.save(agency);
        ensureTaskGroups(agency);
        saved.add(agency);
        return agency;
    }

    /** Ends an agency on a day (a merger or dissolution); its dossiers and their history stay. */
    @Transactional
    public Agency deactivate(String code, LocalDate lastDay, String mergedInto) {
        Agency a = agencies.find(code).orElseThrow(() -> new UnknownAgencyException(code));
        if (mergedInto != null && agencies.find(mergedInto).isEmpty()) {
            throw new AgencyDefinitionException("mergedInto " + mergedInto + " is not a known agency");
        }
        Agency ended = new Agency(
                a.code(),
                a.name(),
                a.level(),
                a.parentCode(),
                a.provinceCode(),
                a.hasDesk(),
                a.activeFrom(),
                lastDay == null ? LocalDate.now(clock) : lastDay,
                mergedInto);
        agencies.save(ended);
        return ended;
    }

    /**
     * Deletes an agency entered by mistake.
     *
     * @throws AgencyInUseException when a dossier names it: those are deactivated, never deleted
     */
    @Transactional
    public void delete(String code) {
        agencies.find(code).orElseThrow(() -> new UnknownAgencyException(code));
        long dossiers = agencies.dossierCount(code);
        if (dossiers > 0) {
            throw new AgencyInUseException(code, dossiers);
        }
        agencies.delete(code);
    }

    private void ensureTaskGroups(Agency agency) {
        for (StaffRole role : StaffRole.values()) {
            if (role.worksOnDossiers()) {
                groups.ensure(
                        role.groupAt(agency.code()),
                        role.displayName() + " — " + agency.name(),
                        Groups.GROUP_TYPE_WORKFLOW);
            }
        }
    }
}
