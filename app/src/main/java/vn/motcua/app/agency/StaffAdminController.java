package vn.motcua.app.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.app.agency.StaffDirectory.Membership;

/**
 * Administrators keep the staff: their accounts (Camunda's identity service, the one user directory) and their
 * roles at agencies (docs/agencies.md).
 */
@RestController
@RequestMapping("/api/admin/staff")
@Tag(name = "Staff", description = "Cán bộ: tài khoản, cơ quan và vai trò")
class StaffAdminController {

    /** Camunda's default user id rule. */
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]{1,64}");

    private static final int MIN_PASSWORD = 8;

    private final StaffDirectory staff;
    private final IdentityService identityService;

    StaffAdminController(StaffDirectory staff, IdentityService identityService) {
        this.staff = staff;
        this.identityService = identityService;
    }

    /** A staff member as administrators see them (never a password). */
    record StaffView(String userId, String firstName, String lastName, String email, List<Membership> memberships) {}

    /** What an administrator sends; a password is required for a new account and optional later. */
    record StaffChange(
            String firstName, String lastName, String email, String password, List<Membership> memberships) {}

    @GetMapping
    @Operation(summary = "Every account with its agencies and roles (at most 2,000)")
    List<StaffView> list() {
        return identityService.createUserQuery().orderByUserId().asc().listPage(0, 2000).stream()
                .map(this::view)
                .toList();
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One account with its agencies and roles")
    StaffView get(@PathVariable String userId) {
        return view(user(userId));
    }

    @PutMapping("/{userId}")
    @Transactional
    @Operation(
            summary = "Create or change an account and replace its agencies and roles",
            description = "Roles: DESK_CLERK, SPECIALIST, LEADER, DESIGNER, ADMINISTRATOR. The account's Camunda "
                    + "groups follow: the roles' groups and, for desk clerks, specialists and leaders, the role's "
                    + "group at each agency, which gets that agency's tasks. 400 for an unknown agency or role, a "
                    + "new account without a password of at least 8 characters, or a bad user id.")
    StaffView put(@PathVariable String userId, @RequestBody StaffChange change) {
        if (!USER_ID.matcher(userId).matches()) {
            throw new AgencyDefinitionException("userId must be 1 to 64 letters and digits");
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        boolean created = user == null;
        if (created) {
            if (change.password() == null || change.password().length() < MIN_PASSWORD) {
                throw new AgencyDefinitionException("password: a new account needs at least 8 characters");
            }
            user = identityService.newUser(userId);
        }
        if (change.firstName() != null) {
            user.setFirstName(change.firstName().strip());
        }
        if (change.lastName() != null) {
            user.setLastName(change.lastName().strip());
        }
        if (change.email() != null) {
            user.setEmail(change.email().strip());
        }
        if (change.password() != null) {
            if (change.password().length() < MIN_PASSWORD) {
                throw new AgencyDefinitionException("password: at least 8 characters");
            }
            user.setPassword(change.password());
        }
        identityService.saveUser(user);
        if (change.memberships() != null) {
            staff.replace(userId, change.memberships());
        }
        return view(user);
    }

    private User user(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw new UnknownStaffException(userId);
        }
        return user;
    }

    private StaffView view(User user) {
        return new StaffView(
                user.getId(),
                user.getFirstName(),
                user.getLastName(),
                user.getEmail(),
                staff.membershipsOf(user.getId()));
    }
}
