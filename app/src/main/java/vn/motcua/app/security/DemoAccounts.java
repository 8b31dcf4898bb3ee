package vn.motcua.app.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A sample agency and one account per staff group, password {@value #PASSWORD}, each a member of that
 * agency, for trying the application out on its embedded defaults. Created only if missing: a restart
 * changes nothing, and a password changed in Camunda Admin stays changed. Never registered on configured
 * infrastructure unless {@value DemoAccountsCondition#PROPERTY} says so (see {@link DemoAccountsCondition}).
 */
public class DemoAccounts {

    public static final String AGENCY_CODE = "000.00.99.H99";
    public static final String AGENCY_NAME = "UBND xã Một Cửa Mẫu";
    public static final String PASSWORD = "demo";

    /** lastName holds "họ và tên đệm", firstName "tên": Vietnamese names sort by the given name. */
    public static final List<Account> ACCOUNTS = List.of(
            new Account("tiepnhan01", "Nguyễn Thị", "Hoa", StaffGroups.TIEPNHAN),
            new Account("chuyenvien01", "Trần Văn", "Bình", StaffGroups.CHUYENVIEN),
            new Account("lanhdao01", "Lê Minh", "Cường", StaffGroups.LANHDAO),
            new Account("quantri01", "Phạm Quốc", "Dũng", StaffGroups.ADMIN));

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final IdentityService identityService;
    private final JdbcTemplate jdbc;

    public DemoAccounts(IdentityService identityService, JdbcTemplate jdbc) {
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    /** Expects the groups to exist already ({@link AccessModel#ensure()}). */
    public void ensure() {
        jdbc.update(
                "insert into agency (code, name, level) values (?, ?, 'COMMUNE') on conflict (code) do nothing",
                AGENCY_CODE,
                AGENCY_NAME);
        if (identityService.isReadOnly()) {
            log.warn("The Camunda identity service is read-only: no demo accounts created");
            return;
        }
        for (Account account : ACCOUNTS) {
            if (identityService.createUserQuery().userId(account.id()).count() == 0) {
                User user = identityService.newUser(account.id());
                user.setFirstName(account.firstName());
                user.setLastName(account.lastName());
                user.setPassword(PASSWORD);
                identityService.saveUser(user);
            }
            if (identityService
                            .createUserQuery()
                            .userId(account.id())
                            .memberOfGroup(account.groupId())
                            .count()
                    == 0) {
                identityService.createMembership(account.id(), account.groupId());
            }
            // Staff find the dossiers of their own agency only (docs/search.md).
            jdbc.update(
                    "insert into staff_agency (user_id, agency_code) values (?, ?) on conflict do nothing",
                    account.id(),
                    AGENCY_CODE);
        }
        log.warn("""
                DEMO ACCOUNTS ACTIVE: users {} exist with password "{}" (Camunda identity). \
                Fine on the embedded defaults; never expose this instance. \
                A start with spring.datasource.url set creates no accounts.""", ACCOUNTS.stream().map(Account::id).toList(), PASSWORD);
    }

    public record Account(String id, String lastName, String firstName, String groupId) {}
}
