package vn.motcua.app.security;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * The Camunda groups the procedures' user tasks name as candidate groups, plus the administrators.
 * Ids stay alphanumeric: Camunda accepts only {@code [a-zA-Z0-9]+} (and {@code camunda-admin}) by default.
 * Spring Security sees each group as the authority {@code ROLE_<id>}.
 */
public final class StaffGroups {

    /** Bộ phận tiếp nhận và trả kết quả: desk clerks who receive dossiers and return results. */
    public static final String TIEPNHAN = "tiepnhan";
    /** Chuyên viên: specialists who examine dossiers. */
    public static final String CHUYENVIEN = "chuyenvien";
    /** Lãnh đạo: leaders who approve and sign. */
    public static final String LANHDAO = "lanhdao";
    /** Quản trị hệ thống: Camunda's own administrators group, full access. */
    public static final String ADMIN = Groups.CAMUNDA_ADMIN;

    /** The groups that work on tasks in Tasklist. */
    public static final List<String> CLERKS = List.of(TIEPNHAN, CHUYENVIEN, LANHDAO);

    public static final String ROLE_PREFIX = "ROLE_";

    private StaffGroups() {}

    public static String displayName(String groupId) {
        return switch (groupId) {
            case TIEPNHAN -> "Bộ phận tiếp nhận và trả kết quả";
            case CHUYENVIEN -> "Chuyên viên";
            case LANHDAO -> "Lãnh đạo";
            case ADMIN -> "Quản trị hệ thống";
            default -> groupId;
        };
    }
}
