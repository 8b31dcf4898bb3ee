package vn.motcua.app.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import vn.motcua.agency.StaffRole;
import vn.motcua.app.agency.AgencyDirectory;
import vn.motcua.app.agency.AgencyFile;
import vn.motcua.app.agency.StaffDirectory;
import vn.motcua.app.agency.StaffDirectory.Membership;

/**
 * The sample province ({@code agencies/sample-province.yaml}) and accounts in it, password {@value #PASSWORD},
 * for trying the application out on its embedded defaults: staff of two communes, so that each commune's
 * isolation from the other can be seen, staff of the provincial police (judicial records), a designer and an
 * administrator. Created only if missing: a restart changes nothing, and a password changed in Camunda Admin or
 * an agency renamed through the API stays changed. Never registered on configured infrastructure unless
 * {@value DemoAccountsCondition#PROPERTY} says so (see {@link DemoAccountsCondition}).
 */
public class DemoAccounts {

    public static final String PROVINCE_CODE = "000.00.00.H99";
    public static final String POLICE_CODE = "000.00.01.H99";
    public static final String AGENCY_CODE = "000.00.99.H99";
    public static final String AGENCY_NAME = "UBND xã Một Cửa Mẫu";
    /** The second demo commune, whose staff must see nothing of the first's. */
    public static final String OTHER_AGENCY_CODE = "000.00.98.H99";

    public static final String PASSWORD = "demo";
    static final String SAMPLE_PROVINCE = "agencies/sample-province.yaml";

    /** lastName holds "họ và tên đệm", firstName "tên": Vietnamese names sort by the given name. */
    public static final List<Account> ACCOUNTS = List.of(
            new Account("tiepnhan01", "Nguyễn Thị", "Hoa", AGENCY_CODE, StaffRole.DESK_CLERK),
            new Account("chuyenvien01", "Trần Văn", "Bình", AGENCY_CODE, StaffRole.SPECIALIST),
            new Account("lanhdao01", "Lê Minh", "Cường", AGENCY_CODE, StaffRole.LEADER),
            new Account("tiepnhan02", "Vũ Thị", "Lan", OTHER_AGENCY_CODE, StaffRole.DESK_CLERK),
            new Account("chuyenvien02", "Đỗ Văn", "Nam", OTHER_AGENCY_CODE, StaffRole.SPECIALIST),
            new Account("lanhdao02", "Hoàng Minh", "Tuấn", OTHER_AGENCY_CODE, StaffRole.LEADER),
            new Account("chuyenvienca01", "Bùi Văn", "Hải", POLICE_CODE, StaffRole.SPECIALIST),
            new Account("lanhdaoca01", "Ngô Quang", "Vinh", POLICE_CODE, StaffRole.LEADER),
            new Account("thietke01", "Phan Thu", "Trang", PROVINCE_CODE, StaffRole.DESIGNER),
            // a member of the first commune too, so the search shows an administrator its dossiers
            new Account("quantri01", "Phạm Quốc", "Dũng", AGENCY_CODE, StaffRole.ADMINISTRATOR));

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final IdentityService identityService;
    private final AgencyDirectory agencies;
    private final StaffDirectory staff;

    public DemoAccounts(IdentityService identityService, AgencyDirectory agencies, StaffDirectory staff) {
        this.identityService = identityService;
        this.agencies = agencies;
        this.staff = staff;
    }

    /** Expects the role groups to exist already ({@link AccessModel#ensure()}). */
    public void ensure() {
        if (agencies.find(PROVINCE_CODE).isEmpty()) {
            agencies.saveAll(AgencyFile.read(new ClassPathResource(SAMPLE_PROVINCE)));
        }
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
                staff.replace(account.id(), List.of(new Membership(account.agencyCode(), Set.of(account.role()))));
            }
        }
        log.warn("""
                DEMO ACCOUNTS ACTIVE: users {} exist with password "{}" (Camunda identity). \
                Fine on the embedded defaults; never expose this instance. \
                A start with spring.datasource.url set creates no accounts.""", ACCOUNTS.stream().map(Account::id).toList(), PASSWORD);
    }

    public record Account(String id, String lastName, String firstName, String agencyCode, StaffRole role) {}
}
