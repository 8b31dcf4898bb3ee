package vn.motcua.agency;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a staff member does at an agency. Each role is a Camunda group (the application's permissions,
 * Spring Security's {@code ROLE_<group>}); the three roles that work on dossiers also have one group per
 * agency, {@code <role>-<agency code>}, and the procedures' user tasks go to those (see {@link TaskRouting}).
 */
public enum StaffRole {
    /** Bộ phận tiếp nhận và trả kết quả: receives dossiers and returns results at the desk. */
    DESK_CLERK("tiepnhan", "Bộ phận tiếp nhận và trả kết quả", AgencySide.RECEIVING),
    /** Chuyên viên: examines dossiers and drafts results. */
    SPECIALIST("chuyenvien", "Chuyên viên", AgencySide.COMPETENT),
    /** Lãnh đạo: approves and signs. */
    LEADER("lanhdao", "Lãnh đạo", AgencySide.COMPETENT),
    /** Thiết kế quy trình: edits procedures; sees no dossier. */
    DESIGNER("thietke", "Thiết kế quy trình", null),
    /** Quản trị hệ thống: Camunda's own administrators group. */
    ADMINISTRATOR("camunda-admin", "Quản trị hệ thống", null);

    private final String groupId;
    private final String displayName;
    private final AgencySide defaultSide;

    StaffRole(String groupId, String displayName, AgencySide defaultSide) {
        this.groupId = groupId;
        this.displayName = displayName;
        this.defaultSide = defaultSide;
    }

    /** The role's Camunda group, e.g. {@code tiepnhan}. */
    public String groupId() {
        return groupId;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether the role works on dossiers, so has a group per agency and may be a task's candidate group. */
    public boolean worksOnDossiers() {
        return defaultSide != null;
    }

    /** Which of a dossier's agencies a task for this role goes to, unless the task says otherwise. */
    public AgencySide defaultSide() {
        return defaultSide;
    }

    /** The group of this role at one agency, e.g. {@code tiepnhan-000.00.99.H99}. */
    public String groupAt(String agencyCode) {
        if (!worksOnDossiers()) {
            throw new IllegalStateException(this + " has no group per agency");
        }
        return groupId + "-" + agencyCode;
    }

    public static Optional<StaffRole> ofGroup(String groupId) {
        return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
    }
}
